import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScenarioResult } from '../../src/gate/results/scenarioResult.ts';
import { decideGoLive, GateInputError, type GateInput } from '../../src/gate/verdict/decideGoLive.ts';
import type { Decision, GateRule, Verdict } from '../../src/gate/verdict/verdictTypes.ts';
import { allPassing, input, policy, REGISTER, requirement, scenario } from './scenarioFactory.ts';

/** All passing, except the scenario of `id` replaced by `replacement`. */
function withScenario(id: string, ...replacement: ScenarioResult[]): ScenarioResult[] {
  return [...allPassing().filter((s) => !s.requirements.includes(id)), ...replacement];
}

const failed = (title: string, ids: string[], extra: Partial<ScenarioResult> = {}) =>
  scenario(title, ids, { status: 'failed', error: { message: 'expected hidden' }, triage: { kind: 'product-defect', reason: 'an expectation about the org failed' }, ...extra });

/** 20 major scenarios with `failures` of them failing, plus one passing scenario per other requirement. */
function majors(failures: number): ScenarioResult[] {
  const list = allPassing().filter((s) => !s.requirements.includes('MAJ-01'));
  for (let i = 0; i < 20; i++) list.push(i < failures ? failed(`major ${i}`, ['MAJ-01']) : scenario(`major ${i}`, ['MAJ-01']));
  return list;
}

interface Case {
  name: string;
  input: GateInput;
  decision: Decision;
  /** The reasons' rules, in order. */
  reasons: GateRule[];
  /** Rules that must be among the notes. */
  notes?: GateRule[];
  check?: (v: Verdict) => void;
}

const status = (v: Verdict, id: string) => v.requirements.find((r) => r.id === id)?.status;

