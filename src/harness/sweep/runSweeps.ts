import type { Connection } from 'jsforce';
import { SweepError, describeFailures } from './sweepRecords.ts';
import { sweepLeftoverLedgers, sweepRunLedger, type SweepOptions } from './sweepLedgers.ts';

/**
 * The two sweeps a run does, for the Playwright setup and teardown projects (or globalSetup /
 * globalTeardown). Both log one line per ledger and throw a SweepError when a delete failed.
 */

/** At the start: what earlier runs left on this org. A failure here is reported, not fatal. */
export async function sweepBeforeRun(conn: Connection, runId: string, options: SweepOptions & { log?: (line: string) => void } = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  for (const sweep of await sweepLeftoverLedgers(conn, { ...options, currentRunId: runId })) {
    if (sweep.skipped) log(`golive: left ledger of run ${sweep.runId} alone: ${sweep.skipped}`);
    else if (sweep.failures.length > 0) {
      // The ledger stays; `golive clean` or the next run tries again.
      log(`golive: could not sweep all of run ${sweep.runId}'s leftovers; its ledger is kept:\n${describeFailures(sweep.failures)}`);
    } else log(`golive: swept ${sweep.deleted} leftover record(s) of run ${sweep.runId}`);
  }
}

/** At the end: everything this run created that tests did not already clean up. */
export async function sweepAfterRun(conn: Connection, runId: string, options: SweepOptions & { log?: (line: string) => void } = {}): Promise<void> {
  const sweep = await sweepRunLedger(conn, runId, options);
  if (!sweep) return;
  if (sweep.failures.length > 0) throw new SweepError(sweep.failures, `for run ${runId} (ledger kept: ${sweep.file}; retry with 'golive clean')`);
  if (sweep.deleted > 0) (options.log ?? console.log)(`golive: teardown deleted ${sweep.deleted} record(s) of run ${runId} that tests left`);
}
