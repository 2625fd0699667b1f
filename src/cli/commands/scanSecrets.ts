import path from 'node:path';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { scanReports, scrubAndScanReports, SecretsLeftError } from '../../harness/secrets/afterRun.ts';
import { formatFindings } from '../../harness/secrets/reportScrubber.ts';
import { CliError, ExitCode } from '../exitCodes.ts';

const USAGE = `Usage: golive scan-secrets [dir] [--scrub]

Looks for secrets in a report folder (default: reports): the values runs registered
(.golive/secrets/, GOLIVE_SECRETS_DIR), credentials in the environment and .env (variables named
*PASSWORD, *SECRET, *TOKEN, *PRIVATE_KEY, key files named by *KEY_FILE), and anything shaped like
a Salesforce session id or a PEM private key. Text files, ZIP entries (Playwright traces) and the
HTML report's embedded data are searched, and file names too.

Prints one line per finding, the file and the kind of secret (never the secret), and exits ${ExitCode.secretsFound}
if there is any.

  --scrub   first remove the secrets found (in place, archives rewritten), then scan`;

export async function scanSecretsCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { scrub: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (in 'golive scan-secrets'). Run 'golive scan-secrets --help'.`, ExitCode.usage);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return ExitCode.ok;
  }
  if (parsed.positionals.length > 1) throw new CliError(`'golive scan-secrets' takes one folder, not ${parsed.positionals.length}.`, ExitCode.usage);
  dotenv.config({ quiet: true });
  const dir = parsed.positionals[0] ?? 'reports';

  if (parsed.values.scrub) {
    try {
      scrubAndScanReports({ dir });
    } catch (err) {
      if (!(err instanceof SecretsLeftError)) throw err;
      for (const line of err.lines) console.error(line);
      throw new CliError(`${err.lines.length} secret(s) remain in ${dir} after scrubbing (listed above).`, ExitCode.secretsFound);
    }
    console.log(`golive: no secrets found in ${dir}.`);
    return ExitCode.ok;
  }
  const findings = scanReports({ dir });
  if (findings.length > 0) {
    for (const line of formatFindings(findings, path.relative(process.cwd(), path.resolve(dir)))) console.error(line);
    throw new CliError(`${findings.length} secret(s) found in ${dir} (listed above); run 'golive scan-secrets ${dir} --scrub' to remove them.`, ExitCode.secretsFound);
  }
  console.log(`golive: no secrets found in ${dir}.`);
  return ExitCode.ok;
}
