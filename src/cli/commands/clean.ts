import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { ledgerDir, listLedgers } from '../../harness/ledger/Ledger.ts';
import { sweepLedgerFile, type LedgerSweep } from '../../harness/sweep/sweepLedgers.ts';
import { describeFailures } from '../../harness/sweep/sweepRecords.ts';
import { connectTarget, targetFromEnv } from '../../harness/target/connectTarget.ts';
import { TargetConfigError } from '../../harness/target/orgTarget.ts';
import { PersonaLoginError } from '../../harness/target/targetLogin.ts';
import { CliError, ExitCode } from '../exitCodes.ts';

const USAGE = `Usage: golive clean [--dry-run] [--ledger-dir <dir>]

Deletes the test data that earlier runs left on the target org: every record their ledgers
(.golive/ledger/<run>.jsonl) list, the tasks flows attached to them and what lead conversion
made from them, children first. A ledger is removed once all it lists is gone.

  --dry-run     list what would be deleted, delete nothing
  --ledger-dir  where the ledgers are (default GOLIVE_LEDGER_DIR or .golive/ledger)

The target comes from .env, as for the UAT suite, logged in as the admin persona:
GOLIVE_TARGET=salesforce with SF_LOGIN_URL, SF_ADMIN_USERNAME and either SF_ADMIN_PASSWORD or
the JWT bearer flow (SF_CLIENT_ID with SF_JWT_KEY_FILE or SF_ADMIN_JWT_KEY_FILE); or the local
org at GOLIVE_LOCAL_ORG_URL (default http://127.0.0.1:$GOLIVE_ORG_PORT), which must be running.
Only ledgers written for that org are touched, and none of a run still in progress on this
machine. (A local run's org is usually fresh per run, so its leftovers die with it.)`;

function printSweep(sweep: LedgerSweep, dryRun: boolean): void {
  if (sweep.skipped) {
    console.log(`run ${sweep.runId}: skipped, ${sweep.skipped}`);
    return;
  }
  const steps = sweep.plan?.steps ?? [];
  const total = steps.reduce((n, s) => n + s.ids.length, 0);
  const gone = sweep.plan?.alreadyGone ?? 0;
  if (dryRun) {
    console.log(`run ${sweep.runId}: would delete ${total} record(s)${gone ? ` (${gone} listed already gone)` : ''}`);
    for (const step of steps) console.log(`  ${step.object} (${step.ids.length}): ${step.ids.join(' ')}`);
    return;
  }
  console.log(`run ${sweep.runId}: deleted ${sweep.deleted} record(s)${gone ? `, ${gone} already gone` : ''}${sweep.removed ? ', ledger removed' : ''}`);
  if (sweep.failures.length > 0) console.error(describeFailures(sweep.failures).replace(/^/gm, `golive: run ${sweep.runId}: could not delete `));
}

export async function cleanCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' }, 'ledger-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (in 'golive clean'). Run 'golive clean --help'.`, ExitCode.usage);
  }
  if (values.help) {
    console.log(USAGE);
    return ExitCode.ok;
  }
  dotenv.config({ quiet: true });
  const dir = values['ledger-dir'] ?? ledgerDir();
  const dryRun = values['dry-run'] ?? false;
  const ledgers = listLedgers(dir);
  if (ledgers.length === 0) {
    console.log(`golive: no ledgers in ${dir}; nothing to clean.`);
    return ExitCode.ok;
  }

  let conn;
  try {
    const target = targetFromEnv();
    try {
      conn = await connectTarget(target);
    } catch (err) {
      if (!(err instanceof PersonaLoginError)) throw err;
      const hint = target.kind === 'local' ? ' Is the local org running (golive org start)?' : '';
      throw new CliError(`could not log in to ${target.loginUrl} as '${err.username}': ${err.reason}.${hint}`, ExitCode.target);
    }
  } catch (err) {
    if (err instanceof TargetConfigError) throw new CliError(err.message, ExitCode.target);
    throw err;
  }

  let failed = 0;
  for (const { runId, file } of ledgers) {
    const sweep = await sweepLedgerFile(conn, runId, file, { dryRun, skipLiveRuns: true });
    printSweep(sweep, dryRun);
    failed += sweep.failures.length;
  }
  if (failed > 0) throw new CliError(`${failed} record(s) could not be deleted (listed above); their ledgers are kept for the next 'golive clean'.`, ExitCode.cleanupFailed);
  return ExitCode.ok;
}
