import { formatDate, formatDateTime, parseDateTime } from '../../schema/valueCodec.ts';
import { FlowRuntimeError } from './flowErrors.ts';
import type { AssignmentOperator, ComparisonOperator, FlowType } from './flowModel.ts';
import { asText, coerce, compareValues, isNumberType, isTextType, RecordValue, sameValue, type FlowValue } from './flowValues.ts';

/**
 * What the operators of decisions, entry conditions and assignments do to values. Flow compares
 * text case-sensitively (unlike SOQL in Get Records); null and blank text are the same; an
 * ordering test with a null side is false.
 */

const DAY_MS = 86_400_000;

/** The right-hand value in the left side's type, so '2025-01-01' compares with a date field as a date. */
export function alignTo(type: FlowType, value: FlowValue): FlowValue {
  if (value === null || Array.isArray(value) || value instanceof RecordValue || type.collection || type.dataType === 'SObject') return value;
  try {
    return coerce(value, { dataType: type.dataType, collection: false });
  } catch {
    return value;
  }
}

const asBool = (v: FlowValue) => v === true || v === 'true';
const isBlank = (v: FlowValue) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
const includes = (list: FlowValue[], v: FlowValue) => list.some((x) => sameValue(x, v));

/**
 * One condition. `changed` answers IsChanged for the left side (whether $Record's field differs
 * from $Record__Prior's; false on insert).
 */
export function compare(operator: ComparisonOperator, left: FlowValue, right: FlowValue, changed: () => boolean): boolean {
  switch (operator) {
    case 'EqualTo':
      return sameValue(left, right);
    case 'NotEqualTo':
      return !sameValue(left, right);
    case 'GreaterThan':
    case 'GreaterThanOrEqualTo':
    case 'LessThan':
    case 'LessThanOrEqualTo': {
      const c = compareValues(left, right);
      if (c === undefined) return false;
      return operator === 'GreaterThan' ? c > 0 : operator === 'GreaterThanOrEqualTo' ? c >= 0 : operator === 'LessThan' ? c < 0 : c <= 0;
    }
    case 'StartsWith':
    case 'EndsWith':
    case 'Contains': {
      if (Array.isArray(left)) return operator === 'Contains' && includes(left, right);
      if (left === null || left instanceof RecordValue) return false;
      const l = String(left);
      const r = asText(right);
      return operator === 'StartsWith' ? l.startsWith(r) : operator === 'EndsWith' ? l.endsWith(r) : l.includes(r);
    }
    case 'IsNull':
      return (left === null || left === '') === asBool(right);
    case 'IsBlank':
      return isBlank(left) === asBool(right);
    case 'IsEmpty':
      return (Array.isArray(left) ? left.length === 0 : isBlank(left)) === asBool(right);
    case 'IsChanged':
      return changed() === asBool(right);
    case 'In':
    case 'NotIn': {
      const list = Array.isArray(right) ? right : right === null ? [] : [right];
      return includes(list, left) === (operator === 'In');
    }
  }
}

function addDays(value: string, days: number, dateOnly: boolean): string {
  const d = parseDateTime(value);
  if (!d) throw new FlowRuntimeError(`"${value}" is not a date`);
  const moved = new Date(d.getTime() + days * DAY_MS);
  return dateOnly ? formatDate(moved) : formatDateTime(moved);
}

function asNumber(v: FlowValue): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new FlowRuntimeError(`${JSON.stringify(v)} is not a number`);
  return n;
}

/** Add or Subtract on a single value: numbers, text (Add appends), dates and datetimes (days). */
function arithmetic(type: FlowType, current: FlowValue, value: FlowValue, sign: 1 | -1): FlowValue {
  if (isNumberType(type.dataType)) return (current === null ? 0 : asNumber(current)) + sign * (value === null ? 0 : asNumber(value));
  if (isTextType(type.dataType) && sign === 1) return asText(current) + asText(value);
  if (type.dataType === 'Date' || type.dataType === 'DateTime') {
    if (current === null || typeof current !== 'string') return current;
    return addDays(current, sign * (value === null ? 0 : asNumber(value)), type.dataType === 'Date');
  }
  throw new FlowRuntimeError(`${sign === 1 ? 'Add' : 'Subtract'} does not apply to a ${type.dataType} value`);
}

/** The new value of an assignment's target. */
export function assign(operator: AssignmentOperator, type: FlowType, current: FlowValue, value: FlowValue): FlowValue {
  if (operator === 'Assign') return coerce(value, type);
  if (operator === 'AssignCount') return Array.isArray(value) ? value.length : value === null ? 0 : 1;
  if (!type.collection) {
    if (operator === 'Add') return coerce(arithmetic(type, current, value, 1), type);
    if (operator === 'Subtract') return coerce(arithmetic(type, current, value, -1), type);
    throw new FlowRuntimeError(`${operator} applies only to collections`);
  }
  const list = Array.isArray(current) ? [...current] : [];
  const item = { ...type, collection: false };
  const values = Array.isArray(value) ? value : value === null ? [] : [value];
  switch (operator) {
    case 'Add':
      return [...list, ...values.map((v) => coerce(v, item))];
    case 'AddAtStart':
      return [...values.map((v) => coerce(v, item)), ...list];
    case 'RemoveAll':
      return list.filter((x) => !includes(values, x));
    case 'RemoveFirst': {
      const at = list.findIndex((x) => includes(values, x));
      if (at >= 0) list.splice(at, 1);
      return list;
    }
    case 'RemoveAfterFirst': {
      const at = list.findIndex((x) => includes(values, x));
      return at >= 0 ? list.slice(0, at + 1) : list;
    }
    case 'RemoveBeforeFirst': {
      const at = list.findIndex((x) => includes(values, x));
      return at >= 0 ? list.slice(at) : list;
    }
    case 'RemovePosition': {
      const position = asNumber(values[0] ?? null);
      if (Number.isInteger(position) && position >= 1 && position <= list.length) list.splice(position - 1, 1);
      return list;
    }
    case 'RemoveUncommon':
      return list.filter((x) => includes(values, x));
    case 'Subtract':
      throw new FlowRuntimeError('Subtract does not apply to a collection');
  }
}
