import type { StoredValue } from '../persistence/OrgStore.ts';
import type { AggregatePlan, ChildPlan, CountPlan, RecordPlan } from './compileQuery.ts';
import type { Fragment } from './scope.ts';

/**
 * The SQL statements a plan runs. Limits and offsets are parameters too (-1 = no limit in SQLite),
 * so each query shape prepares once.
 */

const NO_LIMIT = -1;

function statement(parts: (string | Fragment)[], trailing: StoredValue[] = []): Fragment {
  let sql = '';
  const params: StoredValue[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      sql += p;
    } else {
      sql += p.sql;
      params.push(...p.params);
    }
  }
  params.push(...trailing);
  return { sql, params };
}

/** The records of a page, fully selected. */
export function pageStatement(plan: RecordPlan, limit: number | undefined, offset: number): Fragment {
  return statement(
    [`SELECT ${plan.columns.sql} FROM `, plan.scope.from(false), ' WHERE ', plan.where, `${plan.orderBy} LIMIT ? OFFSET ?`],
    [limit ?? NO_LIMIT, offset],
  );
}

/** Just the ordered ids of every match: the snapshot a query cursor pages through. */
export function idStatement(plan: RecordPlan, limit: number | undefined, offset: number): Fragment {
  return statement(
    [`SELECT ${plan.scope.col('Id')} AS id FROM `, plan.scope.from(true), ' WHERE ', plan.where, `${plan.orderBy} LIMIT ? OFFSET ?`],
    [limit ?? NO_LIMIT, offset],
  );
}

export function countStatement(plan: CountPlan): Fragment {
  if (plan.limit === undefined && !plan.offset) {
    return statement(['SELECT count(*) AS n FROM ', plan.scope.from(true), ' WHERE ', plan.where]);
  }
  return statement(
    ['SELECT count(*) AS n FROM (SELECT 1 FROM ', plan.scope.from(true), ' WHERE ', plan.where, ' LIMIT ? OFFSET ?)'],
    [plan.limit ?? NO_LIMIT, plan.offset ?? 0],
  );
}

/** Records by id, for the later pages of a cursor; the caller restores the snapshot's order. */
export function byIdsStatement(plan: RecordPlan, ids: string[]): Fragment {
  return statement(
    [`SELECT ${plan.columns.sql} FROM `, plan.scope.from(false), ` WHERE ${plan.scope.col('Id')} IN (SELECT value FROM json_each(?))`],
    [JSON.stringify(ids)],
  );
}

/**
 * One subquery's children for all the parents of a page at once. A subquery LIMIT/OFFSET applies
 * per parent, hence the window function; `__p` names the parent each row belongs to.
 */
export function childStatement(child: ChildPlan, parentIds: string[]): Fragment {
  const p = child.plan;
  const ids: Fragment = { sql: `${child.parentCol} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(parentIds)] };
  if (p.limit === undefined && !p.offset) {
    return statement([`SELECT ${p.columns.sql}, ${child.parentCol} AS __p FROM `, p.scope.from(false), ' WHERE ', ids, ' AND ', p.where, p.orderBy]);
  }
  const order = p.orderBy || ` ORDER BY ${p.scope.alias}.rowid`;
  const offset = p.offset ?? 0;
  return statement(
    [
      `SELECT * FROM (SELECT ${p.columns.sql}, ${child.parentCol} AS __p, ROW_NUMBER() OVER (PARTITION BY ${child.parentCol}${order}) AS __rn FROM `,
      p.scope.from(false),
      ' WHERE ',
      ids,
      ' AND ',
      p.where,
      ') WHERE __rn > ? AND __rn <= ? ORDER BY __rn',
    ],
    [offset, p.limit === undefined ? Number.MAX_SAFE_INTEGER : offset + p.limit],
  );
}

export function aggregateStatement(plan: AggregatePlan, limit: number | undefined): Fragment {
  return statement(
    [
      `SELECT ${plan.select} FROM `,
      plan.scope.from(false),
      ' WHERE ',
      plan.where,
      plan.groupBy,
      ...(plan.having ? [' HAVING ', plan.having] : []),
      `${plan.orderBy} LIMIT ? OFFSET ?`,
    ],
    [limit ?? NO_LIMIT, plan.offset ?? 0],
  );
}
