import assert from 'node:assert/strict';
import { test } from 'node:test';
import { impliedObjectGrant } from '../../../src/org/security/permissionGrants.ts';

const none = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

// What Setup ticks along with each box (Salesforce's object permission dependencies).
const cases: Array<[string, Partial<typeof none>, Partial<typeof none>]> = [
  ['Modify All brings Read, Edit, Delete, View All — not Create', { modifyAll: true }, { read: true, edit: true, delete: true, viewAll: true, modifyAll: true }],
  ['View All brings Read', { viewAll: true }, { read: true, viewAll: true }],
  ['Delete brings Edit and Read', { delete: true }, { read: true, edit: true, delete: true }],
  ['Edit brings Read', { edit: true }, { read: true, edit: true }],
  ['Create brings Read only', { create: true }, { read: true, create: true }],
  ['nothing brings nothing', {}, {}],
];

for (const [title, given, expected] of cases) {
  test(title, () => {
    assert.deepEqual(impliedObjectGrant({ ...none, ...given }), { ...none, ...expected });
  });
}
