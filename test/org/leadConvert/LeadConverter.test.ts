import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import { LeadConverter } from '../../../src/org/leadConvert/LeadConverter.ts';
import { endOfFiscalQuarter, todayIn } from '../../../src/org/leadConvert/calendar.ts';
import type { LeadConvertMapping } from '../../../src/org/leadConvert/types.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { computeDerivedFields } from '../../../src/org/schema/derivedFields.ts';
import { text } from '../../../src/org/schema/standard/fieldSpecs.ts';
import { buildObject, standardObjects } from '../../../src/org/schema/standardObjects.ts';
import { OrgSchema, type ObjectDef } from '../../../src/org/schema/types.ts';
import { type AccessPolicy, OpenAccessPolicy } from '../../../src/org/service/AccessPolicy.ts';
import { RecordService } from '../../../src/org/service/RecordService.ts';
import { NO_AUTOMATION, type SaveHooks } from '../../../src/org/service/SaveHooks.ts';
import type { UserContext } from '../../../src/org/service/UserContext.ts';

/**
 * The converter against a real RecordService and SQLite store, without HTTP or the metadata
 * loader: a schema of the built-in standard objects plus the Region__c fields the default org
 * maps, users and a queue written straight into the store.
 */

const REGION_MAPPING: LeadConvertMapping = { leadField: 'Region__c', targetObject: 'Account', targetField: 'Region__c' };

interface Fixture {
  store: SqliteOrgStore;
  records: RecordService;
  converter: LeadConverter;
  admin: UserContext;
  rep: UserContext;
  inactiveUserId: string;
  queueId: string;
  obj(name: string): ObjectDef;
  row(name: string, id: string | null): StoredRow;
  count(name: string): number;
  lead(fields?: Record<string, unknown>): string;
}

function fixture(options: { now?: Date; mappings?: LeadConvertMapping[]; hooks?: SaveHooks; access?: AccessPolicy; timeZone?: string } = {}): Fixture {
  const specs = standardObjects();
  for (const spec of specs) {
    if (spec.object.name === 'Lead' || spec.object.name === 'Account') spec.fields.push(text('Region__c', 'Region', 40, { custom: true }));
  }
  const schema = new OrgSchema(specs.map(buildObject));
  const store = new SqliteOrgStore(schema, ':memory:');
  const now = options.now ?? new Date('2025-05-14T12:00:00.000Z');
  const records = new RecordService({
    store,
    access: options.access ?? new OpenAccessPolicy(),
    hooks: options.hooks ?? NO_AUTOMATION,
    derive: computeDerivedFields,
    now: () => now,
  });
  const obj = (name: string) => schema.object(name)!;
  const addUser = (username: string, active = true) => {
    const id = store.newId(obj('User'));
    store.insert(obj('User'), {
      Id: id, IsDeleted: 0, Username: username, LastName: username.split('@')[0], Email: username, Alias: 'u', IsActive: active ? 1 : 0,
      TimeZoneSidKey: options.timeZone ?? 'GMT', LocaleSidKey: 'en_US', LanguageLocaleKey: 'en_US', EmailEncodingKey: 'UTF-8',
    });
    return id;
  };
  const ctx = (userId: string, username: string): UserContext => ({ userId, orgId: '00D000000000001AAA', username, profileId: null });
  const adminId = addUser('admin@test.local');
  const repId = addUser('rep@test.local');
  const inactiveUserId = addUser('gone@test.local', false);
  const queueId = store.newId(obj('Group'));
  store.insert(obj('Group'), { Id: queueId, IsDeleted: 0, Name: 'Lead Queue', Type: 'Queue' });
  store.insert(obj('QueueSobject'), { Id: store.newId(obj('QueueSobject')), IsDeleted: 0, QueueId: queueId, SobjectType: 'Lead' });
  const admin = ctx(adminId, 'admin@test.local');
  const converter = new LeadConverter({ records, store, mappings: options.mappings ?? [REGION_MAPPING] });
  return {
    store,
    records,
    converter,
    admin,
    rep: ctx(repId, 'rep@test.local'),
    inactiveUserId,
    queueId,
    obj,
    row: (name, id) => {
      assert.ok(id, `expected an id for ${name}`);
      const r = store.getById(obj(name), id);
      assert.ok(r, `${name} ${id} exists`);
      return r;
    },
    count: (name) => store.count(obj(name)),
    lead: (fields = {}) => records.create(admin, obj('Lead'), { LastName: 'Lovelace', Company: 'Analytical Engines Ltd', ...fields }),
  };
}

