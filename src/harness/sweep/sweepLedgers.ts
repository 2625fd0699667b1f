import fs from 'node:fs';
import type { Connection } from 'jsforce';
import { orgIdentity } from '../target/orgIdentity.ts';
import { ledgerDir, ledgerFile, listLedgers, readLedger, writtenByLiveProcess, writtenFor } from '../ledger/Ledger.ts';
import { executeSweep, planSweep, type SweepFailure, type SweepPlan } from './sweepRecords.ts';

/**
 * Sweeping ledgers: deleting what a ledger lists (and what the org derived from it), then
 * removing the ledger. A ledger whose deletes partly failed is kept, so the next sweep retries.
 */
export interface LedgerSweep {
  runId: string;
  file: string;
  /** Why nothing was done: another org, or a run still in progress. */
  skipped?: string;
  plan?: SweepPlan;
  deleted: number;
  failures: SweepFailure[];
  /** The ledger file was deleted (everything it listed is gone). */
  removed: boolean;
}

export interface SweepOptions {
  dir?: string;
  dryRun?: boolean;
}

export async function sweepLedgerFile(conn: Connection, runId: string, file: string, options: { dryRun?: boolean; skipLiveRuns?: boolean } = {}): Promise<LedgerSweep> {
  const outcome: LedgerSweep = { runId, file, deleted: 0, failures: [], removed: false };
  const entries = readLedger(file);
  const target = await orgIdentity(conn);
  const foreign = entries.find((e) => !writtenFor(e, target));
  if (foreign) {
    const which = foreign.orgId.slice(0, 15) === target.orgId ? `another incarnation of org ${target.orgId} (created ${foreign.orgCreated})` : `org ${foreign.orgId} (${foreign.instanceUrl})`;
    return { ...outcome, skipped: `written for ${which}, not this one` };
  }
  if (options.skipLiveRuns && writtenByLiveProcess(entries)) return { ...outcome, skipped: 'its run is still in progress on this machine' };

  const plan = await planSweep(conn, entries);
  outcome.plan = plan;
  if (options.dryRun) return outcome;
  const result = await executeSweep(conn, plan);
  outcome.deleted = result.deleted.length;
  outcome.failures = result.failures;
  if (result.failures.length === 0) {
    fs.rmSync(file, { force: true });
    outcome.removed = true;
  }
  return outcome;
}

/** Teardown of the current run: sweeps its own ledger. A run that created nothing has none. */
export async function sweepRunLedger(conn: Connection, runId: string, options: SweepOptions = {}): Promise<LedgerSweep | undefined> {
  const file = ledgerFile(options.dir ?? ledgerDir(), runId);
  if (!fs.existsSync(file)) return undefined;
  return sweepLedgerFile(conn, runId, file, { dryRun: options.dryRun });
}

/**
 * At the start of a run: sweeps what earlier runs left on this org (killed, crashed, teardown
 * skipped). Ledgers of other orgs are left alone, and so are those of a run still going on this
 * machine.
 */
export async function sweepLeftoverLedgers(conn: Connection, options: SweepOptions & { currentRunId?: string } = {}): Promise<LedgerSweep[]> {
  const out: LedgerSweep[] = [];
  for (const { runId, file } of listLedgers(options.dir ?? ledgerDir())) {
    if (runId === options.currentRunId) continue;
    out.push(await sweepLedgerFile(conn, runId, file, { dryRun: options.dryRun, skipLiveRuns: true }));
  }
  return out;
}
