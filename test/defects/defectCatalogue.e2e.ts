import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { type Defect, listDefects } from '../../src/harness/defects/defectCatalogue.ts';
import { materializeDefect } from '../../src/harness/defects/materializeDefect.ts';
import type { Verdict } from '../../src/gate/verdict/verdictTypes.ts';
import { requirementGrep, requirementsWithStatus, runGate, runSuite } from '../support/suiteRun.ts';

/**
 * The defect catalogue run: proof that the UAT suite and the gate catch what a go-live could ship.
 * For each defect of orgs/defects/, the suite's scenarios for the requirement it breaks run against
 * the org built from the defect (desktop Chrome, as a release pipeline's first pass would), and the
 * gate must say NO-GO with exactly that requirement failing: not another one (the scenario failed
 * for the wrong reason, or a scenario proves too much), not none (the suite misses the defect).
 * And on the correct org the same scenarios (all the catalogued requirements' at once) must pass,
 * every one of those requirements proven, so each defect's failure is the defect's doing.
 *
 * Separate processes throughout (Playwright starts its own local org per run), two at a time.
 * Slow by nature: a minute or more per defect. GOLIVE_DEFECTS=<slug>,<slug>,correct-org selects;
 * GOLIVE_DEFECTS=full-suite adds the whole suite (every project) on the correct org, which must be GO.
 */

const CORRECT_ORG = 'correct-org';
const FULL_SUITE = 'full-suite';
// A machine shared with other runs can be several times slower than an idle one.
const RUN_TIMEOUT_MS = 15 * 60_000;

const catalogue = listDefects();
const selection = process.env.GOLIVE_DEFECTS?.split(',').map((s) => s.trim()).filter(Boolean);
for (const slug of selection ?? []) {
  if (slug !== CORRECT_ORG && slug !== FULL_SUITE && !catalogue.some((d) => d.slug === slug)) throw new Error(`GOLIVE_DEFECTS names '${slug}', which is not in orgs/defects/ (nor '${CORRECT_ORG}' or '${FULL_SUITE}').`);
}
const selected = (slug: string) => !selection || selection.includes(slug);
const defects = catalogue.filter((d) => selected(d.slug));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'golive-defect-catalogue-'));
const timings: string[] = [];
let anyFailed = false;

/** Runs a check, remembering a failure so the run's reports are kept for a look. */
async function tracked(check: () => Promise<void> | void): Promise<void> {
  try {
    await check();
  } catch (err) {
    anyFailed = true;
    throw err;
  }
}

/** The failures, and the gate's reasons other than coverage (a subset run always has those). */
function explain(verdict: Verdict): string {
  const failures = verdict.failures.map((f) => `${f.requirements.join(',')}: ${f.title}: ${f.error?.message.split('\n')[0] ?? ''}`);
  const reasons = verdict.reasons.filter((r) => r.rule !== 'coverage').map((r) => `[${r.rule}] ${r.message}`);
  return `failures:\n${[...failures, ...reasons].join('\n') || '(none)'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function provesDefect(defect: Defect, signal: AbortSignal): Promise<void> {
  const work = path.join(tmp, defect.slug);
  const { dir } = materializeDefect(defect.slug, path.join(work, 'org'));
  const reports = path.join(work, 'reports');
  const suite = await runSuite({ metadataDir: dir, reportsDir: reports, projects: ['desktop-chrome'], grep: requirementGrep([defect.breaks]), signal });
  const gate = await runGate(reports, path.join(work, 'gate'), signal);
  timings.push(`${defect.slug.padEnd(34)} ${defect.breaks.padEnd(8)} suite ${seconds(suite.durationMs)}, gate ${seconds(gate.durationMs)}`);

  assert.equal(suite.exitCode, 1, `the suite's ${defect.breaks} scenarios must fail on ${defect.slug} (exit 1), got exit ${suite.exitCode}:\n${suite.tail}`);
  assert.ok(gate.verdict, `the gate wrote no gate.json (exit ${gate.exitCode}):\n${gate.tail}`);
  assert.equal(gate.exitCode, 1, `the gate must say NO-GO (exit 1), got exit ${gate.exitCode}:\n${gate.tail}`);
  assert.equal(gate.verdict.decision, 'NO-GO');
  assert.deepEqual(
    requirementsWithStatus(gate.verdict, 'failing'),
    [defect.breaks],
    `on ${defect.slug} exactly ${defect.breaks} must fail; ${explain(gate.verdict)}`,
  );
}