const FULL_LEAD = {
  Salutation: 'Ms.',
  FirstName: 'Ada',
  LastName: 'Lovelace',
  Title: 'Chief Mathematician',
  Company: 'Analytical Engines Ltd',
  Email: 'ada@engines.example',
  Phone: '+44 20 7946 0000',
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
  Description: 'Met at the Difference Engine demo',
  DoNotCall: true,
  HasOptedOutOfEmail: true,
  Region__c: 'EMEA',
};

describe('LeadConverter: new account, contact and opportunity', () => {
  it('maps the standard fields as Salesforce documents them, plus the custom mapping', () => {
    const f = fixture();
    const leadId = f.lead(FULL_LEAD);
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(result.leadId, leadId);

    const account = f.row('Account', result.accountId);
    assert.equal(account.Name, 'Analytical Engines Ltd');
    assert.equal(account.BillingStreet, '12 St James Square');
    assert.equal(account.BillingCity, 'London');
    assert.equal(account.BillingState, 'Greater London');
    assert.equal(account.BillingPostalCode, 'SW1Y 4JH');
    assert.equal(account.BillingCountry, 'United Kingdom');
    assert.equal(account.Phone, '+44 20 7946 0000');
    assert.equal(account.Website, 'https://engines.example');
    assert.equal(account.Industry, 'Engineering');
    assert.equal(account.AnnualRevenue, 2500000);
    assert.equal(account.NumberOfEmployees, 42);
    assert.equal(account.Rating, 'Hot');
    assert.equal(account.AccountSource, 'Partner Referral');
    assert.equal(account.Region__c, 'EMEA');
    // Lead Description maps to the contact only.
    assert.equal(account.Description, null);
    assert.equal(account.OwnerId, f.admin.userId);

    const contact = f.row('Contact', result.contactId);
    assert.equal(contact.AccountId, result.accountId);
    assert.equal(contact.Salutation, 'Ms.');
    assert.equal(contact.FirstName, 'Ada');
    assert.equal(contact.LastName, 'Lovelace');
    assert.equal(contact.Name, 'Ada Lovelace');
    assert.equal(contact.Title, 'Chief Mathematician');
    assert.equal(contact.Email, 'ada@engines.example');
    assert.equal(contact.Phone, '+44 20 7946 0000');
    assert.equal(contact.MobilePhone, '+44 7700 900000');
    assert.equal(contact.MailingStreet, '12 St James Square');
    assert.equal(contact.MailingCity, 'London');
    assert.equal(contact.MailingState, 'Greater London');
    assert.equal(contact.MailingPostalCode, 'SW1Y 4JH');
    assert.equal(contact.MailingCountry, 'United Kingdom');
    assert.equal(contact.LeadSource, 'Partner Referral');
    assert.equal(contact.Description, 'Met at the Difference Engine demo');
    assert.equal(contact.DoNotCall, 1);
    assert.equal(contact.HasOptedOutOfEmail, 1);

    const opp = f.row('Opportunity', result.opportunityId);
    assert.equal(opp.Name, 'Analytical Engines Ltd');
    assert.equal(opp.AccountId, result.accountId);
    assert.equal(opp.ContactId, result.contactId);
    assert.equal(opp.StageName, 'Prospecting');
    assert.equal(opp.IsClosed, 0);
    assert.equal(opp.CloseDate, '2025-06-30');
    assert.equal(opp.LeadSource, 'Partner Referral');
    assert.equal(opp.Amount, null);

    const lead = f.row('Lead', leadId);
    assert.equal(lead.IsConverted, 1);
    assert.equal(lead.ConvertedDate, '2025-05-14');
    assert.equal(lead.Status, 'Closed - Converted');
    assert.equal(lead.ConvertedAccountId, result.accountId);
    assert.equal(lead.ConvertedContactId, result.contactId);
    assert.equal(lead.ConvertedOpportunityId, result.opportunityId);
  });

  it('leaves blank lead values out so the new records get their defaults', () => {
    const f = fixture();
    const leadId = f.lead();
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(result.opportunityId, null);
    assert.equal(f.count('Opportunity'), 0);
    const contact = f.row('Contact', result.contactId);
    assert.equal(contact.DoNotCall, 0);
    assert.equal(contact.LeadSource, null);
    assert.equal(f.row('Lead', leadId).ConvertedOpportunityId, null);
  });

  it('accepts the status label, and names the opportunity as asked', () => {
    const f = fixture();
    const leadId = f.lead();
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'closed - converted', opportunityName: 'Engines – pilot' });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(f.row('Opportunity', result.opportunityId).Name, 'Engines – pilot');
    assert.equal(f.row('Lead', leadId).Status, 'Closed - Converted');
  });

  it("dates the conversion in the user's time zone and closes the opportunity at that quarter's end", () => {
    // 23:30 UTC on 31 March is still 31 March in Los Angeles but already 1 April in Tokyo.
    const now = new Date('2025-03-31T23:30:00.000Z');
    for (const [timeZone, converted, close] of [
      ['America/Los_Angeles', '2025-03-31', '2025-03-31'],
      ['Asia/Tokyo', '2025-04-01', '2025-06-30'],
    ] as const) {
      const f = fixture({ now, timeZone });
      const leadId = f.lead();
      const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
      assert.equal(result.success, true, JSON.stringify(result.errors));
      assert.equal(f.row('Lead', leadId).ConvertedDate, converted, timeZone);
      assert.equal(f.row('Opportunity', result.opportunityId).CloseDate, close, timeZone);
    }
  });
});

