import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readAccessDrift, reportAccessDrift } from '../../fixtures/preflight/accessDrift.ts';
import { PersonaSessions } from '../../fixtures/session/personaConnection.ts';
import { resolveTarget } from '../../fixtures/target/orgTarget.ts';
import { DEFAULT_ORG_DIR, startTestOrg } from '../support/testOrg.ts';

/**
 * The access-drift preflight against the default org (nothing to report) and against copies of
 * its metadata with one thing changed, as an administrator might by mistake: each must be
 * reported as exactly the matrix cells it breaks, one line each.
 */
const SALES_REP_PROFILE = 'force-app/main/default/profiles/Sales Rep.profile-meta.xml';
const LEAD_OBJECT = 'force-app/main/default/objects/Lead/Lead.object-meta.xml';

function orgCopyWith(file: string, from: string, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'golive-access-drift-'));
  cpSync(DEFAULT_ORG_DIR, dir, { recursive: true });
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  assert.ok(text.includes(from), `${file} no longer contains ${from}: update this test`);
  writeFileSync(target, text.replace(from, to));
  return dir;
}

async function driftOf(metadataDir?: string): Promise<string[]> {
  const org = await startTestOrg(metadataDir ? { metadataDir } : {});
  try {
    const env = { GOLIVE_LOCAL_ORG_URL: org.url, ...(metadataDir ? { GOLIVE_ORG_METADATA: metadataDir } : {}) };
    return (await readAccessDrift(new PersonaSessions(resolveTarget(env)))).map((d) => d.line);
  } finally {
    await org.close();
  }
}

describe('access drift preflight', () => {
  const copies: string[] = [];
  let commissionReadable: string;
  let leadsPublic: string;
  before(() => {
    // What the Sales Rep profile says of Commission__c: hidden (readable false, editable false).
    commissionReadable = orgCopyWith(SALES_REP_PROFILE, '<editable>false</editable>\n        <field>Opportunity.Commission__c</field>\n        <readable>false</readable>', '<editable>false</editable>\n        <field>Opportunity.Commission__c</field>\n        <readable>true</readable>');
    leadsPublic = orgCopyWith(LEAD_OBJECT, '<sharingModel>Private</sharingModel>', '<sharingModel>ReadWrite</sharingModel>');
    copies.push(commissionReadable, leadsPublic);
  });
  after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  test('finds no drift on the default org', async () => {
    assert.deepEqual(await driftOf(), []);
  });

  test('Commission readable to the Sales Rep profile: the three reps, PERM-04, one line each', async () => {
    assert.deepEqual(await driftOf(commissionReadable), [
      'junior-rep: Opportunity.Commission__c is read-only, the matrix says hidden (PERM-04)',
      'senior-rep: Opportunity.Commission__c is read-only, the matrix says hidden (PERM-04)',
      'field-rep: Opportunity.Commission__c is read-only, the matrix says hidden (PERM-04)',
    ]);
  });

  test("public leads: every colleague's lead the matrix hides, PERM-01", async () => {
    assert.deepEqual(await driftOf(leadsPublic), [
      'junior-rep: Ellen Ripley (Lead) is visible, the matrix says invisible (PERM-01)',
      'senior-rep: Dana Scully (Lead) is visible, the matrix says invisible (PERM-01)',
      'field-rep: Dana Scully (Lead) is visible, the matrix says invisible (PERM-01)',
      'marketing: Ellen Ripley (Lead) is visible, the matrix says invisible (PERM-01)',
    ]);
  });

  test('the report prints the lines, writes access-drift.json and does not throw', async (t) => {
    const org = await startTestOrg({ metadataDir: commissionReadable });
    t.after(() => org.close());
    const reports = mkdtempSync(path.join(os.tmpdir(), 'golive-access-drift-reports-'));
    t.after(() => rmSync(reports, { recursive: true, force: true }));
    const printed: string[] = [];
    const sessions = new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: org.url, GOLIVE_ORG_METADATA: commissionReadable, GOLIVE_PERSONAS: 'admin,junior-rep' }));
    const drifts = await reportAccessDrift(sessions, { reportsDir: reports, log: (line) => printed.push(line) });
    assert.deepEqual(printed, [
      'golive UAT: access drift: 1 difference(s) between the org and scenarios/permissions/permissionMatrix.ts; the scenarios of these requirements will fail:',
      '  - junior-rep: Opportunity.Commission__c is read-only, the matrix says hidden (PERM-04)',
    ]);
    const written = JSON.parse(readFileSync(path.join(reports, 'access-drift.json'), 'utf8')) as { drifts: unknown[] };
    assert.deepEqual(written.drifts, drifts);
    assert.deepEqual(drifts, [{ persona: 'junior-rep', requirement: 'PERM-04', line: 'junior-rep: Opportunity.Commission__c is read-only, the matrix says hidden (PERM-04)' }]);
  });

  test('an org it cannot reach is one line, not a stopped run', async () => {
    const reports = mkdtempSync(path.join(os.tmpdir(), 'golive-access-drift-reports-'));
    try {
      const printed: string[] = [];
      const sessions = new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: 'http://127.0.0.1:9', GOLIVE_PERSONAS: 'junior-rep' }));
      const drifts = await reportAccessDrift(sessions, { reportsDir: reports, log: (line) => printed.push(line) });
      assert.equal(drifts.length, 1);
      assert.match(drifts[0].line, /^junior-rep: its access could not be read \(/);
      assert.equal(printed.length, 2);
    } finally {
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
