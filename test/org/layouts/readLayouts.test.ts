import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LocalOrg } from '../../../src/org/app.ts';
import type { LayoutDef } from '../../../src/org/layouts/types.ts';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import type { MetadataProblem } from '../../../src/org/metadata/types.ts';
import { adminUser, customObjectXml, fieldXml, MAIN, makeProject, removeProjects, usersJson, xml } from '../metadata/sfdxProject.ts';
import { buildOrg, layoutOf, layoutXml, outline, relatedListXml, sectionXml } from './layoutSupport.ts';

/**
 * The layout reader on a purpose-made project: sections, columns and behaviors, what it reports
 * and leaves out, related lists, record header actions, and which layout each profile gets.
 */

const L = `${MAIN}/layouts`;
const ACCOUNT_LAYOUT = `${L}/Account-Account Layout.layout-meta.xml`;

const accountLayout = layoutXml(
  sectionXml('Main', [
    [{ field: 'Name', behavior: 'Required' }, { field: 'Tier__c', behavior: 'Readonly' }, null, 'Secret__c'],
    ['Phone', 'Nope__c', 'phone', 'BillingAddress'],
  ]),
  sectionXml('Notes', [['Description']], 'OneColumn', { detail: true, edit: false }),
  sectionXml('Custom Links', [[], [], []], 'CustomLinks'),
  '<layoutSections><label>Embedded</label><layoutColumns><layoutItems><height>200</height><page>AccountMap</page></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>',
  '<miniLayout><fields>Name</fields></miniLayout>',
  '<platformActionList><actionListContext>Record</actionListContext>' +
    '<platformActionListItems><actionName>Delete</actionName><actionType>StandardButton</actionType><sortOrder>2</sortOrder></platformActionListItems>' +
    '<platformActionListItems><actionName>FeedItem.TextPost</actionName><actionType>QuickAction</actionType><sortOrder>0</sortOrder></platformActionListItems>' +
    '<platformActionListItems><actionName>Edit</actionName><actionType>StandardButton</actionType><sortOrder>1</sortOrder></platformActionListItems></platformActionList>',
  relatedListXml('RelatedContactList', ['FULL_NAME', 'CONTACT.EMAIL', 'CONTACT.PHONE1']),
  relatedListXml('Invoice__c.Account__c', ['NAME', 'Amount__c', 'Bogus__c'], '<sortField>Due__c</sortField><sortOrder>Desc</sortOrder>'),
  relatedListXml('RelatedNoteList'),
  relatedListXml('RelatedActivityList', ['TASK.SUBJECT', 'ACTIVITY.TASK', 'TASK.DUE_DATE', 'CORE.USERS.FULL_NAME']),
  '<showHighlightsPanel>false</showHighlightsPanel>',
  '<summaryLayout><masterLabel>x</masterLabel><sizeX>4</sizeX></summaryLayout>',
  '<weirdElement>true</weirdElement>',
);

const profile = xml(
  'Profile',
  [
    '<custom>true</custom>',
    '<fieldPermissions><editable>true</editable><field>Account.Tier__c</field><readable>true</readable></fieldPermissions>',
    '<fieldPermissions><editable>false</editable><field>Account.Secret__c</field><readable>false</readable></fieldPermissions>',
    '<layoutAssignments><layout>Account-Account Layout</layout></layoutAssignments>',
    '<layoutAssignments><layout>Account-Partner Layout</layout><recordType>Account.Partner</recordType></layoutAssignments>',
    '<layoutAssignments><layout>Account-Partner Layout</layout></layoutAssignments>',
    '<layoutAssignments><layout>Lead-Missing Layout</layout></layoutAssignments>',
    '<layoutAssignments><layout>Account-Account Layout</layout><recordType>Account.Reseller</recordType></layoutAssignments>',
    '<layoutAssignments><layout>Ghost__c-Ghost Layout</layout></layoutAssignments>',
    '<layoutAssignments><layout>Contact-Contact Layout</layout></layoutAssignments>',
    '<objectPermissions><allowCreate>true</allowCreate><allowDelete>true</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Account</object><viewAllRecords>false</viewAllRecords></objectPermissions>',
    '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Contact</object><viewAllRecords>false</viewAllRecords></objectPermissions>',
    '<userLicense>Salesforce</userLicense>',
  ].join('\n'),
);

