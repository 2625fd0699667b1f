import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * convertLead through the real jsforce client (conn.soap.convertLead) against an in-process
 * default org, checking the records it leaves behind through REST and SOQL as a harness would.
 */

// Mid-May, midday UTC: the same calendar day in every user time zone, in the second quarter.
const NOW = new Date('2025-05-14T12:00:00.000Z');
const END_OF_QUARTER = '2025-06-30';
const ADMIN = 'admin@golive.local';

let org: TestOrg;
let conn: Connection;
let seq = 0;

/** A lead with every standard field the conversion maps, made unique so queries can find its records. */
async function createLead(fields: Record<string, unknown> = {}): Promise<{ id: string; company: string; lastName: string }> {
  seq += 1;
  const company = `Convert Co ${seq}-${Date.now()}`;
  const lastName = `Lovelace${seq}`;
  const res = await conn.sobject('Lead').create({
    Salutation: 'Ms.',
    FirstName: 'Ada',
    LastName: lastName,
    Title: 'Chief Mathematician',
    Company: company,
    Email: `ada${seq}@engines.example`,
    Phone: '(415) 555-0142', // the default org's Lead.Phone_Format validation rule
    MobilePhone: '+44 7700 900000',
    Website: 'https://engines.example',
    Rating: 'Hot',
    LeadSource: 'Partner Referral',
    Industry: 'Engineering',
    AnnualRevenue: 2500000,
    NumberOfEmployees: 42,
    Street: '12 St James Square',
    City: 'London',
    State: 'Greater London',
    PostalCode: 'SW1Y 4JH',
    Country: 'United Kingdom',
    Description: 'Met at the demo',
    DoNotCall: true,
    HasOptedOutOfEmail: true,
    Region__c: 'West',
    ...fields,
  });
  assert.equal(res.success, true, JSON.stringify(res));
  return { id: res.id!, company, lastName };
}

async function count(soql: string): Promise<number> {
  return (await conn.query(soql)).totalSize;
}

const CONVERTED = 'Closed - Converted';

