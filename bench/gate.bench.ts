/**
 * The go-live gate over 10,000 results (issue #7: "the gate over 10,000 results in under 1 s"):
 * `decideGoLive` on synthetic results spread over the real register and three devices, with
 * failures, retry-passes, skips, slow scenarios, waivers (valid, expired, unknown) and a
 * baseline verdict for the regression view: the whole decision, as `golive gate` makes it, minus
 * reading and writing files.
 *
 *   npm run bench:gate                     # 10,000 results, median of 7 runs
 *   GOLIVE_BENCH_RESULTS=50000 npm run bench:gate
 *
 * Exit code 1 when the median misses the target.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_POLICY } from '../src/gate/policy/gatePolicy.ts';
import { loadRegister } from '../src/gate/register/requirementRegister.ts';
import type { ScenarioResult, ScenarioStatus } from '../src/gate/results/scenarioResult.ts';
import { decideGoLive, type GateInput } from '../src/gate/verdict/decideGoLive.ts';

const COUNT = Number(process.env.GOLIVE_BENCH_RESULTS ?? 10_000);
const RUNS = 7;
const TARGET_MS = 1000;
const DEVICES = ['desktop-chrome', 'pixel-7', 'iphone-14'];
const PERSONAS = ['admin', 'sales-manager', 'junior-rep', 'senior-rep', 'marketing', 'compliance', 'field-rep'];

const register = loadRegister();

function statusOf(i: number): ScenarioStatus {
  if (i % 97 === 0) return 'failed';
  if (i % 89 === 0) return 'flaky';
  if (i % 83 === 0) return 'skipped';
  if (i % 211 === 0) return 'timedOut';
  return 'passed';
}

function results(count: number, shift: number): ScenarioResult[] {
  return Array.from({ length: count }, (_, i) => {
    const project = DEVICES[i % DEVICES.length]!;
    const file = `scenarios/area${i % 12}/flow${i % 40}.spec.ts`;
    const title = `scenario ${Math.floor(i / DEVICES.length)}`;
    const status = statusOf(i + shift);
    const failed = status !== 'passed' && status !== 'skipped';
    return {
      key: `${project} › ${file} › ${title}`,
      title,
      titlePath: [title],
      file,
      line: i,
      project,
      requirements: [register[i % register.length]!.id, ...(i % 7 === 0 ? [register[(i + 3) % register.length]!.id] : [])],
      personas: [PERSONAS[i % PERSONAS.length]!],
      tags: [],
      status,
      attempts: status === 'flaky' ? 2 : 1,
      durationMs: i % 1000 === 0 ? 130_000 : 2_000 + (i % 500) * 10,
      ...(failed ? { error: { message: 'Error: expected the field to be hidden', location: `${file}:${i}` }, triage: { kind: 'product-defect' as const, reason: 'an expectation about the org failed' } } : {}),
      evidence: failed ? [{ name: 'screenshot', path: `test-results/${i}/test-failed-1.png`, contentType: 'image/png' }] : [],
    };
  });
}

const base: Omit<GateInput, 'results'> = {
  register,
  policy: {
    ...DEFAULT_POLICY,
    file: 'scenarios/gate-policy.yaml',
    waivers: [
      { requirement: register[3]!.id, reason: 'known', approver: 'Release manager', expires: '2099-12-31' },
      { requirement: register[5]!.id, reason: 'old', approver: 'Release manager', expires: '2020-01-01' },
      { requirement: 'ZZZ-99', reason: 'typo', approver: 'Release manager', expires: '2099-12-31' },
      { scenario: 'scenarios/area1/flow1.spec.ts › scenario 0', reason: 'known', approver: 'Release manager', expires: '2099-12-31' },
    ],
  },
  runFacts: { runId: 'bench', seed: '1', startedAt: '2026-11-22T00:00:00.000Z', target: 'local', apiVersion: '62.0' },
  org: { orgId: '00D000000000001AAA', name: 'Bench', instance: 'local', isSandbox: true },
  now: new Date('2026-11-22T12:00:00.000Z'),
};

const current = results(COUNT, 0);
const baseline = decideGoLive({ ...base, results: results(COUNT, 5) });
decideGoLive({ ...base, results: current, baseline }); // warm-up: JIT, not the figure

const times: number[] = [];
let verdict = baseline;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  verdict = decideGoLive({ ...base, results: current, baseline });
  times.push(performance.now() - started);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
const met = median < TARGET_MS;
console.log(`gate over ${COUNT} results (${register.length} requirements, ${DEVICES.length} devices, baseline compared): median ${median.toFixed(1)} ms of ${RUNS} runs (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}) — target < ${TARGET_MS} ms: ${met ? 'met' : 'MISSED'}`);
console.log(`  verdict ${verdict.decision}: ${verdict.reasons.length} reasons, ${verdict.notes.length} notes, ${verdict.failures.length} failures, ${verdict.regression!.newFailures.length} new since the baseline`);
process.exitCode = met ? 0 : 1;
