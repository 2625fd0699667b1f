import formulon from 'formulon';
import { FormulaError } from './FormulaError.ts';
import type { Literal } from './literals.ts';

/**
 * The bridge to formulon's evaluator. formulon exports no function table, only
 * `parse(formula, substitutions)`, so one function or operator is applied to already evaluated
 * arguments by parsing a one-call formula over placeholder identifiers (`LEN(a0)`, `a0 + a1`),
 * its text built once per function and arity. formulon then checks argument counts and types
 * and computes the result; the engine around it decides evaluation order and blanks.
 *
 * formulon re-parses that text on every call, which costs from 40 to 250 µs (NOT is the
 * slowest); its functions are pure, so results are memoized by function and argument values.
 * Validation rules mostly see few distinct values per call (booleans, picklist values), so a
 * save costs microseconds instead of a millisecond.
 */

const OPERATOR_SYNTAX: Record<string, string> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  exponentiate: '^',
  equal: '=',
  unequal: '<>',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
  lessThan: '<',
  lessThanOrEqual: '<=',
};

const ARG_NAMES = Array.from({ length: 256 }, (_, i) => `a${i}`);
const templates = new Map<string, string>();

function template(fn: string, arity: number): string {
  const key = `${fn}/${arity}`;
  let text = templates.get(key);
  if (text === undefined) {
    const names = ARG_NAMES.slice(0, arity);
    const op = OPERATOR_SYNTAX[fn];
    text = op ? `${names[0]} ${op} ${names[1]}` : `${fn.toUpperCase()}(${names.join(', ')})`;
    templates.set(key, text);
  }
  return text;
}

const MEMO_LIMIT = 20_000;
/** Long texts (text areas) are not worth a key. */
const MEMO_MAX_TEXT = 200;
const memo = new Map<string, Literal>();

function memoKey(fn: string, args: readonly Literal[]): string | undefined {
  let key = fn;
  for (const a of args) {
    const v = a.value;
    let value: string;
    if (v instanceof Date) value = String(v.getTime());
    else if (typeof v === 'string') {
      if (v.length > MEMO_MAX_TEXT) return undefined;
      value = JSON.stringify(v);
    } else value = JSON.stringify(v) ?? 'undefined';
    // The scale matters: formulon rounds to it, and refuses a fractional exponent by it.
    key += `|${a.dataType}:${String(a.options.scale ?? '')}:${value}`;
  }
  return key;
}

/**
 * Applies formulon's implementation of `fn` (its AST id: `len`, `add`, `greaterThan` …) to
 * evaluated arguments. Throws FormulaError: kind 'type' for a wrong argument count or type,
 * 'evaluation' when the values break it.
 */
export function callFormulon(fn: string, args: readonly Literal[]): Literal {
  const key = memoKey(fn, args);
  const known = key === undefined ? undefined : memo.get(key);
  if (known) return known;
  const result = evaluateWithFormulon(fn, args);
  if (key !== undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
  }
  return result;
}

function evaluateWithFormulon(fn: string, args: readonly Literal[]): Literal {
  if (args.length > ARG_NAMES.length) throw new FormulaError(`Too many parameters for function '${fn.toUpperCase()}()'`, 'type', fn);
  const substitutions: Record<string, Literal> = {};
  args.forEach((a, i) => (substitutions[ARG_NAMES[i]] = a));
  let result;
  try {
    result = formulon.parse(template(fn, args.length), substitutions);
  } catch (err) {
    // formulon's own functions assume values it did not expect (a blank where it reads .length).
    throw new FormulaError(`${fn.toUpperCase()}() could not be evaluated: ${(err as Error).message}`, 'evaluation', fn);
  }
  if (result.type === 'error') {
    // Argument count and type errors start so; any other error depends on the values.
    const signature = result.errorType === 'ArgumentError' && result.message.startsWith('Incorrect');
    const op = OPERATOR_SYNTAX[fn];
    const message = op ? result.message.replace(`function '${fn.toUpperCase()}()'`, `operator '${op}'`) : result.message;
    throw new FormulaError(message, signature ? 'type' : 'evaluation', fn);
  }
  if (result.dataType === 'number' && !Number.isFinite(result.value as number)) {
    throw new FormulaError(fn === 'divide' ? 'Division by zero' : `${fn.toUpperCase()}() has no finite result`, 'evaluation', fn);
  }
  return result;
}
