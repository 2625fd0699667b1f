import type { ConditionWithValueQuery, LiteralType, Query } from '@jetstreamapp/soql-parser-js';
import { SfErrors } from '../errors/SfErrors.ts';
import { toId18 } from '../ids/salesforceId.ts';
import { formatDateTime, parseDateTime } from '../schema/valueCodec.ts';
import type { FieldDef } from '../schema/types.ts';
import { whereTree, type BoolTree } from './conditionTree.ts';
import { dateLiteralRange } from './dateLiterals.ts';
import { collates, numberLiteral, soqlTypeName, unquote, type Category } from './literals.ts';
import { Scope, type CompileContext, type Fragment } from './scope.ts';

/**
 * WHERE and HAVING conditions as SQL. SOQL's logic is two-valued: `Name != 'x'` and
 * `Status NOT IN (…)` include records whose field is null, and NOT of a condition on a null
 * field is true. SQL's NULLs are handled so that holds: comparisons that may be NULL only ever
 * sit under AND/OR (where NULL acts as false) and every NOT is written `(…) IS NOT 1`.
 * Values are always parameters, so the SQL text depends on the query's shape only and the store's
 * statement cache stays small.
 */

/** Something compared: a field, or an aggregate in HAVING. */
export interface Operand {
  expr: string;
  field: FieldDef;
  category: Category;
  /** For messages: the field's name. */
  label: string;
  /** The error pointer at the operand as written. */
  point: () => string;
}

type Lit = { kind: 'null' } | { kind: 'value'; value: string | number } | { kind: 'range'; start: string; end: string };

