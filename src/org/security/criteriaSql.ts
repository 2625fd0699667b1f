import { isSalesforceError } from '../errors/SalesforceError.ts';
import type { StoredValue } from '../persistence/OrgStore.ts';
import { quoteIdent } from '../persistence/SqliteOrgStore.ts';
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import { toStored } from '../schema/valueCodec.ts';
import { condition, type RowCondition } from './rowConditions.ts';

/**
 * The criteria of a criteria-based sharing rule (criteriaItems + booleanFilter) as one SQL
 * condition over stored values. Text compares case-insensitively, as the rule builder in Setup
 * does; a comma-separated value means "any of these" (Salesforce's convention for criteria values).
 */

export const CRITERIA_OPERATIONS = [
  'equals', 'notEqual', 'lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual',
  'contains', 'notContain', 'startsWith', 'includes', 'excludes',
] as const;

export type CriteriaOperation = (typeof CRITERIA_OPERATIONS)[number];

export interface CriteriaItem {
  /** The field's API name as declared. */
  field: string;
  operation: CriteriaOperation;
  /** The value text; '' tests for a blank field. */
  value: string;
}

/** A criteria rule that cannot be turned into SQL; the message says why, for a metadata problem. */
export class CriteriaError extends Error {}

const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'id', 'reference']);
const ORDERED = new Set<CriteriaOperation>(['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual']);
const COMPARATORS: Partial<Record<CriteriaOperation, string>> = { lessThan: '<', greaterThan: '>', lessOrEqual: '<=', greaterOrEqual: '>=' };

function storedValue(schema: OrgSchema, field: FieldDef, text: string): StoredValue {
  if (field.type === 'boolean') {
    const t = text.trim().toLowerCase();
    if (t !== 'true' && t !== 'false') throw new CriteriaError(`${field.name} is a checkbox: the value must be True or False, not '${text}'`);
    return t === 'true' ? 1 : 0;
  }
  if (field.type === 'multipicklist') return text.trim().toLowerCase();
  try {
    // Picklist values are checked by the org's own rules, but a rule may name a value since removed.
    const stored = toStored(schema, field.type === 'picklist' ? { ...field, type: 'string' } : field, text.trim());
    return typeof stored === 'string' && TEXT_TYPES.has(field.type) ? stored.toLowerCase() : stored;
  } catch (err) {
    if (isSalesforceError(err)) throw new CriteriaError(`'${text}' is not a valid value for ${field.name}: ${err.message}`);
    throw err;
  }
}

function itemCondition(schema: OrgSchema, object: ObjectDef, item: CriteriaItem): RowCondition {
  const field = object.fieldsByLowerName.get(item.field.toLowerCase());
  if (!field) throw new CriteriaError(`${object.name} has no field ${item.field}`);
  const name = quoteIdent(field.name);
  const isText = TEXT_TYPES.has(field.type);
  const col = (a: string) => (isText ? `lower(${a}.${name})` : `${a}.${name}`);
  const op = item.operation;
  const values = item.value.trim() === '' ? [] : item.value.split(',').map((v) => storedValue(schema, field, v));
  const marks = values.map(() => '?').join(', ');

  if (op === 'equals' || op === 'notEqual') {
    if (values.length === 0) return condition((a) => `${a}.${name} IS ${op === 'equals' ? '' : 'NOT '}NULL`);
    if (op === 'equals') return condition((a) => `${col(a)} IN (${marks})`, values);
    // "not equal to" keeps blank fields, as SOQL's != does.
    return condition((a) => `(${a}.${name} IS NULL OR ${col(a)} NOT IN (${marks}))`, values);
  }
  if (ORDERED.has(op)) {
    if (values.length !== 1) throw new CriteriaError(`${op} on ${field.name} needs exactly one value`);
    if (field.type === 'boolean' || field.type === 'multipicklist') throw new CriteriaError(`${op} does not apply to ${field.name} (${field.type})`);
    return condition((a) => `${col(a)} ${COMPARATORS[op]} ?`, values);
  }
  if (values.length === 0) throw new CriteriaError(`${op} on ${field.name} needs a value`);
  if (op === 'includes' || op === 'excludes') {
    if (field.type !== 'multipicklist') throw new CriteriaError(`${op} applies to multi-select picklists; ${field.name} is ${field.type}`);
    const any = (a: string) => values.map(() => `instr(';' || lower(${a}.${name}) || ';', ';' || ? || ';') > 0`).join(' OR ');
    return op === 'includes' ? condition((a) => `(${any(a)})`, values) : condition((a) => `(${a}.${name} IS NULL OR NOT (${any(a)}))`, values);
  }
  if (!isText || field.type === 'id' || field.type === 'reference') throw new CriteriaError(`${op} applies to text fields; ${field.name} is ${field.type}`);
  const test = op === 'startsWith' ? '= 1' : '> 0';
  const any = (a: string) => values.map(() => `instr(${col(a)}, ?) ${test}`).join(' OR ');
  if (op === 'notContain') return condition((a) => `(${a}.${name} IS NULL OR NOT (${any(a)}))`, values);
  return condition((a) => `(${any(a)})`, values);
}

/**
 * `1 AND (2 OR NOT 3)` over the items' conditions, by recursive descent; NOT binds tightest, then
 * AND, then OR, as in Salesforce's filter logic.
 */
function combine(filter: string, items: readonly RowCondition[]): RowCondition {
  const tokens = filter.match(/\d+|\(|\)|[A-Za-z]+|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i]?.toUpperCase();
  const fail = (why: string): never => {
    throw new CriteriaError(`booleanFilter '${filter}': ${why}`);
  };
  type Node = { sql: (a: string) => string; params: StoredValue[] };
  const or = (): Node => {
    let left = and();
    while (peek() === 'OR') {
      i++;
      const l = left;
      const r = and();
      left = { sql: (a) => `(${l.sql(a)} OR ${r.sql(a)})`, params: [...l.params, ...r.params] };
    }
    return left;
  };
  const and = (): Node => {
    let left = not();
    while (peek() === 'AND') {
      i++;
      const l = left;
      const r = not();
      left = { sql: (a) => `(${l.sql(a)} AND ${r.sql(a)})`, params: [...l.params, ...r.params] };
    }
    return left;
  };
  const not = (): Node => {
    if (peek() === 'NOT') {
      i++;
      const inner = not();
      return { sql: (a) => `(NOT ${inner.sql(a)})`, params: inner.params };
    }
    return atom();
  };
  const atom = (): Node => {
    const t = tokens[i++];
    if (t === '(') {
      const inner = or();
      if (tokens[i++] !== ')') fail('a parenthesis is not closed');
      return inner;
    }
    if (t === undefined || !/^\d+$/.test(t)) return fail(t === undefined ? 'it ends too early' : `unexpected '${t}'`);
    const item = items[Number(t) - 1];
    if (!item) fail(`there is no criteria item ${t}`);
    return { sql: (a) => `(${item.sql(a)})`, params: [...item.params] };
  };
  const tree = or();
  if (i < tokens.length) fail(`unexpected '${tokens[i]}'`);
  return condition(tree.sql, tree.params);
}

export function criteriaCondition(schema: OrgSchema, object: ObjectDef, items: readonly CriteriaItem[], booleanFilter?: string): RowCondition {
  if (items.length === 0) throw new CriteriaError('the rule has no criteria items');
  const conditions = items.map((item) => itemCondition(schema, object, item));
  const filter = booleanFilter?.trim() ? booleanFilter : conditions.map((_, i) => String(i + 1)).join(' AND ');
  return combine(filter, conditions);
}
