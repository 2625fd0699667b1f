import { FormulaError } from './FormulaError.ts';

/**
 * Formula text → text formulon's parser accepts. formulon's grammar lacks what real formulas
 * use: comments, backslash escapes in strings (every REGEX needs them), unary minus before
 * anything but a number, `.5`, and the `{!merge}` syntax of flow formulas. The tokens are
 * rewritten so formulon can parse the rest: strings become placeholder identifiers (their
 * values in `strings`), comments and braces disappear, `-x` becomes `(-1 * x)`.
 *
 * The same tokens name the offending token when formulon answers only "Syntax error.".
 */

type TokenKind = 'number' | 'string' | 'identifier' | 'operator' | 'open' | 'close' | 'comma';

interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the formula. */
  at: number;
}

export interface PreparedSource {
  /** What formulon parses. */
  text: string;
  /** Placeholder identifier → the string literal's value. */
  strings: Map<string, string>;
}

const STRING_PLACEHOLDER = '__golive_s';

export function isStringPlaceholder(name: string): boolean {
  return name.startsWith(STRING_PLACEHOLDER);
}

const OPERATORS = ['<=', '>=', '<>', '==', '!=', '&&', '||', '=', '<', '>', '+', '-', '*', '/', '^', '&', '!'];
const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*/y;
const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)/y;

const syntax = (message: string, token?: string) => new FormulaError(`Syntax error. ${message}`, 'syntax', token);

function readString(formula: string, start: number): { value: string; end: number } {
  const quote = formula[start];
  let value = '';
  let i = start + 1;
  while (i < formula.length) {
    const c = formula[i];
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const next = formula[i + 1];
      if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(formula.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(formula.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (next === undefined || !(next in ESCAPES)) {
        // Salesforce rejects unknown escapes too; the usual cause is a regex written with one backslash.
        throw syntax(`Invalid escape sequence '\\${next ?? ''}' in a text literal: write a backslash as '\\\\' (REGEX(Phone, "\\\\d+")).`, `\\${next ?? ''}`);
      }
      value += ESCAPES[next];
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw syntax(`Missing ${quote} to end the text literal that starts with ${formula.slice(start, start + 20)}`, quote);
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (formula.startsWith('/*', i)) {
      const end = formula.indexOf('*/', i + 2);
      if (end < 0) throw syntax("Missing '*/' to end the comment that starts with /*", '/*');
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const s = readString(formula, i);
      tokens.push({ kind: 'string', text: s.value, at: i });
      i = s.end;
      continue;
    }
    if (formula.startsWith('{!', i)) {
      // Flow merge syntax: {!$Record.Amount} is the merge field $Record.Amount.
      IDENTIFIER.lastIndex = i + 2;
      const m = IDENTIFIER.exec(formula);
      if (!m || formula[i + 2 + m[0].length] !== '}') throw syntax(`Found '${formula.slice(i, i + 20)}'`, '{!');
      tokens.push({ kind: 'identifier', text: m[0], at: i });
      i += 2 + m[0].length + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(formula);
    if (number) {
      tokens.push({ kind: 'number', text: number[0].startsWith('.') ? `0${number[0]}` : number[0], at: i });
      i += number[0].length;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const identifier = IDENTIFIER.exec(formula);
    if (identifier) {
      tokens.push({ kind: 'identifier', text: identifier[0], at: i });
      i += identifier[0].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c === '(' ? 'open' : c === ')' ? 'close' : 'comma', text: c, at: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => formula.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'operator', text: op, at: i });
      i += op.length;
      continue;
    }
    throw syntax(`Found '${c}'`, c);
  }
  return tokens;
}

/** A `-` or `+` that has no left operand. */
function isUnary(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.kind !== 'operator' || (t.text !== '-' && t.text !== '+')) return false;
  const prev = tokens[i - 1];
  return !prev || prev.kind === 'open' || prev.kind === 'comma' || prev.kind === 'operator';
}

/** The index after the primary expression (identifier, call, parenthesised group, literal) that starts at i. */
function primaryEnd(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t) return i;
  if (isUnary(tokens, i)) return primaryEnd(tokens, i + 1);
  if (t.kind === 'identifier' && tokens[i + 1]?.kind === 'open') return groupEnd(tokens, i + 1);
  if (t.kind === 'open') return groupEnd(tokens, i);
  return i + 1;
}

