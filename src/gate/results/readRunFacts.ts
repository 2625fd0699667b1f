import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrgFingerprint, RunFacts } from './scenarioResult.ts';

/**
 * The run's facts and the org's fingerprint, from run-facts.json beside the results (written by
 * the UAT run's global setup). A missing or unreadable file does not stop the gate: the verdict
 * still stands on the results, its record says the facts are unknown and why (`note`).
 */
export const RUN_FACTS_FILE = 'run-facts.json';

export interface RunFactsRead {
  run: RunFacts;
  org: OrgFingerprint;
  /** Set when the facts are unknown: one line saying why. */
  note?: string;
}

const UNKNOWN_ORG: OrgFingerprint = { orgId: 'unknown', name: 'unknown', instance: 'unknown', isSandbox: false };

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** `startedAt`: the report's own start time, when known, for a run whose facts are missing. */
export function readRunFacts(reportsDir: string, fallback: { startedAt?: string; durationMs?: number } = {}): RunFactsRead {
  const file = path.join(reportsDir, RUN_FACTS_FILE);
  const unknown = (why: string): RunFactsRead => ({
    run: { runId: 'unknown', seed: 'unknown', startedAt: fallback.startedAt ?? 'unknown', durationMs: fallback.durationMs, target: 'unknown', apiVersion: 'unknown' },
    org: { ...UNKNOWN_ORG },
    note: `${file} ${why}: run id, seed, target and org are unknown in this verdict.`,
  });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return unknown('is missing');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return unknown('is not valid JSON');
  }
  if (!isRecord(doc) || !isRecord(doc.run) || !isRecord(doc.org)) return unknown("has no 'run' and 'org'");
  const run = doc.run as unknown as RunFacts;
  return {
    run: { ...run, durationMs: run.durationMs ?? fallback.durationMs },
    org: { ...UNKNOWN_ORG, ...(doc.org as unknown as OrgFingerprint) },
  };
}
