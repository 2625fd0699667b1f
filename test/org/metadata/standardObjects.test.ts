import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { standardObjectDefs, standardObjects } from '../../../src/org/schema/standardObjects.ts';
import { OrgSchema } from '../../../src/org/schema/types.ts';

const schema = new OrgSchema(standardObjectDefs());
const field = (object: string, name: string) => {
  const o = schema.object(object);
  assert.ok(o, `${object} exists`);
  const f = schema.field(o, name);
  assert.ok(f, `${object}.${name} exists`);
  return f;
};

describe('standard objects', () => {
  it('have Salesforce key prefixes', () => {
    const prefixes = Object.fromEntries(standardObjects().map((s) => [s.object.name, s.object.keyPrefix]));
    assert.deepEqual(prefixes, {
      Organization: '00D', User: '005', Profile: '00e', UserRole: '00E', PermissionSet: '0PS', PermissionSetAssignment: '0Pa',
      Group: '00G', GroupMember: '011', QueueSobject: '03g', RecordType: '012', Lead: '00Q', LeadStatus: '01J', Account: '001',
      Contact: '003', Opportunity: '006', OpportunityStage: '01J', Task: '00T', Event: '00U',
    });
  });

  it('carry the system fields, and OwnerId only on owned objects', () => {
    for (const name of ['Lead', 'Account', 'Contact', 'Opportunity', 'Task', 'Event']) {
      const owner = field(name, 'OwnerId');
      // Queues can own leads, not accounts, contacts, opportunities or activities.
      assert.deepEqual(owner.referenceTo, name === 'Lead' ? ['Group', 'User'] : ['User'], name);
      assert.equal(owner.relationshipName, 'Owner');
    }
    for (const name of ['User', 'Profile', 'LeadStatus', 'PermissionSetAssignment']) {
      assert.equal(schema.object(name)!.fieldsByLowerName.has('ownerid'), false, `${name} has no OwnerId`);
      assert.equal(field(name, 'CreatedById').createable, false);
    }
  });

  it('mark platform-computed fields calculated and read-only', () => {
    for (const [object, name] of [['Lead', 'Name'], ['Contact', 'Name'], ['User', 'Name'], ['Opportunity', 'IsClosed'], ['Opportunity', 'IsWon'], ['Opportunity', 'ExpectedRevenue'], ['Task', 'IsClosed']]) {
      const f = field(object, name);
      assert.deepEqual([f.calculated, f.createable, f.updateable], [true, false, false], `${object}.${name}`);
    }
    const converted = field('Lead', 'ConvertedAccountId');
    assert.deepEqual([converted.createable, converted.updateable, converted.referenceTo], [false, false, ['Account']]);
    assert.equal(field('Lead', 'IsConverted').createable, false);
  });

  it('describe Lead as Salesforce does', () => {
    const lead = schema.object('Lead')!;
    assert.equal(lead.sharingModel, 'ReadWriteTransfer');
    assert.equal(lead.nameField, 'Name');
    assert.equal(field('Lead', 'Name').nameField, true);
    const status = field('Lead', 'Status');
    assert.deepEqual([status.type, status.required, status.defaultValue], ['picklist', true, 'Open - Not Contacted']);
    assert.equal(status.picklistValues!.find((p) => p.value === 'Closed - Converted')!.attributes?.converted, true);
    assert.deepEqual(field('Lead', 'LeadSource').picklistValues!.map((p) => p.value), ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']);
    assert.deepEqual(field('Lead', 'Rating').picklistValues!.map((p) => p.value), ['Hot', 'Warm', 'Cold']);
    const revenue = field('Lead', 'AnnualRevenue');
    assert.deepEqual([revenue.type, revenue.precision, revenue.scale], ['currency', 18, 0]);
    assert.deepEqual([field('Lead', 'Street').type, field('Lead', 'Street').length], ['textarea', 255]);
    assert.equal(field('Lead', 'Description').length, 32000);
    assert.equal(field('Lead', 'Company').required, true);
    assert.equal(field('Lead', 'NumberOfEmployees').type, 'int');
    assert.ok(field('Lead', 'Industry').picklistValues!.some((p) => p.value === 'Biotechnology'));
  });

  it('describe Opportunity stages with their facts', () => {
    const stage = field('Opportunity', 'StageName');
    assert.equal(stage.required, true);
    assert.deepEqual(stage.picklistValues!.map((p) => p.value), [
      'Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis',
      'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost',
    ]);
    assert.deepEqual(stage.picklistValues!.find((p) => p.value === 'Closed Won')!.attributes, { closed: true, won: true, probability: 100, forecastCategory: 'Closed' });
    const amount = field('Opportunity', 'Amount');
    assert.deepEqual([amount.type, amount.precision, amount.scale], ['currency', 18, 2]);
    assert.deepEqual([field('Opportunity', 'CloseDate').type, field('Opportunity', 'CloseDate').required], ['date', true]);
    assert.deepEqual([field('Opportunity', 'Probability').type, field('Opportunity', 'Probability').precision], ['percent', 3]);
    assert.deepEqual(field('Opportunity', 'ForecastCategoryName').picklistValues!.map((p) => p.value), ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']);
  });

  it('link lookups into child relationships', () => {
    const account = schema.object('Account')!;
    const children = (o: typeof account) => o.childRelationships.map((c) => `${c.childSObject}.${c.field}:${c.relationshipName}`);
    assert.ok(children(account).includes('Contact.AccountId:Contacts'));
    assert.ok(children(account).includes('Opportunity.AccountId:Opportunities'));
    assert.ok(children(account).includes('Account.ParentId:ChildAccounts'));
    assert.ok(children(account).includes('Task.WhatId:Tasks'));
    assert.ok(children(schema.object('Lead')!).includes('Task.WhoId:Tasks'));
    assert.ok(children(schema.object('Contact')!).includes('Event.WhoId:Events'));
    assert.equal(field('Account', 'ParentId').relationshipName, 'Parent');
    assert.equal(schema.object('Account')!.referencesByRelationship.get('parent')?.name, 'ParentId');
  });

  it('describe the activities and setup objects', () => {
    assert.equal(schema.object('Task')!.nameField, 'Subject');
    assert.equal(schema.object('Task')!.sharingModel, 'Private');
    assert.deepEqual([field('Task', 'Status').defaultValue, field('Task', 'Priority').defaultValue], ['Not Started', 'Normal']);
    assert.deepEqual(field('Task', 'TaskSubtype').picklistValues!.filter((p) => ['Task', 'Call', 'Email'].includes(p.value)).length, 3);
    assert.deepEqual(field('Task', 'WhoId').referenceTo, ['Contact', 'Lead']);
    assert.deepEqual([field('Event', 'DurationInMinutes').type, field('Event', 'IsAllDayEvent').type], ['int', 'boolean']);
    const username = field('User', 'Username');
    assert.deepEqual([username.unique, username.required, username.idLookup], [true, true, true]);
    assert.equal(field('User', 'ManagerId').childRelationshipName, 'ManagedUsers');
    assert.equal(schema.object('Organization')!.createable, false);
    assert.equal(field('Organization', 'IsSandbox').createable, false);
    assert.deepEqual(field('PermissionSetAssignment', 'PermissionSetId').referenceTo, ['PermissionSet']);
    assert.equal(schema.object('PermissionSetAssignment')!.fields.some((f) => f.nameField), false, 'no name field is flagged');
    assert.ok(field('Group', 'Type').picklistValues!.some((p) => p.value === 'Queue'));
  });

  it('return fresh copies, so a caller cannot change the built-in picklists', () => {
    const first = standardObjects();
    const lead = first.find((s) => s.object.name === 'Lead')!;
    lead.fields.find((f) => f.name === 'Status')!.picklistValues![0].label = 'changed';
    const again = standardObjects().find((s) => s.object.name === 'Lead')!;
    assert.equal(again.fields.find((f) => f.name === 'Status')!.picklistValues![0].label, 'Open - Not Contacted');
  });
});
