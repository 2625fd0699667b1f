import type { ScenarioStatus, TriageKind } from '../results/scenarioResult.ts';
import type { GateRule, RequirementStatus, RequirementVerdict, Verdict } from '../verdict/verdictTypes.ts';

/**
 * The words gate.md and gate.html share, so the pull-request summary and the release manager's
 * page never describe the same verdict differently.
 */

export const TRIAGE_LABEL: Readonly<Record<TriageKind, string>> = {
  'product-defect': 'Product defect',
  'test-defect': 'Test defect',
  environment: 'Environment problem',
};

export const REQUIREMENT_STATUS_LABEL: Readonly<Record<RequirementStatus, string>> = {
  failing: 'Failing',
  'not-run': 'Not run',
  waived: 'Waived',
  proven: 'Proven',
};

export const SCENARIO_STATUS_LABEL: Readonly<Record<ScenarioStatus, string>> = {
  passed: 'Passed',
  failed: 'Failed',
  flaky: 'Flaky (passed on retry)',
  skipped: 'Skipped',
  timedOut: 'Timed out',
  interrupted: 'Interrupted',
};

export const RULE_LABEL: Readonly<Record<GateRule, string>> = {
  'pass-rate': 'Pass rate',
  flaky: 'Flaky',
  coverage: 'Coverage',
  'min-scenarios': 'Too few scenarios',
  'max-duration': 'Too slow',
  'waiver-expired': 'Waiver expired',
  'waiver-unknown': 'Unknown waiver',
  'unknown-requirement': 'Unknown requirement',
  environment: 'Environment',
  'run-facts': 'Run facts',
};

const SEVERITY_RANK: Readonly<Record<string, number>> = { blocker: 0, critical: 1, major: 2, minor: 3 };
const STATUS_RANK: Readonly<Record<RequirementStatus, number>> = { failing: 0, 'not-run': 1, waived: 2, proven: 3 };

/**
 * Requirements in the order a release manager reads them: what blocks first (failing, then not
 * run, then waived, then proven), most severe first within each, the register's order otherwise.
 */
export function requirementsByConcern(requirements: readonly RequirementVerdict[]): RequirementVerdict[] {
  return requirements
    .map((requirement, index) => ({ requirement, index }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.requirement.status] - STATUS_RANK[b.requirement.status] ||
        (SEVERITY_RANK[a.requirement.severity] ?? 9) - (SEVERITY_RANK[b.requirement.severity] ?? 9) ||
        a.index - b.index,
    )
    .map((entry) => entry.requirement);
}

/** Failing or waived, or not run: what the short summary lists. */
export function requirementsAtRisk(verdict: Verdict): RequirementVerdict[] {
  return requirementsByConcern(verdict.requirements).filter((r) => r.status !== 'proven');
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}

/** "12 of 14 executed scenarios passed", the headline count both documents give. */
export function passedSummary(verdict: Verdict): string {
  const { executed, passed, flaky, failed, skipped } = verdict.totals;
  const parts = [`${passed} of ${executed} executed scenarios passed`];
  if (failed) parts.push(`${failed} failed`);
  if (flaky) parts.push(`${flaky} flaky`);
  if (skipped) parts.push(`${skipped} skipped`);
  return parts.join(', ');
}

/** The one sentence under the verdict. */
export function decisionSentence(verdict: Verdict): string {
  if (verdict.decision === 'GO') return 'Every go-live rule of the policy is met: the org may go live.';
  const n = verdict.reasons.length;
  return `The org may not go live: ${n} ${n === 1 ? 'rule is' : 'rules are'} not met.`;
}