const files: Record<string, string> = {
  'golive/users.json': usersJson([
    { ...adminUser, password: 'layouts-1' },
    { username: 'rep1@test.local', lastName: 'One', email: 'rep1@test.local', profile: 'Field Sales', password: 'layouts-1' },
    { username: 'rep2@test.local', lastName: 'Two', email: 'rep2@test.local', profile: 'Field Sales', permissionSets: ['Secret_Reader'], password: 'layouts-1' },
    { username: 'std@test.local', lastName: 'Std', email: 'std@test.local', profile: 'Standard User', password: 'layouts-1' },
  ]),
  [`${MAIN}/objects/Account/fields/Tier__c.field-meta.xml`]: fieldXml('<fullName>Tier__c</fullName><label>Tier</label><type>Text</type><length>20</length>'),
  [`${MAIN}/objects/Account/fields/Secret__c.field-meta.xml`]: fieldXml('<fullName>Secret__c</fullName><label>Secret</label><type>Text</type><length>20</length>'),
  [`${MAIN}/objects/Account/recordTypes/Partner.recordType-meta.xml`]: xml('RecordType', '<fullName>Partner</fullName><active>true</active><label>Partner</label>'),
  [`${MAIN}/objects/Invoice__c/Invoice__c.object-meta.xml`]: customObjectXml('Invoice'),
  [`${MAIN}/objects/Invoice__c/fields/Account__c.field-meta.xml`]: fieldXml('<fullName>Account__c</fullName><label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Invoices</relationshipName>'),
  [`${MAIN}/objects/Invoice__c/fields/Amount__c.field-meta.xml`]: fieldXml('<fullName>Amount__c</fullName><label>Amount</label><type>Currency</type><precision>16</precision><scale>2</scale>'),
  [`${MAIN}/objects/Invoice__c/fields/Due__c.field-meta.xml`]: fieldXml('<fullName>Due__c</fullName><label>Due</label><type>Date</type>'),
  [`${MAIN}/profiles/Field Sales.profile-meta.xml`]: profile,
  [`${MAIN}/permissionsets/Secret_Reader.permissionset-meta.xml`]: xml('PermissionSet', '<label>Secret Reader</label><fieldPermissions><editable>false</editable><field>Account.Secret__c</field><readable>true</readable></fieldPermissions>'),
  [ACCOUNT_LAYOUT]: accountLayout,
  [`${L}/Account-Partner Layout.layout-meta.xml`]: layoutXml(
    sectionXml('Partner', [['Name', 'Phone'], [{ field: 'Tier__c', behavior: 'Required' }, 'Fax']], 'TwoColumnsLeftToRight'),
    relatedListXml('Invoices__r', ['Name', 'Due__c']),
    '<excludeButtons>Delete</excludeButtons>',
    '<excludeButtons>Submit</excludeButtons>',
  ),
  [`${L}/Lead-Lean Lead.layout-meta.xml`]: layoutXml(sectionXml('Lean', [['Name'], ['Email']])),
  [`${L}/Ghost__c-Ghost Layout.layout-meta.xml`]: layoutXml(sectionXml('Boo', [['Name']])),
  [`${L}/Account%28Odd%29.layout-meta.xml`]: layoutXml(''),
  [`${MAIN}/objects/Account/Account-Stray.layout-meta.xml`]: layoutXml(''),
};

