import path from 'node:path';
import { readAllRegisteredSecrets, SecretRegistry, secretsDir, type Secret } from './SecretRegistry.ts';
import { formatFindings, scanForSecrets, scrubSecrets, type Finding, type ScrubSummary } from './reportScrubber.ts';

export interface ReportSecretsOptions {
  /** The reports folder; default `reports`. */
  dir?: string;
  /** The run whose registry to use; without it, every registry in the secrets folder. */
  runId?: string;
  secretsDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Keep the run's registry after a clean scan (more folders to scrub with it). */
  keepRegistry?: boolean;
}

export class SecretsLeftError extends Error {
  constructor(readonly lines: string[]) {
    super(`${lines.length} secret(s) remain in the reports after scrubbing:\n${lines.join('\n')}`);
    this.name = 'SecretsLeftError';
  }
}

function collectSecrets(options: ReportSecretsOptions): { secrets: Secret[]; registry?: SecretRegistry } {
  const dir = options.secretsDir ?? secretsDir(options.env);
  // The environment's credentials count too; collected in memory, never written anywhere.
  const fromEnv = SecretRegistry.inMemory();
  fromEnv.addFromEnvironment(options.env ?? process.env);
  const envSecrets = fromEnv.all();
  if (options.runId) {
    const registry = SecretRegistry.forRun(options.runId, dir);
    return { secrets: [...registry.all(), ...envSecrets], registry };
  }
  return { secrets: [...readAllRegisteredSecrets(dir), ...envSecrets] };
}

/**
 * For a Playwright globalTeardown (or the teardown project): scrubs the run's secrets out of
 * the reports, then scans them; throws a SecretsLeftError (one line per finding) if any remain,
 * which fails the run. The run's registry is deleted once the reports are clean.
 */
export function scrubAndScanReports(options: ReportSecretsOptions = {}): { scrubbed: ScrubSummary; findings: Finding[] } {
  const dir = path.resolve(options.dir ?? 'reports');
  const log = options.log ?? ((line: string) => console.log(line));
  const { secrets, registry } = collectSecrets(options);
  const scrubbed = scrubSecrets(dir, secrets);
  const changed = scrubbed.changedFiles.length + scrubbed.renamedFiles.length + scrubbed.removedArchives.length;
  if (changed > 0) {
    log(`golive: scrubbed secrets from ${scrubbed.changedFiles.length} file(s), renamed ${scrubbed.renamedFiles.length}, removed ${scrubbed.removedArchives.length} unreadable archive(s) under ${path.relative(process.cwd(), dir) || '.'}`);
  }
  const findings = scanForSecrets(dir, secrets);
  if (findings.length > 0) throw new SecretsLeftError(formatFindings(findings, path.relative(process.cwd(), dir)));
  if (!options.keepRegistry) registry?.dispose();
  return { scrubbed, findings };
}

/** Scan only (for `golive scan-secrets` without --scrub): the findings, none of them thrown. */
export function scanReports(options: ReportSecretsOptions = {}): Finding[] {
  const dir = path.resolve(options.dir ?? 'reports');
  return scanForSecrets(dir, collectSecrets(options).secrets);
}

