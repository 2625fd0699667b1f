import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../../src/harness/target/orgTarget.ts';

/** `golive defects` as a release manager runs it: list, materialize, check, and its refusals. */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'golive-defects-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function golive(...args: string[]) {
  const res = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/golive.mjs'), 'defects', ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('golive defects', () => {
  it('lists the catalogue, one JSON object a line with --json', () => {
    const res = golive('list', '--json');
    assert.equal(res.code, 0, res.stderr);
    const defects = res.stdout.trim().split('\n').map((line) => JSON.parse(line) as { slug: string; breaks: string; title: string });
    assert.ok(defects.length >= 12);
    const commission = defects.find((d) => d.slug === 'commission-visible-to-reps');
    assert.deepEqual(commission && [commission.breaks, commission.title], ['PERM-04', "Sales reps can see every deal's commission"]);
  });

  it('materializes a defect into a new folder (relative to where it runs) and refuses a folder with files', () => {
    const res = golive('materialize', 'amount-rule-removed', 'amount');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /amount-rule-removed \(breaks AUT-04\) written to .*GOLIVE_ORG_METADATA=/);
    const org = path.join(tmp, 'amount');
    assert.equal(existsSync(path.join(org, 'force-app/main/default/objects/Opportunity/validationRules/Amount_Required_From_Proposal.validationRule-meta.xml')), false);
    assert.equal(existsSync(path.join(org, 'force-app/main/default/objects/Opportunity/validationRules/Close_Date_Not_In_Past.validationRule-meta.xml')), true);
    assert.ok(readFileSync(path.join(org, 'golive/users.json'), 'utf8').includes('junior.rep@golive.local'));

    const again = golive('materialize', 'amount-rule-removed', 'amount');
    assert.equal(again.code, 2);
    assert.match(again.stderr, /^golive: .*amount is not empty: materialize a defect into a new or empty folder\.\n$/);
  });

  it('names an unknown defect and a wrong invocation in one line each', () => {
    const unknown = golive('materialize', 'no-such-defect', 'x');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, "golive: No defect 'no-such-defect' in orgs/defects: run 'golive defects list' for the catalogue.\n");
    const missing = golive('materialize', 'amount-rule-removed');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /takes a defect and a folder/);
    assert.equal(golive('frobnicate').code, 2);
  });

  it('checks that every defect loads in the local org with no metadata problem', () => {
    const res = golive('check');
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /ok {2}leads-public-read-write \(PERM-01\)/);
    assert.match(res.stdout, /golive: all \d+ defects load with no metadata problem\./);
  });
});
