import type { StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldDef, FieldType } from '../../schema/types.ts';

/**
 * One criteria row of rule metadata (Metadata API `FilterItem`: field, operation, value), as
 * assignment rule entries and duplicate rule conditions use it, compiled against the field it
 * names so that the value is typed once, at load, and a row that cannot be evaluated is a
 * problem then rather than a wrong answer later.
 *
 * Semantics (Salesforce Help, "Filter Operators" for rule criteria):
 * - text comparisons ignore case; a comma separates alternatives: `equals NY,MA` is NY or MA,
 *   `notEqual NY,MA` neither, `contains`/`startsWith` any of them, `notContain` none of them;
 * - an empty value means blank: `equals ''` matches a blank field, `notEqual ''` a filled one;
 * - a blank field never satisfies lessThan/greaterThan/…, `contains` or `startsWith`;
 * - multi-select picklists: `includes a;b,c` is (a and b) or c, `excludes` its negation;
 * - numbers, dates and checkboxes compare as their type (`true`/`false` for checkboxes; dates
 *   as YYYY-MM-DD, M/D/YYYY or TODAY/YESTERDAY/TOMORROW in UTC).
 */

export const FILTER_OPERATIONS = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
] as const;
export type FilterOperation = (typeof FILTER_OPERATIONS)[number];

export interface FilterItemSource {
  /** As written: `Lead.State` or `State`. */
  field: string;
  operation: string;
  value?: string;
  valueField?: string;
  line?: number;
}

export interface FilterContext {
  /** The org's clock, for TODAY and friends. */
  now: Date;
}

export interface CompiledFilterItem {
  field: FieldDef;
  operation: FilterOperation;
  /** One line for logs: `State equals "NY,MA"`. */
  text: string;
  test(row: StoredRow, ctx: FilterContext): boolean;
}

export type FilterCompileResult = { ok: true; item: CompiledFilterItem } | { ok: false; reason: string };

const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'id', 'reference']);
const NUMBER_TYPES = new Set<FieldType>(['int', 'double', 'currency', 'percent']);
const RELATIONAL = new Set<FilterOperation>(['lessThan', 'greaterThan', 'lessOrEqual', 'greaterOrEqual']);

const isBlank = (v: StoredValue | undefined) => v === null || v === undefined || v === '';

