import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PermissionContent, ProfileDef } from '../../../src/org/metadata/types.ts';
import { BUILT_IN_PROFILES } from '../../../src/org/metadata/accessMetadata.ts';
import { PermissionCatalog } from '../../../src/org/security/PermissionCatalog.ts';
import { OrgSchema } from '../../../src/org/schema/types.ts';
import { standardObjectDefs } from '../../../src/org/schema/standardObjects.ts';
import { defineObject } from '../../../src/org/schema/defineObject.ts';

/** Effective permissions from profiles and permission sets, without an org: defaults, overlays, unions, implications. */

const schema = new OrgSchema([
  ...standardObjectDefs(),
  defineObject({ name: 'Project__c', keyPrefix: 'a00', owned: true }, [
    { name: 'Name', type: 'string' },
    { name: 'Budget__c', type: 'currency' },
    { name: 'Code__c', type: 'string', required: true },
  ]),
]);
const object = (name: string) => schema.object(name)!;
const field = (o: string, f: string) => schema.field(object(o), f)!;

const content = (p: Partial<PermissionContent>): PermissionContent => ({ objectPermissions: [], fieldPermissions: [], userPermissions: [], other: {}, ...p });
const builtIns = (): ProfileDef[] => BUILT_IN_PROFILES.map((p) => ({ ...p, userLicense: 'Salesforce', builtIn: true, permissions: content({}) }));

const rights = (a: { read: boolean; create: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean }) =>
  ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'].filter((k) => a[k as keyof typeof a]).join(' ') || 'none';

describe('PermissionCatalog', () => {
  const catalog = new PermissionCatalog({
    profiles: [
      ...builtIns().map((p) =>
        p.name === 'Standard User'
          ? { ...p, permissions: content({ objectPermissions: [{ object: 'Lead', allowRead: 'true', allowCreate: 'false', allowEdit: 'false', allowDelete: 'false' }] }) }
          : p,
      ),
      { name: 'Auditor', fullName: 'Auditor', userLicense: 'Salesforce', builtIn: false, permissions: content({ userPermissions: [{ name: 'ViewAllData', enabled: 'true' }] }) },
      { name: 'Bare', fullName: 'Bare', userLicense: 'Salesforce', builtIn: false, permissions: content({ objectPermissions: [{ object: 'Project__c', allowEdit: 'true' }] }) },
    ],
    permissionSets: [
      { name: 'Budget', label: 'Budget', file: 'x', permissions: content({ fieldPermissions: [{ field: 'Project__c.Budget__c', editable: 'true', readable: 'false' }] }) },
      { name: 'Everything', label: 'Everything', file: 'x', permissions: content({ userPermissions: [{ name: 'ModifyAllData', enabled: 'true' }] }) },
    ],
  });

  it('gives the built-in profiles Salesforce\'s defaults', () => {
    const table = Object.fromEntries(
      ['System Administrator', 'Standard User', 'Marketing User', 'Read Only'].map((name) => {
        const p = catalog.permissionsOf(name, []);
        return [name, [rights(p.objectAccess(object('Account'))), rights(p.objectAccess(object('Project__c'))), rights(p.objectAccess(object('Task'))), ['ApiEnabled', 'ConvertLeads', 'ImportLeads', 'ViewAllData'].filter((x) => p.has(x)).join(' ')]];
      }),
    );
    assert.deepEqual(table, {
      'System Administrator': ['read create edit delete viewAll modifyAll', 'read create edit delete viewAll modifyAll', 'read create edit delete viewAll modifyAll', 'ApiEnabled ConvertLeads ImportLeads ViewAllData'],
      'Standard User': ['read create edit delete', 'read create edit delete', 'read create edit delete', 'ApiEnabled ConvertLeads'],
      'Marketing User': ['read create edit delete', 'read create edit delete', 'read create edit delete', 'ApiEnabled ConvertLeads ImportLeads'],
      'Read Only': ['read', 'read', 'read', 'ApiEnabled'],
    });
  });

  it('lays a built-in profile\'s file over its defaults, entry by entry', () => {
    const standard = catalog.permissionsOf('Standard User', []);
    assert.equal(rights(standard.objectAccess(object('Lead'))), 'read');
    assert.equal(rights(standard.objectAccess(object('Contact'))), 'read create edit delete');
  });

  it('applies the implications Setup enforces: Edit needs Read, View All Data reads everything, Modify All Data does everything', () => {
    assert.equal(rights(catalog.permissionsOf('Bare', []).objectAccess(object('Project__c'))), 'read edit');
    const auditor = catalog.permissionsOf('Auditor', []);
    assert.equal(rights(auditor.objectAccess(object('Opportunity'))), 'read viewAll');
    assert.equal(auditor.fieldAccess(object('Project__c'), field('Project__c', 'Budget__c')).read, false, 'View All Data does not bypass field-level security');
    const everything = catalog.permissionsOf('Bare', ['Everything']);
    assert.equal(everything.has('ViewAllData'), true);
    assert.equal(rights(everything.objectAccess(object('Lead'))), 'read create edit delete viewAll modifyAll');
  });

  it('shows custom fields to the administrator by default and to others only when granted; required fields to everyone who reads the object', () => {
    const fls = (profile: string, sets: string[], f: string) => {
      const a = catalog.permissionsOf(profile, sets).fieldAccess(object('Project__c'), field('Project__c', f));
      return `${a.read ? 'R' : '-'}${a.edit ? 'E' : '-'}`;
    };
    assert.equal(fls('System Administrator', [], 'Budget__c'), 'RE');
    assert.equal(fls('Standard User', [], 'Budget__c'), '--');
    assert.equal(fls('Standard User', ['Budget'], 'Budget__c'), 'RE', 'editable implies readable');
    assert.equal(fls('Standard User', [], 'Code__c'), 'RE');
    assert.equal(fls('Read Only', [], 'Code__c'), 'R-', 'no field is editable on an object the user cannot change');
    assert.equal(fls('Auditor', [], 'Name'), 'R-');
  });

  it('gives a user that has no profile nothing but the setup objects everyone reads', () => {
    const nobody = catalog.permissionsOf(undefined, []);
    assert.equal(rights(nobody.objectAccess(object('Lead'))), 'none');
    assert.equal(rights(nobody.objectAccess(object('User'))), 'read viewAll');
    assert.equal(nobody.has('ApiEnabled'), false);
  });
});
