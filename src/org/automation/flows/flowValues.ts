import { toId18 } from '../../ids/salesforceId.ts';
import type { StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef, OrgSchema } from '../../schema/types.ts';
import { formatDate, formatDateTime, parseDateTime, toApi, toStored } from '../../schema/valueCodec.ts';
import { FlowRuntimeError } from './flowErrors.ts';
import type { FlowDataType, FlowType } from './flowModel.ts';

/**
 * Values while a flow runs. Scalars keep the stored forms of the rest of the org (dates
 * `YYYY-MM-DD`, datetimes `YYYY-MM-DDTHH:mm:ss.SSS+0000`) so they compare as text and go into
 * fields unchanged; booleans are real booleans here and 0/1 only in rows.
 */
export type FlowScalar = string | number | boolean | null;
export type FlowValue = FlowScalar | RecordValue | FlowValue[];

/**
 * A record variable: the row in stored form plus which fields the flow set, so an Update Records
 * element writes only those (a record read with Get Records carries read-only fields too).
 */
export class RecordValue {
  constructor(
    readonly object: ObjectDef,
    readonly row: StoredRow,
    readonly dirty: Set<string> = new Set(),
  ) {}

  get id(): string | null {
    const v = this.row.Id;
    return typeof v === 'string' ? v : null;
  }

  get(field: FieldDef): FlowScalar {
    return fromStored(field, this.row[field.name]);
  }

  /** Sets a field, converted and checked as the API would (a bad picklist value fails here). */
  set(schema: OrgSchema, field: FieldDef, value: FlowValue): void {
    this.row[field.name] = toStored(schema, field, toApiValue(field, value));
    this.dirty.add(field.name);
  }

  clone(): RecordValue {
    return new RecordValue(this.object, { ...this.row }, new Set(this.dirty));
  }

  /** The fields to send to a DML call, as API input. */
  apiInput(fieldNames: Iterable<string>): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const name of fieldNames) {
      const field = this.object.fieldsByLowerName.get(name.toLowerCase());
      if (field && field.name !== 'Id') input[field.name] = toApi(field, this.row[field.name]);
    }
    return input;
  }
}

/** A stored field value as a flow value. */
export function fromStored(field: FieldDef, stored: StoredValue | undefined): FlowScalar {
  if (stored === undefined || stored === null) return field.type === 'boolean' ? false : null;
  if (field.type === 'boolean') return stored === 1 || stored === '1';
  return stored;
}

/** A flow value as the API input for a field (what RecordService and toStored expect). */
export function toApiValue(field: FieldDef, value: FlowValue): unknown {
  if (value instanceof RecordValue) return value.id;
  if (Array.isArray(value)) {
    if (field.type === 'multipicklist') return value.map((v) => (v === null ? '' : String(v))).join(';');
    throw new FlowRuntimeError(`a collection cannot be stored in the field ${field.name}`);
  }
  if (value === null) return null;
  switch (field.type) {
    case 'boolean':
      return value === true || value === 'true' || value === 1;
    case 'date':
      return typeof value === 'string' ? asDate(value) : value;
    case 'datetime':
      return typeof value === 'string' ? asDateTime(value) : value;
    default:
      return value;
  }
}

export const DATA_TYPE_OF_FIELD: Readonly<Record<FieldDef['type'], FlowDataType>> = {
  id: 'String',
  reference: 'String',
  string: 'String',
  textarea: 'String',
  email: 'String',
  phone: 'String',
  url: 'String',
  picklist: 'Picklist',
  multipicklist: 'Multipicklist',
  double: 'Number',
  int: 'Number',
  percent: 'Number',
  currency: 'Currency',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
};

export function typeOfField(field: FieldDef): FlowType {
  return { dataType: DATA_TYPE_OF_FIELD[field.type], collection: false, field };
}

export const isTextType = (t: FlowDataType) => t === 'String' || t === 'Picklist' || t === 'Multipicklist';
export const isNumberType = (t: FlowDataType) => t === 'Number' || t === 'Currency';

function asDate(text: string): string {
  const d = parseDateTime(text);
  if (!d) throw new FlowRuntimeError(`"${text}" is not a date`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : formatDate(d);
}

function asDateTime(text: string): string {
  const d = parseDateTime(text);
  if (!d) throw new FlowRuntimeError(`"${text}" is not a date/time`);
  return formatDateTime(d);
}

/**
 * A value converted to a variable's data type, as Flow converts on assignment (a number into a
 * text variable becomes its digits, a datetime into a date variable keeps the UTC date).
 * Throws a FlowRuntimeError, which becomes the element's fault message.
 */
export function coerce(value: FlowValue, type: FlowType): FlowValue {
  if (type.collection) {
    if (value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    return items.map((v) => coerce(v, { ...type, collection: false }));
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    if (type.dataType === 'Multipicklist') return value.filter((v) => v !== null).map(String).join(';');
    throw new FlowRuntimeError('a collection cannot be assigned to a single value');
  }
  if (type.dataType === 'SObject') {
    if (!(value instanceof RecordValue)) throw new FlowRuntimeError(`a ${typeof value} cannot be assigned to a record variable`);
    return value.clone();
  }
  if (value instanceof RecordValue) {
    if (isTextType(type.dataType)) return value.id;
    throw new FlowRuntimeError('a record cannot be assigned to a single value');
  }
  switch (type.dataType) {
    case 'String':
    case 'Picklist':
    case 'Multipicklist':
      return typeof value === 'string' ? value : String(value);
    case 'Number':
    case 'Currency': {
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') throw new FlowRuntimeError('a Boolean cannot be assigned to a number');
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new FlowRuntimeError(`"${value}" is not a number`);
      return n;
    }
    case 'Boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 1) return true;
      if (value === 'false' || value === 0) return false;
      throw new FlowRuntimeError(`"${value}" is not a Boolean`);
    case 'Date':
      if (typeof value !== 'string') throw new FlowRuntimeError(`${value} is not a date`);
      return asDate(value.length > 10 ? formatDateOf(value) : value);
    case 'DateTime':
      if (typeof value !== 'string') throw new FlowRuntimeError(`${value} is not a date/time`);
      return asDateTime(value);
  }
}

function formatDateOf(datetime: string): string {
  const d = parseDateTime(datetime);
  if (!d) throw new FlowRuntimeError(`"${datetime}" is not a date`);
  return formatDate(d);
}

/** Two scalars equal as Flow compares them: text exactly (ids 15 or 18 characters alike), null and '' alike. */
export function sameValue(a: FlowValue, b: FlowValue): boolean {
  const blank = (v: FlowValue) => v === null || v === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (a instanceof RecordValue || b instanceof RecordValue) {
    const ida = a instanceof RecordValue ? a.id : a;
    const idb = b instanceof RecordValue ? b.id : b;
    return ida !== null && ida === idb;
  }
  if (Array.isArray(a) || Array.isArray(b)) return false;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b);
  if (a === b) return true;
  const ida = toId18(a);
  return ida !== undefined && ida === toId18(b);
}

/** Orders two scalars for GreaterThan and friends; undefined when either is null or they do not compare. */
export function compareValues(a: FlowValue, b: FlowValue): number | undefined {
  if (a === null || b === null || a instanceof RecordValue || b instanceof RecordValue || Array.isArray(a) || Array.isArray(b)) return undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How a value reads when merged into text (`{!var}`). */
export function asText(value: FlowValue): string {
  if (value === null) return '';
  if (value instanceof RecordValue) return value.id ?? '';
  if (Array.isArray(value)) return value.map(asText).join(', ');
  return String(value);
}
