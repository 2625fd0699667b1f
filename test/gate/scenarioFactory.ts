import type { Requirement, Severity } from '../../src/gate/register/requirementRegister.ts';
import { DEFAULT_POLICY } from '../../src/gate/policy/gatePolicy.ts';
import type { OrgFingerprint, RunFacts, ScenarioResult } from '../../src/gate/results/scenarioResult.ts';
import type { GateInput } from '../../src/gate/verdict/decideGoLive.ts';
import type { GatePolicy } from '../../src/gate/verdict/verdictTypes.ts';

/** Plain-table inputs for the gate's unit tests and its benchmark. */
export function requirement(id: string, severity: Severity, title = `Requirement ${id}`): Requirement {
  return { id, title, area: 'permissions', severity, owner: 'Sales', step: 'Step' };
}

export const REGISTER: Requirement[] = [
  requirement('BLK-01', 'blocker', 'Reps cannot see the Commission field'),
  requirement('BLK-02', 'blocker'),
  requirement('CRT-01', 'critical'),
  requirement('MAJ-01', 'major'),
  requirement('MIN-01', 'minor'),
];

export function scenario(title: string, requirements: string[], overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  const project = overrides.project ?? 'desktop-chrome';
  const file = 'scenarios/x.spec.ts';
  return {
    key: `${project} › ${file} › ${title}`,
    title,
    titlePath: [title],
    file,
    line: 1,
    project,
    requirements,
    personas: ['junior-rep'],
    tags: [],
    status: 'passed',
    attempts: 1,
    durationMs: 1_000,
    evidence: [],
    ...overrides,
  };
}

/** One passing scenario for every requirement of the register. */
export function allPassing(register: Requirement[] = REGISTER): ScenarioResult[] {
  return register.map((r) => scenario(`proves ${r.id}`, [r.id]));
}

export const RUN: RunFacts = { runId: 'run-1', seed: '42', startedAt: '2026-11-22T10:00:00.000Z', target: 'local', apiVersion: '62.0' };
export const ORG: OrgFingerprint = { orgId: '00D000000000001AAA', name: 'Acme', instance: 'local', isSandbox: true };
export const NOW = new Date('2026-11-22T12:00:00.000Z');

export function policy(overrides: Partial<GatePolicy> = {}): GatePolicy & { file: string } {
  return { ...structuredClone(DEFAULT_POLICY), minExecutedScenarios: 1, file: 'gate-policy.yaml', ...overrides };
}

export function input(overrides: Partial<GateInput> = {}): GateInput {
  return { results: allPassing(), register: REGISTER, policy: policy(), runFacts: RUN, org: ORG, now: NOW, ...overrides };
}
