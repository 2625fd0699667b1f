import type { StoredValue } from '../persistence/OrgStore.ts';
import { quoteIdent } from '../persistence/SqliteOrgStore.ts';

/**
 * Record access as SQL: a condition over one table alias (`alias."Field"`), built once per user
 * and object and reused by every query, record check and lookup check. `ALL` and `NONE` are kept
 * apart from SQL so that the common cases (everyone sees everything, or nothing) cost nothing.
 */

export interface RowCondition {
  /** SQL over the columns of `alias`; `?` placeholders take `params` in order. */
  sql(alias: string): string;
  params: readonly StoredValue[];
}

export type RowAccess = 'all' | 'none' | RowCondition;

export const ALL: RowAccess = 'all';
export const NONE: RowAccess = 'none';

export function condition(sql: (alias: string) => string, params: readonly StoredValue[] = []): RowCondition {
  // A query asks for the same aliases over and over (t0, j1 …): build each text once.
  const texts = new Map<string, string>();
  return {
    sql: (alias) => {
      let text = texts.get(alias);
      if (text === undefined) {
        text = sql(alias);
        texts.set(alias, text);
      }
      return text;
    },
    params,
  };
}

/** OR: any part that lets everything through wins; parts that let nothing through drop out. */
export function anyOf(parts: readonly RowAccess[]): RowAccess {
  if (parts.includes('all')) return ALL;
  const conditions = parts.filter((p): p is RowCondition => p !== 'none');
  if (conditions.length === 0) return NONE;
  if (conditions.length === 1) return conditions[0];
  return condition((a) => conditions.map((c) => `(${c.sql(a)})`).join(' OR '), conditions.flatMap((c) => c.params));
}

/** AND: a part that lets nothing through wins; parts that let everything through drop out. */
export function allOf(parts: readonly RowAccess[]): RowAccess {
  if (parts.includes('none')) return NONE;
  const conditions = parts.filter((p): p is RowCondition => p !== 'all');
  if (conditions.length === 0) return ALL;
  if (conditions.length === 1) return conditions[0];
  return condition((a) => conditions.map((c) => `(${c.sql(a)})`).join(' AND '), conditions.flatMap((c) => c.params));
}

/**
 * The rows whose OwnerId is one of the ids. One JSON array parameter keeps the SQL text (and so
 * SQLite's cached statement) the same whatever the number of owners.
 *
 * `indexed: false` writes `+OwnerId`, which SQLite cannot answer from the OwnerId index. SQLite
 * cannot tell how many ids the array holds, so it always prefers that index, and for an owner set
 * holding most rows (a manager high in the hierarchy) that means reading and sorting them all
 * for an `ORDER BY … LIMIT 50` that the CreatedDate index would answer after a few rows.
 */
export function ownerIn(ownerIds: readonly string[], options: { indexed?: boolean } = {}): RowAccess {
  if (ownerIds.length === 0) return NONE;
  const column = options.indexed === false ? (a: string) => `+${a}."OwnerId"` : (a: string) => `${a}."OwnerId"`;
  // A rep owns alone what most queries are about: a plain comparison spares the JSON parse per row.
  if (ownerIds.length === 1) return condition((a) => `${column(a)} = ?`, [ownerIds[0]]);
  return condition((a) => `${column(a)} IN (SELECT value FROM json_each(?))`, [JSON.stringify(ownerIds)]);
}

/**
 * The rows whose reference field points at a `target` row that `targetAccess` lets through.
 * `prefix` restricts a polymorphic field to that target's ids. The subquery's alias is derived
 * from the outer one, so nested parents never clash.
 */
export function referenceTo(field: string, target: string, targetAccess: RowAccess, prefix?: string): RowAccess {
  if (targetAccess === 'none') return NONE;
  const ofTarget = prefix ? (a: string) => `substr(${a}.${quoteIdent(field)}, 1, 3) = '${prefix}'` : undefined;
  if (targetAccess === 'all') return condition((a) => (ofTarget ? ofTarget(a) : `${a}.${quoteIdent(field)} IS NOT NULL`));
  return condition(
    (a) => {
      const p = `${a}_${field.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
      return `${a}.${quoteIdent(field)} IN (SELECT ${p}."Id" FROM ${quoteIdent(target)} AS ${p} WHERE ${targetAccess.sql(p)})`;
    },
    targetAccess.params,
  );
}

/** The rows that are the parent (`parentField` of `child`) of a live child row owned by one of the ids. */
export function parentOfOwned(child: string, parentField: string, ownerIds: readonly string[]): RowAccess {
  if (ownerIds.length === 0) return NONE;
  return condition(
    (a) => {
      const c = `${a}_${child.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
      return `${a}."Id" IN (SELECT ${c}.${quoteIdent(parentField)} FROM ${quoteIdent(child)} AS ${c} WHERE ${c}."IsDeleted" = 0 AND ${c}."OwnerId" IN (SELECT value FROM json_each(?)))`;
    },
    [JSON.stringify(ownerIds)],
  );
}
