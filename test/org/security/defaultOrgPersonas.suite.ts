import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import {
  DEFAULT_ORG_EXPECTATIONS as EXPECTED,
  PERSONAS,
  type Persona,
  SALES_APP_OBJECTS,
  SECURED_FIELDS,
  type SecuredField,
  SEED_LEADS,
  SEED_OPPORTUNITIES,
} from '../../support/defaultOrgExpectations.ts';
import { errorCodeOf, names } from './securityOrg.ts';

/**
 * The default org's security model, persona by persona through jsforce: what each may and may not
 * see and do with the seed records (Leads and Opportunities are Private; the Sales Manager role is
 * above both rep roles; junior-rep and the Sales Manager role are members of Unassigned Leads).
 * The expectations are the table the UI spec checks too (test/support/defaultOrgExpectations.ts).
 */

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const lastName = (name: string) => name.slice(name.lastIndexOf(' ') + 1);
const SEED_LEAD_QUERY = `SELECT Name FROM Lead WHERE LastName IN (${quoted(SEED_LEADS.map(lastName))})`;
const SEED_OPPORTUNITY_QUERY = `SELECT Name FROM Opportunity WHERE Name IN (${quoted(SEED_OPPORTUNITIES)})`;
// No assignment rule may move the records these tests create: ownership is what they are about.
const NO_ASSIGNMENT = { headers: { 'Sforce-Auto-Assign': 'FALSE' } };