describe('convertLead over SOAP with jsforce', () => {
  before(async () => {
    org = await startTestOrg({ now: () => NOW });
    const admin = org.org.definition.users.find((u) => u.username === ADMIN);
    assert.ok(admin, `the default org defines ${ADMIN}`);
    conn = await org.login(ADMIN, admin.password);
  });
  after(async () => {
    await org?.close();
  });

  it('converts into a new account, contact and opportunity with the standard and custom mappings', async () => {
    const lead = await createLead();
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, true, JSON.stringify(result));
    assert.equal(result.leadId, lead.id);
    assert.match(result.accountId ?? '', /^001\w{15}$/);
    assert.match(result.contactId ?? '', /^003\w{15}$/);
    assert.match(result.opportunityId ?? '', /^006\w{15}$/);
    assert.deepEqual(result.errors, []);

    const account = await conn.sobject('Account').retrieve(result.accountId!);
    assert.equal(account.Name, lead.company);
    assert.equal(account.BillingStreet, '12 St James Square');
    assert.equal(account.BillingCity, 'London');
    assert.equal(account.BillingState, 'Greater London');
    assert.equal(account.BillingPostalCode, 'SW1Y 4JH');
    assert.equal(account.BillingCountry, 'United Kingdom');
    assert.equal(account.Phone, '(415) 555-0142');
    assert.equal(account.Website, 'https://engines.example');
    assert.equal(account.Industry, 'Engineering');
    assert.equal(account.AnnualRevenue, 2500000);
    assert.equal(account.NumberOfEmployees, 42);
    assert.equal(account.Rating, 'Hot');
    assert.equal(account.AccountSource, 'Partner Referral');
    assert.equal(account.Region__c, 'West', 'the default org maps Lead.Region__c to Account.Region__c');
    assert.equal(account.Description, null, 'Lead Description maps to the contact only');

    const contact = await conn.sobject('Contact').retrieve(result.contactId!);
    assert.equal(contact.AccountId, result.accountId);
    assert.equal(contact.Salutation, 'Ms.');
    assert.equal(contact.FirstName, 'Ada');
    assert.equal(contact.LastName, lead.lastName);
    assert.equal(contact.Title, 'Chief Mathematician');
    assert.equal(contact.Email, `ada${seq}@engines.example`);
    assert.equal(contact.Phone, '(415) 555-0142');
    assert.equal(contact.MobilePhone, '+44 7700 900000');
    assert.equal(contact.MailingStreet, '12 St James Square');
    assert.equal(contact.MailingCity, 'London');
    assert.equal(contact.MailingState, 'Greater London');
    assert.equal(contact.MailingPostalCode, 'SW1Y 4JH');
    assert.equal(contact.MailingCountry, 'United Kingdom');
    assert.equal(contact.LeadSource, 'Partner Referral');
    assert.equal(contact.Description, 'Met at the demo');
    assert.equal(contact.DoNotCall, true);
    assert.equal(contact.HasOptedOutOfEmail, true);

    const opp = await conn.sobject('Opportunity').retrieve(result.opportunityId!);
    assert.equal(opp.Name, lead.company);
    assert.equal(opp.AccountId, result.accountId);
    assert.equal(opp.StageName, 'Prospecting');
    assert.equal(opp.CloseDate, END_OF_QUARTER);
    assert.equal(opp.LeadSource, 'Partner Referral');
    assert.equal(opp.Amount, null);
    assert.equal(opp.IsClosed, false);

    const converted = await conn.sobject('Lead').retrieve(lead.id);
    assert.equal(converted.IsConverted, true);
    assert.equal(converted.ConvertedDate, '2025-05-14');
    assert.equal(converted.Status, CONVERTED);
    assert.equal(converted.ConvertedAccountId, result.accountId);
    assert.equal(converted.ConvertedContactId, result.contactId);
    assert.equal(converted.ConvertedOpportunityId, result.opportunityId);
    for (const [object, id] of [['Account', result.accountId], ['Contact', result.contactId], ['Opportunity', result.opportunityId]] as const) {
      const rec = await conn.sobject(object).retrieve(id!);
      assert.equal(rec.OwnerId, converted.OwnerId, `${object} is owned by the lead's owner`);
    }
  });

  it('converts into an existing account without overwriting its values', async () => {
    const acc = await conn.sobject('Account').create({ Name: `Existing ${Date.now()}`, Industry: 'Banking' });
    const lead = await createLead();
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED, accountId: acc.id! });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, true, JSON.stringify(result));
    assert.equal(result.accountId, acc.id);
    const account = await conn.sobject('Account').retrieve(acc.id!);
    assert.equal(account.Industry, 'Banking');
    assert.notEqual(account.Name, lead.company);
    assert.equal(account.Phone, '(415) 555-0142', 'a blank account field takes the lead value');
    assert.equal(await count(`SELECT Id FROM Account WHERE Name = '${lead.company}'`), 0);
    assert.equal((await conn.sobject('Contact').retrieve(result.contactId!)).AccountId, acc.id);
    assert.equal((await conn.sobject('Opportunity').retrieve(result.opportunityId!)).AccountId, acc.id);
  });

  it('converts into an existing account and contact, overwriting only LeadSource when asked', async () => {
    const acc = await conn.sobject('Account').create({ Name: `Existing ${Date.now()}` });
    const con = await conn.sobject('Contact').create({ AccountId: acc.id, LastName: 'King', Email: 'king@example.com', LeadSource: 'Web' });
    const lead = await createLead({ LeadSource: 'Phone Inquiry' });
    const result = await conn.soap.convertLead({
      leadId: lead.id,
      convertedStatus: CONVERTED,
      accountId: acc.id!,
      contactId: con.id!,
      overwriteLeadSource: true,
    });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, true, JSON.stringify(result));
    assert.equal(result.contactId, con.id);
    const contact = await conn.sobject('Contact').retrieve(con.id!);
    assert.equal(contact.LastName, 'King');
    assert.equal(contact.Email, 'king@example.com');
    assert.equal(contact.FirstName, 'Ada');
    assert.equal(contact.LeadSource, 'Phone Inquiry');
    assert.equal(contact.DoNotCall, false);
    assert.equal(await count(`SELECT Id FROM Contact WHERE LastName = '${lead.lastName}'`), 0);
  });

  it('creates no opportunity with doNotCreateOpportunity, and names it with opportunityName', async () => {
    const noOpp = await createLead();
    const task = await conn.sobject('Task').create({ Subject: 'Call back', WhoId: noOpp.id });
    const r1 = await conn.soap.convertLead({ leadId: noOpp.id, convertedStatus: CONVERTED, doNotCreateOpportunity: true });
    assert.ok(!Array.isArray(r1));
    assert.equal(r1.success, true, JSON.stringify(r1));
    assert.equal(r1.opportunityId, null);
    const moved = await conn.sobject('Task').retrieve(task.id!);
    assert.equal(moved.WhoId, r1.contactId, "the lead's task moves to the contact");
    assert.equal(moved.WhatId, r1.accountId, 'and is related to the account when there is no opportunity');
    assert.equal(await count(`SELECT Id FROM Opportunity WHERE Name = '${noOpp.company}'`), 0);
    assert.equal((await conn.sobject('Lead').retrieve(noOpp.id)).ConvertedOpportunityId, null);

    const named = await createLead();
    const r2 = await conn.soap.convertLead({ leadId: named.id, convertedStatus: CONVERTED, opportunityName: 'Engines pilot' });
    assert.ok(!Array.isArray(r2));
    assert.equal((await conn.sobject('Opportunity').retrieve(r2.opportunityId!)).Name, 'Engines pilot');
  });

  it('gives the new records to ownerId', async () => {
    const others = await conn.query<{ Id: string }>(`SELECT Id FROM User WHERE IsActive = true AND Username != '${ADMIN}' LIMIT 1`);
    assert.equal(others.records.length, 1, 'the default org has a second active user');
    const ownerId = others.records[0].Id;
    const lead = await createLead();
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED, ownerId });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, true, JSON.stringify(result));
    for (const [object, id] of [['Account', result.accountId], ['Contact', result.contactId], ['Opportunity', result.opportunityId]] as const) {
      assert.equal((await conn.sobject(object).retrieve(id!)).OwnerId, ownerId, object);
    }
  });

  it('gives the records of a queue-owned lead to the converting user', async () => {
    const queues = await conn.query<{ Id: string }>(`SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = 'Unassigned_Leads'`);
    assert.equal(queues.records.length, 1, 'the default org has the Unassigned_Leads queue');
    const lead = await createLead({ OwnerId: queues.records[0].Id });
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, true, JSON.stringify(result));
    const me = conn.userInfo?.id;
    assert.match(me ?? '', /^005\w{15}$/);
    for (const [object, id] of [['Account', result.accountId], ['Contact', result.contactId], ['Opportunity', result.opportunityId]] as const) {
      assert.equal((await conn.sobject(object).retrieve(id!)).OwnerId, me, object);
    }
  });

  it('refuses an unknown or non-converted status with INVALID_STATUS', async () => {
    const lead = await createLead();
    for (const convertedStatus of ['No Such Status', 'Working - Contacted']) {
      const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus });
      assert.ok(!Array.isArray(result));
      assert.equal(result.success, false);
      assert.equal(result.leadId, null);
      assert.equal(result.accountId, null);
      assert.equal(result.errors[0]?.statusCode, 'INVALID_STATUS');
      assert.equal(result.errors[0]?.message, `invalid convertedStatus: ${convertedStatus}`);
    }
    assert.equal((await conn.sobject('Lead').retrieve(lead.id)).IsConverted, false);
    assert.equal(await count(`SELECT Id FROM Account WHERE Name = '${lead.company}'`), 0);
  });

  it('refuses to convert a lead twice, and the converted lead cannot be updated through REST', async () => {
    const lead = await createLead();
    const first = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED });
    assert.ok(!Array.isArray(first));
    assert.equal(first.success, true, JSON.stringify(first));
    const again = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED });
    assert.ok(!Array.isArray(again));
    assert.equal(again.success, false);
    assert.equal(again.errors[0]?.statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
    assert.equal(await count(`SELECT Id FROM Account WHERE Name = '${lead.company}'`), 1);

    await assert.rejects(conn.sobject('Lead').update({ Id: lead.id, Title: 'Changed' }), (err: Error & { errorCode?: string }) => {
      assert.equal(err.errorCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
      return true;
    });
  });

  it('converts a batch lead by lead: results in order, one failure stops no other', async () => {
    const [a, b, c] = [await createLead(), await createLead(), await createLead()];
    const results = await conn.soap.convertLead([
      { leadId: a.id, convertedStatus: CONVERTED },
      { leadId: b.id, convertedStatus: 'Open - Not Contacted' },
      { leadId: c.id, convertedStatus: CONVERTED, doNotCreateOpportunity: true },
    ]);
    assert.ok(Array.isArray(results));
    assert.deepEqual(results.map((r) => r.success), [true, false, true]);
    assert.deepEqual(results.map((r) => r.leadId), [a.id, null, c.id]);
    assert.equal(results[1].errors[0]?.statusCode, 'INVALID_STATUS');
    assert.equal(results[2].opportunityId, null);
    const leads = await conn.query<{ Id: string; IsConverted: boolean }>(`SELECT Id, IsConverted FROM Lead WHERE Id IN ('${a.id}', '${b.id}', '${c.id}')`);
    const converted = new Map(leads.records.map((r) => [r.Id, r.IsConverted]));
    assert.deepEqual([converted.get(a.id), converted.get(b.id), converted.get(c.id)], [true, false, true]);
    assert.equal(await count(`SELECT Id FROM Account WHERE Name = '${b.company}'`), 0);

    // A one-element array is still answered with an array.
    const single = await conn.soap.convertLead([{ leadId: b.id, convertedStatus: CONVERTED }]);
    assert.ok(Array.isArray(single));
    assert.equal(single[0].success, true, JSON.stringify(single));
  });

  it('rolls back the account and contact when the opportunity fails after they were created', async () => {
    const lead = await createLead();
    // Opportunity.Name holds 120 characters: the opportunity is the last record the conversion inserts.
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED, opportunityName: 'O'.repeat(121) });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, false);
    assert.equal(result.errors[0]?.statusCode, 'STRING_TOO_LONG');
    assert.deepEqual(result.errors[0]?.fields, ['Name']);
    assert.equal(await count(`SELECT Id FROM Account WHERE Name = '${lead.company}'`), 0);
    assert.equal(await count(`SELECT Id FROM Contact WHERE LastName = '${lead.lastName}'`), 0);
    assert.equal(await count(`SELECT Id FROM Opportunity WHERE AccountId = null AND Name = '${'O'.repeat(121)}'`), 0);
    const after = await conn.sobject('Lead').retrieve(lead.id);
    assert.equal(after.IsConverted, false);
    assert.equal(after.ConvertedAccountId, null);
  });

  it('refuses a contact of another account without creating anything', async () => {
    const mine = await conn.sobject('Account').create({ Name: `Mine ${Date.now()}` });
    const theirs = await conn.sobject('Account').create({ Name: `Theirs ${Date.now()}` });
    const con = await conn.sobject('Contact').create({ AccountId: theirs.id, LastName: 'Elsewhere' });
    const lead = await createLead();
    const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: CONVERTED, accountId: mine.id!, contactId: con.id! });
    assert.ok(!Array.isArray(result));
    assert.equal(result.success, false);
    assert.deepEqual(result.errors[0]?.fields, ['contactId']);
    assert.equal(await count(`SELECT Id FROM Contact WHERE AccountId = '${mine.id}'`), 0);
    assert.equal(await count(`SELECT Id FROM Opportunity WHERE AccountId = '${mine.id}'`), 0);
  });

  it('faults without a valid session', async () => {
    const anonymous = org.connection();
    anonymous.accessToken = '00Dbogus!session';
    await assert.rejects(anonymous.soap.convertLead({ leadId: '00Q000000000001AAA', convertedStatus: CONVERTED }), (err: Error & { errorCode?: string }) => {
      assert.match(`${err.errorCode} ${err.message}`, /INVALID_SESSION_ID/);
      return true;
    });
  });
});
