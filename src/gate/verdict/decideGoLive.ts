import type { Requirement, Severity } from '../register/requirementRegister.ts';
import { SEVERITIES } from '../register/requirementRegister.ts';
import type { OrgFingerprint, RunFacts, ScenarioResult, TriageKind } from '../results/scenarioResult.ts';
import { compareWithBaseline } from './regression.ts';
import type {
  AppliedWaiver,
  Failure,
  GatePolicy,
  GateReason,
  GateRule,
  PersonaDeviceCell,
  RequirementStatus,
  RequirementVerdict,
  ScenarioRef,
  SeverityTally,
  Verdict,
  Waiver,
} from './verdictTypes.ts';

/**
 * The go-live decision: a pure function of the run's results, the requirement register and the
 * gate policy (no clock, no files: `now` is given), so every rule is tested from plain tables
 * and the same inputs always give the same gate.json.
 *
 * Input it cannot judge — no results at all, a scenario naming a requirement the register does
 * not know — throws GateInputError: the CLI turns it into "cannot decide" (exit 2), because a
 * verdict over a register that does not match the suite would silently drop requirements.
 */
export interface GateInput {
  results: ScenarioResult[];
  register: Requirement[];
  policy: GatePolicy & { file?: string };
  runFacts: RunFacts;
  org: OrgFingerprint;
  now: Date;
  baseline?: Verdict;
  /** Results of the setup projects (persona sign-in); any not passed is an environment NO-GO. */
  setup?: ScenarioResult[];
  /** Errors outside any test (global setup failed, a test file did not load): environment NO-GO. */
  runErrors?: { message: string; location?: string }[];
  /** Notes from reading the inputs (e.g. run-facts.json missing), added to the verdict's notes. */
  notes?: GateReason[];
}

export class GateInputError extends Error {
  override name = 'GateInputError';
  constructor(
    message: string,
    readonly rule?: GateRule,
    readonly ids: string[] = [],
  ) {
    super(message);
  }
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, critical: 1, major: 2, minor: 3 };
const RULE_RANK: Record<GateRule, number> = {
  environment: 0,
  'unknown-requirement': 1,
  'pass-rate': 2,
  flaky: 3,
  coverage: 4,
  'min-scenarios': 5,
  'max-duration': 6,
  'waiver-expired': 7,
  'waiver-unknown': 8,
  'run-facts': 9,
};
const KEY_SEPARATOR = ' › ';
const NO_PERSONA = '(no persona)';
/** A scenario this close to the time limit is noted, so a slow trend shows before it fails. */
const SLOW_SHARE = 0.8;

