import Database from 'better-sqlite3';
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import { makeId, sequenceOf } from '../ids/salesforceId.ts';
import type { OrgStore, StoredRow, StoredValue } from './OrgStore.ts';

/** Thrown when the database file cannot be opened or is not a golive org database. */
export class StoreOpenError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Cannot open the local org database '${file}': ${detail}`);
    this.name = 'StoreOpenError';
  }
}

/** Fields worth an index besides the primary key: owner, every lookup, Name and Email. */
function wantsIndex(field: FieldDef): boolean {
  return field.type === 'reference' || field.name === 'Name' || field.name === 'Email' || field.externalId || field.unique;
}

/** Text the SOQL engine compares with COLLATE NOCASE (ids and dates compare as stored). */
const NOCASE_TYPES: ReadonlySet<FieldDef['type']> = new Set(['string', 'email', 'phone', 'url', 'picklist']);

function sqlType(field: FieldDef): string {
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'percent':
      return 'REAL';
    case 'int':
    case 'boolean':
      return 'INTEGER';
    default:
      return 'TEXT';
  }
}

const MAX_AD_HOC_STATEMENTS = 500;

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * One table per sObject, one column per field, named as declared. SQLite in WAL mode: readers
 * never block the single writer, which is all a local org needs. Prepared statements are cached
 * per (table, columns) because the service layer repeats the same shapes thousands of times in a
 * bulk insert.
 */
export class SqliteOrgStore implements OrgStore {
  readonly db: Database.Database;
  private readonly sequences = new Map<string, number>();
  private readonly statements = new Map<string, Database.Statement>();
  private adHocCount = 0;

  constructor(
    readonly schema: OrgSchema,
    readonly file: string,
  ) {
    try {
      this.db = new Database(file, { fileMustExist: false });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = OFF');
      // A file that is not SQLite only fails on first read.
      this.db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      throw new StoreOpenError(file, (err as Error).message);
    }
    this.createTables();
  }

  /** Creates missing tables, columns and indexes; an existing database keeps its rows. */
  private createTables(): void {
    const existing = new Set(
      (this.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) =>
        r.name.toLowerCase(),
      ),
    );
    const create = this.db.transaction(() => {
      for (const object of this.schema.objects) {
        const table = quoteIdent(object.name);
        if (!existing.has(object.name.toLowerCase())) {
          const cols = object.fields.map((f) =>
            f.name === 'Id' ? `"Id" TEXT PRIMARY KEY` : `${quoteIdent(f.name)} ${sqlType(f)}`,
          );
          this.db.exec(`CREATE TABLE ${table} (${cols.join(', ')})`);
        } else {
          const have = new Set(
            (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name.toLowerCase()),
          );
          for (const f of object.fields) {
            if (!have.has(f.name.toLowerCase())) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(f.name)} ${sqlType(f)}`);
          }
        }
        for (const f of object.fields) {
          if (f.name !== 'Id' && wantsIndex(f)) {
            this.db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${object.name}_${f.name}`)} ON ${table} (${quoteIdent(f.name)})`);
          }
          // SOQL compares and sorts text case-insensitively (COLLATE NOCASE), which the BINARY
          // index above cannot serve: without this, `WHERE Email = ?` and `ORDER BY Name` scan.
          if (f.name !== 'Id' && wantsIndex(f) && NOCASE_TYPES.has(f.type)) {
            this.db.exec(
              `CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${object.name}_${f.name}_ci`)} ON ${table} (${quoteIdent(f.name)} COLLATE NOCASE)`,
            );
          }
        }
        if (object.fields.some((f) => f.name === 'CreatedDate')) {
          this.db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${object.name}_CreatedDate`)} ON ${table} ("CreatedDate")`);
        }
      }
    });
    create();
  }

  transaction<T>(fn: () => T): T {
    // A nested call is a SAVEPOINT, which is what a partial-success collection needs: one
    // record's failure rolls back that record's writes (and whatever its automations wrote) and
    // nothing else. Statements are prepared once per depth: a bulk load opens several nested
    // scopes per record (collection item, save, flow elements), and better-sqlite3's
    // db.transaction() wrapper would be rebuilt for every one of them.
    const depth = this.depth;
    const { begin, commit, rollback } = this.scopeStatements(depth);
    begin.run();
    this.depth = depth + 1;
    try {
      const result = fn();
      commit.run();
      return result;
    } catch (err) {
      // SQLite may already have rolled the whole transaction back (e.g. on SQLITE_FULL).
      if (this.db.inTransaction) {
        rollback.run();
        if (depth > 0) commit.run(); // RELEASE the savepoint after rolling back to it
      }
      throw err;
    } finally {
      this.depth = depth;
    }
  }

  private depth = 0;
  private readonly scopes: Array<{ begin: Database.Statement; commit: Database.Statement; rollback: Database.Statement }> = [];

  private scopeStatements(depth: number) {
    let scope = this.scopes[depth];
    if (!scope) {
      scope =
        depth === 0
          ? { begin: this.db.prepare('BEGIN'), commit: this.db.prepare('COMMIT'), rollback: this.db.prepare('ROLLBACK') }
          : {
              begin: this.db.prepare(`SAVEPOINT golive_${depth}`),
              commit: this.db.prepare(`RELEASE golive_${depth}`),
              rollback: this.db.prepare(`ROLLBACK TO golive_${depth}`),
            };
      this.scopes[depth] = scope;
    }
    return scope;
  }

  newId(object: ObjectDef): string {
    let seq = this.sequences.get(object.name);
    if (seq === undefined) {
      const row = this.db.prepare(`SELECT max("Id") AS id FROM ${quoteIdent(object.name)}`).get() as { id: string | null };
      seq = row.id ? (sequenceOf(row.id) ?? 0) : 0;
    }
    seq += 1;
    this.sequences.set(object.name, seq);
    return makeId(object.keyPrefix, seq);
  }

  private statement(key: string, sql: () => string): Database.Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(sql());
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  private writes = 0;

  get writeCount(): number {
    return this.writes;
  }

  insert(object: ObjectDef, row: StoredRow): void {
    this.writes++;
    const cols = Object.keys(row);
    const stmt = this.statement(`ins:${object.name}:${cols.join(',')}`, () =>
      `INSERT INTO ${quoteIdent(object.name)} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
    );
    stmt.run(...cols.map((c) => row[c]));
  }

  update(object: ObjectDef, id: string, changes: StoredRow): void {
    const cols = Object.keys(changes);
    if (cols.length === 0) return;
    this.writes++;
    const stmt = this.statement(`upd:${object.name}:${cols.join(',')}`, () =>
      `UPDATE ${quoteIdent(object.name)} SET ${cols.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE "Id" = ?`,
    );
    stmt.run(...cols.map((c) => changes[c]), id);
  }

  softDelete(object: ObjectDef, id: string, modifiedById: string, now: string): void {
    this.writes++;
    this.statement(`del:${object.name}`, () =>
      `UPDATE ${quoteIdent(object.name)} SET "IsDeleted" = 1, "LastModifiedById" = ?, "LastModifiedDate" = ?, "SystemModstamp" = ? WHERE "Id" = ?`,
    ).run(modifiedById, now, now, id);
  }

  purge(object: ObjectDef, id: string): void {
    this.writes++;
    this.statement(`purge:${object.name}`, () => `DELETE FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).run(id);
  }

  getById(object: ObjectDef, id: string): StoredRow | undefined {
    return this.statement(`get:${object.name}`, () => `SELECT * FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).get(id) as
      | StoredRow
      | undefined;
  }

  findBy(object: ObjectDef, field: string, value: StoredValue, limit = 2): StoredRow[] {
    return this.statement(`find:${object.name}:${field}`, () =>
      `SELECT * FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field)} = ? AND "IsDeleted" = 0 LIMIT ?`,
    ).all(value, limit) as StoredRow[];
  }

  select(sql: string, params: readonly StoredValue[]): StoredRow[] {
    return this.adHoc(sql).all(...params) as StoredRow[];
  }

  selectOne(sql: string, params: readonly StoredValue[]): StoredRow | undefined {
    return this.adHoc(sql).get(...params) as StoredRow | undefined;
  }

  /** Statements for SQL compiled from SOQL: cached, but bounded, since SOQL text is open-ended. */
  private adHoc(sql: string): Database.Statement {
    const key = `sql:${sql}`;
    if (!this.statements.has(key) && this.adHocCount >= MAX_AD_HOC_STATEMENTS) {
      for (const k of this.statements.keys()) if (k.startsWith('sql:')) this.statements.delete(k);
      this.adHocCount = 0;
    }
    if (!this.statements.has(key)) this.adHocCount++;
    return this.statement(key, () => sql);
  }

  count(object: ObjectDef): number {
    const row = this.statement(`count:${object.name}`, () =>
      `SELECT count(*) AS n FROM ${quoteIdent(object.name)} WHERE "IsDeleted" = 0`,
    ).get() as { n: number };
    return row.n;
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}
