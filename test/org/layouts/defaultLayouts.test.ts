import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LocalOrg } from '../../../src/org/app.ts';
import { defaultLayout } from '../../../src/org/layouts/defaultLayouts.ts';
import type { LayoutDef } from '../../../src/org/layouts/types.ts';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { standardObjectDefs } from '../../../src/org/schema/standardObjects.ts';
import { OrgSchema } from '../../../src/org/schema/types.ts';
import { adminUser, customObjectXml, fieldXml, MAIN, makeProject, removeProjects, usersJson } from '../metadata/sfdxProject.ts';
import { buildOrg, layoutOf } from './layoutSupport.ts';

/**
 * The built-in layouts of a project without layout files: Salesforce's out-of-the-box layouts
 * for the standard objects, the generated one for custom objects, and custom fields added to the
 * first section.
 */

/** A layout's sections as `label: left | right`, blanks as `_`. */
function columnsOf(layout: LayoutDef): string[] {
  return layout.sections.map((s) => `${s.label}: ${s.columns.map((c) => c.map((cell) => ('field' in cell ? cell.field : '_')).join(' ')).join(' | ')}`);
}

const relatedOf = (layout: LayoutDef) => layout.relatedLists.map((r) => `${r.label} (${r.childObject}.${r.field}): ${r.columns.join(' ')}`);

