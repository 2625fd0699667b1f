import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runPreflight } from '../../fixtures/preflight/personaPreflight.ts';
import { PersonaSessions } from '../../fixtures/session/personaConnection.ts';
import { REPO_ROOT, resolveTarget } from '../../fixtures/target/orgTarget.ts';
import { DEFAULT_ORG_DIR, startTestOrg, type TestOrg } from '../support/testOrg.ts';

/**
 * The persona preflight against orgs whose users are (not) set up as fixtures/personas.ts says:
 * a copy of the default org's metadata with junior-rep in the West team's role and marketing
 * without its Lead_Import permission set.
 */
const JUNIOR_WRONG_ROLE = "persona 'junior-rep' (junior.rep@golive.local): role is 'Sales Rep West', expected 'Sales Rep East'";
const MARKETING_NO_PERMSET = "persona 'marketing' (marketing@golive.local): permission set 'Lead_Import' is not assigned";

function misconfiguredOrgCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'golive-preflight-'));
  cpSync(DEFAULT_ORG_DIR, dir, { recursive: true });
  const usersFile = path.join(dir, 'golive/users.json');
  const users = JSON.parse(readFileSync(usersFile, 'utf8')) as { users: Array<{ persona?: string; role?: string; permissionSets?: string[] }> };
  for (const u of users.users) {
    if (u.persona === 'junior-rep') u.role = 'Sales Rep West';
    if (u.persona === 'marketing') u.permissionSets = [];
  }
  writeFileSync(usersFile, JSON.stringify(users, null, 2));
  return dir;
}

describe('persona preflight', () => {
  let metadataDir: string;
  before(() => {
    metadataDir = misconfiguredOrgCopy();
  });
  after(() => rmSync(metadataDir, { recursive: true, force: true }));

  test('finds nothing to report on the default org, and names the org', async (t) => {
    const org: TestOrg = await startTestOrg();
    t.after(() => org.close());
    const result = await runPreflight(new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: org.url })));
    assert.deepEqual(result.differences, []);
    assert.equal(result.org?.name, 'golive Default Org');
    assert.equal(result.org?.isSandbox, true);
    assert.equal(result.personas.length, 7);
  });

  test('reports a user with the wrong role and a missing permission set, one line each', async (t) => {
    const org = await startTestOrg({ metadataDir });
    t.after(() => org.close());
    const result = await runPreflight(new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: org.url, GOLIVE_ORG_METADATA: metadataDir })));
    assert.deepEqual(result.differences, [JUNIOR_WRONG_ROLE, MARKETING_NO_PERMSET]);
  });

  test('reports a persona that cannot log in, naming it', async (t) => {
    const org = await startTestOrg();
    t.after(() => org.close());
    // The admin deactivates the compliance officer: the org refuses the login.
    const admin = await org.login('admin@golive.local', 'golive-local-1');
    const compliance = await admin.query<{ Id: string }>("SELECT Id FROM User WHERE Username = 'compliance@golive.local'");
    await admin.sobject('User').update({ Id: compliance.records[0].Id, IsActive: false });
    const result = await runPreflight(new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: org.url, GOLIVE_PERSONAS: 'junior-rep,compliance' })));
    assert.equal(result.differences.length, 1);
    assert.match(result.differences[0], /^Could not log in as persona 'compliance' \(compliance@golive\.local\): /);
    assert.ok(!result.differences[0].includes('golive-local-1'), 'a password must never appear in the report');
  });

  test('stops `playwright test` before any scenario runs, exit code non-zero', { timeout: 180_000 }, () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'golive-preflight-reports-'));
    try {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.config.ts'], {
        cwd: REPO_ROOT,
        env: { ...process.env, GOLIVE_TARGET: 'local', GOLIVE_LOCAL_ORG_URL: '', GOLIVE_ORG_METADATA: metadataDir, GOLIVE_REPORTS_DIR: reports, CI: '' },
        encoding: 'utf8',
        timeout: 170_000,
      });
      const output = `${run.stdout}${run.stderr}`;
      assert.notEqual(run.status, 0, output);
      assert.match(output, /golive UAT: org golive Default Org \(00D\w+\), instance LOCAL, sandbox/);
      assert.ok(output.includes(`  - ${JUNIOR_WRONG_ROLE}\n`), output);
      assert.ok(output.includes(`  - ${MARKETING_NO_PERMSET}\n`), output);
      assert.doesNotMatch(output, /sign in admin|passed/, 'no setup or scenario may run');
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
