/**
 * Salesforce's "filter logic" (`booleanFilter`): `1 AND (2 OR NOT 3)`, where each number is a
 * criteria row, 1-based. Used by assignment rule entries, matching rules and duplicate rule
 * conditions alike. Without filter logic, Salesforce ANDs every row.
 */

export type BooleanFilter =
  | { kind: 'row'; index: number }
  | { kind: 'and' | 'or'; left: BooleanFilter; right: BooleanFilter }
  | { kind: 'not'; operand: BooleanFilter };

export class BooleanFilterError extends Error {}

type Token = { type: 'num'; value: number } | { type: 'op'; value: 'AND' | 'OR' | 'NOT' } | { type: '(' | ')' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+)|(AND|OR|NOT)\b|([()]))/iy;
  let at = 0;
  const rest = () => text.slice(at).trim();
  while (rest() !== '') {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new BooleanFilterError(`unexpected '${rest().split(/\s+/)[0]}'`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ type: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ type: 'op', value: m[2].toUpperCase() as 'AND' | 'OR' | 'NOT' });
    else tokens.push({ type: m[3] as '(' | ')' });
  }
  return tokens;
}

/**
 * Parses filter logic for `rows` criteria rows. Like Salesforce, it refuses to mix AND and OR
 * without parentheses ("1 AND 2 OR 3" is ambiguous there and rejected on save), numbers outside
 * 1..rows, and rows the logic never mentions.
 */
export function parseBooleanFilter(text: string, rows: number): BooleanFilter {
  const tokens = tokenize(text);
  let pos = 0;
  const used = new Set<number>();
  const peek = () => tokens[pos];

  const primary = (): BooleanFilter => {
    const t = tokens[pos++];
    if (!t) throw new BooleanFilterError('the logic ends too early');
    if (t.type === 'num') {
      if (t.value < 1 || t.value > rows) throw new BooleanFilterError(`it refers to row ${t.value}, but there ${rows === 1 ? 'is 1 row' : `are ${rows} rows`}`);
      used.add(t.value);
      return { kind: 'row', index: t.value };
    }
    if (t.type === 'op' && t.value === 'NOT') return { kind: 'not', operand: primary() };
    if (t.type === '(') {
      const inner = expression();
      if (tokens[pos++]?.type !== ')') throw new BooleanFilterError('a parenthesis is not closed');
      return inner;
    }
    throw new BooleanFilterError(`unexpected '${t.type === 'op' ? t.value : t.type}'`);
  };

  const expression = (): BooleanFilter => {
    let left = primary();
    let joiner: 'AND' | 'OR' | undefined;
    for (;;) {
      const t = peek();
      if (!t || t.type !== 'op' || t.value === 'NOT') return left;
      if (joiner && joiner !== t.value) throw new BooleanFilterError('AND and OR are mixed without parentheses');
      joiner = t.value;
      pos++;
      left = { kind: joiner === 'AND' ? 'and' : 'or', left, right: primary() };
    }
  };

  const tree = expression();
  if (pos < tokens.length) {
    const t = tokens[pos];
    throw new BooleanFilterError(`unexpected '${t.type === 'num' || t.type === 'op' ? t.value : t.type}'`);
  }
  const unused = Array.from({ length: rows }, (_, i) => i + 1).filter((i) => !used.has(i));
  if (unused.length > 0) throw new BooleanFilterError(`row${unused.length > 1 ? 's' : ''} ${unused.join(', ')} ${unused.length > 1 ? 'are' : 'is'} not used`);
  return tree;
}

export function evaluateBooleanFilter(filter: BooleanFilter, row: (index: number) => boolean): boolean {
  switch (filter.kind) {
    case 'row':
      return row(filter.index);
    case 'not':
      return !evaluateBooleanFilter(filter.operand, row);
    case 'and':
      return evaluateBooleanFilter(filter.left, row) && evaluateBooleanFilter(filter.right, row);
    case 'or':
      return evaluateBooleanFilter(filter.left, row) || evaluateBooleanFilter(filter.right, row);
  }
}

/** Every row true, or the filter logic: the verdict of a list of criteria, each tested only when needed. */
export function allOrLogic(rows: number, test: (index: number) => boolean, filter: BooleanFilter | undefined): boolean {
  if (filter) return evaluateBooleanFilter(filter, test);
  for (let i = 1; i <= rows; i++) if (!test(i)) return false;
  return true;
}