describe('default layouts of the standard objects', () => {
  const schema = new OrgSchema(standardObjectDefs());
  const layout = (name: string) => defaultLayout(schema.object(name)!, schema);
  const SYSTEM = 'System Information: CreatedById | LastModifiedById';

  it('Lead', () => {
    const l = layout('Lead');
    assert.equal(l.name, 'Lead Layout');
    assert.deepEqual(columnsOf(l), [
      'Lead Information: OwnerId Name Company Title LeadSource Industry AnnualRevenue | Phone MobilePhone Email Website Status Rating NumberOfEmployees',
      'Address Information: Address | ',
      'Additional Information: HasOptedOutOfEmail | DoNotCall',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(relatedOf(l), [
      'Open Activities (Task.WhoId): Subject WhoId WhatId ActivityDate Status Priority OwnerId',
      'Activity History (Task.WhoId): Subject WhoId WhatId ActivityDate OwnerId LastModifiedDate',
    ]);
  });

  it('Account', () => {
    const l = layout('Account');
    assert.deepEqual(columnsOf(l), [
      'Account Information: OwnerId Name ParentId AccountNumber Site Type Industry AnnualRevenue | Rating Phone Fax Website NumberOfEmployees AccountSource',
      'Address Information: BillingAddress | ShippingAddress',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(relatedOf(l), [
      'Contacts (Contact.AccountId): Name Title Email Phone',
      'Opportunities (Opportunity.AccountId): Name StageName Amount CloseDate',
      'Open Activities (Task.WhatId): Subject WhoId WhatId ActivityDate Status Priority OwnerId',
      'Activity History (Task.WhatId): Subject WhoId WhatId ActivityDate OwnerId LastModifiedDate',
    ]);
  });

  it('Contact', () => {
    const l = layout('Contact');
    assert.deepEqual(columnsOf(l), [
      'Contact Information: OwnerId Name AccountId Title Department Birthdate ReportsToId LeadSource | Phone HomePhone MobilePhone Email HasOptedOutOfEmail DoNotCall',
      'Address Information: MailingAddress | ',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(relatedOf(l)[0], 'Opportunities (Opportunity.ContactId): Name StageName Amount CloseDate');
    assert.equal(relatedOf(l).length, 3);
  });

  it('Opportunity', () => {
    const l = layout('Opportunity');
    assert.deepEqual(columnsOf(l), [
      'Opportunity Information: OwnerId IsPrivate Name AccountId Type LeadSource | Amount ExpectedRevenue CloseDate NextStep StageName Probability',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(
      l.relatedLists.map((r) => [r.name, r.activities]),
      [['RelatedActivityList', 'open'], ['RelatedHistoryList', 'history']],
    );
  });

  it('Task and Event', () => {
    assert.deepEqual(columnsOf(layout('Task')), [
      'Task Information: Subject ActivityDate Status Priority OwnerId | WhoId WhatId Type',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(columnsOf(layout('Event')), [
      'Calendar Details: OwnerId Subject WhoId WhatId Type | Location StartDateTime EndDateTime IsAllDayEvent ShowAs IsPrivate',
      'Description Information: Description',
      SYSTEM,
    ]);
    assert.deepEqual(layout('Task').relatedLists, []);
  });

  it('has every field it names in the schema, and every required createable field', () => {
    for (const name of ['Lead', 'Account', 'Contact', 'Opportunity', 'Task', 'Event']) {
      const object = schema.object(name)!;
      const placed = new Set(layout(name).sections.flatMap((s) => s.columns.flat().flatMap((c) => ('field' in c ? [c.field.toLowerCase()] : []))));
      for (const f of object.fields.filter((x) => x.required && x.createable)) {
        const viaName = ['firstname', 'lastname', 'salutation'].includes(f.name.toLowerCase()) && placed.has('name');
        assert.ok(placed.has(f.name.toLowerCase()) || viaName, `${name}.${f.name} is on the default layout`);
      }
    }
  });
});

describe('default layouts with project metadata', () => {
  const files = {
    'golive/users.json': usersJson([{ ...adminUser, password: 'layouts-1' }]),
    [`${MAIN}/objects/Invoice__c/Invoice__c.object-meta.xml`]: customObjectXml('Invoice', '<enableActivities>true</enableActivities>'),
    [`${MAIN}/objects/Invoice__c/fields/Account__c.field-meta.xml`]: fieldXml('<fullName>Account__c</fullName><label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Invoices</relationshipName>'),
    [`${MAIN}/objects/Invoice__c/fields/Amount__c.field-meta.xml`]: fieldXml('<fullName>Amount__c</fullName><label>Amount</label><type>Currency</type><precision>16</precision><scale>2</scale>'),
    [`${MAIN}/objects/Invoice__c/fields/Due__c.field-meta.xml`]: fieldXml('<fullName>Due__c</fullName><label>Due</label><type>Date</type>'),
    [`${MAIN}/objects/Memo__c/Memo__c.object-meta.xml`]: customObjectXml('Memo'),
    [`${MAIN}/objects/Lead/fields/Score__c.field-meta.xml`]: fieldXml('<fullName>Score__c</fullName><label>Score</label><type>Number</type><precision>3</precision><scale>0</scale>'),
    [`${MAIN}/objects/Lead/fields/Company.field-meta.xml`]: fieldXml('<fullName>Company</fullName><label>Organisation</label>'),
    [`${MAIN}/objects/Opportunity/fields/Margin__c.field-meta.xml`]: fieldXml('<fullName>Margin__c</fullName><label>Margin</label><type>Percent</type><precision>5</precision><scale>2</scale>'),
    [`${MAIN}/objects/Opportunity/fields/Partner__c.field-meta.xml`]: fieldXml('<fullName>Partner__c</fullName><label>Partner</label><type>Text</type><length>40</length>'),
  };
  const def = loadOrgMetadata(makeProject(files));
  const layout = (name: string) => defaultLayout(def.schema.object(name)!, def.schema);
  let org: LocalOrg;
  before(async () => {
    org = await buildOrg(makeProject(files));
  });
  after(async () => {
    await org.app.close();
    removeProjects();
  });

  it('loads without problems (no layout files: only the built-in defaults)', () => {
    assert.deepEqual(def.problems, []);
    assert.equal(def.automation.layouts!.layouts.size, 0);
  });

  it('gives a custom object Name, Owner and every custom field in declaration order, with activity lists where activities are allowed', () => {
    const invoice = layout('Invoice__c');
    assert.equal(invoice.name, 'Invoice Layout');
    assert.deepEqual(columnsOf(invoice), ['Information: Name Account__c Due__c | OwnerId Amount__c', 'System Information: CreatedById | LastModifiedById']);
    assert.deepEqual(relatedOf(invoice), [
      'Open Activities (Task.WhatId): Subject WhoId WhatId ActivityDate Status Priority OwnerId',
      'Activity History (Task.WhatId): Subject WhoId WhatId ActivityDate OwnerId LastModifiedDate',
    ]);
    assert.deepEqual(columnsOf(layout('Memo__c')), ['Information: Name | OwnerId', 'System Information: CreatedById | LastModifiedById']);
    assert.deepEqual(layout('Memo__c').relatedLists, [], 'no activities on Memo__c');
  });

  it("adds the project's custom fields to the first section of a standard object's default, each in the shorter column", () => {
    assert.equal(columnsOf(layout('Lead'))[0], 'Lead Information: OwnerId Name Company Title LeadSource Industry AnnualRevenue Score__c | Phone MobilePhone Email Website Status Rating NumberOfEmployees');
    assert.equal(columnsOf(layout('Opportunity'))[0], 'Opportunity Information: OwnerId IsPrivate Name AccountId Type LeadSource Margin__c | Amount ExpectedRevenue CloseDate NextStep StageName Probability Partner__c');
  });

  it('adds a related list for each custom lookup to the object', () => {
    assert.equal(relatedOf(layout('Account')).at(-1), 'Invoices (Invoice__c.Account__c): Name');
  });

  it("labels fields as Salesforce's pages do, unless the project relabelled them", () => {
    const labels = layoutOf(org, 'admin@test.local', 'Lead').sections[0].items.map((i) => i.label);
    assert.deepEqual(labels, [
      'Lead Owner', 'Name', 'Organisation', 'Title', 'Lead Source', 'Industry', 'Annual Revenue', 'Score',
      'Phone', 'Mobile', 'Email', 'Website', 'Lead Status', 'Rating', 'No. of Employees',
    ]);
    const task = layoutOf(org, 'admin@test.local', 'Task');
    assert.deepEqual(task.sections.map((s) => s.items.map((i) => i.label)), [
      ['Subject', 'Due Date', 'Status', 'Priority', 'Assigned To', 'Name', 'Related To', 'Type'],
      ['Comments'],
      ['Created By', 'Last Modified By'],
    ]);
    const opportunity = layoutOf(org, 'admin@test.local', 'Opportunity').sections[0].items.map((i) => i.label);
    assert.deepEqual(opportunity.slice(0, 6), ['Opportunity Owner', 'Private', 'Opportunity Name', 'Account Name', 'Type', 'Lead Source']);
    const address = layoutOf(org, 'admin@test.local', 'Account').sections[1].items.map((i) => `${i.compound?.label}: ${i.label}`);
    assert.deepEqual(address.slice(0, 2), ['Billing Address: Billing Street', 'Billing Address: Billing City']);
  });
});
