import type { ObjectDef, OrgSchema } from '../schema/types.ts';

/** A value as stored: text, number, 0/1 for booleans, or null. */
export type StoredValue = string | number | null;
export type StoredRow = Record<string, StoredValue>;

/**
 * What the service layer needs from storage. The SQLite implementation is the only one today;
 * the SOQL compiler emits SQL for it, so `select` takes SQL rather than a query model. Rows are
 * keyed by the fields' declared API names; values are in storage form (see valueCodec.ts).
 */
export interface OrgStore {
  readonly schema: OrgSchema;

  /** Runs fn in one transaction (nested calls join the outer one); a throw rolls everything back. */
  transaction<T>(fn: () => T): T;

  /** A fresh 18-character id for the object, unique in this database. */
  newId(object: ObjectDef): string;

  insert(object: ObjectDef, row: StoredRow): void;
  update(object: ObjectDef, id: string, changes: StoredRow): void;
  /** Moves a record to the recycle bin (IsDeleted = true); queryAll still sees it. */
  softDelete(object: ObjectDef, id: string, modifiedById: string, now: string): void;
  /** Removes a record for good (recycle bin purge, org reset). */
  purge(object: ObjectDef, id: string): void;

  /**
   * How many record writes (insert, update, delete, purge) this store has made. Lets a caller
   * holding the row it just wrote know nothing has written since, instead of reading it back.
   */
  readonly writeCount: number;

  /** The row with that id, deleted or not, or undefined. */
  getById(object: ObjectDef, id: string): StoredRow | undefined;
  /** Live rows whose field equals the value (external id and unique checks, Id lookups). */
  findBy(object: ObjectDef, field: string, value: StoredValue, limit?: number): StoredRow[];

  /** Raw read access for the SOQL engine. */
  select(sql: string, params: readonly StoredValue[]): StoredRow[];
  selectOne(sql: string, params: readonly StoredValue[]): StoredRow | undefined;

  /** Row count of an object's table, deleted rows excluded. */
  count(object: ObjectDef): number;

  close(): void;
}
