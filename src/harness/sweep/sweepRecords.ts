import type { Connection } from 'jsforce';

/**
 * Deleting what a run created, including what the org created from it: tasks that flows attached
 * to those records (WhoId/WhatId), the account, contact and opportunity a lead conversion made,
 * and contacts/opportunities under the run's accounts. Deletes children before parents, and
 * treats a record that is already gone as done: a sweep may be repeated, or race a test's own
 * cleanup, without failing.
 */
export interface RecordRef {
  object: string;
  id: string;
}

export interface SweepPlan {
  /** Objects in deletion order, each with the ids that still exist. */
  steps: Array<{ object: string; ids: string[] }>;
  /** How many of the given ids no longer exist (already deleted, or never visible to this user). */
  alreadyGone: number;
}

export interface SweepFailure extends RecordRef {
  code: string;
  message: string;
}

export interface SweepResult {
  deleted: RecordRef[];
  alreadyGone: number;
  failures: SweepFailure[];
}

/** Children first: activities, then opportunities and contacts, then their accounts, then leads. */
const DELETE_ORDER = ['Task', 'Event', '*', 'Opportunity', 'Contact', 'Account', 'Lead'];
/** Codes meaning "nothing left to delete": the record is in the recycle bin or never existed. */
const GONE_CODES = new Set(['ENTITY_IS_DELETED', 'NOT_FOUND']);
/** Ids per SOQL IN list and per delete call: sObject Collections take at most 200. */
const CHUNK = 200;

const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const OBJECT_SHAPE = /^[A-Za-z][A-Za-z0-9_]*$/;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A ledger is a file on disk: refuse anything that could turn an id into SOQL. */
function checkRef(ref: RecordRef): void {
  if (!OBJECT_SHAPE.test(ref.object) || !ID_SHAPE.test(ref.id)) {
    throw new Error(`not a record reference: ${JSON.stringify(ref)} (expected an sObject name and a 15/18-character id)`);
  }
}

const inList = (ids: string[]) => ids.map((id) => `'${id}'`).join(',');

async function queryIds(conn: Connection, soql: (ids: string) => string, ids: string[]): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const part of chunks(ids)) {
    const result = await conn.query<Record<string, unknown>>(soql(inList(part)), { autoFetch: true, maxFetch: 100_000 });
    rows.push(...result.records);
  }
  return rows;
}

class RefSet {
  private readonly byObject = new Map<string, Set<string>>();
  add(object: string, id: unknown): void {
    if (typeof id !== 'string' || id === '') return;
    const key = id.slice(0, 15);
    if (!this.byObject.has(object)) this.byObject.set(object, new Set());
    // Keyed by the 15-character form so an 18-character id and its 15-character twin count once.
    const set = this.byObject.get(object)!;
    if (![...set].some((s) => s.slice(0, 15) === key)) set.add(id);
  }
  ids(object: string): string[] {
    return [...(this.byObject.get(object) ?? [])];
  }
  objects(): string[] {
    return [...this.byObject.keys()];
  }
}

function orderObjects(objects: string[]): string[] {
  const known = DELETE_ORDER.filter((o) => o !== '*');
  const others = objects.filter((o) => !known.includes(o)).sort();
  return DELETE_ORDER.flatMap((o) => (o === '*' ? others : objects.includes(o) ? [o] : []));
}

/**
 * What a sweep would delete: the given records that still exist plus what the org derived from
 * them. Read-only; `golive clean --dry-run` prints it.
 */
