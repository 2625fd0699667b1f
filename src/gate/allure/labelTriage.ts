import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { classifyFailure, parseTriageAnnotation } from '../results/triage.ts';
import type { Triage } from '../results/scenarioResult.ts';
import { TRIAGE_LABEL } from './allureCategories.ts';

/**
 * Puts a `triage` label on every failed or broken Allure result, decided as the gate decides:
 * the scenario's own `triage` annotation (allure-playwright records an annotation it does not
 * know as a step named `triage: <kind>: <reason>`), else the gate's classification of the error.
 * Idempotent: a result that already has the label is left alone.
 */

interface AllureStep {
  name?: string;
  steps?: AllureStep[];
}

interface AllureResultFile {
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  labels?: { name: string; value?: string }[];
  steps?: AllureStep[];
}

function statedTriage(steps: readonly AllureStep[] | undefined): Triage | undefined {
  let found: Triage | undefined;
  for (const step of steps ?? []) {
    const match = /^triage: (.*)$/s.exec(step.name ?? '');
    // The last word wins, as in the gate: a later annotation corrects an earlier one.
    const stated = match ? parseTriageAnnotation(match[1]) : undefined;
    if (stated) found = stated;
  }
  return found;
}

export function triageOfResult(result: AllureResultFile): Triage | undefined {
  if (result.status !== 'failed' && result.status !== 'broken') return undefined;
  const stated = statedTriage(result.steps);
  if (stated) return stated;
  const message = result.statusDetails?.message ?? '';
  const timedOut = /Test timeout of \d+ms exceeded/.test(message);
  return classifyFailure(message, timedOut ? 'timedOut' : 'failed');
}

/** Labels the results in `resultsDir`; returns how many results it labelled. */
export async function labelTriage(resultsDir: string): Promise<number> {
  let labelled = 0;
  for (const name of await readdir(resultsDir)) {
    if (!name.endsWith('-result.json')) continue;
    const file = path.join(resultsDir, name);
    const result = JSON.parse(await readFile(file, 'utf8')) as AllureResultFile;
    if (result.labels?.some((l) => l.name === TRIAGE_LABEL)) continue;
    const triage = triageOfResult(result);
    if (!triage) continue;
    result.labels = [...(result.labels ?? []), { name: TRIAGE_LABEL, value: triage.kind }];
    await writeFile(file, JSON.stringify(result));
    labelled++;
  }
  return labelled;
}
