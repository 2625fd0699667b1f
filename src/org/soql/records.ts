import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';
import { toApi } from '../schema/valueCodec.ts';
import type { AggregatePlan, ChildPlan, NodeShape, RecordPlan } from './compileQuery.ts';
import { childStatement } from './statements.ts';

/** A record as the REST API returns it. */
export interface ApiRecord {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}

export interface ChildResult {
  totalSize: number;
  done: true;
  records: ApiRecord[];
}

/**
 * Builds API records from rows: parent fields as nested records (null when the lookup is empty
 * or the parent cannot be seen), child subqueries fetched once per page for all its parents.
 */
export class RecordBuilder {
  constructor(
    private readonly store: OrgStore,
    private readonly apiVersion: string,
  ) {}

  records(plan: RecordPlan, rows: StoredRow[]): ApiRecord[] {
    const children = new Map<ChildPlan, Map<string, ApiRecord[]>>();
    if (rows.length > 0) {
      const ids = rows.map((r) => r[plan.idCol] as string);
      for (const child of plan.children) children.set(child, this.children(child, ids));
    }
    return rows.map((row) => this.build(plan.shape, row, children) as ApiRecord);
  }

  private children(child: ChildPlan, parentIds: string[]): Map<string, ApiRecord[]> {
    const st = childStatement(child, parentIds);
    const rows = this.store.select(st.sql, st.params);
    const records = this.records(child.plan, rows);
    const byParent = new Map<string, ApiRecord[]>();
    rows.forEach((row, i) => {
      const parent = row.__p as string;
      const list = byParent.get(parent);
      if (list) list.push(records[i]);
      else byParent.set(parent, [records[i]]);
    });
    return byParent;
  }

  private build(shape: NodeShape, row: StoredRow, children: Map<ChildPlan, Map<string, ApiRecord[]>>): ApiRecord | null {
    const index = shape.alts.findIndex((a) => row[a.idCol] !== null && row[a.idCol] !== undefined);
    if (index < 0) return null;
    const { object, idCol } = shape.alts[index];
    const id = row[idCol] as string;
    const record: ApiRecord = {
      attributes: { type: shape.typeName ?? object.name, url: `/services/data/v${this.apiVersion}/sobjects/${object.name}/${id}` },
    };
    for (const entry of shape.entries) {
      if (entry.kind === 'field') {
        const c = entry.cols[index];
        if (c) record[entry.key] = toApi(c.field, row[c.col]);
        else if (!entry.omitWhenAbsent) record[entry.key] = null;
      } else if (entry.kind === 'parent') {
        record[entry.key] = this.build(entry.shape, row, children);
      } else {
        const list = children.get(entry.child)?.get(id);
        // Salesforce gives null, not an empty result, for a parent without children.
        record[entry.key] = list?.length ? ({ totalSize: list.length, done: true, records: list } satisfies ChildResult) : null;
      }
    }
    return record;
  }
}

export function aggregateRecords(plan: AggregatePlan, rows: StoredRow[]): ApiRecord[] {
  return rows.map((row) => {
    const record: ApiRecord = { attributes: { type: 'AggregateResult' } };
    for (const c of plan.columns) {
      const v = row[c.col];
      record[c.key] = c.kind === 'value' ? toApi(c.field, v) : v === null || v === undefined ? null : Number(v);
    }
    return record;
  });
}
