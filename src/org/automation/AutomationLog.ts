import { randomBytes } from 'node:crypto';

export type AutomationKind = 'validationRule' | 'duplicateRule' | 'assignmentRule' | 'flow';

/**
 * What an automation did: `fired` (its criteria matched and it acted), `blocked` (it refused
 * the save), `allowed` (a duplicate rule found matches but let the save through), `skipped`
 * (evaluated, criteria not met), `failed` (it broke while running).
 */
export type AutomationOutcome = 'fired' | 'blocked' | 'allowed' | 'skipped' | 'failed';

export interface AutomationLogEntry {
  id: string;
  /** ISO time on the org's clock. */
  time: string;
  kind: AutomationKind;
  /** The rule's or flow's API name. */
  name: string;
  object: string;
  /** The record the save was about (null when an insert failed before it got an id). */
  recordId: string | null;
  userId: string;
  outcome: AutomationOutcome;
  /** One line for a person: which entry matched, which task was created, the rule's message. */
  detail: string;
  /** Records the automation wrote (created or updated), for cleanup and evidence. */
  affectedIds: string[];
  /** True when the save this happened in was rolled back afterwards. */
  rolledBack: boolean;
}

export interface AutomationLogQuery {
  recordId?: string;
  since?: string;
  kind?: AutomationKind;
  limit?: number;
}

/**
 * Every flow, rule and assignment that ran, for reports that must say why an automation test
 * passed or failed. Kept in memory, outside the SQL transaction on purpose: the most useful entry
 * is the validation rule that rolled a save back, and a log inside the transaction would be
 * rolled back with it. Entries of a rolled-back save are kept and marked.
 */
export class AutomationLog {
  private readonly entries: AutomationLogEntry[] = [];
  private pending: AutomationLogEntry[][] = [];
  // Ids are this log's random prefix and a sequence: unique like a UUID each, at a fraction of
  // randomUUID's cost per entry (a bulk load logs several entries per record).
  private readonly idPrefix = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(
    private readonly now: () => Date,
    private readonly capacity = 50_000,
  ) {}

  /** Opens a scope for one save; nested saves (flows writing records) open nested scopes. */
  begin(): void {
    this.pending.push([]);
  }

  /** Closes the innermost scope; its entries join the enclosing scope, or the log. */
  end(rolledBack: boolean): void {
    const scope = this.pending.pop() ?? [];
    if (rolledBack) for (const e of scope) e.rolledBack = true;
    const parent = this.pending[this.pending.length - 1];
    if (parent) parent.push(...scope);
    else this.append(scope);
  }

  record(entry: Omit<AutomationLogEntry, 'id' | 'time' | 'rolledBack' | 'affectedIds'> & { affectedIds?: string[] }): void {
    const full: AutomationLogEntry = { id: `${this.idPrefix}-${++this.sequence}`, time: this.now().toISOString(), rolledBack: false, affectedIds: [], ...entry };
    const scope = this.pending[this.pending.length - 1];
    if (scope) scope.push(full);
    else this.append([full]);
  }

  private append(list: AutomationLogEntry[]): void {
    for (const e of list) this.entries.push(e);
    // Trim in batches: splicing the front of a full log on every save costs a 50,000-entry shift
    // per record in a bulk load.
    if (this.entries.length > this.capacity * 1.1) this.entries.splice(0, this.entries.length - this.capacity);
  }

  query(q: AutomationLogQuery = {}): AutomationLogEntry[] {
    const out = this.entries.filter(
      (e) =>
        (!q.recordId || e.recordId === q.recordId || e.affectedIds.includes(q.recordId)) &&
        (!q.since || e.time >= q.since) &&
        (!q.kind || e.kind === q.kind),
    );
    return q.limit ? out.slice(-q.limit) : out;
  }
}
