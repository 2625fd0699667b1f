import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LocalOrg } from '../../../src/org/app.ts';
import type { LayoutMode } from '../../../src/org/layouts/pageLayout.ts';
import { DEFAULT_ORG_DIR } from '../../support/testOrg.ts';
import { buildOrg, itemsByField, layoutOf, outline } from './layoutSupport.ts';

/**
 * The default org's layout files (Lead, Account, Opportunity) and what each persona gets from
 * them: field-level security on Commission__c and Region__c, object permissions per mode, and the
 * differences between the record page, the edit dialog and the new-record dialog.
 */

const USERS = {
  admin: 'admin@golive.local',
  salesManager: 'sales.manager@golive.local',
  juniorRep: 'junior.rep@golive.local',
  marketing: 'marketing@golive.local',
  compliance: 'compliance@golive.local',
};
const MODES: LayoutMode[] = ['view', 'edit', 'create'];

describe('the default org page layouts', () => {
  let org: LocalOrg;
  before(async () => {
    org = await buildOrg(DEFAULT_ORG_DIR);
  });
  after(() => org.app.close());

  it('loads its layout files with no problems, and the Sales Rep profile assigns them', () => {
    assert.deepEqual(org.definition.problems, []);
    const meta = org.definition.automation.layouts!;
    assert.deepEqual(
      [...meta.layouts.values()].flat().map((l) => `${l.object}: ${l.name} (${l.file})`).sort(),
      [
        'Account: Account Layout (force-app/main/default/layouts/Account-Account Layout.layout-meta.xml)',
        'Lead: Lead Layout (force-app/main/default/layouts/Lead-Lead Layout.layout-meta.xml)',
        'Opportunity: Opportunity Layout (force-app/main/default/layouts/Opportunity-Opportunity Layout.layout-meta.xml)',
      ],
    );
    assert.deepEqual(meta.assignments.get('sales rep')?.map((a) => `${a.object}-${a.layout}`), ['Account-Account Layout', 'Lead-Lead Layout', 'Opportunity-Opportunity Layout']);
  });

  it('puts Region__c on the Lead and Account layouts and Commission__c on the Opportunity layout (first section)', () => {
    const firstSection = (object: string) => layoutOf(org, USERS.admin, object).sections[0];
    assert.equal(firstSection('Lead').label, 'Lead Information');
    assert.ok(firstSection('Lead').items.some((i) => i.field.name === 'Region__c'));
    assert.ok(firstSection('Account').items.some((i) => i.field.name === 'Region__c'));
    const commission = firstSection('Opportunity').items.find((i) => i.field.name === 'Commission__c');
    assert.deepEqual(commission && [commission.label, commission.column, commission.row], ['Commission', 2, 6]);
    assert.equal(itemsByField(layoutOf(org, USERS.admin, 'Lead')).get('Region__c')!.helpText, 'The sales region that works this record.');
  });

  describe('Commission__c per persona', () => {
    const commission = (user: string, mode: LayoutMode) => itemsByField(layoutOf(org, user, 'Opportunity', mode)).get('Commission__c');

    it('is absent for the junior rep, in every mode', () => {
      for (const mode of MODES) assert.equal(commission(USERS.juniorRep, mode), undefined, mode);
      // The rest of the layout is there: the rep can work opportunities.
      assert.deepEqual(outline(layoutOf(org, USERS.juniorRep, 'Opportunity', 'edit'))[0], 'Opportunity Information: OwnerId, IsPrivate, Name*, AccountId, Type, LeadSource, Amount, ExpectedRevenue(ro), CloseDate*, NextStep, StageName*, Probability');
    });

    it('is read-only for the sales manager (permission set: read, not edit)', () => {
      for (const mode of MODES) assert.deepEqual(commission(USERS.salesManager, mode) && [commission(USERS.salesManager, mode)!.editable, commission(USERS.salesManager, mode)!.required], [false, false], mode);
    });

    it('is editable for the admin', () => {
      for (const mode of MODES) assert.equal(commission(USERS.admin, mode)?.editable, true, mode);
    });
  });

  it('refuses the Opportunity layout to marketing, which has no access to opportunities, as the record service does', () => {
    for (const mode of MODES) {
      assert.throws(() => layoutOf(org, USERS.marketing, 'Opportunity', mode), { errorCode: 'INVALID_TYPE', message: /sObject type 'Opportunity' is not supported/ }, mode);
    }
    // Marketing works leads, but may not convert them.
    assert.deepEqual(layoutOf(org, USERS.marketing, 'Lead').actions, ['Edit', 'Delete', 'Clone', 'ChangeOwnerOne']);
  });

  it('gives compliance (read-only) the record page with nothing editable, and refuses the dialogs', () => {
    const page = layoutOf(org, USERS.compliance, 'Account');
    const items = page.sections.flatMap((s) => s.items);
    assert.ok(items.length > 20);
    assert.deepEqual(items.filter((i) => i.editable || i.required).map((i) => i.field.name), []);
    assert.deepEqual(page.actions, []);
    for (const mode of ['edit', 'create'] as const) {
      assert.throws(() => layoutOf(org, USERS.compliance, 'Account', mode), { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }, mode);
    }
  });

  it("offers the junior rep what the Sales Rep profile allows (no Delete), and Convert on leads", () => {
    assert.deepEqual(layoutOf(org, USERS.juniorRep, 'Lead').actions, ['Convert', 'Edit', 'Clone', 'ChangeOwnerOne']);
    assert.deepEqual(layoutOf(org, USERS.admin, 'Lead').actions, ['Convert', 'Edit', 'Delete', 'Clone', 'ChangeOwnerOne']);
  });

  describe('modes (the admin on Lead)', () => {
    it('view: the record page, with Name as one read-only value, System Information, related lists and actions', () => {
      const page = layoutOf(org, USERS.admin, 'Lead', 'view');
      assert.deepEqual(outline(page), [
        'Lead Information: OwnerId, Name(ro), Company*, Title, LeadSource, Industry, AnnualRevenue, Region__c, Phone, MobilePhone, Email, Website, Status*, Rating, NumberOfEmployees',
        'Address Information: Address/Street, Address/City, Address/State, Address/PostalCode, Address/Country',
        'Additional Information: HasOptedOutOfEmail, DoNotCall',
        'Description Information: Description',
        'System Information: CreatedById(ro), LastModifiedById(ro)',
      ]);
      assert.deepEqual(page.sections.map((s) => [s.columns, s.heading]), [[2, true], [2, true], [2, true], [1, true], [2, true]]);
      assert.deepEqual(page.relatedLists.map((r) => [r.label, r.childObject, r.field, r.columns.map((c) => c.name).join(' ')]), [
        ['Open Activities', 'Task', 'WhoId', 'Subject WhoId ActivityDate Status Priority OwnerId'],
        ['Activity History', 'Task', 'WhoId', 'Subject WhoId ActivityDate OwnerId LastModifiedDate'],
      ]);
      assert.equal(page.assignmentRuleCheckbox, undefined);
    });

    it('edit: Name as Salutation / First Name / Last Name, System Information read-only without its heading', () => {
      const page = layoutOf(org, USERS.admin, 'Lead', 'edit');
      assert.deepEqual(outline(page)[0].split(', ').slice(0, 5), ['Lead Information: OwnerId', 'Name/Salutation', 'Name/FirstName', 'Name/LastName*', 'Company*']);
      const system = page.sections.at(-1)!;
      assert.deepEqual([system.label, system.heading, system.items.map((i) => `${i.label}${i.editable ? '' : '(ro)'}`)], ['System Information', false, ['Created By(ro)', 'Last Modified By(ro)']]);
      const name = page.sections[0].items.filter((i) => i.compound?.name === 'Name');
      assert.deepEqual(name.map((i) => [i.label, i.column, i.row]), [['Salutation', 1, 1], ['First Name', 1, 1], ['Last Name', 1, 1]]);
      assert.deepEqual([page.relatedLists, page.actions], [[], undefined]);
      assert.deepEqual(page.assignmentRuleCheckbox, { defaultChecked: false });
    });

    it('create: no system or computed fields, so no System Information', () => {
      const page = layoutOf(org, USERS.admin, 'Lead', 'create');
      assert.deepEqual(page.sections.map((s) => s.label), ['Lead Information', 'Address Information', 'Additional Information', 'Description Information']);
      const fields = [...itemsByField(page).keys()];
      for (const absent of ['Id', 'Name', 'CreatedDate', 'CreatedById', 'LastModifiedById', 'IsConverted']) assert.ok(!fields.includes(absent), absent);
      assert.deepEqual(fields.filter((f) => itemsByField(page).get(f)!.required), ['LastName', 'Company', 'Status']);
      assert.deepEqual(page.assignmentRuleCheckbox, { defaultChecked: false });
    });

    it('create on Opportunity leaves out the computed Expected Revenue that edit shows read-only', () => {
      assert.equal(itemsByField(layoutOf(org, USERS.admin, 'Opportunity', 'create')).has('ExpectedRevenue'), false);
      assert.equal(itemsByField(layoutOf(org, USERS.admin, 'Opportunity', 'edit')).get('ExpectedRevenue')?.editable, false);
    });
  });
});
