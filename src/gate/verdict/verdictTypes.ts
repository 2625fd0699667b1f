import type { Requirement, Severity } from '../register/requirementRegister.ts';
import type { EvidenceFile, OrgFingerprint, RunFacts, ScenarioStatus, Triage } from '../results/scenarioResult.ts';

/**
 * The go-live verdict: what `decideGoLive()` returns and gate.json holds (schema
 * `golive-gate/1`, documented in src/gate/README.md). Everything the release manager reads —
 * gate.md, gate.html — is rendered from this and nothing else.
 */
export type Decision = 'GO' | 'NO-GO';

/** The policy rule a reason or note comes from. */
export type GateRule =
  | 'pass-rate' // a severity's pass rate is below the policy's
  | 'flaky' // a blocker/critical scenario only passed on a retry
  | 'coverage' // a blocker/critical requirement has no executed scenario
  | 'min-scenarios' // fewer executed scenarios than the policy's minimum
  | 'max-duration' // a scenario took longer than the policy allows
  | 'waiver-expired' // a waiver past its expiry (no longer applied)
  | 'waiver-unknown' // a waiver for a requirement or scenario that does not exist
  | 'unknown-requirement' // a scenario names an id the register does not know
  | 'environment' // the run could not use the org: a setup project (persona sign-in) or the run itself failed
  | 'run-facts'; // run-facts.json missing or unreadable (a note: the verdict does not name the run)

export interface GateReason {
  rule: GateRule;
  /** One line in the release manager's words, e.g. "PERM-04 (blocker) failed: 1 of 2 scenarios". */
  message: string;
  requirement?: string;
  severity?: Severity;
  /** Scenario keys concerned. */
  scenarios?: string[];
}

/** proven: every executed scenario passed; failing: one failed (and no waiver); waived: failing but
 * covered by a valid waiver; not-run: no scenario executed (skipped or not selected). */
export type RequirementStatus = 'proven' | 'failing' | 'waived' | 'not-run';

export interface ScenarioRef {
  key: string;
  title: string;
  project: string;
  status: ScenarioStatus;
  durationMs: number;
  triage?: Triage;
  evidence: EvidenceFile[];
}

export interface RequirementVerdict extends Requirement {
  status: RequirementStatus;
  scenarios: ScenarioRef[];
  waiver?: AppliedWaiver;
}

export interface SeverityTally {
  severity: Severity;
  /** The policy's required pass rate in percent; null: reported only (minor by default). */
  requiredPassRate: number | null;
  requirements: number;
  executedScenarios: number;
  passed: number;
  failed: number;
  flaky: number;
  waived: number;
  /** Passed (flaky counted as failed where the policy says so) ÷ executed, in percent; null when none ran. */
  passRate: number | null;
  met: boolean;
}

export interface Waiver {
  /** A requirement id or a scenario key (exactly one). */
  requirement?: string;
  scenario?: string;
  reason: string;
  approver: string;
  /** ISO date (YYYY-MM-DD); the waiver applies through the end of that day (UTC). */
  expires: string;
}

export interface AppliedWaiver extends Waiver {
  /** What the waiver covered in this run: the failing scenario keys it excused. */
  excused: string[];
}

export interface PersonaDeviceCell {
  persona: string;
  device: string;
  passed: number;
  failed: number;
  total: number;
}

export interface Failure {
  key: string;
  title: string;
  project: string;
  requirements: string[];
  personas: string[];
  status: ScenarioStatus;
  error?: { message: string; location?: string };
  triage: Triage;
  evidence: EvidenceFile[];
  waived: boolean;
}

export interface Regression {
  baseline: { decision: Decision; generatedAt: string; runId?: string };
  /** Failing now, passing (or absent) in the baseline: scenario keys. */
  newFailures: string[];
  /** Failing in the baseline, passing now. */
  fixed: string[];
  /** Failing in both. */
  stillFailing: string[];
  /** Requirement ids whose status changed, with both statuses. */
  requirementChanges: { id: string; before: RequirementStatus; after: RequirementStatus }[];
}

export interface Verdict {
  schema: 'golive-gate/1';
  decision: Decision;
  generatedAt: string;
  /** Why NO-GO: every rule that failed, most severe first. Empty for GO. */
  reasons: GateReason[];
  /** Flagged but not deciding: expired waivers, minor failures, slow-but-allowed scenarios… */
  notes: GateReason[];
  requirements: RequirementVerdict[];
  severities: SeverityTally[];
  matrix: { personas: string[]; devices: string[]; cells: PersonaDeviceCell[] };
  failures: Failure[];
  waivers: { applied: AppliedWaiver[]; expired: Waiver[]; unknown: Waiver[] };
  totals: { scenarios: number; executed: number; passed: number; failed: number; flaky: number; skipped: number; durationMs: number };
  run: RunFacts;
  org: OrgFingerprint;
  /** The policy as applied (file and values), so the record stands on its own. */
  policy: GatePolicy & { file: string };
  regression?: Regression;
}

/** scenarios/gate-policy.yaml, parsed. */
export interface GatePolicy {
  /** Percent per severity; null: reported only. Defaults: blocker 100, critical 100, major 95, minor null. */
  passRate: Record<Severity, number | null>;
  /** Severities for which a flaky result counts as a failure (default blocker, critical). */
  flakyCountsAsFailure: Severity[];
  /** Severities whose every requirement needs at least one executed scenario (default blocker, critical). */
  coverageRequired: Severity[];
  minExecutedScenarios: number;
  /** Longest a scenario may take, in seconds. */
  maxScenarioSeconds: number;
  waivers: Waiver[];
}
