import { SfErrors } from '../errors/SfErrors.ts';
import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';
import type { QueryAccess } from './access.ts';
import { compileQuery, type RecordPlan } from './compileQuery.ts';
import { CursorStore, type Cursor } from './cursors.ts';
import { parseSoql } from './parseSoql.ts';
import { aggregateRecords, RecordBuilder, type ApiRecord } from './records.ts';
import type { CompileContext } from './scope.ts';
import { aggregateStatement, byIdsStatement, countStatement, idStatement, pageStatement } from './statements.ts';

export { allowAllAccess, type QueryAccess } from './access.ts';
export type { ApiRecord, ChildResult } from './records.ts';

/**
 * The SOQL engine: parses with @jetstreamapp/soql-parser-js, compiles to SQL over the store's
 * one-table-per-object layout and shapes the rows as the REST API's query resource answers.
 */

export interface SoqlOptions {
  /** queryAll: include records in the recycle bin. */
  includeDeleted: boolean;
  access: QueryAccess;
  /** The request's clock, for date literals and cursor expiry. */
  now: Date;
  /** Without the "v", e.g. '60.0'; used in attributes.url and nextRecordsUrl. */
  apiVersion: string;
  /** Sforce-Query-Options batchSize: 200..2000, default 2000. */
  batchSize?: number;
  userId: string;
  /** IANA zone of the running user, for date literals; default UTC. */
  timeZone?: string;
}

export interface QueryMoreOptions {
  userId: string;
  now: Date;
  /** Defaults to the version of the original query. */
  apiVersion?: string;
  /** Defaults to the batch size of the original query. */
  batchSize?: number;
}

export interface QueryResultPage {
  totalSize: number;
  done: boolean;
  records: ApiRecord[];
  nextRecordsUrl?: string;
}

const DEFAULT_BATCH = 2000;
const MIN_BATCH = 200;
/** Aggregate results cannot be paged: Salesforce refuses more rows than one batch. */
const MAX_AGGREGATE_ROWS = 2000;

function batchSizeOf(requested: number | undefined, fallback = DEFAULT_BATCH): number {
  if (requested === undefined || !Number.isFinite(requested)) return fallback;
  return Math.min(DEFAULT_BATCH, Math.max(MIN_BATCH, Math.trunc(requested)));
}

export class QueryEngine {
  private readonly cursors = new CursorStore();

  constructor(private readonly store: OrgStore) {}

  query(soql: string, opts: SoqlOptions): QueryResultPage {
    const parsed = parseSoql(soql);
    let aliases = 0;
    const ctx: CompileContext = {
      schema: this.store.schema,
      access: opts.access,
      text: parsed.text,
      now: opts.now,
      timeZone: opts.timeZone ?? 'UTC',
      includeDeleted: opts.includeDeleted,
      userId: opts.userId,
      nextAlias: (prefix) => `${prefix}${aliases++}`,
    };
    const plan = compileQuery(parsed, ctx);

    if (plan.kind === 'count') {
      const st = countStatement(plan);
      const row = this.store.selectOne(st.sql, st.params);
      return { totalSize: Number(row?.n ?? 0), done: true, records: [] };
    }

    if (plan.kind === 'aggregate') {
      const cap = plan.limit === undefined ? MAX_AGGREGATE_ROWS + 1 : plan.limit;
      const st = aggregateStatement(plan, cap);
      const rows = this.store.select(st.sql, st.params);
      if (rows.length > MAX_AGGREGATE_ROWS) {
        throw SfErrors.malformedQuery('Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch');
      }
      return { totalSize: rows.length, done: true, records: aggregateRecords(plan, rows) };
    }

    const batchSize = batchSizeOf(opts.batchSize);
    const offset = plan.offset ?? 0;
    // Most queries fit one batch: fetch one row more than a batch and only take the cursor's id
    // snapshot when that row shows there is more.
    const probe = plan.limit === undefined ? batchSize + 1 : Math.min(plan.limit, batchSize + 1);
    const page = pageStatement(plan, probe, offset);
    const rows = this.store.select(page.sql, page.params);
    const builder = new RecordBuilder(this.store, opts.apiVersion);
    if (rows.length <= batchSize) return { totalSize: rows.length, done: true, records: builder.records(plan, rows) };

    const idSt = idStatement(plan, plan.limit, offset);
    const ids = this.store.select(idSt.sql, idSt.params).map((r) => r.id as string);
    const cursor = this.cursors.open({ userId: opts.userId, ids, plan, batchSize, apiVersion: opts.apiVersion }, opts.now);
    // The first page comes from the snapshot too, so ties in ORDER BY cannot shift between pages.
    return this.page(cursor, 0, batchSize, opts.apiVersion);
  }

  /** The next batch of a cursor; `locator` is the last path segment of nextRecordsUrl. */
  queryMore(locator: string, opts: QueryMoreOptions): QueryResultPage {
    const m = /^(01g[0-9A-Za-z]{15})-(\d+)$/.exec(locator);
    if (!m) throw SfErrors.invalidQueryLocator();
    const cursor = this.cursors.get(m[1], opts.userId, opts.now);
    const offset = Number(m[2]);
    if (!cursor || offset >= cursor.ids.length) throw SfErrors.invalidQueryLocator();
    return this.page(cursor, offset, batchSizeOf(opts.batchSize, cursor.batchSize), opts.apiVersion ?? cursor.apiVersion);
  }

  private page(cursor: Cursor, offset: number, batchSize: number, apiVersion: string): QueryResultPage {
    const slice = cursor.ids.slice(offset, offset + batchSize);
    const rows = this.rowsById(cursor.plan, slice);
    const records = new RecordBuilder(this.store, apiVersion).records(cursor.plan, rows);
    const next = offset + slice.length;
    const done = next >= cursor.ids.length;
    if (done) this.cursors.close(cursor.id);
    const result: QueryResultPage = { totalSize: cursor.ids.length, done, records };
    if (!done) result.nextRecordsUrl = `/services/data/v${apiVersion}/query/${cursor.id}-${next}`;
    return result;
  }

  /** Rows for ids in the ids' order; records purged since the snapshot are skipped. */
  private rowsById(plan: RecordPlan, ids: string[]): StoredRow[] {
    if (ids.length === 0) return [];
    const st = byIdsStatement(plan, ids);
    const byId = new Map<string, StoredRow>();
    for (const row of this.store.select(st.sql, st.params)) byId.set(row[plan.idCol] as string, row);
    const ordered: StoredRow[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) ordered.push(row);
    }
    return ordered;
  }
}
