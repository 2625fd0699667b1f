import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import { SEVERITIES, type Severity } from '../register/requirementRegister.ts';
import type { GatePolicy, Waiver } from '../verdict/verdictTypes.ts';

/**
 * The gate policy (scenarios/gate-policy.yaml): pass rates, flaky handling, coverage, run size,
 * scenario duration and waivers. A policy that cannot be trusted stops the gate with one line
 * naming the file and the entry: a typo must never quietly relax a rule, so unknown keys are
 * errors too, not ignored.
 */
export const DEFAULT_POLICY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scenarios/gate-policy.yaml');

export const DEFAULT_POLICY: GatePolicy = {
  passRate: { blocker: 100, critical: 100, major: 95, minor: null },
  flakyCountsAsFailure: ['blocker', 'critical'],
  coverageRequired: ['blocker', 'critical'],
  minExecutedScenarios: 20,
  maxScenarioSeconds: 120,
  waivers: [],
};

export type LoadedPolicy = GatePolicy & { file: string };

export class PolicyError extends Error {
  override name = 'PolicyError';
}

const TOP_LEVEL_KEYS = ['passRate', 'flakyCountsAsFailure', 'coverageRequired', 'minExecutedScenarios', 'maxScenarioSeconds', 'waivers'];
const WAIVER_KEYS = ['requirement', 'scenario', 'reason', 'approver', 'expires'];
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isMapping(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function severityList(value: unknown, key: string, file: string): Severity[] {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new PolicyError(`${file}: '${key}' must be a list of severities, e.g. [blocker, critical].`);
  return value.map((entry) => {
    if (typeof entry !== 'string' || !(SEVERITIES as readonly string[]).includes(entry)) {
      throw new PolicyError(`${file}: '${key}' names severity '${String(entry)}'; use ${SEVERITIES.join(', ')}.`);
    }
    return entry as Severity;
  });
}

function positiveNumber(value: unknown, key: string, file: string, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new PolicyError(`${file}: '${key}' is ${JSON.stringify(value)}; write a ${integer ? 'whole number' : 'number'} of 0 or more.`);
  }
  return value;
}

/** A YYYY-MM-DD string that names a real day (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function parseWaiver(entry: unknown, index: number, file: string): Waiver {
  const at = `${file}: waiver #${index + 1}`;
  if (!isMapping(entry)) throw new PolicyError(`${at} is not a mapping of requirement or scenario, reason, approver, expires.`);
  const named = typeof entry.requirement === 'string' ? entry.requirement : typeof entry.scenario === 'string' ? entry.scenario : undefined;
  const label = named ? `${at} (${named})` : at;
  for (const key of Object.keys(entry)) {
    if (!WAIVER_KEYS.includes(key)) throw new PolicyError(`${label} has an unknown field '${key}'; a waiver has ${WAIVER_KEYS.join(', ')}.`);
  }
  const hasRequirement = entry.requirement !== undefined && entry.requirement !== null;
  const hasScenario = entry.scenario !== undefined && entry.scenario !== null;
  if (hasRequirement === hasScenario) {
    throw new PolicyError(`${label} names ${hasRequirement ? 'both a requirement and a scenario' : 'neither a requirement nor a scenario'}; give exactly one.`);
  }
  const text = (key: string): string => {
    const value = entry[key];
    if (typeof value !== 'string' || !value.trim()) throw new PolicyError(`${label} has no '${key}'; every waiver needs a reason, an approver and an expiry date.`);
    return value.trim();
  };
  // YAML 1.1 readers turn an unquoted date into a timestamp; accept one as its calendar day.
  const rawExpires = entry.expires instanceof Date ? entry.expires.toISOString().slice(0, 10) : entry.expires;
  if (rawExpires === undefined || rawExpires === null) throw new PolicyError(`${label} has no 'expires'; every waiver needs an expiry date (YYYY-MM-DD).`);
  const expires = String(rawExpires).trim();
  if (!isCalendarDate(expires)) throw new PolicyError(`${label}: expires '${expires}' is not a date; write it as YYYY-MM-DD (e.g. 2026-12-31).`);
  const target = hasRequirement ? { requirement: text('requirement') } : { scenario: text('scenario') };
  return { ...target, reason: text('reason'), approver: text('approver'), expires };
}

export function parsePolicy(text: string, file: string): LoadedPolicy {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
    throw new PolicyError(`${file}${where}: not valid YAML (${(error as Error).message.split('\n')[0]}); fix the policy's syntax.`);
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isMapping(doc)) throw new PolicyError(`${file}: expected a mapping of ${TOP_LEVEL_KEYS.join(', ')}; see the comments in scenarios/gate-policy.yaml.`);
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key)) throw new PolicyError(`${file}: unknown setting '${key}'; the policy has ${TOP_LEVEL_KEYS.join(', ')}.`);
  }

  const passRate = { ...DEFAULT_POLICY.passRate };
  if (doc.passRate !== undefined && doc.passRate !== null) {
    if (!isMapping(doc.passRate)) throw new PolicyError(`${file}: 'passRate' must map severities to a percent or null, e.g. major: 95.`);
    for (const [severity, value] of Object.entries(doc.passRate)) {
      if (!(SEVERITIES as readonly string[]).includes(severity)) throw new PolicyError(`${file}: passRate has severity '${severity}'; use ${SEVERITIES.join(', ')}.`);
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)) {
        throw new PolicyError(`${file}: passRate.${severity} is ${JSON.stringify(value)}; write a percent from 0 to 100, or null for reported only.`);
      }
      passRate[severity as Severity] = value as number | null;
    }
  }
  const waivers = doc.waivers ?? [];
  if (!Array.isArray(waivers)) throw new PolicyError(`${file}: 'waivers' must be a list (waivers: [] when there are none).`);
  return {
    file,
    passRate,
    flakyCountsAsFailure: doc.flakyCountsAsFailure === undefined ? [...DEFAULT_POLICY.flakyCountsAsFailure] : severityList(doc.flakyCountsAsFailure, 'flakyCountsAsFailure', file),
    coverageRequired: doc.coverageRequired === undefined ? [...DEFAULT_POLICY.coverageRequired] : severityList(doc.coverageRequired, 'coverageRequired', file),
    minExecutedScenarios: doc.minExecutedScenarios === undefined ? DEFAULT_POLICY.minExecutedScenarios : positiveNumber(doc.minExecutedScenarios, 'minExecutedScenarios', file, true),
    maxScenarioSeconds: doc.maxScenarioSeconds === undefined ? DEFAULT_POLICY.maxScenarioSeconds : positiveNumber(doc.maxScenarioSeconds, 'maxScenarioSeconds', file, false),
    waivers: waivers.map((entry: unknown, index: number) => parseWaiver(entry, index, file)),
  };
}

export function loadPolicy(file: string = DEFAULT_POLICY_FILE): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PolicyError(`Cannot read the gate policy ${file}: check the path (default scenarios/gate-policy.yaml).`);
  }
  return parsePolicy(text, file);
}
