import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PERSONAS, personaByKey } from '../../fixtures/personas.ts';
import { DEFAULT_ORG_DIR } from '../support/testOrg.ts';

test('an unknown persona is a one-line error that names the known ones', () => {
  assert.throws(
    () => personaByKey('sales-rep'),
    (err: Error) => {
      assert.equal(err.message, "Unknown persona 'sales-rep': the known personas are admin, sales-manager, junior-rep, senior-rep, marketing, compliance, field-rep (declared in fixtures/personas.ts).");
      assert.ok(!err.message.includes('\n'));
      return true;
    },
  );
});

test("the personas are declared as the default org's users are set up", () => {
  const users = JSON.parse(readFileSync(path.join(DEFAULT_ORG_DIR, 'golive/users.json'), 'utf8')) as {
    users: Array<{ persona?: string; profile: string; role?: string; permissionSets?: string[] }>;
  };
  const fromOrg = users.users
    .filter((u) => u.persona)
    .map((u) => ({ key: u.persona, profile: u.profile, role: u.role ?? null, permissionSets: u.permissionSets ?? [] }));
  const declared = PERSONAS.map((p) => ({ key: p.key, profile: p.profile, role: p.role, permissionSets: [...p.permissionSets] }));
  assert.deepEqual(declared, fromOrg);
});
