import type { FormulonLiteral } from 'formulon';
import type { StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef } from '../schema/types.ts';
import { formatDate, formatDateTime, parseDateTime } from '../schema/valueCodec.ts';
import type { FormulaType, FormulaValue } from './types.ts';

/**
 * Formula values are formulon literals (`{type: 'literal', dataType, value, options}`), so they
 * go to formulon as they are. This module converts the org's stored values into them and back,
 * with Salesforce's blank semantics for validation rules ("treat blank fields as blanks"):
 * text, picklists and ids are never null in a formula (blank is ''), numbers, dates and
 * datetimes are null when blank, checkboxes are never blank.
 */

export type Literal = FormulonLiteral;

/** formulon's data types, as it names them. */
export type DataType = 'text' | 'number' | 'checkbox' | 'date' | 'datetime' | 'time' | 'picklist' | 'multipicklist' | 'geolocation' | 'null';

export const NULL: Literal = { type: 'literal', value: null, dataType: 'null', options: {} };

export function text(value: string): Literal {
  // formulon cuts text to options.length: it must be the whole length.
  return { type: 'literal', value, dataType: 'text', options: { length: value.length } };
}

export function number(value: number): Literal {
  // formulon rounds numbers to options.scale: it must keep every digit the value has.
  const s = String(Math.abs(value));
  const exponent = /e-(\d+)$/.exec(s);
  const scale = exponent ? Number(exponent[1]) + 15 : (s.split('.')[1]?.length ?? 0);
  return { type: 'literal', value, dataType: 'number', options: { length: s.split('.')[0].length, scale } };
}

export function checkbox(value: boolean): Literal {
  return { type: 'literal', value, dataType: 'checkbox', options: {} };
}

export function date(value: Date): Literal {
  return { type: 'literal', value, dataType: 'date', options: {} };
}

export function datetime(value: Date): Literal {
  return { type: 'literal', value, dataType: 'datetime', options: {} };
}

export function picklist(value: string): Literal {
  return { type: 'literal', value, dataType: 'picklist', options: {} };
}

export function multipicklist(values: string[]): Literal {
  return { type: 'literal', value: values, dataType: 'multipicklist', options: {} };
}

export const isNull = (l: Literal) => l.dataType === 'null' || l.value === null || l.value === undefined;

/** The formula type of a field. Percent fields are fractions in formulas (10% is 0.1). */
export function fieldType(field: FieldDef): FormulaType {
  switch (field.type) {
    case 'boolean':
      return 'boolean';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'picklist':
      return 'picklist';
    case 'multipicklist':
      return 'multipicklist';
    default:
      return 'text';
  }
}

const isIdField = (field: FieldDef) => field.type === 'id' || field.type === 'reference';

/** A stored field value as a formula value. Ids are 15 characters, as Salesforce formulas see them (CASESAFEID gives 18). */
export function fromStored(field: FieldDef, stored: StoredValue | undefined): Literal {
  const blank = stored === null || stored === undefined || stored === '';
  switch (fieldType(field)) {
    case 'boolean':
      return checkbox(stored === 1 || stored === '1' || (stored as unknown) === true);
    case 'number': {
      if (blank) return NULL;
      const n = typeof stored === 'number' ? stored : Number(stored);
      if (!Number.isFinite(n)) return NULL;
      return number(field.type === 'percent' ? n / 100 : n);
    }
    case 'date':
    case 'datetime': {
      const d = blank ? undefined : parseDateTime(String(stored));
      if (!d) return NULL;
      return field.type === 'date' ? date(d) : datetime(d);
    }
    case 'picklist':
      return picklist(blank ? '' : String(stored));
    case 'multipicklist':
      return multipicklist(blank ? [] : String(stored).split(';'));
    default:
      if (blank) return text('');
      return text(isIdField(field) ? String(stored).slice(0, 15) : String(stored));
  }
}

/** A stored-form value of a known formula type (flow variables), as a formula value. */
export function fromStoredAs(type: FormulaType, stored: unknown): Literal {
  const blank = stored === null || stored === undefined || stored === '';
  switch (type) {
    case 'boolean':
      return checkbox(stored === true || stored === 1 || stored === '1' || stored === 'true');
    case 'number': {
      const n = typeof stored === 'number' ? stored : blank ? NaN : Number(stored);
      return Number.isFinite(n) ? number(n) : NULL;
    }
    case 'date':
    case 'datetime': {
      const d = blank ? undefined : stored instanceof Date ? stored : parseDateTime(String(stored));
      if (!d) return NULL;
      return type === 'date' ? date(d) : datetime(d);
    }
    case 'picklist':
      return picklist(blank ? '' : String(stored));
    case 'multipicklist':
      return multipicklist(blank ? [] : String(stored).split(';'));
    default:
      return text(blank ? '' : String(stored));
  }
}

/** A typed placeholder for compile-time type checking: never blank, so every type shows. */
export function sampleOf(type: FormulaType): Literal {
  switch (type) {
    case 'boolean':
      return checkbox(true);
    case 'number':
      return number(1);
    case 'date':
      return date(new Date(Date.UTC(2000, 0, 1)));
    case 'datetime':
      return datetime(new Date(Date.UTC(2000, 0, 1, 12)));
    case 'picklist':
      return picklist('a');
    case 'multipicklist':
      return multipicklist(['a']);
    default:
      // Fifteen characters: an id's length, so CASESAFEID and friends type-check.
      return text('aaaaaaaaaaaaaaa');
  }
}

/** The formula type of a literal; null for a blank or a type the org does not store. */
export function typeOf(l: Literal): FormulaType | null {
  switch (l.dataType as DataType) {
    case 'checkbox':
      return 'boolean';
    case 'text':
    case 'number':
    case 'date':
    case 'datetime':
    case 'picklist':
    case 'multipicklist':
      return l.dataType as FormulaType;
    default:
      return null;
  }
}

/** Salesforce's name of a type in messages ("Expected Number, received Text"). */
export function typeLabel(type: FormulaType | string | null): string {
  switch (type) {
    case 'boolean':
    case 'checkbox':
      return 'Checkbox';
    case 'text':
      return 'Text';
    case 'number':
      return 'Number';
    case 'date':
      return 'Date';
    case 'datetime':
      return 'Date/Time';
    case 'picklist':
      return 'Picklist';
    case 'multipicklist':
      return 'Multi-Select Picklist';
    default:
      return 'Blank';
  }
}

/** A result in stored form (see FormulaValue). */
export function toStoredValue(l: Literal, as: FormulaType | null): FormulaValue {
  if (as === 'boolean') return l.value === true;
  if (isNull(l)) return null;
  switch (l.dataType as DataType) {
    case 'checkbox':
      return l.value === true;
    case 'number':
      return l.value as number;
    case 'date':
      return formatDate(l.value as Date);
    case 'datetime':
      return formatDateTime(l.value as Date);
    case 'multipicklist': {
      const joined = (l.value as string[]).join(';');
      return joined === '' ? null : joined;
    }
    case 'text':
    case 'picklist': {
      const s = String(l.value);
      return s === '' ? null : s;
    }
    default:
      return String(l.value);
  }
}
