/**
 * Exit codes of the golive command, distinct per kind of failure so CI can tell a bad
 * invocation from a broken org definition or a busy port without parsing text.
 */
export const ExitCode = {
  ok: 0,
  /** The gate's NO-GO (reserved for `golive gate`). */
  noGo: 1,
  /** Wrong command, option or value. */
  usage: 2,
  /** The gate cannot decide: no results, an unreadable register or policy, unknown requirement ids. */
  undecided: 2,
  /** The org's metadata or users file is invalid (or, with --strict, not fully emulated). */
  metadata: 3,
  /** The database file cannot be opened or written. */
  database: 4,
  /** The port is taken or the address cannot be bound. */
  network: 5,
  /** The target org cannot be reached or logged in to (golive clean). */
  target: 6,
  /** Secrets remain in the reports (golive scan-secrets). */
  secretsFound: 7,
  /** Some records could not be deleted (golive clean); their ledger is kept for the next try. */
  cleanupFailed: 8,
  /** Anything unexpected: a bug in golive. */
  internal: 70,
} as const;

/** An error the CLI reports as one line, with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
