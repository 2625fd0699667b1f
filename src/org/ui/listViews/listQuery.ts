import type { ObjectDef } from '../../schema/types.ts';
import type { ApiRecord } from '../../service/recordShape.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { type Column, selectList } from '../records/columns.ts';
import type { SortDirection } from '../records/recordTable.ts';
import { soqlString } from '../records/soqlLiteral.ts';
import type { ListViewDef } from './listViewDefs.ts';

/** Lightning loads list views 50 rows at a time. */
export const PAGE_SIZE = 50;
/** SOQL's OFFSET limit: a list view shows at most this many rows plus one page. */
export const MAX_OFFSET = 2000;

export interface ListSort {
  /** The sorted field's API name (a column's field, or the view's default). */
  field: string;
  /** What ORDER BY uses (a column's path, e.g. Owner.Name). */
  path: string;
  dir: SortDirection;
  label: string;
}

export interface ListPage {
  records: ApiRecord[];
  /** More rows exist after this page. */
  more: boolean;
  /** Undefined for a Recently Viewed list in recency order. */
  sort?: ListSort;
}

/**
 * The sort a request asks for, if it names a sortable column; else the view's default; else the
 * first (name) column ascending. Recently Viewed lists default to recency (no SOQL order).
 */
export function resolveSort(object: ObjectDef, view: ListViewDef, columns: readonly Column[], sortBy: string | undefined, sortDir: string | undefined): ListSort | undefined {
  const dir: SortDirection = sortDir === 'desc' ? 'desc' : 'asc';
  const requested = sortBy ? columns.find((c) => c.sortable && c.field.name.toLowerCase() === sortBy.toLowerCase()) : undefined;
  if (requested) return { field: requested.field.name, path: requested.path, dir, label: requested.label };
  if (view.recent) return undefined;
  if (view.defaultSort) {
    const column = columns.find((c) => c.field.name === view.defaultSort!.field);
    const field = object.fieldsByLowerName.get(view.defaultSort.field.toLowerCase());
    if (field) return { field: field.name, path: column?.path ?? field.name, dir: view.defaultSort.dir, label: column?.label ?? field.label };
  }
  const first = columns.find((c) => c.sortable);
  return first ? { field: first.field.name, path: first.path, dir: 'asc', label: first.label } : undefined;
}

/**
 * One page of a list view, read with SOQL as the user (QueryService), so sharing and
 * field-level security decide what appears. Rows are fetched one beyond the page to know whether
 * "Load more" is needed, as Lightning shows "50+ items".
 */
export function fetchListPage(
  deps: UiDeps,
  user: UiUser,
  object: ObjectDef,
  view: ListViewDef,
  columns: readonly Column[],
  sort: ListSort | undefined,
  offset: number,
  limit: number,
): ListPage {
  const clauses: string[] = [];
  let recencyOrder: string[] | undefined;
  if (view.recent) {
    const ids = deps.recent.list(user.context.userId, object.name).map((r) => r.recordId);
    const considered = sort ? ids : ids.slice(offset, offset + limit + 1);
    if (considered.length === 0) return { records: [], more: false, sort };
    clauses.push(`Id IN (${considered.map(soqlString).join(', ')})`);
    if (!sort) recencyOrder = considered;
  }
  if (view.where) clauses.push(`(${view.where({ userId: user.context.userId, object })})`);

  let soql = `SELECT ${selectList(columns)} FROM ${object.name}`;
  if (clauses.length > 0) soql += ` WHERE ${clauses.join(' AND ')}`;
  if (sort) soql += ` ORDER BY ${sort.path} ${sort.dir.toUpperCase()} NULLS LAST, Id ASC LIMIT ${limit + 1} OFFSET ${offset}`;

  const result = deps.org.query.query(user.context, soql, { includeDeleted: false, apiVersion: UI_API_VERSION });
  let records = result.records;
  if (recencyOrder) {
    const position = new Map(recencyOrder.map((id, i) => [id, i]));
    records = [...records].sort((a, b) => (position.get(String(a.Id)) ?? 0) - (position.get(String(b.Id)) ?? 0));
  }
  // Beyond OFFSET's limit there is no next page to ask for, whatever remains.
  const more = records.length > limit && offset + limit <= MAX_OFFSET;
  return { records: records.slice(0, limit), more, sort };
}
