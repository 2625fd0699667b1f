import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';

/**
 * The requirement register (scenarios/requirements.yaml): what the org must do before it may go
 * live, written by the release manager. Scenarios name requirement ids; the gate judges per
 * requirement. A register that cannot be trusted stops everything with one line naming the entry
 * and what to fix: a typo in a severity must never quietly drop a blocker from the verdict.
 */
export const AREAS = ['lead-to-opportunity', 'permissions', 'automation', 'mobile', 'data-quality'] as const;
export const SEVERITIES = ['blocker', 'critical', 'major', 'minor'] as const;

export type Area = (typeof AREAS)[number];
export type Severity = (typeof SEVERITIES)[number];

export interface Requirement {
  id: string;
  title: string;
  area: Area;
  severity: Severity;
  /** The department that signs the requirement off. */
  owner: string;
  /** The step of the business process it belongs to. */
  step: string;
}

export const DEFAULT_REGISTER_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scenarios/requirements.yaml');

export class RegisterError extends Error {
  override name = 'RegisterError';
}

const ID_PATTERN = /^[A-Z][A-Z0-9]*-\d+$/;

export function parseRegister(text: string, file: string): Requirement[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
    throw new RegisterError(`${file}${where}: not valid YAML (${(error as Error).message.split('\n')[0]}); fix the register's syntax.`);
  }
  const list = (doc as { requirements?: unknown } | null)?.requirements;
  if (!Array.isArray(list)) throw new RegisterError(`${file}: expected a top-level 'requirements:' list; see the comment at the top of scenarios/requirements.yaml.`);
  const seen = new Set<string>();
  return list.map((entry: unknown, index) => {
    const at = `${file}: requirement #${index + 1}`;
    if (!entry || typeof entry !== 'object') throw new RegisterError(`${at} is not a mapping of id, title, area, severity, owner, step.`);
    const e = entry as Record<string, unknown>;
    const text = (key: string): string => {
      const value = e[key];
      if (typeof value !== 'string' || !value.trim()) throw new RegisterError(`${at}${typeof e.id === 'string' ? ` (${e.id})` : ''} has no '${key}'; every requirement needs id, title, area, severity, owner and step.`);
      return value.trim();
    };
    const id = text('id');
    if (!ID_PATTERN.test(id)) throw new RegisterError(`${at}: id '${id}' is not of the form AREA-<number> (e.g. LTO-01).`);
    if (seen.has(id)) throw new RegisterError(`${file}: requirement ${id} is listed twice; ids must be unique.`);
    seen.add(id);
    const area = text('area');
    if (!(AREAS as readonly string[]).includes(area)) throw new RegisterError(`${file}: ${id} has area '${area}'; use one of ${AREAS.join(', ')}.`);
    const severity = text('severity');
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new RegisterError(`${file}: ${id} has severity '${severity}'; use one of ${SEVERITIES.join(', ')}.`);
    return { id, title: text('title'), area: area as Area, severity: severity as Severity, owner: text('owner'), step: text('step') };
  });
}

export function loadRegister(file: string = DEFAULT_REGISTER_FILE): Requirement[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RegisterError(`Cannot read the requirement register ${file}: check the path (default scenarios/requirements.yaml).`);
  }
  return parseRegister(text, file);
}