describe('LeadConverter: owners', () => {
  it("gives the new records the lead's owner by default, and the requested owner when given", () => {
    const f = fixture();
    const leadId = f.lead({ OwnerId: f.rep.userId });
    const byDefault = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    for (const [name, id] of [['Account', byDefault.accountId], ['Contact', byDefault.contactId], ['Opportunity', byDefault.opportunityId]] as const) {
      assert.equal(f.row(name, id).OwnerId, f.rep.userId, name);
    }
    const other = f.lead({ OwnerId: f.rep.userId });
    const requested = f.converter.convert(f.admin, { leadId: other, convertedStatus: 'Closed - Converted', ownerId: f.admin.userId });
    for (const [name, id] of [['Account', requested.accountId], ['Contact', requested.contactId], ['Opportunity', requested.opportunityId]] as const) {
      assert.equal(f.row(name, id).OwnerId, f.admin.userId, name);
    }
  });

  it('gives the records of a queue-owned lead to the converting user', () => {
    const f = fixture();
    const leadId = f.lead({ OwnerId: f.queueId });
    const result = f.converter.convert(f.rep, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(f.row('Account', result.accountId).OwnerId, f.rep.userId);
    assert.equal(f.row('Contact', result.contactId).OwnerId, f.rep.userId);
  });

  it('refuses a queue or an inactive user as ownerId', () => {
    const f = fixture();
    const leadId = f.lead();
    const queue = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', ownerId: f.queueId });
    assert.equal(queue.errors[0]?.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    const inactive = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', ownerId: f.inactiveUserId });
    assert.equal(inactive.errors[0]?.statusCode, 'INACTIVE_OWNER_OR_USER');
    assert.equal(f.count('Account'), 0);
  });
});

describe('LeadConverter: merging into existing records', () => {
  it('fills only the blank fields of an existing account and creates the contact under it', () => {
    const f = fixture();
    const accountId = f.records.create(f.admin, f.obj('Account'), { Name: 'Engines Holding', Industry: 'Banking', Rating: 'Cold' });
    const leadId = f.lead(FULL_LEAD);
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(result.accountId, accountId);
    assert.equal(f.count('Account'), 1);
    const account = f.row('Account', accountId);
    assert.equal(account.Name, 'Engines Holding');
    assert.equal(account.Industry, 'Banking');
    assert.equal(account.Rating, 'Cold');
    assert.equal(account.Phone, '+44 20 7946 0000');
    assert.equal(account.Region__c, 'EMEA');
    assert.equal(f.row('Contact', result.contactId).AccountId, accountId);
    assert.equal(f.row('Opportunity', result.opportunityId).AccountId, accountId);
  });

  it('merges into an existing contact of that account, keeping its values and check boxes', () => {
    const f = fixture();
    const accountId = f.records.create(f.admin, f.obj('Account'), { Name: 'Engines Holding' });
    const contactId = f.records.create(f.admin, f.obj('Contact'), { AccountId: accountId, LastName: 'King', Email: 'ada@king.example', LeadSource: 'Web' });
    const leadId = f.lead(FULL_LEAD);
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId, contactId });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(result.contactId, contactId);
    assert.equal(f.count('Contact'), 1);
    const contact = f.row('Contact', contactId);
    assert.equal(contact.LastName, 'King');
    assert.equal(contact.Email, 'ada@king.example');
    assert.equal(contact.FirstName, 'Ada');
    assert.equal(contact.Title, 'Chief Mathematician');
    assert.equal(contact.LeadSource, 'Web');
    assert.equal(contact.DoNotCall, 0, 'Do Not Call is not updated on existing contacts');
    assert.equal(contact.HasOptedOutOfEmail, 0, 'Email Opt Out is not updated on existing contacts');
  });

  it('overwrites the existing contact\'s LeadSource with overwriteLeadSource', () => {
    const f = fixture();
    const accountId = f.records.create(f.admin, f.obj('Account'), { Name: 'Engines Holding' });
    const contactId = f.records.create(f.admin, f.obj('Contact'), { AccountId: accountId, LastName: 'King', LeadSource: 'Web' });
    const leadId = f.lead({ LeadSource: 'Phone Inquiry' });
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId, contactId, overwriteLeadSource: true });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(f.row('Contact', contactId).LeadSource, 'Phone Inquiry');
  });

  it('relates an existing opportunity of the account instead of creating one', () => {
    const f = fixture();
    const accountId = f.records.create(f.admin, f.obj('Account'), { Name: 'Engines Holding' });
    const other = f.records.create(f.admin, f.obj('Account'), { Name: 'Other' });
    const opp = (acc: string) => f.records.create(f.admin, f.obj('Opportunity'), { Name: 'Renewal', AccountId: acc, StageName: 'Qualification', CloseDate: '2025-09-30' });
    const mine = opp(accountId);
    const theirs = opp(other);
    const leadId = f.lead({ LeadSource: 'Web' });
    const refused = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId, opportunityId: theirs });
    assert.deepEqual(refused.errors[0]?.fields, ['opportunityId']);
    const clash = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId, doNotCreateOpportunity: true, opportunityName: 'X' });
    assert.deepEqual(clash.errors[0]?.fields, ['opportunityName']);
    assert.equal(f.count('Contact'), 0);

    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId, opportunityId: mine });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(result.opportunityId, mine);
    assert.equal(f.count('Opportunity'), 2);
    assert.equal(f.row('Opportunity', mine).StageName, 'Qualification');
    assert.equal(f.row('Opportunity', mine).LeadSource, 'Web', 'a blank field of the existing opportunity takes the lead value');
    assert.equal(f.row('Lead', leadId).ConvertedOpportunityId, mine);
  });

  it('refuses a contact of another account, or a contact without an account', () => {
    const f = fixture();
    const mine = f.records.create(f.admin, f.obj('Account'), { Name: 'Mine' });
    const theirs = f.records.create(f.admin, f.obj('Account'), { Name: 'Theirs' });
    const contactId = f.records.create(f.admin, f.obj('Contact'), { AccountId: theirs, LastName: 'Elsewhere' });
    const leadId = f.lead();
    const wrong = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', accountId: mine, contactId });
    assert.equal(wrong.success, false);
    assert.deepEqual(wrong.errors[0]?.fields, ['contactId']);
    const alone = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', contactId });
    assert.equal(alone.success, false);
    assert.equal(f.count('Account'), 2);
    assert.equal(f.count('Opportunity'), 0);
    assert.equal(f.row('Lead', leadId).IsConverted, 0);
  });
});

