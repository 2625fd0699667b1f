import type { FieldDef } from '../schema/types.ts';
import { calendarDayIn } from './calendarDay.ts';
import type { Env, Evaluator } from './evaluation.ts';
import { FormulaError } from './FormulaError.ts';
import { compileJavaRegex } from './javaRegex.ts';
import { checkbox, date, datetime, fromStored, isNull, NULL, text, typeLabel, typeOf, type Literal } from './literals.ts';

/**
 * The functions and operators a formula may call, by formulon's AST id (lower-case names,
 * camel-case operator ids). Most are formulon's own implementation, wrapped with Salesforce's
 * handling of blanks; the rest are what formulon lacks or gets wrong for validation rules:
 *
 * - control flow evaluated lazily (IF, CASE, AND, OR), with blank conditions as false and
 *   three-valued AND/OR/NOT, so that `Amount > 100` on a blank Amount never fires a rule
 * - comparisons with a blank operand are blank, as on Salesforce
 * - ISCHANGED, PRIORVALUE, ISNEW (not in formulon), TODAY/NOW (formulon reads the machine's
 *   clock; these read the org's, in the user's time zone), REGEX (Java semantics), ISNUMBER (not
 *   implemented in formulon), ADDMONTHS (month-end rule), ISBLANK on multi-select picklists
 */

/** A compiled argument. `field` is set when the argument is a field of the record itself (no lookups). */
export interface Arg {
  evaluate: Evaluator;
  field?: FieldDef;
  constant?: Literal;
}

export type FunctionBuilder = (args: Arg[], objectName: string) => Evaluator;

const argCount = (fn: string, expected: string | number, received: number) =>
  new FormulaError(`Incorrect number of parameters for function '${fn.toUpperCase()}()'. Expected ${expected}, received ${received}`, 'type', fn);

const wrongType = (fn: string, expected: string, received: Literal) =>
  new FormulaError(`Incorrect parameter type for function '${fn.toUpperCase()}()'. Expected ${expected}, received ${typeLabel(typeOf(received))}`, 'type', fn);

function exactly(fn: string, args: Arg[], n: number): void {
  if (args.length !== n) throw argCount(fn, n, args.length);
}

/** formulon's function with blanks propagated: any blank argument makes the result blank ('' for text results). */
function propagating(fn: string, result: 'text' | 'other' = 'other'): FunctionBuilder {
  return (args) => (env) => {
    const values = args.map((a) => a.evaluate(env));
    if (values.some(isNull)) return result === 'text' ? text('') : NULL;
    return env.formulon(fn, values);
  };
}

/** formulon's function given blanks as they are (the ISBLANK family handles them itself). */
function passingBlanks(fn: string): FunctionBuilder {
  return (args) => (env) => {
    const values = args.map((a) => a.evaluate(env));
    // Multi-select picklists are never null; Salesforce's ISBLANK takes them, formulon's does not.
    return env.formulon(
      fn,
      values.map((v) => (v.dataType === 'multipicklist' ? text((v.value as string[]).join(';')) : v)),
    );
  };
}

const isTrue = (l: Literal) => l.dataType === 'checkbox' && l.value === true;

/** Branches of IF and CASE must agree on their type (formulon does not check it). */
function checkSameType(fn: string, results: Literal[]): void {
  const typed = results.filter((r) => !isNull(r));
  const first = typed[0];
  for (const r of typed) {
    const a = typeOf(first) === 'picklist' ? 'text' : typeOf(first);
    const b = typeOf(r) === 'picklist' ? 'text' : typeOf(r);
    if (a !== b) throw wrongType(fn, typeLabel(a), r);
  }
}

const ifFunction: FunctionBuilder = (args) => (env) => {
  if (env.check) {
    const values = args.map((a) => a.evaluate(env));
    const result = env.formulon('if', values);
    checkSameType('if', values.slice(1));
    return result;
  }
  return isTrue(args[0].evaluate(env)) ? args[1].evaluate(env) : args[2].evaluate(env);
};

function caseMatches(env: Env, value: Literal, candidate: Literal): boolean {
  if (isNull(candidate)) return false;
  if (value.dataType === 'picklist') return String(value.value) === String(candidate.value);
  return isTrue(env.formulon('equal', [value, candidate]));
}

