import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../../src/harness/target/orgTarget.ts';
import type { Verdict } from '../../src/gate/verdict/verdictTypes.ts';
import { childEnv, run, runGate, runUat, type ProcessRun } from '../support/suiteRun.ts';

/**
 * The go-live gate end to end, as a release manager gets it: `golive uat` (what `npm run uat`
 * runs) on the default org must end in GO with every file of the record and every report written;
 * the record must survive `golive gate verify` and fail it once edited; and the same suite split
 * into two shards, merged with `playwright merge-reports`, must give the very same verdict.
 * (NO-GO on misconfigured orgs, each naming its requirement: test/defects/defectCatalogue.e2e.ts.)
 */
const RUN_TIMEOUT_MS = 20 * 60_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'golive-gate-e2e-'));
const whole = path.join(tmp, 'whole');
let wholeRun: ProcessRun;
let wholeVerdict: Verdict;
let failed = false;

function verdictOf(dir: string): Verdict {
  return JSON.parse(readFileSync(path.join(dir, 'gate.json'), 'utf8')) as Verdict;
}

/** What a verdict says, without what differs between any two runs (times, ids, evidence paths). */
function substance(v: Verdict) {
  return {
    decision: v.decision,
    reasons: v.reasons.map((r) => r.message),
    requirements: v.requirements.map((r) => ({ id: r.id, status: r.status, scenarios: r.scenarios.map((s) => `${s.key}: ${s.status}`).sort() })),
    totals: { ...v.totals, durationMs: 0 },
    matrix: v.matrix.cells.map((c) => `${c.persona}/${c.device}: ${c.passed}/${c.total}`).sort(),
  };
}

describe('the go-live gate end to end on the local org', () => {
  before(async () => {
    wholeRun = await runUat({ reportsDir: whole, signal: AbortSignal.timeout(RUN_TIMEOUT_MS) });
    if (existsSync(path.join(whole, 'gate/gate.json'))) wholeVerdict = verdictOf(path.join(whole, 'gate'));
  });
  after(() => {
    if (failed) console.log(`gate end to end: reports kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  });
  const tracked = (check: () => Promise<void> | void) => async () => {
    try {
      await check();
    } catch (err) {
      failed = true;
      throw err;
    }
  };

  it(
    'golive uat on the default org ends in GO, with the record and every report written',
    tracked(() => {
      assert.equal(wholeRun.exitCode, 0, `golive uat must exit 0 (GO):\n${wholeRun.tail}`);
      assert.equal(wholeVerdict.decision, 'GO');
      assert.deepEqual(wholeVerdict.reasons, []);
      assert.deepEqual(wholeVerdict.requirements.filter((r) => r.status !== 'proven').map((r) => `${r.id}: ${r.status}`), [], 'every requirement of the register proven');
      assert.equal(wholeVerdict.totals.failed + wholeVerdict.totals.flaky, 0);
      assert.deepEqual(wholeVerdict.matrix.devices.sort(), ['desktop-chrome', 'iphone-14', 'pixel-7']);
      assert.match(wholeVerdict.org.metadataSha256 ?? '', /^[0-9a-f]{64}$/, 'the org fingerprint pins the metadata');
      for (const file of ['gate/gate.json', 'gate/gate.md', 'gate/gate.html', 'gate/gate.sha256', 'results.json', 'run-facts.json', 'junit.xml', 'html/index.html', 'allure-report/index.html', 'access-drift.json']) {
        assert.ok(existsSync(path.join(whole, file)), `${file} written`);
      }
      assert.match(readFileSync(path.join(whole, 'gate/gate.md'), 'utf8'), /^# Go-live gate: GO/);
      assert.match(wholeRun.tail, /golive gate: GO/, 'the run ends by printing the verdict');
    }),
  );

  it(
    'the record verifies, and an edit to gate.json is caught',
    tracked(async () => {
      const gateDir = path.join(whole, 'gate');
      const intact = await run(process.execPath, [path.join(REPO_ROOT, 'bin/golive.mjs'), 'gate', 'verify', gateDir], childEnv({}));
      assert.equal(intact.exitCode, 0, intact.tail);
      const copy = path.join(tmp, 'tampered');
      mkdirSync(copy);
      for (const f of readdirSync(gateDir)) copyFileSync(path.join(gateDir, f), path.join(copy, f));
      const json = readFileSync(path.join(copy, 'gate.json'), 'utf8');
      writeFileSync(path.join(copy, 'gate.json'), json.replace('"decision": "GO"', '"decision": "GO "'));
      const tampered = await run(process.execPath, [path.join(REPO_ROOT, 'bin/golive.mjs'), 'gate', 'verify', copy], childEnv({}));
      assert.equal(tampered.exitCode, 1, tampered.tail);
      assert.match(tampered.tail, /gate\.json/);
    }),
  );

  it(
    'the suite split into two shards and merged gives the same verdict as the whole run',
    { timeout: RUN_TIMEOUT_MS },
    tracked(async () => {
      const shards = await Promise.all(
        [1, 2].map((i) =>
          runUat({
            reportsDir: path.join(tmp, `shard-${i}`),
            args: [`--shard=${i}/2`, '--workers=1'],
            env: { GOLIVE_BLOB_DIR: path.join(tmp, `blob-${i}`) },
            signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
          }),
        ),
      );
      // Each shard's own gate judges half a suite (NO-GO for coverage); only the merge counts.
      const blobs = path.join(tmp, 'blobs');
      mkdirSync(blobs);
      for (const i of [1, 2]) {
        const zips = readdirSync(path.join(tmp, `blob-${i}`)).filter((f) => f.endsWith('.zip'));
        assert.equal(zips.length, 1, `shard ${i} wrote one blob report:\n${shards[i - 1].tail}`);
        copyFileSync(path.join(tmp, `blob-${i}`, zips[0]), path.join(blobs, zips[0]));
      }
      const merged = path.join(tmp, 'merged');
      mkdirSync(merged);
      const merge = await run(
        process.execPath,
        [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'merge-reports', '--reporter', 'json', blobs],
        childEnv({ GOLIVE_REPORTS_DIR: merged, PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(merged, 'results.json') }),
      );
      assert.equal(merge.exitCode, 0, merge.tail);
      copyFileSync(path.join(tmp, 'shard-1', 'run-facts.json'), path.join(merged, 'run-facts.json'));
      const gate = await runGate(merged, path.join(merged, 'gate'));
      assert.ok(gate.verdict, gate.tail);
      assert.equal(gate.exitCode, 0, gate.tail);
      assert.deepEqual(substance(gate.verdict), substance(wholeVerdict));
    }),
  );
});
