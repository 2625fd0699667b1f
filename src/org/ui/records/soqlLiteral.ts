/**
 * Values put into SOQL text by the UI (a search term, the user's id). The UI builds SOQL because
 * it must run as the user through QueryService, so every value from a request goes through
 * these: a term like `O'Brien` or `\` can neither break the statement nor change its meaning.
 */

const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A quoted SOQL string literal. Other control characters are dropped. */
export function soqlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return `'${cleaned.replace(/[\\'"\n\r\t]/g, (c) => ESCAPES[c])}'`;
}

/** A LIKE pattern matching values that contain `term` literally (its % and _ are not wildcards). */
export function soqlContains(term: string): string {
  const literal = soqlString(term).slice(1, -1);
  return `'%${literal.replace(/[%_]/g, (c) => `\\${c}`)}%'`;
}
