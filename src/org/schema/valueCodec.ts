import { SfErrors } from '../errors/SfErrors.ts';
import { keyPrefixOf, toId18 } from '../ids/salesforceId.ts';
import type { StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, OrgSchema } from './types.ts';

/**
 * Converts field values between the API's JSON and storage. Storage forms: text for strings,
 * ids, dates (`YYYY-MM-DD`) and datetimes (`YYYY-MM-DDTHH:mm:ss.SSS+0000`, always UTC so text
 * order is time order); numbers as REAL/INTEGER; booleans as 0/1; multi-select picklists as
 * `a;b;c`. Every rejection is the Salesforce error a client would get for that value.
 */

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Salesforce's wire form of a datetime: milliseconds and a +0000 offset. */
export function formatDateTime(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`
  );
}

export function formatDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parses any datetime form Salesforce accepts; undefined if it is not one. */
export function parseDateTime(text: string): Date | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) {
    const d = DATE_ONLY.exec(text.trim());
    if (!d) return undefined;
    const date = new Date(Date.UTC(+d[1], +d[2] - 1, +d[3]));
    return date.getUTCDate() === +d[3] ? date : undefined;
  }
  const [, y, mo, da, h, mi, s = '0', frac = '0', zone = 'Z'] = m;
  const ms = Math.round(Number(`0.${frac}`) * 1000);
  let t = Date.UTC(+y, +mo - 1, +da, +h, +mi, +s, ms);
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  const date = new Date(t);
  return Number.isNaN(date.getTime()) || +mo > 12 || +da > 31 || +h > 23 || +mi > 59 || +s > 59 ? undefined : date;
}

function asText(field: FieldDef, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw SfErrors.invalidTypeOnField(field.name, value);
}

function asNumber(field: FieldDef, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) throw SfErrors.invalidTypeOnField(field.name, value);
  return n;
}

function checkPicklistValue(field: FieldDef, value: string): void {
  if (!field.restrictedPicklist) return;
  const ok = field.picklistValues?.some((p) => p.active && p.value === value);
  if (!ok) throw SfErrors.badRestrictedPicklist(field.label, field.name, value);
}

/**
 * Validates and converts one API value to storage. `schema` is needed to check that a lookup's
 * id belongs to an object the lookup may point at; existence is the service layer's business.
 */
export function toStored(schema: OrgSchema, field: FieldDef, value: unknown): StoredValue {
  if (value === null || value === undefined || value === '') {
    // Salesforce stores an empty string as null, and a null checkbox as false.
    return field.type === 'boolean' ? 0 : null;
  }
  switch (field.type) {
    case 'id':
    case 'reference': {
      const text = asText(field, value);
      const id = toId18(text);
      if (!id) throw SfErrors.malformedId(field.label, text);
      if (field.type === 'reference' && field.referenceTo.length > 0) {
        const target = schema.objectByKeyPrefix(keyPrefixOf(id));
        if (!target || !field.referenceTo.some((r) => r.toLowerCase() === target.name.toLowerCase())) {
          throw SfErrors.fieldIntegrity(field.name, `${field.label}: id value of incorrect type: ${text}`);
        }
      }
      return id;
    }
    case 'string':
    case 'textarea':
    case 'phone':
    case 'url':
    case 'email':
    case 'picklist': {
      const text = asText(field, value);
      if (field.length > 0 && text.length > field.length) throw SfErrors.stringTooLong(field.label, field.name, text, field.length);
      if (field.type === 'email' && !EMAIL.test(text)) throw SfErrors.invalidEmail(field.label, field.name, text);
      if (field.type === 'picklist') checkPicklistValue(field, text);
      return text;
    }
    case 'multipicklist': {
      const parts = Array.isArray(value) ? value.map((v) => asText(field, v)) : asText(field, value).split(';');
      const values = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
      for (const v of values) checkPicklistValue(field, v);
      const text = values.join(';');
      if (field.length > 0 && text.length > field.length) throw SfErrors.stringTooLong(field.label, field.name, text, field.length);
      return text === '' ? null : text;
    }
    case 'boolean': {
      if (value === true || value === 'true' || value === 1) return 1;
      if (value === false || value === 'false' || value === 0) return 0;
      throw SfErrors.invalidTypeOnField(field.name, value);
    }
    case 'int': {
      const n = asNumber(field, value);
      if (!Number.isInteger(n)) throw SfErrors.invalidTypeOnField(field.name, value);
      if (field.digits > 0 && Math.abs(n) >= 10 ** field.digits) throw SfErrors.numberOutsideRange(field.label, field.name, n);
      return n;
    }
    case 'double':
    case 'currency':
    case 'percent': {
      const n = asNumber(field, value);
      const scale = field.scale ?? 0;
      const rounded = Math.round(n * 10 ** scale) / 10 ** scale;
      const integerDigits = field.precision > 0 ? field.precision - scale : 0;
      if (integerDigits > 0 && Math.abs(rounded) >= 10 ** integerDigits) {
        throw SfErrors.numberOutsideRange(field.label, field.name, n);
      }
      return rounded;
    }
    case 'date': {
      const text = asText(field, value);
      const d = parseDateTime(text);
      if (!d) throw SfErrors.invalidTypeOnField(field.name, value);
      return DATE_ONLY.test(text.trim()) ? text.trim() : formatDate(d);
    }
    case 'datetime': {
      const d = parseDateTime(asText(field, value));
      if (!d) throw SfErrors.invalidTypeOnField(field.name, value);
      return formatDateTime(d);
    }
  }
}

/** Converts a stored value to its API JSON form. */
export function toApi(field: FieldDef, stored: StoredValue | undefined): unknown {
  if (stored === null || stored === undefined) return field.type === 'boolean' ? false : null;
  switch (field.type) {
    case 'boolean':
      return stored === 1 || stored === '1' || (stored as unknown) === true;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return typeof stored === 'number' ? stored : Number(stored);
    default:
      return stored;
  }
}
