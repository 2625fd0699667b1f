import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { FormulaUsers } from '../../../src/org/formula/FormulaUsers.ts';
import type { PermissionContent, PermissionSetDef, ProfileDef } from '../../../src/org/metadata/types.ts';
import type { OrgStore, StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import type { ObjectDef } from '../../../src/org/schema/types.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { formulaSchema } from './formulaFixture.ts';

const schema = formulaSchema();
after(removeProjects);

const permissions = (customPermissions: unknown): PermissionContent => ({ objectPermissions: [], fieldPermissions: [], userPermissions: [], other: { customPermissions } });

/** Just what FormulaUsers reads: rows by id, and the permission set names assigned to a user. */
function fakeStore(rows: Record<string, StoredRow>, assigned: string[]): OrgStore {
  return {
    schema,
    getById: (_object: ObjectDef, id: string) => rows[id],
    select: () => assigned.map((Name) => ({ Name })),
  } as unknown as OrgStore;
}

describe('FormulaUsers: the running user for $User, $Profile, $UserRole and $Permission', () => {
  const rows: Record<string, StoredRow> = {
    '005A': { Id: '005A', Username: 'ada@example.com', ProfileId: '00eA', UserRoleId: '00EA', SystemModstamp: 't1' },
    '00eA': { Id: '00eA', Name: 'Sales Rep' },
    '00EA': { Id: '00EA', Name: 'East' },
    '00EB': { Id: '00EB', Name: 'West' },
  };
  const assigned: string[] = [];
  const profiles = [{ name: 'Sales Rep', permissions: permissions({ name: 'Log_Calls', enabled: 'true' }) }] as ProfileDef[];
  const permissionSets = [
    { name: 'Discounts', permissions: permissions([{ name: 'Approve_Discounts', enabled: 'true' }, { name: 'Waive_Fees', enabled: 'false' }]) },
  ] as PermissionSetDef[];
  const users = new FormulaUsers({ store: fakeStore(rows, assigned), profiles, permissionSets });

  it('reads the user row, the profile and role names', () => {
    const user = users.forUser('005A');
    assert.equal(user.userRow.Username, 'ada@example.com');
    assert.equal(user.profileName, 'Sales Rep');
    assert.equal(user.roleName, 'East');
  });

  it('grants custom permissions enabled in the profile or in a permission set assigned now', () => {
    const user = users.forUser('005A');
    assert.equal(user.hasCustomPermission('Log_Calls'), true);
    assert.equal(user.hasCustomPermission('Approve_Discounts'), false);
    assigned.push('Discounts');
    assert.equal(user.hasCustomPermission('approve_discounts'), true, 'names match case-insensitively');
    assert.equal(user.hasCustomPermission('Waive_Fees'), false, 'a disabled entry grants nothing');
  });

  it('reuses a user until the User row changes', () => {
    const first = users.forUser('005A');
    assert.equal(users.forUser('005A'), first);
    rows['005A'] = { ...rows['005A'], UserRoleId: '00EB', SystemModstamp: 't2' };
    const second = users.forUser('005A');
    assert.notEqual(second, first);
    assert.equal(second.roleName, 'West');
  });

  it('reads an unknown user as a blank row', () => {
    const ghost = users.forUser('005Z');
    assert.deepEqual([ghost.userRow, ghost.profileName, ghost.roleName], [{ Id: '005Z' }, '', null]);
  });
});