let org: TestOrg;
const conn = {} as Record<Persona, Connection>;
const ids: Record<string, string> = {};
let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}-${Date.now()}`;
const sees = (p: Persona, seedName: string) => (EXPECTED[p].leads as readonly string[]).includes(seedName) || (EXPECTED[p].opportunities as readonly string[]).includes(seedName);

async function newOpportunity(owner: Persona, fields: Record<string, unknown> = {}): Promise<string> {
  const res = await conn[owner].sobject('Opportunity').create({ Name: unique('Sec Opp'), StageName: 'Prospecting', CloseDate: '2031-03-31', Amount: 1000, ...fields });
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

describe('the default org, persona by persona', () => {
  before(async () => {
    org = await startTestOrg();
    for (const p of PERSONAS) {
      const u = defaultOrgUser(p);
      conn[p] = await org.login(u.username, u.password);
    }
    for (const r of (await conn.admin.query<{ Id: string; Name: string; LastName: string }>(SEED_LEAD_QUERY.replace('SELECT Name', 'SELECT Id, Name, LastName'))).records) {
      ids[r.LastName] = r.Id;
      ids[r.Name] = r.Id;
    }
    for (const r of (await conn.admin.query<{ Id: string; Name: string }>(SEED_OPPORTUNITY_QUERY.replace('SELECT Name', 'SELECT Id, Name'))).records) ids[r.Name] = r.Id;
    assert.equal(Object.keys(ids).length, SEED_LEADS.length * 2 + SEED_OPPORTUNITIES.length, 'every seed record of the table exists');
  });
  after(() => org?.close());

  it('queries show reps their own leads (and their queue\'s), the manager the team\'s, compliance and admin all, marketing none', async () => {
    const seen: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const p of PERSONAS) {
      seen[p] = await names(conn[p], SEED_LEAD_QUERY);
      expected[p] = [...EXPECTED[p].leads];
    }
    assert.deepEqual(seen, expected);
    assert.deepEqual(EXPECTED['junior-rep'].leads, ['Dana Scully', 'Fox Mulder', 'Leslie Knope']);
    assert.equal((await conn['junior-rep'].query(`${SEED_LEAD_QUERY.replace('SELECT Name', 'SELECT COUNT()')}`)).totalSize, 3, 'COUNT() counts visible rows only');
  });

  it('opportunities are private to their owners and the manager; marketing has no Opportunity object', async () => {
    for (const p of PERSONAS) {
      if (EXPECTED[p].objects.Opportunity) assert.deepEqual(await names(conn[p], SEED_OPPORTUNITY_QUERY), EXPECTED[p].opportunities, p);
      else assert.equal(await errorCodeOf(conn[p].query('SELECT Id FROM Opportunity')), 'INVALID_TYPE', p);
      // The objects a persona may read are exactly the ones describeGlobal lists (and the UI's tabs).
      const global = await conn[p].describeGlobal();
      for (const object of SALES_APP_OBJECTS) {
        assert.equal(global.sobjects.some((o) => o.name === object), EXPECTED[p].objects[object] !== undefined, `${p} reads ${object}`);
      }
    }
    assert.equal(EXPECTED.marketing.objects.Opportunity, undefined, 'marketing has no Opportunity object');
    assert.deepEqual(EXPECTED['field-rep'].opportunities, []);
    // Accounts are Public Read/Write: a rep reads the account of their own opportunity.
    const converted = await conn['junior-rep'].query<{ Name: string; Account: { Name: string } | null }>("SELECT Name, Account.Name FROM Opportunity WHERE Name = 'Globex - Pilot'");
    assert.equal(converted.records[0].Account?.Name, 'Globex Inc.');
  });

  it('retrieving a record the user cannot see is NOT_FOUND; the manager and compliance retrieve it', async () => {
    for (const p of PERSONAS) {
      for (const name of SEED_LEADS) {
        const retrieval = conn[p].sobject('Lead').retrieve(ids[name]);
        if ((EXPECTED[p].leads as readonly string[]).includes(name)) assert.equal(((await retrieval) as { LastName: string }).LastName, lastName(name), `${p} retrieves ${name}`);
        else assert.equal(await errorCodeOf(retrieval), 'NOT_FOUND', `${p} retrieves ${name}`);
      }
      if (!EXPECTED[p].objects.Opportunity) continue;
      for (const name of SEED_OPPORTUNITIES) {
        const retrieval = conn[p].sobject('Opportunity').retrieve(ids[name]);
        if ((EXPECTED[p].opportunities as readonly string[]).includes(name)) assert.equal(((await retrieval) as { Name: string }).Name, name, `${p} retrieves ${name}`);
        else assert.equal(await errorCodeOf(retrieval), 'NOT_FOUND', `${p} retrieves ${name}`);
      }
    }
    // The cases the title names, so the table cannot lose them unnoticed.
    assert.deepEqual([sees('junior-rep', 'Ellen Ripley'), sees('sales-manager', 'Ellen Ripley'), sees('compliance', 'Ellen Ripley')], [false, true, true]);
  });

  it('a rep cannot change another rep\'s lead; the manager edits the team\'s leads through the role hierarchy', async () => {
    assert.equal(await errorCodeOf(conn['junior-rep'].sobject('Lead').update({ Id: ids.Ripley, Title: 'Changed by junior' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn['junior-rep'].sobject('Lead').destroy(ids.Ripley)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    const res = await conn['sales-manager'].sobject('Lead').update({ Id: ids.Ripley, Title: 'Reviewed by the manager' });
    assert.equal(res.success, true, JSON.stringify(res));
    assert.equal(((await conn['senior-rep'].sobject('Lead').retrieve(ids.Ripley)) as { Title: string }).Title, 'Reviewed by the manager');
    // Marketing's role is beside Sales, not above it.
    assert.equal(await errorCodeOf(conn.marketing.sobject('Lead').update({ Id: ids.Ripley, Title: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('queue members work the queue\'s lead; a rep outside the queue cannot see it', async () => {
    const res = await conn['junior-rep'].sobject('Lead').update({ Id: ids.Knope, Rating: 'Warm' });
    assert.equal(res.success, true, JSON.stringify(res));
    // The manager is a member through the Sales Manager role.
    assert.equal((await conn['sales-manager'].sobject('Lead').update({ Id: ids.Knope, Rating: 'Hot' })).success, true);
    assert.equal(await errorCodeOf(conn['field-rep'].sobject('Lead').retrieve(ids.Knope)), 'NOT_FOUND');
    assert.equal(await errorCodeOf(conn['senior-rep'].sobject('Lead').update({ Id: ids.Knope, Rating: 'Cold' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('reps cannot delete opportunities, not even their own; the manager deletes a rep\'s', async () => {
    const id = await newOpportunity('junior-rep');
    assert.equal(await errorCodeOf(conn['junior-rep'].sobject('Opportunity').destroy(id)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await conn['junior-rep'].sobject('Opportunity').update({ Id: id, NextStep: 'Call back' })).success, true, 'the owner still edits it');
    const res = await conn['sales-manager'].sobject('Opportunity').destroy(id);
    assert.equal(res.success, true, JSON.stringify(res));
    assert.equal((await conn.admin.query(`SELECT Id FROM Opportunity WHERE Id = '${id}'`)).totalSize, 0);
  });

  it('Commission__c is invisible to reps, read-only for the manager and compliance, editable for the admin', async () => {
    const fields = async (p: Persona) => (await conn[p].sobject('Opportunity').describe()).fields.find((f) => f.name === 'Commission__c');
    const reps = PERSONAS.filter((p) => EXPECTED[p].fields['Opportunity.Commission__c'] === 'hidden');
    assert.deepEqual(reps, ['junior-rep', 'senior-rep', 'field-rep']);
    for (const rep of reps) {
      assert.equal(await fields(rep), undefined, `${rep} does not see the field in describe`);
      assert.equal(await errorCodeOf(conn[rep].query('SELECT Name, Commission__c FROM Opportunity')), 'INVALID_FIELD');
      assert.equal(await errorCodeOf(conn[rep].query('SELECT Name FROM Opportunity WHERE Commission__c > 0')), 'INVALID_FIELD');
    }
    const readers = PERSONAS.filter((p) => EXPECTED[p].fields['Opportunity.Commission__c'] === 'read');
    assert.deepEqual(readers, ['sales-manager', 'compliance']);
    for (const reader of readers) {
      const f = await fields(reader);
      assert.deepEqual([f?.createable, f?.updateable], [false, false], reader);
    }
    const admin = await fields('admin');
    assert.equal(EXPECTED.admin.fields['Opportunity.Commission__c'], 'edit');
    assert.deepEqual([admin?.createable, admin?.updateable], [true, true]);
    const seen = await conn['sales-manager'].query<{ Commission__c: number }>(`SELECT Commission__c FROM Opportunity WHERE Id = '${ids['Acme - Anvil Fleet Renewal']}'`);
    assert.equal(seen.records[0].Commission__c, 9000);
  });

  it('writing Commission__c: no such column for a rep, INVALID_FIELD_FOR_INSERT_UPDATE for the manager', async () => {
    const own = ids['Globex - Pilot'];
    assert.equal(await errorCodeOf(conn['junior-rep'].sobject('Opportunity').update({ Id: own, Commission__c: 100 })), 'INVALID_FIELD');
    assert.equal(await errorCodeOf(conn['sales-manager'].sobject('Opportunity').update({ Id: own, Commission__c: 100 })), 'INVALID_FIELD_FOR_INSERT_UPDATE');
    assert.equal((await conn.admin.sobject('Opportunity').update({ Id: own, Commission__c: 100 })).success, true);
  });

  it('a lookup to a record the user cannot see is INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', async () => {
    const task = (whatId: string) => conn['junior-rep'].sobject('Task').create({ Subject: unique('Follow up'), Status: 'Not Started', Priority: 'Normal', WhatId: whatId });
    assert.equal(await errorCodeOf(task(ids['Acme - Anvil Fleet Renewal'])), 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
    assert.equal((await task(ids['Globex - Pilot'])).success, true);
  });

  it('describe reflects each persona\'s object rights', async () => {
    const rights = async (p: Persona, object: string) => {
      const d = await conn[p].sobject(object).describe();
      return { create: d.createable, edit: d.updateable, delete: d.deletable };
    };
    for (const p of PERSONAS) {
      for (const object of SALES_APP_OBJECTS) {
        const expected = EXPECTED[p].objects[object];
        if (expected) assert.deepEqual(await rights(p, object), expected, `${p} on ${object}`);
        else assert.equal(await errorCodeOf(conn[p].sobject(object).describe()), 'NOT_FOUND', `${p} has no ${object}`);
      }
    }
    assert.deepEqual(EXPECTED['junior-rep'].objects.Opportunity, { create: true, edit: true, delete: false });
    assert.deepEqual(EXPECTED.compliance.objects.Lead, { create: false, edit: false, delete: false });
  });

  it('describe reflects each persona\'s field-level security on the secured custom fields', async () => {
    for (const p of PERSONAS) {
      for (const [key, access] of Object.entries(EXPECTED[p].fields) as Array<[SecuredField, string]>) {
        const { object, field } = SECURED_FIELDS[key];
        const f = (await conn[p].sobject(object).describe()).fields.find((d) => d.name === field);
        if (access === 'hidden') assert.equal(f, undefined, `${p}: ${key} hidden`);
        else assert.deepEqual([f?.createable, f?.updateable], [access === 'edit', access === 'edit'], `${p}: ${key} ${access}`);
      }
    }
  });

  it('marketing creates and edits leads but cannot convert them; a rep converts their own', async () => {
    const created = await conn.marketing.sobject('Lead').create({ LastName: unique('Trade Show'), Company: unique('Booth Co'), Region__c: 'West' }, NO_ASSIGNMENT);
    assert.equal(created.success, true, JSON.stringify(created));
    assert.equal((await conn.marketing.sobject('Lead').update({ Id: created.id!, Rating: 'Hot' })).success, true);
    const refused = await conn.marketing.soap.convertLead({ leadId: created.id!, convertedStatus: 'Closed - Converted' });
    assert.ok(!Array.isArray(refused));
    assert.equal(refused.success, false);
    assert.equal(refused.errors[0]?.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');

    const mine = await conn['junior-rep'].sobject('Lead').create({ LastName: unique('Hot Prospect'), Company: unique('Prospect Co') }, NO_ASSIGNMENT);
    const converted = await conn['junior-rep'].soap.convertLead({ leadId: mine.id!, convertedStatus: 'Closed - Converted' });
    assert.ok(!Array.isArray(converted));
    assert.equal(converted.success, true, JSON.stringify(converted));
    // The new opportunity is the rep's, so the rep sees it.
    assert.equal((await conn['junior-rep'].query(`SELECT Id FROM Opportunity WHERE Id = '${converted.opportunityId}'`)).totalSize, 1);
  });

  it('each persona converts a lead it owns exactly when the table says', async () => {
    const users = await conn.admin.query<{ Id: string; Username: string }>(`SELECT Id, Username FROM User WHERE Username IN (${quoted(PERSONAS.map((p) => defaultOrgUser(p).username))})`);
    for (const p of PERSONAS) {
      const ownerId = users.records.find((u) => u.Username === defaultOrgUser(p).username)?.Id;
      const lead = await conn.admin.sobject('Lead').create({ LastName: unique('Convertible'), Company: unique('Convert Co'), OwnerId: ownerId }, NO_ASSIGNMENT);
      assert.equal(lead.success, true, JSON.stringify(lead));
      const result = await conn[p].soap.convertLead({ leadId: lead.id!, convertedStatus: 'Closed - Converted' });
      assert.ok(!Array.isArray(result));
      assert.equal(result.success, EXPECTED[p].convertLeads, `${p} converts: ${JSON.stringify(result.errors)}`);
      if (!result.success) assert.equal(result.errors[0]?.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY', p);
    }
  });

  it('compliance reads everything and changes nothing', async () => {
    for (const object of ['Account', 'Contact']) {
      const all = (await conn.admin.query(`SELECT COUNT() FROM ${object}`)).totalSize;
      assert.equal((await conn.compliance.query(`SELECT COUNT() FROM ${object}`)).totalSize, all, object);
    }
    const lead = { LastName: unique('Auditor'), Company: 'Audit Co' };
    assert.equal(await errorCodeOf(conn.compliance.sobject('Lead').create(lead)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn.compliance.sobject('Lead').update({ Id: ids.Scully, Title: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn.compliance.sobject('Lead').destroy(ids.Scully)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn.compliance.sobject('Opportunity').update({ Id: ids['Globex - Pilot'], NextStep: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn.compliance.sobject('Task').create({ Subject: 'x', Status: 'Not Started', Priority: 'Normal' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('field-rep is a rep like junior-rep: own records only, no opportunity delete, no commission', async () => {
    const id = await newOpportunity('field-rep');
    assert.deepEqual(await names(conn['junior-rep'], `SELECT Name FROM Opportunity WHERE Id = '${id}'`), []);
    assert.equal(await errorCodeOf(conn['field-rep'].sobject('Opportunity').destroy(id)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await errorCodeOf(conn['field-rep'].query('SELECT Commission__c FROM Opportunity')), 'INVALID_FIELD');
    assert.equal((await conn['sales-manager'].sobject('Opportunity').retrieve(id) as { Id: string }).Id, id);
  });
});