describe('the defect catalogue: each defect fails the gate on exactly its requirement', { concurrency: 2 }, () => {
  after(() => {
    if (timings.length > 0) console.log(`defect catalogue timings (two runs at a time):\n${timings.join('\n')}`);
    // A failed run's reports (traces, gate.json) are the way into what went wrong: kept then.
    if (anyFailed) console.log(`defect catalogue: reports of this run kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  });

  if (selected(CORRECT_ORG)) {
    it('the correct org proves every catalogued requirement with the same scenarios', { timeout: RUN_TIMEOUT_MS }, (t) =>
      tracked(async () => {
        const catalogued = [...new Set(catalogue.map((d) => d.breaks))].sort();
        const work = path.join(tmp, CORRECT_ORG);
        const suite = await runSuite({ reportsDir: path.join(work, 'reports'), projects: ['desktop-chrome'], grep: requirementGrep(catalogued), signal: t.signal });
        const gate = await runGate(path.join(work, 'reports'), path.join(work, 'gate'), t.signal);
        timings.push(`${CORRECT_ORG.padEnd(34)} ${`${catalogued.length} ids`.padEnd(8)} suite ${seconds(suite.durationMs)}, gate ${seconds(gate.durationMs)}`);
        assert.ok(gate.verdict, `the gate wrote no gate.json (exit ${gate.exitCode}):\n${gate.tail}`);
        const status = new Map(gate.verdict.requirements.map((r) => [r.id, r.status]));
        assert.deepEqual(
          catalogued.filter((id) => status.get(id) !== 'proven').map((id) => `${id}: ${status.get(id) ?? 'absent'}`),
          [],
          `every catalogued requirement must be proven on the correct org; ${explain(gate.verdict)}`,
        );
        assert.equal(suite.exitCode, 0, `the suite must pass on the correct org, got exit ${suite.exitCode}:\n${suite.tail}`);
      }),
    );
  }

  // The whole suite, every project: what a release pipeline gates on. Long (all personas, phones
  // too), so only when asked for by name: GOLIVE_DEFECTS=full-suite.
  if (selection?.includes(FULL_SUITE)) {
    it('the full suite on the correct org is GO', { timeout: RUN_TIMEOUT_MS * 2 }, (t) =>
      tracked(async () => {
        const work = path.join(tmp, FULL_SUITE);
        const suite = await runSuite({ reportsDir: path.join(work, 'reports'), signal: t.signal });
        const gate = await runGate(path.join(work, 'reports'), path.join(work, 'gate'), t.signal);
        timings.push(`${FULL_SUITE.padEnd(34)} ${'all'.padEnd(8)} suite ${seconds(suite.durationMs)}, gate ${seconds(gate.durationMs)}`);
        assert.ok(gate.verdict, `the gate wrote no gate.json (exit ${gate.exitCode}):\n${gate.tail}`);
        assert.deepEqual(gate.verdict.reasons.map((r) => r.message), [], 'no reason for NO-GO');
        assert.equal(gate.verdict.decision, 'GO');
        assert.equal(gate.exitCode, 0);
        assert.equal(suite.exitCode, 0, `the suite must pass on the correct org, got exit ${suite.exitCode}:\n${suite.tail}`);
      }),
    );
  }

  for (const defect of defects) {
    it(`${defect.slug}: NO-GO with only ${defect.breaks} failing (${defect.title})`, { timeout: RUN_TIMEOUT_MS }, (t) => tracked(() => provesDefect(defect, t.signal)));
  }
});