describe('LeadConverter: refusals and rollback', () => {
  it('refuses unknown, non-converted and missing statuses with INVALID_STATUS', () => {
    const f = fixture();
    const leadId = f.lead();
    for (const convertedStatus of ['Nope', 'Working - Contacted', '']) {
      const r = f.converter.convert(f.admin, { leadId, convertedStatus });
      assert.deepEqual(r.errors, [{ statusCode: 'INVALID_STATUS', message: `invalid convertedStatus: ${convertedStatus}`, fields: [] }]);
    }
    assert.equal(f.count('Account'), 0);
  });

  it('refuses a lead that does not exist, is deleted or is already converted', () => {
    const f = fixture();
    assert.equal(f.converter.convert(f.admin, { leadId: '00Q000000000999AAA', convertedStatus: 'Closed - Converted' }).errors[0]?.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    assert.equal(f.converter.convert(f.admin, { leadId: 'garbage', convertedStatus: 'Closed - Converted' }).errors[0]?.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    const deleted = f.lead();
    f.records.delete(f.admin, f.obj('Lead'), deleted);
    assert.equal(f.converter.convert(f.admin, { leadId: deleted, convertedStatus: 'Closed - Converted' }).errors[0]?.statusCode, 'ENTITY_IS_DELETED');
    const leadId = f.lead({ FirstName: 'Ada' });
    assert.equal(f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' }).success, true);
    const again = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(again.errors[0]?.statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
    assert.match(again.errors[0]?.message ?? '', /already converted to the contact Ada Lovelace on 2025-05-14/);
    assert.equal(f.count('Account'), 1);
  });

  it('makes the converted lead read-only for ordinary updates', () => {
    const f = fixture();
    const leadId = f.lead();
    assert.equal(f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' }).success, true);
    assert.throws(() => f.records.update(f.admin, f.obj('Lead'), leadId, { Title: 'x' }), { errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD' });
  });

  it('needs the ConvertLeads permission and create access on the targets', () => {
    const deny = (what: 'permission' | 'opportunity'): AccessPolicy => {
      const open = new OpenAccessPolicy();
      return Object.assign(Object.create(open), {
        hasPermission: (_u: UserContext, p: string) => !(what === 'permission' && p === 'ConvertLeads'),
        objectAccess: (u: UserContext, o: ObjectDef) =>
          what === 'opportunity' && o.name === 'Opportunity' ? { ...open.objectAccess(), create: false } : open.objectAccess(),
      }) as AccessPolicy;
    };
    const noPermission = fixture({ access: deny('permission') });
    const r1 = noPermission.converter.convert(noPermission.admin, { leadId: noPermission.lead(), convertedStatus: 'Closed - Converted' });
    assert.equal(r1.errors[0]?.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');

    const noOpportunity = fixture({ access: deny('opportunity') });
    const leadId = noOpportunity.lead();
    const r2 = noOpportunity.converter.convert(noOpportunity.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(r2.errors[0]?.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    // Without an opportunity to create, Opportunity access is not needed.
    const r3 = noOpportunity.converter.convert(noOpportunity.admin, { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
    assert.equal(r3.success, true, JSON.stringify(r3.errors));
  });

  it('rolls back the account and contact when a validation rule refuses the opportunity', () => {
    const refuseOpportunities: SaveHooks = {
      ...NO_AUTOMATION,
      validate: (e) => {
        if (e.object.name === 'Opportunity' && e.kind === 'insert') {
          throw new SalesforceError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Opportunities need a budget', []);
        }
      },
    };
    const f = fixture({ hooks: refuseOpportunities });
    const leadId = f.lead();
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.deepEqual(result.errors, [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Opportunities need a budget', fields: [] }]);
    assert.equal(f.count('Account'), 0);
    assert.equal(f.count('Contact'), 0);
    assert.equal(f.row('Lead', leadId).IsConverted, 0);
    // The same lead converts once the opportunity is left out.
    assert.equal(f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true }).success, true);
  });

  it('reports a mapping the target rejects and leaves nothing behind', () => {
    // Lead.Title allows 128 characters, Contact.Department 80: the contact insert fails after the account was created.
    const f = fixture({ mappings: [REGION_MAPPING, { leadField: 'Title', targetObject: 'Contact', targetField: 'Department' }] });
    const taskId = f.records.create(f.admin, f.obj('Task'), { Subject: 'Call', WhoId: f.lead() });
    const leadId = f.lead({ Title: 'T'.repeat(100) });
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(result.success, false);
    assert.equal(result.errors[0]?.statusCode, 'STRING_TOO_LONG');
    assert.deepEqual(result.errors[0]?.fields, ['Department']);
    assert.deepEqual([result.accountId, result.contactId, result.opportunityId, result.leadId], [null, null, null, null]);
    assert.equal(f.count('Account'), 0);
    assert.equal(f.count('Contact'), 0);
    assert.equal(f.count('Opportunity'), 0);
    assert.equal(f.row('Lead', leadId).IsConverted, 0);
    assert.ok(f.row('Task', taskId));
  });

  it('converts a batch lead by lead: one failure stops no other', () => {
    const f = fixture();
    const [a, b, c] = [f.lead({ Company: 'A' }), f.lead({ Company: 'B' }), f.lead({ Company: 'C' })];
    const results = f.converter.convertMany(f.admin, [
      { leadId: a, convertedStatus: 'Closed - Converted' },
      { leadId: b, convertedStatus: 'Open - Not Contacted' },
      { leadId: c, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true },
    ]);
    assert.deepEqual(results.map((r) => r.success), [true, false, true]);
    assert.equal(f.count('Account'), 2);
    assert.equal(f.count('Opportunity'), 1);
    assert.deepEqual([a, b, c].map((id) => f.row('Lead', id).IsConverted), [1, 0, 1]);
  });
});

describe('LeadConverter: activities', () => {
  it("moves the lead's tasks and events to the contact and relates them to the opportunity", () => {
    const f = fixture();
    const leadId = f.lead();
    const other = f.records.create(f.admin, f.obj('Account'), { Name: 'Elsewhere' });
    const plainTask = f.records.create(f.rep, f.obj('Task'), { Subject: 'Call back', WhoId: leadId });
    const relatedTask = f.records.create(f.admin, f.obj('Task'), { Subject: 'About Elsewhere', WhoId: leadId, WhatId: other });
    const event = f.records.create(f.admin, f.obj('Event'), { Subject: 'Demo', WhoId: leadId, DurationInMinutes: 30, ActivityDateTime: '2025-05-20T10:00:00Z' });
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted' });
    assert.equal(result.success, true, JSON.stringify(result.errors));
    assert.equal(f.row('Task', plainTask).WhoId, result.contactId);
    assert.equal(f.row('Task', plainTask).WhatId, result.opportunityId);
    assert.equal(f.row('Task', relatedTask).WhoId, result.contactId);
    assert.equal(f.row('Task', relatedTask).WhatId, other);
    assert.equal(f.row('Event', event).WhoId, result.contactId);
    assert.equal(f.row('Event', event).WhatId, result.opportunityId);
  });

  it('relates them to the account when no opportunity is created', () => {
    const f = fixture();
    const leadId = f.lead();
    const task = f.records.create(f.admin, f.obj('Task'), { Subject: 'Call back', WhoId: leadId });
    const result = f.converter.convert(f.admin, { leadId, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
    assert.equal(f.row('Task', task).WhatId, result.accountId);
  });
});

describe('lead conversion calendar', () => {
  it('finds the end of the fiscal quarter, across year ends and for shifted fiscal years', () => {
    const q = (year: number, month: number, day: number, start?: number) => endOfFiscalQuarter({ year, month, day }, start);
    assert.deepEqual(q(2025, 1, 1), { year: 2025, month: 3, day: 31 });
    assert.deepEqual(q(2024, 2, 10), { year: 2024, month: 3, day: 31 });
    assert.deepEqual(q(2025, 5, 14), { year: 2025, month: 6, day: 30 });
    assert.deepEqual(q(2025, 12, 31), { year: 2025, month: 12, day: 31 });
    // Fiscal year from February: quarters Feb–Apr, …, Nov–Jan.
    assert.deepEqual(q(2025, 12, 5, 2), { year: 2026, month: 1, day: 31 });
    assert.deepEqual(q(2025, 1, 5, 2), { year: 2025, month: 1, day: 31 });
    // From April: Jan–Mar is the fourth quarter.
    assert.deepEqual(q(2025, 2, 5, 4), { year: 2025, month: 3, day: 31 });
  });

  it('falls back to UTC for a time zone it does not know', () => {
    assert.deepEqual(todayIn(new Date('2025-03-31T23:30:00Z'), 'Not/AZone'), { year: 2025, month: 3, day: 31 });
  });
});