function alternatives(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function relation(op: FilterOperation, cmp: number): boolean {
  switch (op) {
    case 'lessThan':
      return cmp < 0;
    case 'greaterThan':
      return cmp > 0;
    case 'lessOrEqual':
      return cmp <= 0;
    case 'greaterOrEqual':
      return cmp >= 0;
    default:
      return false;
  }
}

function compileText(op: FilterOperation, value: string): ((v: StoredValue | undefined) => boolean) | string {
  const alts = alternatives(value).map((a) => a.toLowerCase());
  const text = (v: StoredValue | undefined) => String(v).trim().toLowerCase();
  switch (op) {
    case 'equals':
      return alts.length === 0 ? isBlank : (v) => !isBlank(v) && alts.includes(text(v));
    case 'notEqual':
      return alts.length === 0 ? (v) => !isBlank(v) : (v) => isBlank(v) || !alts.includes(text(v));
    case 'contains':
      return (v) => !isBlank(v) && alts.some((a) => text(v).includes(a));
    case 'notContain':
      return (v) => isBlank(v) || !alts.some((a) => text(v).includes(a));
    case 'startsWith':
      return (v) => !isBlank(v) && alts.some((a) => text(v).startsWith(a));
    case 'includes':
    case 'excludes':
      return 'includes and excludes apply to multi-select picklists only';
    default: {
      const bound = value.trim().toLowerCase();
      return (v) => !isBlank(v) && relation(op, text(v).localeCompare(bound));
    }
  }
}

function compileMultiPicklist(op: FilterOperation, value: string): ((v: StoredValue | undefined) => boolean) | string {
  // `a;b,c`: commas separate alternatives, semicolons join values that must all be selected.
  const alts = alternatives(value).map((a) => a.split(';').map((p) => p.trim().toLowerCase()).filter((p) => p !== ''));
  const selected = (v: StoredValue | undefined) => new Set(isBlank(v) ? [] : String(v).split(';').map((p) => p.trim().toLowerCase()));
  const includes = (v: StoredValue | undefined) => {
    const set = selected(v);
    return alts.some((alt) => alt.every((p) => set.has(p)));
  };
  const equals = (v: StoredValue | undefined) => {
    const set = selected(v);
    if (alts.length === 0) return set.size === 0;
    return alts.some((alt) => alt.length === set.size && alt.every((p) => set.has(p)));
  };
  switch (op) {
    case 'includes':
      return includes;
    case 'excludes':
      return (v) => !includes(v);
    case 'equals':
      return equals;
    case 'notEqual':
      return (v) => !equals(v);
    default:
      return `${op} does not apply to a multi-select picklist; use includes or excludes`;
  }
}

function compileNumber(op: FilterOperation, value: string): ((v: StoredValue | undefined) => boolean) | string {
  const alts = alternatives(value);
  const numbers = alts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return `'${value}' is not a number`;
  const num = (v: StoredValue | undefined) => (typeof v === 'number' ? v : Number(v));
  if (op === 'equals') return alts.length === 0 ? isBlank : (v) => !isBlank(v) && numbers.includes(num(v));
  if (op === 'notEqual') return alts.length === 0 ? (v) => !isBlank(v) : (v) => isBlank(v) || !numbers.includes(num(v));
  if (RELATIONAL.has(op)) {
    if (numbers.length !== 1) return `${op} needs one number, not '${value}'`;
    return (v) => !isBlank(v) && relation(op, num(v) - numbers[0]);
  }
  return `${op} does not apply to a number field`;
}

function compileBoolean(op: FilterOperation, value: string): ((v: StoredValue | undefined) => boolean) | string {
  const v = value.trim().toLowerCase();
  const wanted = v === 'true' || v === '1' ? 1 : v === 'false' || v === '0' ? 0 : undefined;
  if (wanted === undefined) return `'${value}' is not true or false`;
  const truthy = (x: StoredValue | undefined) => (x === 1 || x === '1' ? 1 : 0);
  if (op === 'equals') return (x) => truthy(x) === wanted;
  if (op === 'notEqual') return (x) => truthy(x) !== wanted;
  return `${op} does not apply to a checkbox`;
}

/** A date criteria value as YYYY-MM-DD, or a relative day resolved when the rule runs. */
function dateValue(raw: string): ((now: Date) => string) | undefined {
  const t = raw.trim().toUpperCase();
  const relative: Record<string, number> = { TODAY: 0, YESTERDAY: -1, TOMORROW: 1 };
  if (t in relative) return (now) => new Date(now.getTime() + relative[t] * 86_400_000).toISOString().slice(0, 10);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return () => `${m![1]}-${m![2]}-${m![3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    return () => iso;
  }
  return undefined;
}

function compileDate(op: FilterOperation, value: string, type: 'date' | 'datetime'): ((v: StoredValue | undefined, now: Date) => boolean) | string {
  const alts = alternatives(value);
  const days = alts.map(dateValue);
  if (days.some((d) => !d)) return `'${value}' is not a date (YYYY-MM-DD, M/D/YYYY, TODAY, YESTERDAY or TOMORROW)`;
  // A date-time criteria compares its day in UTC, which is how the value is stored.
  const day = (v: StoredValue | undefined) => String(v).slice(0, 10);
  const resolved = (now: Date) => days.map((d) => d!(now));
  if (op === 'equals') return alts.length === 0 ? (v) => isBlank(v) : (v, now) => !isBlank(v) && resolved(now).includes(day(v));
  if (op === 'notEqual') return alts.length === 0 ? (v) => !isBlank(v) : (v, now) => isBlank(v) || !resolved(now).includes(day(v));
  if (RELATIONAL.has(op)) {
    if (days.length !== 1) return `${op} needs one ${type === 'date' ? 'date' : 'date/time'}, not '${value}'`;
    return (v, now) => !isBlank(v) && relation(op, day(v).localeCompare(resolved(now)[0]));
  }
  return `${op} does not apply to a ${type === 'date' ? 'date' : 'date/time'} field`;
}

/** Compiles one criteria row against its field; the reason says why it cannot be emulated. */
export function compileFilterItem(field: FieldDef, source: FilterItemSource): FilterCompileResult {
  const operation = FILTER_OPERATIONS.find((o) => o === source.operation);
  if (!operation) return { ok: false, reason: `the operation '${source.operation}' is not supported (use one of ${FILTER_OPERATIONS.join(', ')})` };
  if (source.valueField !== undefined && source.valueField !== '') {
    return { ok: false, reason: 'comparing with another field (valueField) is not supported' };
  }
  const value = source.value ?? '';
  const text = `${field.name} ${operation} "${value}"`;
  let test: ((v: StoredValue | undefined, now: Date) => boolean) | string;
  if (field.type === 'multipicklist') test = compileMultiPicklist(operation, value);
  else if (field.type === 'boolean') test = compileBoolean(operation, value);
  else if (NUMBER_TYPES.has(field.type)) test = compileNumber(operation, value);
  else if (field.type === 'date' || field.type === 'datetime') test = compileDate(operation, value, field.type);
  else if (TEXT_TYPES.has(field.type)) test = compileText(operation, value);
  else return { ok: false, reason: `fields of type ${field.type} are not supported in criteria` };
  if (typeof test === 'string') return { ok: false, reason: test };
  const compiled = test;
  return { ok: true, item: { field, operation, text, test: (row, ctx) => compiled(row[field.name], ctx.now) } };
}
