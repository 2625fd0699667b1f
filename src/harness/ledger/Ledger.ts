import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The ledger: an append-only JSON-lines file per run, `<dir>/<runId>.jsonl`, one line per record
 * the run created. It is written as records are created (and fsync'd after every batch), so a run
 * killed halfway still leaves the list of what it created for the next run or `golive clean`.
 *
 * Several Playwright workers append to the same file: each line is one `write` on a file opened
 * with O_APPEND, which POSIX keeps whole for writes this small on a local disk.
 */
export interface LedgerEntry {
  v: 1;
  runId: string;
  object: string;
  id: string;
  /** The target org (15-character id) and its instance URL: leftovers are swept only on the same org. */
  orgId: string;
  instanceUrl: string;
  /** Organization.CreatedDate: tells a fresh local org database from the one the ids came from. */
  orgCreated: string;
  at: string;
  /** Who wrote it: a leftover ledger whose writer is still alive on this host is another live run. */
  host: string;
  pid: number;
}

export interface LedgerTarget {
  orgId: string;
  instanceUrl: string;
  createdDate: string;
}

export const DEFAULT_LEDGER_DIR = '.golive/ledger';

export function ledgerDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GOLIVE_LEDGER_DIR ?? DEFAULT_LEDGER_DIR);
}

export function ledgerFile(dir: string, runId: string): string {
  return path.join(dir, `${runId}.jsonl`);
}

/** The entry was written for this very org (same id, same incarnation). */
export function writtenFor(entry: Pick<LedgerEntry, 'orgId' | 'orgCreated'>, target: LedgerTarget): boolean {
  return entry.orgId.slice(0, 15) === target.orgId.slice(0, 15) && entry.orgCreated === target.createdDate;
}

export class Ledger {
  private fd: number | undefined;
  readonly file: string;

  constructor(
    dir: string,
    readonly runId: string,
    readonly target: LedgerTarget,
  ) {
    this.file = ledgerFile(dir, runId);
  }

  /** Appends one line per created record and flushes it to disk before returning. */
  append(records: Array<{ object: string; id: string }>): void {
    if (records.length === 0) return;
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'a', 0o600);
    }
    const at = new Date().toISOString();
    const lines = records
      .map((r) =>
        JSON.stringify({
          v: 1,
          runId: this.runId,
          object: r.object,
          id: r.id,
          orgId: this.target.orgId.slice(0, 15),
          instanceUrl: this.target.instanceUrl,
          orgCreated: this.target.createdDate,
          at,
          host: os.hostname(),
          pid: process.pid,
        } satisfies LedgerEntry),
      )
      .join('\n');
    fs.writeSync(this.fd, `${lines}\n`);
    fs.fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * Reads a ledger. A line cut short by a kill mid-write is skipped (the rest stays usable); any
 * other malformed line is an error, since guessing what a ledger meant could delete the wrong data.
 */
export function readLedger(file: string): LedgerEntry[] {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const entries: LedgerEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const isLastLine = i === lines.length - 1;
    let entry: LedgerEntry;
    try {
      entry = JSON.parse(line) as LedgerEntry;
    } catch {
      if (isLastLine) return;
      throw new Error(`ledger ${file} line ${i + 1} is not JSON; fix or delete the file after checking the org by hand.`);
    }
    if (typeof entry.object !== 'string' || typeof entry.id !== 'string' || typeof entry.orgId !== 'string') {
      throw new Error(`ledger ${file} line ${i + 1} lacks object, id or orgId; fix or delete the file after checking the org by hand.`);
    }
    entries.push(entry);
  });
  return entries;
}

/** Every ledger file in `dir`, oldest run first (run ids start with a timestamp). */
export function listLedgers(dir: string): Array<{ runId: string; file: string }> {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => ({ runId: name.slice(0, -'.jsonl'.length), file: path.join(dir, name) }));
}

/** True when some writer of these entries is a process still running on this host. */
export function writtenByLiveProcess(entries: LedgerEntry[]): boolean {
  const host = os.hostname();
  const pids = new Set(entries.filter((e) => e.host === host && e.pid !== process.pid).map((e) => e.pid));
  for (const pid of pids) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      // EPERM: the process exists but belongs to someone else; still alive.
      if ((err as NodeJS.ErrnoException).code === 'EPERM') return true;
    }
  }
  return false;
}