const caseFunction: FunctionBuilder = (args) => (env) => {
  if (env.check) {
    const values = args.map((a) => a.evaluate(env));
    const isResult = (i: number) => i > 0 && (i % 2 === 0 || i === values.length - 1);
    // formulon checks the count and the values to match against; it would refuse checkbox
    // results, which Salesforce allows, so results are checked here, among themselves.
    env.formulon('case', values.map((v, i) => (isResult(i) ? NULL : v)));
    const results = values.filter((_, i) => isResult(i));
    checkSameType('case', results);
    return results[0];
  }
  const value = args[0].evaluate(env);
  if (!isNull(value)) {
    for (let i = 1; i + 1 < args.length; i += 2) {
      if (caseMatches(env, value, args[i].evaluate(env))) return args[i + 1].evaluate(env);
    }
  }
  return args[args.length - 1].evaluate(env);
};

/** AND/OR with SQL's three values: a blank operand makes the result blank unless another decides it. */
function logical(fn: 'and' | 'or'): FunctionBuilder {
  const decisive = fn === 'or';
  return (args) => (env) => {
    if (env.check) return env.formulon(fn, args.map((a) => a.evaluate(env)));
    let blank = false;
    for (const a of args) {
      const v = a.evaluate(env);
      if (isNull(v)) blank = true;
      else if (isTrue(v) === decisive) return checkbox(decisive);
    }
    return blank ? NULL : checkbox(!decisive);
  };
}

/** Operators and NOT: blank in, blank out. */
function blankIsBlank(fn: string): FunctionBuilder {
  return (args) => (env) => {
    const values = args.map((a) => a.evaluate(env));
    if (values.some(isNull)) {
      if (env.check) env.formulon(fn, values);
      return NULL;
    }
    return env.formulon(fn, values);
  };
}

function recordField(fn: string, args: Arg[], objectName: string): FieldDef {
  exactly(fn, args, 1);
  const field = args[0].field;
  if (!field) {
    throw new FormulaError(`Incorrect parameter type for function '${fn.toUpperCase()}()'. Expected a field of ${objectName}`, 'type', fn);
  }
  return field;
}

const sameStored = (a: unknown, b: unknown) => (a === undefined || a === '' ? null : a) === (b === undefined || b === '' ? null : b);

const isChanged: FunctionBuilder = (args, objectName) => {
  const field = recordField('ischanged', args, objectName);
  return (env) => {
    if (env.check) return checkbox(true);
    const { row, prior, isNew } = env.ctx;
    if (isNew || !prior) return checkbox(false);
    return checkbox(!sameStored(row[field.name], prior[field.name]));
  };
};

const priorValue: FunctionBuilder = (args, objectName) => {
  const field = recordField('priorvalue', args, objectName);
  return (env) => {
    if (env.check) return args[0].evaluate(env);
    const { row, prior, isNew } = env.ctx;
    // On insert Salesforce gives the value being saved, not a blank.
    return fromStored(field, isNew || !prior ? row[field.name] : prior[field.name]);
  };
};

const isNew: FunctionBuilder = (args) => {
  exactly('isnew', args, 0);
  return (env) => checkbox(env.check ? true : env.ctx.isNew);
};

const today: FunctionBuilder = (args) => {
  exactly('today', args, 0);
  return (env) => {
    if (env.check) return date(new Date(Date.UTC(2000, 0, 1)));
    return date(calendarDayIn(env.ctx.now, env.ctx.timeZone));
  };
};

const now: FunctionBuilder = (args) => {
  exactly('now', args, 0);
  return (env) => datetime(env.check ? new Date(Date.UTC(2000, 0, 1)) : new Date(env.ctx.now.getTime()));
};

function textArgument(fn: string, value: Literal): void {
  if (!isNull(value) && value.dataType !== 'text') throw wrongType(fn, 'Text', value);
}

/** A pattern written in the formula is checked once, at compile time: a broken one is a syntax error there. */
function compileConstantRegex(pattern: string): RegExp {
  try {
    return compileJavaRegex(pattern);
  } catch (err) {
    if (err instanceof FormulaError && err.kind === 'evaluation') throw new FormulaError(err.message, 'syntax', err.token);
    throw err;
  }
}

const regex: FunctionBuilder = (args) => {
  exactly('regex', args, 2);
  const constant = args[1].constant;
  if (constant) textArgument('regex', constant);
  const fixed = constant && !isNull(constant) ? compileConstantRegex(String(constant.value)) : undefined;
  const cache = new Map<string, RegExp>();
  return (env) => {
    const subject = args[0].evaluate(env);
    const pattern = args[1].evaluate(env);
    textArgument('regex', subject);
    textArgument('regex', pattern);
    if (env.check) return checkbox(true);
    if (isNull(pattern)) return NULL;
    let re = fixed;
    if (!re) {
      const source = String(pattern.value);
      re = cache.get(source) ?? compileJavaRegex(source);
      if (cache.size < 100) cache.set(source, re);
    }
    return checkbox(re.test(isNull(subject) ? '' : String(subject.value)));
  };
};

