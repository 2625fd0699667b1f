import type { FullResult, Reporter } from '@playwright/test/reporter';
import { currentRun } from '../run/runContext.ts';
import { scanReports, scrubAndScanReports, SecretsLeftError } from './afterRun.ts';
import { formatFindings } from './reportScrubber.ts';

export interface SecretScrubReporterOptions {
  /** Folders to scrub and scan; default ['reports', 'test-results']. */
  dirs?: string[];
  /** false: scan only, leaving the files as they are (e.g. when reports must stay byte-identical); default true. */
  scrub?: boolean;
}

/**
 * A Playwright reporter that scrubs the run's secrets out of the report folders and fails the
 * run if any remain. List it LAST in `reporter`: Playwright calls the reporters' onEnd in order,
 * and the HTML report (with its copies of the traces) is only written in the HTML reporter's
 * onEnd, after globalTeardown has already run; a globalTeardown would scrub too early.
 *
 * @example
 *   reporter: [['html', { outputFolder: 'reports/html' }], ['./src/harness/secrets/SecretScrubReporter.ts']]
 */
export default class SecretScrubReporter implements Reporter {
  constructor(private readonly options: SecretScrubReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    const { runId } = currentRun(process.env, () => {});
    const dirs = this.options.dirs ?? ['reports', 'test-results'];
    const left: string[] = [];
    for (const [i, dir] of dirs.entries()) {
      try {
        if (this.options.scrub === false) {
          left.push(...formatFindings(scanReports({ dir, runId }), dir));
          continue;
        }
        // The run's registry is deleted by the last folder's scrub, once all are clean.
        scrubAndScanReports({ dir, runId, keepRegistry: i < dirs.length - 1 });
      } catch (err) {
        if (!(err instanceof SecretsLeftError)) throw err;
        left.push(...err.lines);
      }
    }
    if (left.length === 0) return undefined;
    for (const line of left) console.error(`golive: secret left in reports: ${line}`);
    console.error(`golive: failing the run: ${left.length} secret(s) remain after scrubbing (listed above; values not shown).`);
    return result.status === 'passed' ? { status: 'failed' } : undefined;
  }
}
