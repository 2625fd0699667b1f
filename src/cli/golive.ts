import { CliError, ExitCode } from './exitCodes.ts';
import { orgCommand } from './commands/org.ts';

const USAGE = `Usage: golive <command>

Commands:
  org start   Start the local org (Salesforce-compatible API on 127.0.0.1)
  org reset   Start the local org's database over from the metadata and seed data
  org users   List the org's users (--json: one JSON object a line)
  clean       Delete the test data earlier runs left on the target org (--dry-run: list it)
  scan-secrets [dir]  Find secrets left in a report folder (--scrub: remove them first)
  uat [playwright options]  Run the UAT suite (local org by default), then the go-live gate
  gate        Decide GO / NO-GO from a UAT run's results (exit 0 GO, 1 NO-GO, 2 cannot decide)
  gate verify [dir]   Check a gate record against its seal and signature
  defects list|materialize|check  The defect catalogue (orgs/defects/): orgs that must fail the gate

Run 'golive org --help' for the options.`;

/** The golive command line. Returns the exit code; every failure is one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'org':
        return await orgCommand(rest);
      // Loaded on demand: they bring jsforce, which 'org start' does not need.
      case 'clean':
        return await (await import('./commands/clean.ts')).cleanCommand(rest);
      case 'scan-secrets':
        return await (await import('./commands/scanSecrets.ts')).scanSecretsCommand(rest);
      case 'uat':
        return await (await import('./commands/uat.ts')).uatCommand(rest);
      case 'gate':
        return await (await import('./commands/gate.ts')).gateCommand(rest);
      case 'defects':
        return await (await import('./commands/defects.ts')).defectsCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.log(USAGE);
        return command === undefined ? ExitCode.usage : ExitCode.ok;
      default:
        throw new CliError(`unknown command '${command}'. Run 'golive --help' for the commands.`, ExitCode.usage);
    }
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`golive: ${err.message}`);
      return err.exitCode;
    }
    console.error(`golive: unexpected error: ${(err as Error).message} (this is a bug in golive; run with GOLIVE_DEBUG=1 for the stack)`);
    if (process.env.GOLIVE_DEBUG) console.error((err as Error).stack);
    return ExitCode.internal;
  }
}
