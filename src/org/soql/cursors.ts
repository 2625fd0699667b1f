import { randomBytes } from 'node:crypto';
import type { RecordPlan } from './compileQuery.ts';

/**
 * Open query cursors. A cursor is the ordered list of matching ids taken when the query ran (as
 * Salesforce's server-side cursors are a snapshot); each later page selects its records by id, so
 * field values are current but membership and order are those of the first call. Like Salesforce:
 * cursors expire after 15 minutes unused, and a user keeps at most 10, the oldest being dropped.
 */

export interface Cursor {
  id: string;
  userId: string;
  ids: string[];
  plan: RecordPlan;
  batchSize: number;
  apiVersion: string;
  createdAt: number;
  lastUsedAt: number;
}

const IDLE_MS = 15 * 60 * 1000;
const MAX_PER_USER = 10;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `01g` (Salesforce's query locator key prefix) and 15 random characters. */
function newLocatorId(): string {
  let out = '01g';
  for (const b of randomBytes(15)) out += BASE62[b % 62];
  return out;
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();

  open(fields: Omit<Cursor, 'id' | 'createdAt' | 'lastUsedAt'>, now: Date): Cursor {
    this.sweep(now);
    const mine = [...this.cursors.values()].filter((c) => c.userId === fields.userId);
    mine.sort((a, b) => a.createdAt - b.createdAt);
    while (mine.length >= MAX_PER_USER) this.cursors.delete((mine.shift() as Cursor).id);
    let id = newLocatorId();
    while (this.cursors.has(id)) id = newLocatorId();
    const cursor: Cursor = { ...fields, id, createdAt: now.getTime(), lastUsedAt: now.getTime() };
    this.cursors.set(id, cursor);
    return cursor;
  }

  /** The user's live cursor with that id, its idle clock reset; undefined if unknown or expired. */
  get(id: string, userId: string, now: Date): Cursor | undefined {
    this.sweep(now);
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.userId !== userId) return undefined;
    cursor.lastUsedAt = now.getTime();
    return cursor;
  }

  close(id: string): void {
    this.cursors.delete(id);
  }

  private sweep(now: Date): void {
    const cutoff = now.getTime() - IDLE_MS;
    for (const [id, c] of this.cursors) if (c.lastUsedAt < cutoff) this.cursors.delete(id);
  }
}