export async function planSweep(conn: Connection, refs: RecordRef[]): Promise<SweepPlan> {
  refs.forEach(checkRef);
  const given = new RefSet();
  for (const ref of refs) given.add(ref.object, ref.id);

  // Which of the given records still exist (a sweep may run twice, or after a test's own cleanup).
  const live = new RefSet();
  let givenCount = 0;
  for (const object of given.objects()) {
    const ids = given.ids(object);
    givenCount += ids.length;
    for (const row of await queryIds(conn, (l) => `SELECT Id FROM ${object} WHERE Id IN (${l})`, ids)) live.add(object, row.Id);
  }
  const liveCount = live.objects().reduce((n, o) => n + live.ids(o).length, 0);

  // A converted lead's account, contact and opportunity were made by the conversion.
  const leads = live.ids('Lead');
  if (leads.length > 0) {
    const converted = await queryIds(
      conn,
      (l) => `SELECT Id, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE IsConverted = true AND Id IN (${l})`,
      leads,
    );
    for (const row of converted) {
      live.add('Account', row.ConvertedAccountId);
      live.add('Contact', row.ConvertedContactId);
      live.add('Opportunity', row.ConvertedOpportunityId);
    }
  }
  // Deleting an account deletes its contacts and opportunities anyway; listing them makes the
  // dry run tell the truth and lets their tasks be found below.
  const accounts = live.ids('Account');
  if (accounts.length > 0) {
    for (const object of ['Contact', 'Opportunity']) {
      for (const row of await queryIds(conn, (l) => `SELECT Id FROM ${object} WHERE AccountId IN (${l})`, accounts)) live.add(object, row.Id);
    }
  }
  // Activities that flows (or tests) attached to any of them.
  const whoIds = [...live.ids('Lead'), ...live.ids('Contact')];
  const whatIds = live.objects().filter((o) => o !== 'Lead' && o !== 'Contact' && o !== 'Task').flatMap((o) => live.ids(o));
  if (whoIds.length > 0) for (const row of await queryIds(conn, (l) => `SELECT Id FROM Task WHERE WhoId IN (${l})`, whoIds)) live.add('Task', row.Id);
  if (whatIds.length > 0) for (const row of await queryIds(conn, (l) => `SELECT Id FROM Task WHERE WhatId IN (${l})`, whatIds)) live.add('Task', row.Id);

  const steps = orderObjects(live.objects())
    .map((object) => ({ object, ids: live.ids(object) }))
    .filter((s) => s.ids.length > 0);
  return { steps, alreadyGone: givenCount - liveCount };
}

/** Deletes a plan's records in its order. Failures other than "already gone" are returned, not thrown. */
export async function executeSweep(conn: Connection, plan: SweepPlan): Promise<SweepResult> {
  const result: SweepResult = { deleted: [], alreadyGone: plan.alreadyGone, failures: [] };
  for (const step of plan.steps) {
    for (const part of chunks(step.ids)) {
      const saves = await conn.sobject(step.object).destroy(part, { allowRecursive: true });
      saves.forEach((save, i) => {
        const id = part[i];
        if (save.success) {
          result.deleted.push({ object: step.object, id });
          return;
        }
        const errors = (save as { errors?: Array<{ statusCode?: string; errorCode?: string; message?: string }> }).errors ?? [];
        const code = errors[0]?.statusCode ?? errors[0]?.errorCode ?? 'UNKNOWN';
        if (GONE_CODES.has(code)) result.alreadyGone++;
        else result.failures.push({ object: step.object, id, code, message: errors[0]?.message ?? 'no message' });
      });
    }
  }
  return result;
}

export async function sweepRecords(conn: Connection, refs: RecordRef[]): Promise<SweepResult> {
  return executeSweep(conn, await planSweep(conn, refs));
}

/** One line per failed delete, for an error that must not go unnoticed. */
export function describeFailures(failures: SweepFailure[]): string {
  return failures.map((f) => `${f.object} ${f.id}: ${f.code}: ${f.message}`).join('\n');
}

export class SweepError extends Error {
  constructor(
    readonly failures: SweepFailure[],
    where: string,
  ) {
    super(`could not delete ${failures.length} record(s) ${where}:\n${describeFailures(failures)}`);
    this.name = 'SweepError';
  }
}