/** Java's number syntax, as Salesforce's ISNUMBER accepts it. */
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const isNumber: FunctionBuilder = (args) => {
  exactly('isnumber', args, 1);
  return (env) => {
    const value = args[0].evaluate(env);
    textArgument('isnumber', value);
    return checkbox(!isNull(value) && NUMBER_TEXT.test(String(value.value).trim()));
  };
};

const lastDayOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();

/** formulon keeps the day of month; Salesforce moves a month's last day to the last day of the new month, and keeps a datetime's time. */
const addMonths: FunctionBuilder = (args) => (env) => {
  const values = args.map((a) => a.evaluate(env));
  if (values.some(isNull)) return NULL;
  const result = env.formulon('addmonths', values);
  if (env.check || isNull(result)) return result;
  const start = values[0].value as Date;
  let day = result.value as Date;
  if (start.getUTCDate() === lastDayOfMonth(start)) day = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), lastDayOfMonth(day)));
  if (values[0].dataType !== 'datetime') return date(day);
  const timeOfDay = start.getTime() - Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  return datetime(new Date(day.getTime() + timeOfDay));
};

export const FUNCTIONS: Readonly<Record<string, FunctionBuilder>> = {
  // logical
  if: ifFunction,
  case: caseFunction,
  and: logical('and'),
  or: logical('or'),
  not: blankIsBlank('not'),
  isblank: passingBlanks('isblank'),
  isnull: passingBlanks('isnull'),
  blankvalue: passingBlanks('blankvalue'),
  nullvalue: passingBlanks('nullvalue'),
  isnumber: isNumber,
  ischanged: isChanged,
  priorvalue: priorValue,
  isnew: isNew,
  // operators
  add: propagating('add'),
  subtract: propagating('subtract'),
  multiply: propagating('multiply'),
  divide: propagating('divide'),
  exponentiate: propagating('exponentiate'),
  equal: blankIsBlank('equal'),
  unequal: blankIsBlank('unequal'),
  greaterThan: blankIsBlank('greaterThan'),
  greaterThanOrEqual: blankIsBlank('greaterThanOrEqual'),
  lessThan: blankIsBlank('lessThan'),
  lessThanOrEqual: blankIsBlank('lessThanOrEqual'),
  // math
  abs: propagating('abs'),
  ceiling: propagating('ceiling'),
  floor: propagating('floor'),
  exp: propagating('exp'),
  ln: propagating('ln'),
  log: propagating('log'),
  max: propagating('max'),
  min: propagating('min'),
  mod: propagating('mod'),
  round: propagating('round'),
  sqrt: propagating('sqrt'),
  mceiling: propagating('mceiling'),
  mfloor: propagating('mfloor'),
  // text
  begins: propagating('begins'),
  br: propagating('br', 'text'),
  casesafeid: propagating('casesafeid', 'text'),
  contains: propagating('contains'),
  find: propagating('find'),
  hyperlink: propagating('hyperlink', 'text'),
  includes: propagating('includes'),
  ispickval: propagating('ispickval'),
  left: propagating('left', 'text'),
  len: propagating('len'),
  lower: propagating('lower', 'text'),
  lpad: propagating('lpad', 'text'),
  mid: propagating('mid', 'text'),
  right: propagating('right', 'text'),
  rpad: propagating('rpad', 'text'),
  regex,
  substitute: propagating('substitute', 'text'),
  text: propagating('text', 'text'),
  trim: propagating('trim', 'text'),
  upper: propagating('upper', 'text'),
  value: propagating('value'),
  // dates
  addmonths: addMonths,
  date: propagating('date'),
  datevalue: propagating('datevalue'),
  datetimevalue: propagating('datetimevalue'),
  day: propagating('day'),
  month: propagating('month'),
  year: propagating('year'),
  weekday: propagating('weekday'),
  today,
  now,
};

/** Salesforce functions the local org does not evaluate: a formula using one is refused at compile time. */
export const UNSUPPORTED_FUNCTIONS = new Set([
  'vlookup',
  'getsessionid',
  'currencyrate',
  'distance',
  'geolocation',
  'image',
  'imageproxyurl',
  'getrecordids',
  'parentgroupval',
  'prevgroupval',
  'timenow',
  'timevalue',
  'hour',
  'minute',
  'second',
  'millisecond',
  'isclone',
  'urlfor',
  'linkto',
  'urlencode',
  'jsencode',
  'jsinhtmlencode',
  'htmlencode',
  'requirescript',
  'initcap',
  'reverse',
  'unixtimestamp',
  'fromunixtime',
  'isoweek',
  'isoyear',
  'dayofyear',
  'format',
  'formatduration',
  'predict',
]);