const NUMBER_TYPES = new Set(['INTEGER', 'DECIMAL', 'INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function compileTree<C>(tree: BoolTree<C>, leaf: (c: C) => Fragment): Fragment {
  switch (tree.kind) {
    case 'cond':
      return leaf(tree.cond);
    case 'not': {
      const inner = compileTree(tree.item, leaf);
      return { sql: `(${inner.sql}) IS NOT 1`, params: inner.params };
    }
    default: {
      const parts = tree.items.map((t) => compileTree(t, leaf));
      return {
        sql: `(${parts.map((p) => p.sql).join(tree.kind === 'and' ? ' AND ' : ' OR ')})`,
        params: parts.flatMap((p) => p.params),
      };
    }
  }
}

export function and(parts: Fragment[]): Fragment | undefined {
  if (parts.length === 0) return undefined;
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

function isSemiJoin(c: ConditionWithValueQuery): boolean {
  return 'valueQuery' in c && c.valueQuery !== undefined;
}

function checkSemiJoinPlacement(tree: BoolTree<ConditionWithValueQuery>, underOr: boolean): void {
  if (tree.kind === 'cond') {
    if (underOr && isSemiJoin(tree.cond)) throw SfErrors.malformedQuery("Semi join sub-selects are not allowed with the 'OR' operator");
  } else if (tree.kind === 'not') {
    checkSemiJoinPlacement(tree.item, underOr);
  } else {
    for (const item of tree.items) checkSemiJoinPlacement(item, underOr || tree.kind === 'or');
  }
}

/** A query's WHERE clause. Semi-joins may not nest, nor sit under OR (as on Salesforce). */
export function compileWhere(query: Query | { where?: Query['where'] }, scope: Scope, allowSemiJoin: boolean): Fragment | undefined {
  if (!query.where) return undefined;
  const tree = whereTree(query.where, scope.ctx.text, scope.range);
  checkSemiJoinPlacement(tree, false);
  return compileTree(tree, (cond) => whereCondition(cond, scope, allowSemiJoin));
}

function whereCondition(cond: ConditionWithValueQuery, scope: Scope, allowSemiJoin: boolean): Fragment {
  if ('fn' in cond) {
    const name = (cond.fn.functionName ?? 'function').toUpperCase();
    throw SfErrors.soqlUnsupported(`${name}() in a WHERE clause`, scope.ctx.text.pointAt(name, scope.range, 'where'));
  }
  const operand = fieldOperand(scope, (cond as { field: string }).field, 'where');
  if (isSemiJoin(cond)) {
    if (!allowSemiJoin) throw SfErrors.malformedQuery('Nesting of semi join sub-selects is not supported');
    const sub = cond as { operator: string; valueQuery: Query };
    return semiJoin(operand, sub.operator, sub.valueQuery, scope);
  }
  const c = cond as { operator: string; value: string | string[]; literalType?: LiteralType | LiteralType[]; dateLiteralVariable?: number | number[] };
  return comparison(operand, c.operator, c.value, c.literalType, c.dateLiteralVariable, scope.ctx);
}

/** A field used in a filter: resolved, checked filterable, its joins kept in count statements. */
export function fieldOperand(scope: Scope, written: string, clause: 'where' | 'having'): Operand {
  const rf = scope.field(written);
  const point = () => scope.pointer(written, clause);
  if (!rf.field.filterable) throw SfErrors.invalidField(`${point()}field '${rf.name}' can not be filtered in a query call`);
  scope.useForFilter(rf.joins);
  const expr = rf.category === 'boolean' ? `coalesce(${rf.expr}, 0)` : rf.expr;
  return { expr, field: rf.field, category: rf.category, label: rf.name, point };
}

function typeError(operand: Operand): Error {
  const quoted = operand.category === 'text' || operand.category === 'id' || operand.category === 'multi';
  return SfErrors.soqlFilterValueType(operand.label, soqlTypeName(operand.field), quoted, operand.point());
}

function badOperator(operand: Operand, operator: string): Error {
  return SfErrors.invalidQueryFilterOperator(
    `${operand.point()}invalid operator on field '${operand.label}': ${operator} cannot be used with a field of type ${soqlTypeName(operand.field)}`,
  );
}

function literal(operand: Operand, raw: string, type: LiteralType | undefined, n: number | undefined, forLike: boolean, ctx: CompileContext): Lit {
  if (type === 'NULL') return { kind: 'null' };
  switch (operand.category) {
    case 'text':
    case 'multi': {
      if (type !== 'STRING') throw typeError(operand);
      const s = unquote(raw, forLike);
      return s === '' && !forLike ? { kind: 'null' } : { kind: 'value', value: s };
    }
    case 'id': {
      if (type !== 'STRING') throw typeError(operand);
      const s = unquote(raw, forLike);
      if (forLike) return { kind: 'value', value: s };
      if (s === '') return { kind: 'null' };
      const id = toId18(s);
      if (!id) throw SfErrors.soqlInvalidId(s);
      return { kind: 'value', value: id };
    }
    case 'number': {
      const value = type && NUMBER_TYPES.has(type) ? numberLiteral(raw) : undefined;
      if (value === undefined) throw typeError(operand);
      return { kind: 'value', value };
    }
    case 'boolean':
      if (type !== 'BOOLEAN') throw typeError(operand);
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' ? 1 : 0 };
    case 'date':
    case 'datetime': {
      if (type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL') {
        const name = raw.split(':')[0];
        const range = dateLiteralRange(name, n ?? 0, operand.category, ctx.now, ctx.timeZone);
        if (!range) throw SfErrors.soqlUnsupported(`The date literal ${name}`, ctx.text.pointAt(raw));
        return { kind: 'range', ...range };
      }
      if (operand.category === 'date' && type === 'DATE') {
        const d = parseDateTime(raw);
        if (!DATE_ONLY.test(raw) || !d || d.toISOString().slice(0, 10) !== raw) throw typeError(operand);
        return { kind: 'value', value: raw };
      }
      if (operand.category === 'datetime' && type === 'DATETIME') {
        const d = parseDateTime(raw);
        if (!d) throw typeError(operand);
        return { kind: 'value', value: formatDateTime(d) };
      }
      throw typeError(operand);
    }
  }
}

/** `;a;b;` containment, case-insensitively, of one picklist value in a stored multi-select. */
function hasValue(expr: string, value: string): Fragment {
  return { sql: `instr(';' || lower(coalesce(${expr}, '')) || ';', ?) > 0`, params: [`;${value.toLowerCase()};`] };
}

function multiValues(s: string): string[] {
  return [...new Set(s.split(';').map((v) => v.trim()).filter((v) => v !== ''))];
}

/** A multi-select equal to exactly this set of values (in any order). */
function multiEquals(expr: string, value: string): Fragment {
  const values = multiValues(value);
  const parts = values.map((v) => hasValue(expr, v));
  parts.push({ sql: `(length(${expr}) - length(replace(${expr}, ';', ''))) = ?`, params: [values.length - 1] });
  return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
}

function not(f: Fragment): Fragment {
  return { sql: `(${f.sql}) IS NOT 1`, params: f.params };
}

function or(parts: Fragment[]): Fragment {
  if (parts.length === 0) return { sql: '0', params: [] };
  if (parts.length === 1) return parts[0];
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

/** `operand <operator> value(s)` as SQL. */
export function comparison(
  operand: Operand,
  operatorRaw: string,
  value: string | string[] | undefined,
  literalType: LiteralType | LiteralType[] | undefined,
  dateVars: number | number[] | undefined,
  ctx: CompileContext,
): Fragment {
  let operator = operatorRaw.toUpperCase().replace(/\s+/g, ' ');
  if (operator === '<>') operator = '!=';
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const typeAt = (i: number) => (Array.isArray(literalType) ? literalType[i] : literalType);
  const nAt = (i: number) => (Array.isArray(dateVars) ? dateVars[i] : dateVars) ?? undefined;
  const forLike = operator === 'LIKE';
  const lits = values.map((v, i) => literal(operand, v, typeAt(i), nAt(i), forLike, ctx));
  const e = operand.expr;
  const coll = collates(operand.category) ? ' COLLATE NOCASE' : '';
  const { category } = operand;

  const equals = (lit: Lit): Fragment => {
    if (lit.kind === 'null') return { sql: `${e} IS NULL`, params: [] };
    if (lit.kind === 'range') return { sql: `(${e} >= ? AND ${e} < ?)`, params: [lit.start, lit.end] };
    if (category === 'multi') return multiEquals(e, String(lit.value));
    return { sql: `${e} = ?${coll}`, params: [lit.value] };
  };

  const inList = (items: Lit[]): Fragment => {
    const parts: Fragment[] = [];
    const plain = items.filter((l): l is Extract<Lit, { kind: 'value' }> => l.kind === 'value');
    if (category === 'multi') {
      for (const l of plain) parts.push(multiEquals(e, String(l.value)));
    } else if (plain.length === 1) {
      parts.push(equals(plain[0]));
    } else if (plain.length > 1) {
      // One parameter whatever the list length keeps the SQL text (and its prepared statement) stable.
      parts.push({ sql: `${e}${coll} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(plain.map((l) => l.value))] });
    }
    for (const l of items) if (l.kind !== 'value') parts.push(equals(l));
    return or(parts);
  };

  switch (operator) {
    case '=':
      return equals(single(lits, operand));
    case '!=': {
      const lit = single(lits, operand);
      if (lit.kind === 'null') return { sql: `${e} IS NOT NULL`, params: [] };
      if (lit.kind === 'range') return { sql: `(${e} IS NULL OR ${e} < ? OR ${e} >= ?)`, params: [lit.start, lit.end] };
      if (category === 'multi') return not(multiEquals(e, String(lit.value)));
      return { sql: `(${e} IS NULL OR ${e} <> ?${coll})`, params: [lit.value] };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (category === 'boolean' || category === 'multi') throw badOperator(operand, operator);
      const lit = single(lits, operand);
      // Nothing is ordered against null.
      if (lit.kind === 'null') return { sql: '0', params: [] };
      if (lit.kind === 'range') {
        const bound = operator === '<' || operator === '>=' ? lit.start : lit.end;
        const op = operator === '<' || operator === '<=' ? '<' : '>=';
        return { sql: `${e} ${op} ?`, params: [bound] };
      }
      return { sql: `${e} ${operator} ?${coll}`, params: [lit.value] };
    }
    case 'LIKE': {
      if (category !== 'text' && category !== 'id') throw badOperator(operand, operator);
      const lit = single(lits, operand);
      if (lit.kind !== 'value') return { sql: '0', params: [] };
      return { sql: `${e} LIKE ? ESCAPE '\\'`, params: [lit.value] };
    }
    case 'IN':
      return inList(lits);
    case 'NOT IN':
      return not(inList(lits));
    case 'INCLUDES':
    case 'EXCLUDES': {
      if (category !== 'multi') {
        throw SfErrors.invalidQueryFilterOperator(
          `${operand.point()}includes or excludes operator only valid on multipicklist field`,
        );
      }
      const alternatives = lits
        .filter((l): l is Extract<Lit, { kind: 'value' }> => l.kind === 'value')
        .map((l) => {
          const parts = multiValues(String(l.value)).map((v) => hasValue(e, v));
          return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
        });
      const includes = or(alternatives);
      return operator === 'INCLUDES' ? includes : not(includes);
    }
    default:
      throw SfErrors.soqlUnexpectedToken(operatorRaw, ctx.text.pointAt(operatorRaw));
  }
}

function single(lits: Lit[], operand: Operand): Lit {
  if (lits.length !== 1) throw SfErrors.soqlUnexpectedToken('(', operand.point());
  return lits[0];
}

/**
 * `Id IN (SELECT WhoId FROM Task …)`. The subquery drops nulls, which would make SQL's IN answer
 * "unknown"; NOT IN is the two-valued negation of IN, so records whose own field is null stay in.
 */
function semiJoin(operand: Operand, operatorRaw: string, sub: Query, outer: Scope): Fragment {
  const { ctx } = outer;
  const operator = operatorRaw.toUpperCase().replace(/\s+/g, ' ');
  if (operator !== 'IN' && operator !== 'NOT IN') throw SfErrors.soqlUnexpectedToken('SELECT', ctx.text.pointAt('select', outer.range));
  if (operand.category !== 'id') {
    throw SfErrors.malformedQuery(
      `${operand.point()}Invalid semi join: the left operand must be an Id or a reference field, not '${operand.label}'`,
    );
  }
  const sobject = sub.sObject ?? '';
  const object = ctx.schema.object(sobject);
  const range = ctx.text.subquery(outer.range, sobject);
  if (!object || !ctx.access.canReadObject(object)) throw SfErrors.soqlUnknownObject(sobject, ctx.text.pointer(ctx.text.tokenAfter('from', range)));
  const fields = sub.fields ?? [];
  const only = fields[0];
  if (fields.length !== 1 || !only || (only.type !== 'Field' && only.type !== 'FieldRelationship')) {
    throw SfErrors.malformedQuery('The selected field in a semi join sub-select must be a single Id or reference field');
  }
  if (sub.orderBy || sub.limit !== undefined || sub.offset !== undefined || sub.groupBy || sub.having) {
    throw SfErrors.malformedQuery('Semi join sub-selects can not use ORDER BY, LIMIT, OFFSET, GROUP BY or HAVING');
  }
  const scope = new Scope(ctx, object, ctx.nextAlias('s'), sub.sObjectAlias, range);
  const written = only.type === 'Field' ? only.field : (only.rawValue ?? [...only.relationships, only.field].join('.'));
  const selected = scope.field(written);
  if (selected.category !== 'id') {
    throw SfErrors.malformedQuery(`${scope.pointer(written)}The selected field '${selected.name}' in a semi join sub-select must be an Id or reference field`);
  }
  scope.useForFilter(selected.joins);
  const where = compileWhere(sub, scope, false);
  const conditions = [...scope.baseConditions(false), ...(where ? [where] : []), { sql: `${selected.expr} IS NOT NULL`, params: [] }];
  const from = scope.from(true);
  const cond = and(conditions) as Fragment;
  const inner: Fragment = {
    sql: `${operand.expr} IN (SELECT ${selected.expr} FROM ${from.sql} WHERE ${cond.sql})`,
    params: [...from.params, ...cond.params],
  };
  return operator === 'IN' ? inner : not(inner);
}