function groupEnd(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].kind === 'open') depth++;
    else if (tokens[j].kind === 'close' && --depth === 0) return j + 1;
  }
  return tokens.length;
}

function emit(tokens: Token[], from: number, to: number, strings: Map<string, string>): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isUnary(tokens, i)) {
      const next = tokens[i + 1];
      if (t.text === '+') continue;
      if (next?.kind === 'number') {
        out.push(`-${next.text}`);
        i++;
        continue;
      }
      if (next && (next.kind === 'identifier' || next.kind === 'open' || isUnary(tokens, i + 1))) {
        const end = primaryEnd(tokens, i + 1);
        out.push('(', '-1', '*', ...emit(tokens, i + 1, end, strings), ')');
        i = end - 1;
        continue;
      }
    }
    if (t.kind === 'string') {
      const name = `${STRING_PLACEHOLDER}${strings.size}`;
      strings.set(name, t.text);
      out.push(name);
    } else {
      out.push(t.text);
    }
  }
  return out;
}

export function prepareSource(formula: string): PreparedSource {
  const tokens = tokenize(formula);
  if (tokens.length === 0) throw syntax('The formula is empty.');
  const strings = new Map<string, string>();
  return { text: emit(tokens, 0, tokens.length, strings).join(' '), strings };
}

const endsOperand = (t: Token, next: Token | undefined) =>
  t.kind === 'number' || t.kind === 'string' || t.kind === 'close' || (t.kind === 'identifier' && next?.kind !== 'open');
const startsOperand = (t: Token) => t.kind === 'number' || t.kind === 'string' || t.kind === 'identifier' || t.kind === 'open';

const shown = (t: Token) => (t.kind === 'string' ? `"${t.text}"` : t.text);

/**
 * The message for a formula formulon cannot parse: the first token that cannot stand where it
 * is, in Salesforce's wording ("Syntax error. Extra ','", "Syntax error. Missing ')'").
 */
export function describeSyntaxError(formula: string): FormulaError {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (err) {
    if (err instanceof FormulaError) return err;
    throw err;
  }
  /** For each open parenthesis: whether it opened a function call (commas allowed). */
  const stack: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && endsOperand(prev, t) && startsOperand(t)) return syntax(`Found '${shown(t)}'`, t.text);
    switch (t.kind) {
      case 'open':
        stack.push(prev?.kind === 'identifier');
        if (next?.kind === 'close' && prev?.kind !== 'identifier') return syntax(`Found ')'`, ')');
        break;
      case 'close':
        if (stack.length === 0) return syntax(`Extra ')'`, ')');
        stack.pop();
        if (prev && (prev.kind === 'comma' || (prev.kind === 'operator' && !isUnary(tokens, i - 1)))) return syntax(`Found ')'`, ')');
        break;
      case 'comma':
        if (!stack[stack.length - 1] || !prev || prev.kind === 'open' || prev.kind === 'comma') return syntax(`Extra ','`, ',');
        if (prev.kind === 'operator') return syntax(`Found ','`, ',');
        break;
      case 'operator':
        if (!isUnary(tokens, i) && t.text !== '!' && (!prev || prev.kind === 'open' || prev.kind === 'comma' || prev.kind === 'operator')) {
          return syntax(`Found '${t.text}'`, t.text);
        }
        if (!next) return syntax(`Missing an operand after '${t.text}'`, t.text);
        break;
      default:
        break;
    }
  }
  if (stack.length > 0) return syntax(`Missing ')'`, ')');
  return syntax(`The formula cannot be parsed: ${formula.length > 80 ? `${formula.slice(0, 77)}...` : formula}`.replace(/\s+/g, ' '));
}
