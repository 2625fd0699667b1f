import { environmentFailureReason } from './environmentFailure.ts';
import type { ScenarioStatus, Triage, TriageKind } from './scenarioResult.ts';

/**
 * Triage of a failed scenario: product defect, test defect or environment problem. The test's
 * own word wins (an annotation `{ type: 'triage', description: '<kind>: <reason>' }`, written
 * by a fixture that knows, e.g. the API shows the lead converted while the UI step failed).
 * Without one the error text decides: a run that could not reach or use the org is an
 * environment problem, an error in the test's own code is a test defect, and anything else is
 * taken for a product defect until someone shows otherwise: the safe side for a go-live.
 */
export const TRIAGE_KINDS: readonly TriageKind[] = ['product-defect', 'test-defect', 'environment'];

interface Pattern {
  test: RegExp;
  kind: TriageKind;
  reason: (match: RegExpMatchArray) => string;
}

/** The test's own mistakes; what the environment breaks is environmentFailure.ts's one list. */
const TEST_DEFECT_PATTERNS: Pattern[] = [
  { test: /strict mode violation/, kind: 'test-defect', reason: () => "the test's locator matched several elements (strict mode violation)" },
  { test: /^(?:Error: )?(TypeError|ReferenceError|SyntaxError)\b/, kind: 'test-defect', reason: (m) => `the test's own code threw a ${m[1]}` },
];

/** `product-defect: the field shows` → { kind, reason }; undefined when not of that form. */
export function parseTriageAnnotation(description: string | undefined): Triage | undefined {
  if (!description) return undefined;
  const match = /^\s*([a-z-]+)\s*:\s*(.*)$/s.exec(description);
  if (!match || !(TRIAGE_KINDS as readonly string[]).includes(match[1])) return undefined;
  return { kind: match[1] as TriageKind, reason: match[2].trim().split('\n')[0] || match[1] };
}

/** Triage from the error text alone (and the status: an interrupted run is the environment's). */
export function classifyFailure(errorText: string | undefined, status?: ScenarioStatus): Triage {
  if (status === 'interrupted') return { kind: 'environment', reason: 'the run was interrupted before the scenario finished' };
  const text = errorText ?? '';
  const environment = environmentFailureReason(text);
  if (environment) return { kind: 'environment', reason: environment };
  for (const pattern of TEST_DEFECT_PATTERNS) {
    const match = text.match(pattern.test);
    if (match) return { kind: pattern.kind, reason: pattern.reason(match) };
  }
  if (status === 'timedOut') return { kind: 'product-defect', reason: 'the scenario ran out of time waiting for the org' };
  return { kind: 'product-defect', reason: 'an expectation about the org failed' };
}

/** The triage annotation's word if there is a valid one, else the classification. */
export function triageFailure(annotations: { type: string; description?: string }[], errorText: string | undefined, status: ScenarioStatus): Triage {
  for (const annotation of [...annotations].reverse()) {
    if (annotation.type !== 'triage') continue;
    const stated = parseTriageAnnotation(annotation.description);
    if (stated) return stated;
  }
  return classifyFailure(errorText, status);
}