const CASES: Case[] = [
  {
    name: 'every requirement proven: GO',
    input: input(),
    decision: 'GO',
    reasons: [],
    check: (v) => {
      assert.ok(v.requirements.every((r) => r.status === 'proven'));
      assert.deepEqual(v.totals, { scenarios: 5, executed: 5, passed: 5, failed: 0, flaky: 0, skipped: 0, durationMs: 5000 });
      assert.equal(v.schema, 'golive-gate/1');
      assert.equal(v.generatedAt, '2026-11-22T12:00:00.000Z');
    },
  },
  {
    name: 'a blocker failure: NO-GO, one line naming the requirement, severity, count and triage',
    input: input({ results: withScenario('BLK-01', failed('commission hidden', ['BLK-01']), scenario('commission other', ['BLK-01'])) }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    check: (v) => {
      assert.equal(v.reasons[0]!.message, 'BLK-01 Reps cannot see the Commission field (blocker): 1 of 2 scenarios failed — product defect');
      assert.equal(v.reasons[0]!.requirement, 'BLK-01');
      assert.equal(status(v, 'BLK-01'), 'failing');
      assert.equal(v.failures.length, 1);
      assert.equal(v.failures[0]!.waived, false);
      const blocker = v.severities.find((s) => s.severity === 'blocker')!;
      assert.deepEqual([blocker.executedScenarios, blocker.passed, blocker.failed, blocker.passRate, blocker.met], [3, 2, 1, 66.67, false]);
    },
  },
  {
    name: 'a critical failure: NO-GO',
    input: input({ results: withScenario('CRT-01', failed('x', ['CRT-01'], { triage: { kind: 'environment', reason: 'login' } })) }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    check: (v) => assert.match(v.reasons[0]!.message, /\(critical\): 1 of 1 scenario failed — environment problem$/),
  },
  {
    name: 'timed out and interrupted scenarios are failures',
    input: input({ results: withScenario('BLK-01', scenario('slow', ['BLK-01'], { status: 'timedOut' }), scenario('cut', ['BLK-01'], { status: 'interrupted' })) }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    check: (v) => assert.equal(v.totals.failed, 2),
  },
  {
    name: 'major at exactly 95% (1 of 20 failing): GO, the failure noted',
    input: input({ results: majors(1) }),
    decision: 'GO',
    reasons: [],
    notes: ['pass-rate'],
    check: (v) => {
      assert.equal(status(v, 'MAJ-01'), 'failing');
      assert.equal(v.severities.find((s) => s.severity === 'major')!.passRate, 95);
    },
  },
  {
    name: 'major below 95% (2 of 20 failing): NO-GO, one reason for the severity',
    input: input({ results: majors(2) }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    check: (v) => {
      assert.equal(v.reasons[0]!.message, 'Major requirements: 90% of 20 scenarios passed, the policy requires 95% — failing: MAJ-01');
      assert.equal(v.reasons[0]!.severity, 'major');
    },
  },
  {
    name: 'minor failures are reported only',
    input: input({ results: withScenario('MIN-01', failed('minor', ['MIN-01'])) }),
    decision: 'GO',
    reasons: [],
    notes: ['pass-rate'],
    check: (v) => assert.equal(v.severities.find((s) => s.severity === 'minor')!.met, true),
  },
  {
    name: 'a flaky blocker counts as failed',
    input: input({ results: withScenario('BLK-02', scenario('retry', ['BLK-02'], { status: 'flaky', attempts: 2 })) }),
    decision: 'NO-GO',
    reasons: ['flaky'],
    check: (v) => {
      assert.match(v.reasons[0]!.message, /passed only on a retry — flaky counts as failed for blocker/);
      assert.equal(v.failures[0]!.status, 'flaky');
    },
  },
  {
    name: 'a flaky major counts as passed, noted',
    input: input({ results: withScenario('MAJ-01', scenario('retry', ['MAJ-01'], { status: 'flaky' })) }),
    decision: 'GO',
    reasons: [],
    notes: ['flaky'],
    check: (v) => {
      assert.equal(status(v, 'MAJ-01'), 'proven');
      assert.equal(v.failures[0]!.waived, false);
    },
  },
  {
    name: 'flaky blocker with flakyCountsAsFailure: [] passes',
    input: input({ results: withScenario('BLK-02', scenario('retry', ['BLK-02'], { status: 'flaky' })), policy: policy({ flakyCountsAsFailure: [] }) }),
    decision: 'GO',
    reasons: [],
    notes: ['flaky'],
  },
  {
    name: 'a blocker no scenario covers: coverage gap',
    input: input({ results: withScenario('BLK-02') }),
    decision: 'NO-GO',
    reasons: ['coverage'],
    check: (v) => {
      assert.equal(v.reasons[0]!.message, 'BLK-02 Requirement BLK-02 (blocker): not proven — no scenario covers it');
      assert.equal(status(v, 'BLK-02'), 'not-run');
    },
  },
  {
    name: 'a critical whose scenarios were all skipped: coverage gap',
    input: input({ results: withScenario('CRT-01', scenario('skipped', ['CRT-01'], { status: 'skipped' })) }),
    decision: 'NO-GO',
    reasons: ['coverage'],
    check: (v) => assert.match(v.reasons[0]!.message, /its 1 scenario did not run \(skipped\)$/),
  },
  {
    name: 'a major not run: noted, not a reason',
    input: input({ results: withScenario('MAJ-01') }),
    decision: 'GO',
    reasons: [],
    notes: ['coverage'],
  },
  {
    name: 'coverage not required by the policy',
    input: input({ results: withScenario('BLK-02'), policy: policy({ coverageRequired: [] }) }),
    decision: 'GO',
    reasons: [],
    notes: ['coverage'],
  },
  {
    name: 'fewer executed scenarios than the minimum (skipped ones do not count)',
    input: input({ results: [...allPassing(), scenario('skipped', ['MAJ-01'], { status: 'skipped' })], policy: policy({ minExecutedScenarios: 6 }) }),
    decision: 'NO-GO',
    reasons: ['min-scenarios'],
    check: (v) => assert.equal(v.reasons[0]!.message, 'Only 5 scenarios ran; the policy requires at least 6 to decide a go-live'),
  },
  {
    name: 'a scenario over the time limit',
    input: input({ results: withScenario('MIN-01', scenario('slow', ['MIN-01'], { durationMs: 121_000 })) }),
    decision: 'NO-GO',
    reasons: ['max-duration'],
    check: (v) => assert.equal(v.reasons[0]!.message, '1 scenario took longer than the 120 s allowed: "slow" (desktop-chrome) 121 s'),
  },
  {
    name: 'a scenario near the time limit: noted',
    input: input({ results: withScenario('MIN-01', scenario('slowish', ['MIN-01'], { durationMs: 110_000 })) }),
    decision: 'GO',
    reasons: [],
    notes: ['max-duration'],
  },
  {
    name: 'a failure on pixel-7 fails the requirement although desktop passed',
    input: input({ results: withScenario('BLK-01', scenario('hidden', ['BLK-01']), failed('hidden', ['BLK-01'], { project: 'pixel-7', key: 'pixel-7 › scenarios/x.spec.ts › hidden' })) }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    check: (v) => {
      assert.equal(status(v, 'BLK-01'), 'failing');
      assert.deepEqual(v.matrix.devices, ['desktop-chrome', 'pixel-7']);
      assert.deepEqual(
        v.matrix.cells.filter((c) => c.persona === 'junior-rep').map((c) => [c.device, c.passed, c.failed, c.total]),
        [['desktop-chrome', 5, 0, 5], ['pixel-7', 0, 1, 1]],
      );
    },
  },
  {
    name: 'a valid requirement waiver excuses its failures: GO, waived',
    input: input({
      results: withScenario('BLK-01', failed('hidden', ['BLK-01'])),
      policy: policy({ waivers: [{ requirement: 'BLK-01', reason: 'fix in 2.1', approver: 'Jane Doe', expires: '2026-11-22' }] }),
    }),
    decision: 'GO',
    reasons: [],
    check: (v) => {
      assert.equal(status(v, 'BLK-01'), 'waived');
      assert.deepEqual(v.requirements.find((r) => r.id === 'BLK-01')!.waiver?.excused, ['desktop-chrome › scenarios/x.spec.ts › hidden']);
      assert.equal(v.waivers.applied.length, 1);
      assert.equal(v.failures[0]!.waived, true);
      const blocker = v.severities.find((s) => s.severity === 'blocker')!;
      assert.deepEqual([blocker.waived, blocker.failed, blocker.passRate], [1, 0, 100]);
    },
  },
  {
    name: 'a requirement waiver covers a blocker no scenario could run for',
    input: input({ results: withScenario('BLK-02'), policy: policy({ waivers: [{ requirement: 'BLK-02', reason: 'not testable in UAT', approver: 'J', expires: '2027-01-01' }] }) }),
    decision: 'GO',
    reasons: [],
    check: (v) => assert.equal(status(v, 'BLK-02'), 'waived'),
  },
  {
    name: 'a scenario waiver without the device part covers it on every device',
    input: input({
      results: withScenario('BLK-01', failed('hidden', ['BLK-01']), failed('hidden', ['BLK-01'], { project: 'pixel-7', key: 'pixel-7 › scenarios/x.spec.ts › hidden' })),
      policy: policy({ waivers: [{ scenario: 'scenarios/x.spec.ts › hidden', reason: 'known', approver: 'J', expires: '2027-01-01' }] }),
    }),
    decision: 'GO',
    reasons: [],
    check: (v) => assert.equal(v.waivers.applied[0]!.excused.length, 2),
  },
  {
    name: 'an expired waiver no longer applies and is flagged',
    input: input({
      results: withScenario('BLK-01', failed('hidden', ['BLK-01'])),
      policy: policy({ waivers: [{ requirement: 'BLK-01', reason: 'fix in 2.1', approver: 'Jane Doe', expires: '2026-11-21' }] }),
    }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    notes: ['waiver-expired'],
    check: (v) => {
      assert.equal(v.waivers.expired.length, 1);
      assert.equal(v.waivers.applied.length, 0);
      assert.equal(v.notes.find((n) => n.rule === 'waiver-expired')!.message, 'Waiver for BLK-01 expired on 2026-11-21 (approved by Jane Doe: fix in 2.1); it no longer applies.');
    },
  },
  {
    name: 'a waiver for a requirement the register does not know excuses nothing and is flagged',
    input: input({
      results: withScenario('BLK-01', failed('hidden', ['BLK-01'])),
      policy: policy({ waivers: [{ requirement: 'BLK-10', reason: 'typo', approver: 'J', expires: '2027-01-01' }] }),
    }),
    decision: 'NO-GO',
    reasons: ['pass-rate'],
    notes: ['waiver-unknown'],
    check: (v) => assert.deepEqual(v.waivers.unknown.map((w) => w.requirement), ['BLK-10']),
  },
  {
    name: 'a waiver for a scenario not in the run is flagged',
    input: input({ policy: policy({ waivers: [{ scenario: 'scenarios/x.spec.ts › gone', reason: 'r', approver: 'J', expires: '2027-01-01' }] }) }),
    decision: 'GO',
    reasons: [],
    notes: ['waiver-unknown'],
  },
  {
    name: 'a failed persona sign-in (setup) is an environment NO-GO, listed first',
    input: input({
      results: withScenario('BLK-01', failed('hidden', ['BLK-01'])),
      setup: [scenario('sign in admin', [], { project: 'sessions', status: 'failed', error: { message: 'INVALID_LOGIN' }, triage: { kind: 'environment', reason: 'the org refused the login (INVALID_LOGIN)' } })],
    }),
    decision: 'NO-GO',
    reasons: ['environment', 'pass-rate'],
    check: (v) => {
      assert.equal(v.reasons[0]!.message, 'Setup "sign in admin" (sessions) failed — environment problem: the org refused the login (INVALID_LOGIN); the scenarios that need it did not run');
      assert.equal(v.failures[0]!.project, 'sessions');
    },
  },
  {
    name: 'sign-in failed, so every scenario was skipped: environment first, then the coverage gaps',
    input: input({
      results: allPassing().map((s) => ({ ...s, status: 'skipped' as const })),
      setup: [scenario('sign in junior-rep', [], { project: 'sessions', status: 'timedOut', triage: { kind: 'environment', reason: 'setup failed: Test timeout of 60000ms exceeded.' } })],
    }),
    decision: 'NO-GO',
    reasons: ['environment', 'coverage', 'coverage', 'coverage', 'min-scenarios'],
    check: (v) => assert.equal(v.totals.skipped, 5),
  },
  {
    name: 'an error outside any scenario (global setup) is an environment NO-GO',
    input: input({ runErrors: [{ message: 'Error: connect ECONNREFUSED 127.0.0.1:443', location: 'fixtures/run/globalSetup.ts:12' }] }),
    decision: 'NO-GO',
    reasons: ['environment'],
  },
  {
    name: 'reasons most severe first',
    input: input({
      results: [
        ...allPassing().filter((s) => !['BLK-02', 'CRT-01', 'BLK-01'].includes(s.requirements[0]!)),
        failed('crit', ['CRT-01']),
        failed('blk', ['BLK-01'], { durationMs: 200_000 }),
      ],
      policy: policy({ minExecutedScenarios: 10 }),
    }),
    decision: 'NO-GO',
    reasons: ['pass-rate', 'coverage', 'pass-rate', 'min-scenarios', 'max-duration'],
    check: (v) => assert.deepEqual(v.reasons.map((r) => r.requirement ?? '-'), ['BLK-01', 'BLK-02', 'CRT-01', '-', '-']),
  },
  {
    name: 'a scenario proving two requirements fails both',
    input: input({ results: [...allPassing(), failed('both', ['BLK-01', 'CRT-01'])] }),
    decision: 'NO-GO',
    reasons: ['pass-rate', 'pass-rate'],
    check: (v) => assert.deepEqual([status(v, 'BLK-01'), status(v, 'CRT-01')], ['failing', 'failing']),
  },
  {
    name: 'scenarios naming no requirement are noted',
    input: input({ results: [...allPassing(), scenario('smoke', [])] }),
    decision: 'GO',
    reasons: [],
    notes: ['coverage'],
    check: (v) => assert.equal(v.matrix.cells.find((c) => c.persona === 'junior-rep')!.total, 6),
  },
];

for (const c of CASES) {
  test(`decideGoLive: ${c.name}`, () => {
    const before = structuredClone(c.input);
    const verdict = decideGoLive(c.input);
    assert.equal(verdict.decision, c.decision, JSON.stringify(verdict.reasons));
    assert.deepEqual(verdict.reasons.map((r) => r.rule), c.reasons, JSON.stringify(verdict.reasons));
    for (const rule of c.notes ?? []) assert.ok(verdict.notes.some((n) => n.rule === rule), `expected a '${rule}' note in ${JSON.stringify(verdict.notes)}`);
    for (const line of [...verdict.reasons, ...verdict.notes]) assert.ok(!line.message.includes('\n'), `one line: ${line.message}`);
    c.check?.(verdict);
    // Pure: the inputs are untouched and the same inputs give the same verdict.
    assert.deepEqual(c.input, before);
    assert.deepEqual(decideGoLive(c.input), verdict);
  });
}

test('decideGoLive: no results at all cannot be decided', () => {
  assert.throws(() => decideGoLive(input({ results: [] })), (err: unknown) => err instanceof GateInputError && /no scenario results/.test(err.message));
});

test('decideGoLive: a requirement id the register does not know cannot be decided', () => {
  assert.throws(
    () => decideGoLive(input({ results: [...allPassing(), scenario('typo', ['PERM-99'])] })),
    (err: unknown) => err instanceof GateInputError && err.rule === 'unknown-requirement' && err.ids.join() === 'PERM-99' && err.message.includes('PERM-99 (in "typo")') && !err.message.includes('\n'),
  );
});

test('decideGoLive: an empty register with results naming ids cannot be decided', () => {
  assert.throws(() => decideGoLive(input({ register: [] })), GateInputError);
});

test('decideGoLive: the matrix counts every persona of a scenario on its device', () => {
  const v = decideGoLive(input({
    register: [requirement('A-1', 'major')],
    results: [
      scenario('one', ['A-1'], { personas: ['admin', 'junior-rep'] }),
      scenario('two', ['A-1'], { personas: [], project: 'iphone-14', key: 'iphone-14 › two' }),
      failed('three', ['A-1'], { personas: ['admin'], project: 'iphone-14', key: 'iphone-14 › three' }),
    ],
  }));
  assert.deepEqual(v.matrix.personas, ['admin', 'junior-rep', '(no persona)']);
  assert.deepEqual(v.matrix.devices, ['desktop-chrome', 'iphone-14']);
  assert.deepEqual(v.matrix.cells.map((c) => `${c.persona}/${c.device}:${c.passed}/${c.failed}/${c.total}`), [
    'admin/desktop-chrome:1/0/1',
    'admin/iphone-14:0/1/1',
    'junior-rep/desktop-chrome:1/0/1',
    '(no persona)/iphone-14:1/0/1',
  ]);
});

test('decideGoLive: against a baseline, new failures, fixes and what still fails', () => {
  const a = failed('a', ['MAJ-01']);
  const b = failed('b', ['MAJ-01']);
  const c = failed('c', ['MAJ-01']);
  const baseline = decideGoLive(input({ results: [...allPassing(), a, b] }));
  const now = decideGoLive(input({ results: [...allPassing(), scenario('a', ['MAJ-01']), b, c], baseline }));
  assert.deepEqual(now.regression, {
    baseline: { decision: baseline.decision, generatedAt: baseline.generatedAt, runId: 'run-1' },
    newFailures: [c.key],
    fixed: [a.key],
    stillFailing: [b.key],
    requirementChanges: [],
  });
  const fixedAll = decideGoLive(input({ baseline }));
  assert.deepEqual(fixedAll.regression!.requirementChanges, [{ id: 'MAJ-01', before: 'failing', after: 'proven' }]);
  assert.deepEqual(fixedAll.regression!.fixed, []); // a and b did not run this time: nothing known
});

test('decideGoLive: the policy as applied is in the verdict, with its file', () => {
  const v = decideGoLive(input());
  assert.equal(v.policy.file, 'gate-policy.yaml');
  assert.deepEqual(v.policy.passRate, { blocker: 100, critical: 100, major: 95, minor: null });
  assert.equal(REGISTER.length, v.requirements.length);
});
