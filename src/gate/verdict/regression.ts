import type { Regression, Verdict } from './verdictTypes.ts';

/**
 * The regression view: this verdict against an earlier gate.json (the baseline). Scenarios are
 * matched by key (device, file and title), which stays the same across runs of the same suite.
 *
 * - new failures: in this run's failures, not in the baseline's
 * - fixed: in the baseline's failures, and passed in this run (one that did not run this time is
 *   neither fixed nor still failing: nothing is known about it)
 * - still failing: in both
 * "Failures" are the verdict's `failures` list: failed, timed out, interrupted, and retry-passes.
 */
export function compareWithBaseline(current: Verdict, baseline: Verdict): Regression {
  const failingNow = new Set(current.failures.map((f) => f.key));
  const failingBefore = new Set(baseline.failures.map((f) => f.key));
  const passedNow = new Set<string>();
  for (const r of current.requirements) for (const s of r.scenarios) if (s.status === 'passed') passedNow.add(s.key);

  const before = new Map(baseline.requirements.map((r) => [r.id, r.status]));
  const requirementChanges: Regression['requirementChanges'] = [];
  for (const r of current.requirements) {
    const was = before.get(r.id);
    if (was !== undefined && was !== r.status) requirementChanges.push({ id: r.id, before: was, after: r.status });
  }
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return {
    baseline: { decision: baseline.decision, generatedAt: baseline.generatedAt, ...(baseline.run?.runId ? { runId: baseline.run.runId } : {}) },
    newFailures: sorted([...failingNow].filter((k) => !failingBefore.has(k))),
    fixed: sorted([...failingBefore].filter((k) => passedNow.has(k))),
    stillFailing: sorted([...failingNow].filter((k) => failingBefore.has(k))),
    requirementChanges,
  };
}