const isHardFailure = (s: ScenarioResult) => s.status === 'failed' || s.status === 'timedOut' || s.status === 'interrupted';
const isExecuted = (s: ScenarioResult) => s.status !== 'skipped';
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`);
}

/** The scenario key without its device part: `<file> › <title>`, the same on every device. */
function keyWithoutProject(s: ScenarioResult): string {
  return s.key.startsWith(s.project + KEY_SEPARATOR) ? s.key.slice(s.project.length + KEY_SEPARATOR.length) : s.key;
}

function describeTriage(failures: ScenarioResult[]): string {
  const kinds = new Map<TriageKind, number>();
  for (const f of failures) kinds.set(f.triage?.kind ?? 'product-defect', (kinds.get(f.triage?.kind ?? 'product-defect') ?? 0) + 1);
  const words: Record<TriageKind, string> = { 'product-defect': 'product defect', 'test-defect': 'test defect', environment: 'environment problem' };
  if (kinds.size === 1) return words[[...kinds.keys()][0]!];
  return [...kinds].map(([kind, n]) => `${n} ${words[kind]}`).join(', ');
}

function titleOf(r: Requirement): string {
  return `${r.id} ${r.title}`;
}

function scenarioRef(s: ScenarioResult): ScenarioRef {
  const ref: ScenarioRef = { key: s.key, title: s.title, project: s.project, status: s.status, durationMs: s.durationMs, evidence: s.evidence };
  if (s.triage && s.status !== 'passed' && s.status !== 'skipped') ref.triage = s.triage;
  return ref;
}

function byRank(a: GateReason, b: GateReason): number {
  const environmentFirst = (r: GateReason) => (r.rule === 'environment' ? 0 : 1);
  const severity = (r: GateReason) => (r.severity ? SEVERITY_RANK[r.severity] : SEVERITIES.length);
  return environmentFirst(a) - environmentFirst(b) || severity(a) - severity(b) || RULE_RANK[a.rule] - RULE_RANK[b.rule];
}

export function decideGoLive(input: GateInput): Verdict {
  const { results, register, policy, now } = input;
  const setup = input.setup ?? [];
  const runErrors = input.runErrors ?? [];
  if (results.length === 0 && setup.length === 0 && runErrors.length === 0) {
    throw new GateInputError('no scenario results: the report lists no scenario (was the suite run, and with the json reporter?).');
  }
  const requirementsById = new Map(register.map((r) => [r.id, r]));

  const unknownIds = new Map<string, string>();
  for (const s of results) for (const id of s.requirements) if (!requirementsById.has(id) && !unknownIds.has(id)) unknownIds.set(id, s.title);
  if (unknownIds.size > 0) {
    const list = [...unknownIds].map(([id, title]) => `${id} (in "${title}")`).join(', ');
    throw new GateInputError(`scenarios name requirement ids the register does not know: ${list}; add them to the register or fix covers(...).`, 'unknown-requirement', [...unknownIds.keys()]);
  }

  const reasons: GateReason[] = [];
  const notes: GateReason[] = [...(input.notes ?? [])];

  // --- waivers: which apply, which expired, which name nothing ------------------------------
  // Scenario keys are only needed to check scenario waivers: none, no work over every result.
  const scenarioWaivers = policy.waivers.some((w) => w.scenario !== undefined);
  const deviceFreeKey = new Map<ScenarioResult, string>(scenarioWaivers ? results.map((s) => [s, keyWithoutProject(s)]) : []);
  const keys = new Set(scenarioWaivers ? results.map((s) => s.key) : []);
  const deviceFreeKeys = new Set(deviceFreeKey.values());
  const valid: Waiver[] = [];
  const expired: Waiver[] = [];
  const unknown: Waiver[] = [];
  for (const w of policy.waivers) {
    const named = w.requirement ?? w.scenario ?? '';
    const exists = w.requirement !== undefined ? requirementsById.has(w.requirement) : keys.has(named) || deviceFreeKeys.has(named);
    if (!exists) {
      unknown.push(w);
      const what = w.requirement !== undefined ? 'requirement the register does not list' : 'scenario that is not in this run';
      notes.push({ rule: 'waiver-unknown', message: `Waiver for ${named} (approved by ${w.approver}) names a ${what}; it excuses nothing — check the id.`, ...(w.requirement ? { requirement: w.requirement } : { scenarios: [named] }) });
    } else if (now.getTime() > endOfDay(w.expires)) {
      expired.push(w);
      const requirement = w.requirement ? requirementsById.get(w.requirement) : undefined;
      notes.push({
        rule: 'waiver-expired',
        message: `Waiver for ${named} expired on ${w.expires} (approved by ${w.approver}: ${w.reason}); it no longer applies.`,
        ...(requirement ? { requirement: requirement.id, severity: requirement.severity } : { scenarios: [named] }),
      });
    } else {
      valid.push(w);
    }
  }
  const applied = new Map<Waiver, AppliedWaiver>(valid.map((w) => [w, { ...w, excused: [] }]));
  const requirementWaiver = new Map<string, Waiver>();
  for (const w of valid) if (w.requirement !== undefined && !requirementWaiver.has(w.requirement)) requirementWaiver.set(w.requirement, w);
  const scenarioWaiverOf = (s: ScenarioResult): Waiver | undefined => valid.find((w) => w.scenario !== undefined && (w.scenario === s.key || w.scenario === deviceFreeKey.get(s)));
  const validScenarioWaivers = valid.some((w) => w.scenario !== undefined);
  const waiverCache = new Map<ScenarioResult, Waiver | undefined>();
  const scenarioWaiver = (s: ScenarioResult) => {
    if (!validScenarioWaivers) return undefined;
    if (!waiverCache.has(s)) waiverCache.set(s, scenarioWaiverOf(s));
    return waiverCache.get(s);
  };
  const excuse = (w: Waiver, s: ScenarioResult) => {
    const record = applied.get(w)!;
    if (!record.excused.includes(s.key)) record.excused.push(s.key);
  };

  /** Fails for requirements of this severity: a hard failure, or a retry-pass where flaky counts. */
  const flakyCounts = new Set(policy.flakyCountsAsFailure);
  const countsAsFailure = (s: ScenarioResult, severity: Severity) => isHardFailure(s) || (s.status === 'flaky' && flakyCounts.has(severity));

  // --- per requirement -----------------------------------------------------------------------
  const scenariosOf = new Map<string, ScenarioResult[]>(register.map((r) => [r.id, []]));
  for (const s of results) for (const id of s.requirements) scenariosOf.get(id)!.push(s);

  /** Scenarios failing at least one requirement without a waiver (overall, and per severity). */
  const unexcusedFailure = new Set<ScenarioResult>();
  const unexcusedBySeverity = new Map<Severity, Set<ScenarioResult>>(SEVERITIES.map((severity) => [severity, new Set()]));
  const requirementVerdicts: RequirementVerdict[] = [];
  const failingOf = new Map<string, { all: ScenarioResult[]; unexcused: ScenarioResult[]; executed: ScenarioResult[] }>();
  for (const r of register) {
    const scenarios = scenariosOf.get(r.id)!;
    const executed = scenarios.filter(isExecuted);
    const failing = executed.filter((s) => countsAsFailure(s, r.severity));
    const unexcused: ScenarioResult[] = [];
    let usedWaiver: Waiver | undefined;
    for (const s of failing) {
      const w = scenarioWaiver(s) ?? requirementWaiver.get(r.id);
      if (w) {
        excuse(w, s);
        usedWaiver ??= w;
      } else {
        unexcused.push(s);
        unexcusedFailure.add(s);
        unexcusedBySeverity.get(r.severity)!.add(s);
      }
    }
    let status: RequirementStatus;
    if (executed.length === 0) {
      usedWaiver = requirementWaiver.get(r.id);
      status = usedWaiver ? 'waived' : 'not-run';
    } else if (unexcused.length > 0) status = 'failing';
    else if (failing.length > 0) status = 'waived';
    else status = 'proven';
    failingOf.set(r.id, { all: failing, unexcused, executed });
    const verdict: RequirementVerdict = { ...r, status, scenarios: scenarios.map(scenarioRef) };
    if (usedWaiver && status === 'waived') verdict.waiver = applied.get(usedWaiver)!;
    requirementVerdicts.push(verdict);
  }

  // --- per severity: pass rates ---------------------------------------------------------------
  const severities: SeverityTally[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = register.filter((r) => r.severity === severity);
    const executed = new Set<ScenarioResult>();
    for (const r of ofSeverity) for (const s of failingOf.get(r.id)!.executed) executed.add(s);
    let passed = 0;
    let failed = 0;
    let flaky = 0;
    let waived = 0;
    for (const s of executed) {
      if (s.status === 'flaky') flaky++;
      if (!countsAsFailure(s, severity)) passed++;
      else if (unexcusedBySeverity.get(severity)!.has(s)) failed++;
      else waived++;
    }
    const judged = executed.size - waived;
    const required = policy.passRate[severity];
    const passRate = judged > 0 ? Math.round((passed / judged) * 10000) / 100 : null;
    // Compared on counts, not the rounded percent: 94.996% is not 95%.
    const met = required === null || judged === 0 || passed * 100 >= required * judged;
    severities.push({ severity, requiredPassRate: required, requirements: ofSeverity.length, executedScenarios: executed.size, passed, failed, flaky, waived, passRate, met });

    const failingRequirements = ofSeverity.filter((r) => failingOf.get(r.id)!.unexcused.length > 0);
    const perRequirement = (target: GateReason[]) => {
      for (const r of failingRequirements) {
        const { unexcused, executed: ran } = failingOf.get(r.id)!;
        const onlyFlaky = unexcused.every((s) => s.status === 'flaky');
        const message = onlyFlaky
          ? `${titleOf(r)} (${severity}): ${unexcused.length} of ${plural(ran.length, 'scenario')} passed only on a retry — flaky counts as failed for ${severity}`
          : `${titleOf(r)} (${severity}): ${unexcused.length} of ${plural(ran.length, 'scenario')} failed — ${describeTriage(unexcused)}`;
        target.push({ rule: onlyFlaky ? 'flaky' : 'pass-rate', message, requirement: r.id, severity, scenarios: unexcused.map((s) => s.key) });
      }
    };
    if (!met && required === 100) perRequirement(reasons);
    else if (!met) {
      reasons.push({
        rule: 'pass-rate',
        severity,
        message: `${severity[0]!.toUpperCase()}${severity.slice(1)} requirements: ${percent(passRate!)} of ${plural(judged, 'scenario')} passed, the policy requires ${percent(required!)} — failing: ${failingRequirements.map((r) => r.id).join(', ')}`,
        scenarios: [...new Set(failingRequirements.flatMap((r) => failingOf.get(r.id)!.unexcused.map((s) => s.key)))],
      });
      perRequirement(notes);
    } else perRequirement(notes);

    // Retry-passes where the policy lets them count as passed: noted, never silent.
    if (!flakyCounts.has(severity)) {
      const retried = [...executed].filter((s) => s.status === 'flaky');
      if (retried.length > 0) {
        notes.push({ rule: 'flaky', severity, message: `${plural(retried.length, `${severity} scenario`)} passed only on a retry (counted as passed for ${severity}): ${retried.map((s) => s.title).slice(0, 3).join('; ')}${retried.length > 3 ? ` and ${retried.length - 3} more` : ''}`, scenarios: retried.map((s) => s.key) });
      }
    }

    // --- coverage ---------------------------------------------------------------------------
    const notRun = requirementVerdicts.filter((r) => r.severity === severity && r.status === 'not-run');
    if (policy.coverageRequired.includes(severity)) {
      for (const r of notRun) {
        const listed = scenariosOf.get(r.id)!.length;
        const why = listed === 0 ? 'no scenario covers it' : `its ${plural(listed, 'scenario')} did not run (skipped)`;
        reasons.push({ rule: 'coverage', requirement: r.id, severity, message: `${titleOf(r)} (${severity}): not proven — ${why}`, scenarios: scenariosOf.get(r.id)!.map((s) => s.key) });
      }
    } else if (notRun.length > 0) {
      notes.push({ rule: 'coverage', severity, message: `Not run (${severity}, coverage not required by the policy): ${notRun.map((r) => r.id).join(', ')}` });
    }
  }

  // --- the run as a whole -----------------------------------------------------------------------
  for (const s of setup) {
    if (s.status === 'passed' || s.status === 'skipped') continue;
    if (s.status === 'flaky') {
      notes.push({ rule: 'environment', message: `Setup "${s.title}" (${s.project}) passed only on a retry — ${s.triage?.reason ?? 'see its error'}`, scenarios: [s.key] });
      continue;
    }
    reasons.push({ rule: 'environment', message: `Setup "${s.title}" (${s.project}) failed — environment problem: ${s.triage?.reason ?? s.error?.message.split('\n')[0] ?? 'no error recorded'}; the scenarios that need it did not run`, scenarios: [s.key] });
  }
  for (const e of runErrors) {
    reasons.push({ rule: 'environment', message: `The run failed outside any scenario — environment problem: ${e.message}${e.location ? ` (${e.location})` : ''}` });
  }

  const executedAll = results.filter(isExecuted);
  if (executedAll.length < policy.minExecutedScenarios) {
    reasons.push({ rule: 'min-scenarios', message: `Only ${plural(executedAll.length, 'scenario')} ran; the policy requires at least ${policy.minExecutedScenarios} to decide a go-live` });
  }

  const limitMs = policy.maxScenarioSeconds * 1000;
  const tooSlow = executedAll.filter((s) => s.durationMs > limitMs && !scenarioWaiver(s));
  for (const s of executedAll) if (s.durationMs > limitMs && scenarioWaiver(s)) excuse(scenarioWaiver(s)!, s);
  const listSlow = (list: ScenarioResult[]) => `${list.slice(0, 3).map((s) => `"${s.title}" (${s.project}) ${seconds(s.durationMs)}`).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;
  if (tooSlow.length > 0) {
    reasons.push({ rule: 'max-duration', message: `${plural(tooSlow.length, 'scenario')} took longer than the ${policy.maxScenarioSeconds} s allowed: ${listSlow(tooSlow)}`, scenarios: tooSlow.map((s) => s.key) });
  }
  const nearlySlow = executedAll.filter((s) => s.durationMs > limitMs * SLOW_SHARE && s.durationMs <= limitMs);
  if (nearlySlow.length > 0) {
    notes.push({ rule: 'max-duration', message: `${plural(nearlySlow.length, 'scenario')} took over ${Math.round(SLOW_SHARE * 100)}% of the ${policy.maxScenarioSeconds} s allowed: ${listSlow(nearlySlow)}`, scenarios: nearlySlow.map((s) => s.key) });
  }

  const unclaimed = results.filter((s) => s.requirements.length === 0);
  if (unclaimed.length > 0) {
    notes.push({ rule: 'coverage', message: `${unclaimed.length === 1 ? '1 scenario names' : `${unclaimed.length} scenarios name`} no requirement: they prove nothing in the register (executed ones still count toward the minimum)`, scenarios: unclaimed.map((s) => s.key) });
  }

  reasons.sort(byRank);
  notes.sort(byRank);

  // --- persona × device matrix ------------------------------------------------------------------
  /** Failed as the release manager sees it: a hard failure, or a retry-pass counted as failure for one of its severities. */
  const scenarioFailed = (s: ScenarioResult) => isHardFailure(s) || (s.status === 'flaky' && s.requirements.some((id) => flakyCounts.has(requirementsById.get(id)!.severity)));
  const devices: string[] = [];
  const cells = new Map<string, PersonaDeviceCell>();
  for (const s of executedAll) {
    if (!devices.includes(s.project)) devices.push(s.project);
    for (const persona of s.personas.length > 0 ? s.personas : [NO_PERSONA]) {
      const id = `${persona}\0${s.project}`;
      let cell = cells.get(id);
      if (!cell) cells.set(id, (cell = { persona, device: s.project, passed: 0, failed: 0, total: 0 }));
      cell.total++;
      if (scenarioFailed(s)) cell.failed++;
      else cell.passed++;
    }
  }
  const personas = [...new Set([...cells.values()].map((c) => c.persona))].sort((a, b) => (a === NO_PERSONA ? 1 : b === NO_PERSONA ? -1 : a.localeCompare(b)));

  // --- failures, with evidence ------------------------------------------------------------------
  const worstSeverity = (s: ScenarioResult) => Math.min(SEVERITIES.length, ...s.requirements.map((id) => SEVERITY_RANK[requirementsById.get(id)!.severity]));
  const failed = [...setup, ...results].filter((s) => isHardFailure(s) || s.status === 'flaky');
  const setupKeys = new Set(setup.map((s) => s.key));
  failed.sort((a, b) => Number(!setupKeys.has(a.key)) - Number(!setupKeys.has(b.key)) || worstSeverity(a) - worstSeverity(b) || a.key.localeCompare(b.key));
  const failures: Failure[] = failed.map((s) => {
    const failure: Failure = {
      key: s.key,
      title: s.title,
      project: s.project,
      requirements: s.requirements,
      personas: s.personas,
      status: s.status,
      triage: s.triage ?? { kind: 'product-defect', reason: 'no triage recorded' },
      evidence: s.evidence,
      // Waived: it fails no requirement without a waiver (a retry-pass that does not count is not waived, it passed).
      waived: !setupKeys.has(s.key) && scenarioFailed(s) && !unexcusedFailure.has(s),
    };
    if (s.error) failure.error = s.error;
    return failure;
  });

  const verdict: Verdict = {
    schema: 'golive-gate/1',
    decision: reasons.length === 0 ? 'GO' : 'NO-GO',
    generatedAt: now.toISOString(),
    reasons,
    notes,
    requirements: requirementVerdicts,
    severities,
    matrix: { personas, devices, cells: [...cells.values()].sort((a, b) => personas.indexOf(a.persona) - personas.indexOf(b.persona) || devices.indexOf(a.device) - devices.indexOf(b.device)) },
    failures,
    waivers: { applied: [...applied.values()], expired, unknown },
    totals: {
      scenarios: results.length,
      executed: executedAll.length,
      passed: results.filter((s) => s.status === 'passed').length,
      failed: results.filter(isHardFailure).length,
      flaky: results.filter((s) => s.status === 'flaky').length,
      skipped: results.filter((s) => s.status === 'skipped').length,
      durationMs: results.reduce((sum, s) => sum + s.durationMs, 0),
    },
    run: input.runFacts,
    org: input.org,
    policy: { ...stripFile(policy), file: policy.file ?? '(given in code)' },
  };
  if (input.baseline) verdict.regression = compareWithBaseline(verdict, input.baseline);
  return verdict;
}

function stripFile(policy: GatePolicy & { file?: string }): GatePolicy {
  const { passRate, flakyCountsAsFailure, coverageRequired, minExecutedScenarios, maxScenarioSeconds, waivers } = policy;
  return { passRate: { ...passRate }, flakyCountsAsFailure: [...flakyCountsAsFailure], coverageRequired: [...coverageRequired], minExecutedScenarios, maxScenarioSeconds, waivers: waivers.map((w) => ({ ...w })) };
}