/** Line (1-based) of the n-th (from 0) occurrence of `needle` in the text. */
function lineOfText(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the file`);
  return text.slice(0, at).split('\n').length;
}

describe('reading page layouts', () => {
  after(removeProjects);
  const dir = makeProject(files);
  const def = loadOrgMetadata(dir);
  const meta = def.automation.layouts!;
  const layout = (object: string, name: string): LayoutDef => {
    const found = meta.layouts.get(object.toLowerCase())?.find((l) => l.name === name);
    assert.ok(found, `layout ${object}-${name} was read`);
    return found;
  };
  const problemsOf = (file: string): MetadataProblem[] => def.problems.filter((p) => p.file === file);

  it('reads sections with their style, headings and columns; blanks keep their place; CustomLinks sections are not kept', () => {
    const l = layout('Account', 'Account Layout');
    assert.deepEqual(
      l.sections.map((s) => [s.label, s.style, s.detailHeading, s.editHeading, s.columns.length]),
      [
        ['Main', 'TwoColumnsTopToBottom', true, true, 2],
        ['Notes', 'OneColumn', true, false, 1],
        ['Embedded', 'OneColumn', true, true, 1],
      ],
    );
    assert.deepEqual(l.sections[0].columns, [
      [{ field: 'Name', behavior: 'Required' }, { field: 'Tier__c', behavior: 'Readonly' }, { blank: true }, { field: 'Secret__c', behavior: 'Edit' }],
      [{ field: 'Phone', behavior: 'Edit' }, { field: 'BillingAddress', behavior: 'Edit' }],
    ]);
    assert.deepEqual(l.sections[2].columns, [[]], 'the Visualforce page is left out');
    assert.equal(l.file, ACCOUNT_LAYOUT);
  });

  it('reports a field the object does not have, with file, line, element and field; the item is dropped', () => {
    const p = problemsOf(ACCOUNT_LAYOUT).filter((x) => x.message.includes('Nope__c'));
    assert.equal(p.length, 1);
    assert.equal(p[0].element, 'layoutItems');
    assert.equal(p[0].line, lineOfText(accountLayout, '<field>Nope__c</field>'));
    assert.match(p[0].message, /Layout Account-Account Layout shows Nope__c, which is not a field of Account in the local org; it is left out/);
    assert.match(p[0].hint, /objects\/Account\/fields\/Nope__c\.field-meta\.xml/);
  });

  it('reports a field listed twice (case-insensitively) at its second occurrence', () => {
    const p = problemsOf(ACCOUNT_LAYOUT).filter((x) => x.message.includes('twice'));
    assert.equal(p.length, 1);
    assert.equal(p[0].line, lineOfText(accountLayout, '<field>phone</field>'));
    assert.match(p[0].message, /shows Phone twice/);
  });

  it('reports embedded content, unknown layout elements and related lists it cannot show; ignores the harmless elements', () => {
    const p = problemsOf(ACCOUNT_LAYOUT);
    const byElement = (e: string) => p.filter((x) => x.element === e).map((x) => x.message);
    assert.equal(byElement('weirdElement').length, 1);
    assert.equal(p.find((x) => x.element === 'weirdElement')!.line, lineOfText(accountLayout, '<weirdElement>'));
    assert.match(byElement('layoutItems').join('\n'), /embeds a page \(AccountMap\)/);
    assert.deepEqual(
      byElement('relatedLists').map((m) => m.replace(/^Layout Account-Account Layout:? /, '')),
      [
        'the related list Invoice__c.Account__c has the column Bogus__c, which is not a field of Invoice__c in the local org; it is left out.',
        'has the related list RelatedNoteList, which the local org cannot show for Account; it is left out.',
      ],
    );
    // Nope__c, phone twice, the page, weirdElement, Bogus__c, RelatedNoteList: nothing for miniLayout, summaryLayout, showHighlightsPanel, Custom Links.
    assert.equal(p.length, 6, JSON.stringify(p, null, 1));
  });

  it('reads related lists by standard name, Child.Field and relationship name, with columns and sort order', () => {
    assert.deepEqual(layout('Account', 'Account Layout').relatedLists, [
      { name: 'RelatedContactList', childObject: 'Contact', field: 'AccountId', label: 'Contacts', columns: ['Name', 'Email', 'Phone'] },
      { name: 'Invoice__c.Account__c', childObject: 'Invoice__c', field: 'Account__c', label: 'Invoices', columns: ['Name', 'Amount__c'], sort: { field: 'Due__c', descending: true } },
      { name: 'RelatedActivityList', childObject: 'Task', field: 'WhatId', label: 'Open Activities', columns: ['Subject', 'ActivityDate', 'OwnerId'], activities: 'open' },
    ]);
    assert.deepEqual(layout('Account', 'Partner Layout').relatedLists, [
      { name: 'Invoices__r', childObject: 'Invoice__c', field: 'Account__c', label: 'Invoices', columns: ['Name', 'Due__c'] },
    ]);
  });

  it('reads the record actions (standard buttons, in sort order), excluded buttons and the style of a left-to-right section', () => {
    assert.deepEqual(layout('Account', 'Account Layout').actions, ['Edit', 'Delete']);
    const partner = layout('Account', 'Partner Layout');
    assert.equal(partner.actions, undefined);
    assert.deepEqual(partner.excludeButtons, ['Delete', 'Submit']);
    assert.equal(partner.sections[0].style, 'TwoColumnsLeftToRight');
  });

  it('adds the required fields a layout leaves out to its first section, reporting each', () => {
    const lean = layout('Lead', 'Lean Lead');
    assert.deepEqual(lean.sections[0].columns[0], [
      { field: 'Name', behavior: 'Edit' },
      { field: 'Company', behavior: 'Required' },
      { field: 'Status', behavior: 'Required' },
    ]);
    const p = problemsOf(`${L}/Lead-Lean Lead.layout-meta.xml`);
    assert.deepEqual(p.map((x) => x.message.match(/does not show (\w+)/)?.[1]), ['Company', 'Status'], 'LastName is covered by Name');
    assert.deepEqual(p.map((x) => [x.element, x.line]), [['layoutItems', 2], ['layoutItems', 2]], 'at the <Layout> element');
  });

  it('reports layouts of objects the local org lacks, badly named files and files outside layouts/', () => {
    assert.match(problemsOf(`${L}/Ghost__c-Ghost Layout.layout-meta.xml`)[0].message, /Layout for Ghost__c, an object the local org does not have/);
    assert.match(problemsOf(`${L}/Account%28Odd%29.layout-meta.xml`)[0].message, /is not <Object>-<Layout Name>/);
    assert.match(problemsOf(`${MAIN}/objects/Account/Account-Stray.layout-meta.xml`)[0].message, /not where Salesforce source format puts it \(layouts\/\)/);
    assert.equal(meta.layouts.has('ghost__c'), false);
  });

  it("reads each profile's layout assignments, reporting those it cannot honour", () => {
    assert.deepEqual(meta.assignments.get('field sales'), [
      { object: 'Account', layout: 'Account Layout' },
      { object: 'Account', layout: 'Partner Layout', recordType: 'Partner' },
      // Contact Layout is the built-in default's name: no file needed.
      { object: 'Contact', layout: 'Contact Layout' },
    ]);
    const messages = problemsOf(`${MAIN}/profiles/Field Sales.profile-meta.xml`).map((p) => [p.element, p.message]);
    assert.deepEqual(messages, [
      ['layoutAssignments', 'Profile Field Sales assigns two layouts to Account (Account Layout and Partner Layout); the first is used.'],
      ['layoutAssignments', "Profile Field Sales assigns the layout Lead-Missing Layout, which the project does not have; its users get Lead's default layout."],
      ['layoutAssignments', 'Profile Field Sales assigns Account-Account Layout to the record type Account.Reseller, which Account does not have; the assignment is left out.'],
      ['layoutAssignments', "Profile Field Sales assigns the layout 'Ghost__c-Ghost Layout', of Ghost__c, an object the local org does not have; the assignment is left out."],
    ]);
  });
});

describe('which layout a user gets', () => {
  let org: LocalOrg;
  before(async () => {
    org = await buildOrg(makeProject(files));
  });
  after(async () => {
    await org.app.close();
    removeProjects();
  });
  const partnerId = () => String(org.store.selectOne(`SELECT "Id" FROM "RecordType" WHERE "DeveloperName" = 'Partner'`, [])!.Id);

  it("follows the profile's assignment per record type, and the master assignment otherwise", () => {
    assert.equal(layoutOf(org, 'rep1@test.local', 'Account').name, 'Account Layout');
    assert.equal(layoutOf(org, 'rep1@test.local', 'Account', 'view', partnerId()).name, 'Partner Layout');
    assert.equal(layoutOf(org, 'rep1@test.local', 'Account', 'view', partnerId().slice(0, 15)).name, 'Partner Layout', '15-character ids too');
    assert.equal(layoutOf(org, 'rep1@test.local', 'Account', 'view', '012000000000000AAA').name, 'Account Layout', 'Master is no record type');
  });

  it('without an assignment: "<Object> Layout", else the first layout, else the built-in default', () => {
    assert.equal(layoutOf(org, 'admin@test.local', 'Account', 'view', partnerId()).name, 'Account Layout');
    assert.equal(layoutOf(org, 'std@test.local', 'Lead').name, 'Lean Lead');
    assert.equal(layoutOf(org, 'std@test.local', 'Lead').file, `${L}/Lead-Lean Lead.layout-meta.xml`);
    const contact = layoutOf(org, 'rep1@test.local', 'Contact');
    assert.equal(contact.name, 'Contact Layout');
    assert.equal(contact.file, undefined, 'the built-in default');
  });

  it("refuses another object's record type id, and a malformed one", () => {
    assert.throws(() => layoutOf(org, 'std@test.local', 'Lead', 'view', partnerId()), { errorCode: 'NOT_FOUND' });
    assert.throws(() => layoutOf(org, 'rep1@test.local', 'Account', 'view', 'not-an-id'), { errorCode: 'MALFORMED_ID' });
  });

  it('applies field-level security per user, not per profile, although the layout is cached per profile', () => {
    // rep2 first, so a cache keyed by profile would hand rep2's Secret__c to rep1.
    assert.deepEqual(outline(layoutOf(org, 'rep2@test.local', 'Account', 'edit'))[0], 'Main: Name*, Tier__c(ro), Secret__c(ro), Phone, BillingAddress/BillingStreet, BillingAddress/BillingCity, BillingAddress/BillingState, BillingAddress/BillingPostalCode, BillingAddress/BillingCountry');
    assert.deepEqual(outline(layoutOf(org, 'rep1@test.local', 'Account', 'edit'))[0], 'Main: Name*, Tier__c(ro), Phone, BillingAddress/BillingStreet, BillingAddress/BillingCity, BillingAddress/BillingState, BillingAddress/BillingPostalCode, BillingAddress/BillingCountry');
  });

  it('lays out cells by column and row: blanks keep their row, hidden fields close up, left-to-right sections in row order', () => {
    const main = layoutOf(org, 'rep1@test.local', 'Account').sections[0];
    assert.deepEqual(
      main.items.filter((i) => !i.compound || i.field.name === 'BillingStreet').map((i) => [i.field.name, i.column, i.row]),
      [['Name', 1, 0], ['Tier__c', 1, 1], ['Phone', 2, 0], ['BillingStreet', 2, 1]],
    );
    const withSecret = layoutOf(org, 'rep2@test.local', 'Account').sections[0];
    assert.deepEqual(withSecret.items.find((i) => i.field.name === 'Secret__c') && [withSecret.items.find((i) => i.field.name === 'Secret__c')!.row], [3], 'after the blank at row 2');
    const partner = layoutOf(org, 'rep1@test.local', 'Account', 'edit', partnerId()).sections[0];
    assert.deepEqual([partner.tabOrder, partner.items.map((i) => `${i.field.name}@${i.column}.${i.row}${i.required ? '*' : ''}`)], ['leftToRight', ['Name@1.0*', 'Tier__c@2.0*', 'Phone@1.1', 'Fax@2.1']]);
  });

  it('shows standard buttons as the layout lists or excludes them', () => {
    assert.deepEqual(layoutOf(org, 'admin@test.local', 'Account').actions, ['Edit', 'Delete']);
    assert.deepEqual(layoutOf(org, 'admin@test.local', 'Account', 'view', partnerId()).actions, ['Edit', 'Delete'], 'admin has no assignment: Account Layout');
    assert.deepEqual(layoutOf(org, 'rep1@test.local', 'Account', 'view', partnerId()).actions, ['Edit', 'Clone', 'ChangeOwnerOne'], 'Partner Layout excludes Delete');
  });
});
