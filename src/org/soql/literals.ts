import { SfErrors } from '../errors/SfErrors.ts';
import type { FieldDef } from '../schema/types.ts';

/** How a field compares in SOQL, which decides the literals it accepts and the SQL it needs. */
export type Category = 'id' | 'text' | 'multi' | 'number' | 'boolean' | 'date' | 'datetime';

export function categoryOf(field: FieldDef): Category {
  switch (field.type) {
    case 'id':
    case 'reference':
      return 'id';
    case 'multipicklist':
      return 'multi';
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default:
      return 'text';
  }
}

/** The type name Salesforce uses in "must be of type …" filter messages. */
export function soqlTypeName(field: FieldDef): string {
  switch (field.type) {
    case 'int':
      return 'integer';
    case 'datetime':
      return 'dateTime';
    case 'reference':
      return 'id';
    case 'textarea':
    case 'email':
    case 'phone':
    case 'url':
      return 'string';
    default:
      return field.type;
  }
}

/** Text orders and compares case-insensitively in SOQL; ids, dates and numbers do not. */
export function collates(category: Category): boolean {
  return category === 'text' || category === 'multi';
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

/**
 * The value of a quoted SOQL string literal. For LIKE the result is a pattern for SQLite's
 * `LIKE … ESCAPE '\'`: SOQL's `\%` and `\_` stay escaped and a literal backslash is doubled.
 */
export function unquote(raw: string, forLike: boolean): string {
  const body = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1) : raw;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i];
    if (next === '%' || next === '_') {
      out += forLike ? `\\${next}` : next;
    } else if (next !== undefined && Object.hasOwn(SIMPLE_ESCAPES, next)) {
      const value = SIMPLE_ESCAPES[next];
      out += forLike && value === '\\' ? '\\\\' : value;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else {
      throw SfErrors.malformedQuery(
        `Invalid string literal '${body}'. Illegal character sequence '\\${next ?? ''}' in string literal.`,
      );
    }
  }
  return out;
}

/** A numeric literal, with the currency prefix of multi-currency literals (USD5000) dropped. */
export function numberLiteral(raw: string): number | undefined {
  const n = Number(raw.replace(/^[A-Za-z]{3}/, ''));
  return Number.isFinite(n) ? n : undefined;
}
