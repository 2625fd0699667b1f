import type { OrgStore, StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { logicToSql } from './conditionLogic.ts';
import { FlowRuntimeError } from './flowErrors.ts';
import type { ComparisonOperator, RecordFilterSet } from './flowModel.ts';
import { RecordValue, toApiValue, type FlowValue } from './flowValues.ts';
import { toStored } from '../../schema/valueCodec.ts';

/**
 * The records Get, Update and Delete Records elements work on. Flow turns their filters into
 * SOQL, so they follow SOQL's rules here too: text compares case-insensitively, `!=` also
 * matches blank fields, LIKE-style operators ignore case. Runs in system context: deleted rows
 * are skipped, sharing is not applied.
 */

/** Text types the SOQL engine compares with COLLATE NOCASE (ids and dates compare as stored). */
const NOCASE: ReadonlySet<FieldDef['type']> = new Set(['string', 'email', 'phone', 'url', 'picklist', 'textarea']);

const col = (f: FieldDef) => `"${f.name.replace(/"/g, '""')}"`;

export interface RecordQuery {
  object: ObjectDef;
  where: RecordFilterSet;
  /** Values of the filters, in filter order, already evaluated. */
  values: FlowValue[];
  sort?: { field: FieldDef; descending: boolean };
  limit?: number;
}

function stored(object: ObjectDef, field: FieldDef, value: FlowValue, schema: OrgStore['schema']): StoredValue {
  try {
    return toStored(schema, field, toApiValue(field, value));
  } catch (err) {
    throw new FlowRuntimeError(`${object.name}.${field.name} cannot be compared with ${JSON.stringify(value)}: ${(err as Error).message}`);
  }
}

function likePattern(value: string, op: ComparisonOperator): string {
  const escaped = value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return op === 'StartsWith' ? `${escaped}%` : op === 'EndsWith' ? `%${escaped}` : `%${escaped}%`;
}

function condition(q: RecordQuery, i: number, params: StoredValue[], store: OrgStore): string {
  const { field, operator } = q.where.filters[i];
  const value = q.values[i];
  const c = col(field);
  const coll = NOCASE.has(field.type) ? ' COLLATE NOCASE' : '';
  const one = (v: FlowValue) => stored(q.object, field, v, store.schema);
  const isTrue = value === true || value === 'true';
  switch (operator) {
    case 'IsNull':
    case 'IsBlank':
      return isTrue ? `${c} IS NULL` : `${c} IS NOT NULL`;
    case 'EqualTo':
    case 'NotEqualTo': {
      const v = one(value);
      const eq = operator === 'EqualTo';
      if (v === null) return eq ? `${c} IS NULL` : `${c} IS NOT NULL`;
      params.push(v);
      return eq ? `${c} = ?${coll}` : `(${c} IS NULL OR ${c} <> ?${coll})`;
    }
    case 'GreaterThan':
    case 'GreaterThanOrEqualTo':
    case 'LessThan':
    case 'LessThanOrEqualTo': {
      const v = one(value);
      if (v === null) return '0 = 1';
      params.push(v);
      const sym = { GreaterThan: '>', GreaterThanOrEqualTo: '>=', LessThan: '<', LessThanOrEqualTo: '<=' }[operator];
      return `${c} ${sym} ?${coll}`;
    }
    case 'StartsWith':
    case 'EndsWith':
    case 'Contains': {
      if (value === null || value === '') return operator === 'Contains' ? `${c} IS NOT NULL` : '1 = 1';
      params.push(likePattern(String(value instanceof RecordValue ? value.id : value), operator));
      return `${c} LIKE ? ESCAPE '\\'`;
    }
    case 'In':
    case 'NotIn': {
      const items = (Array.isArray(value) ? value : [value]).map(one).filter((v) => v !== null);
      if (items.length === 0) return operator === 'In' ? '0 = 1' : '1 = 1';
      params.push(...items);
      const list = `(${items.map(() => `?${coll}`).join(', ')})`;
      return operator === 'In' ? `${c} IN ${list}` : `(${c} IS NULL OR ${c} NOT IN ${list})`;
    }
    case 'IsEmpty':
    case 'IsChanged':
      throw new FlowRuntimeError(`the ${operator} operator cannot filter records`);
  }
}

/** The matching live rows, whole. */
export function findRecords(store: OrgStore, q: RecordQuery): StoredRow[] {
  const params: StoredValue[] = [];
  const where = logicToSql(q.where.logic, (i) => condition(q, i, params, store));
  const order = q.sort
    ? `${col(q.sort.field)}${NOCASE.has(q.sort.field.type) ? ' COLLATE NOCASE' : ''} ${q.sort.descending ? 'DESC' : 'ASC'}, "Id"`
    : '"Id"';
  const limit = q.limit === undefined ? '' : ` LIMIT ${Math.trunc(q.limit)}`;
  return store.select(`SELECT * FROM "${q.object.name}" WHERE "IsDeleted" = 0 AND ${where} ORDER BY ${order}${limit}`, params);
}
