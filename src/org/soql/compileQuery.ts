import type {
  FieldFunctionExpression,
  FieldType,
  FieldTypeOf,
  FunctionExp,
  GroupByClause,
  LiteralType,
  OrderByClause,
  Query,
  Subquery,
} from '@jetstreamapp/soql-parser-js';
import { SfErrors } from '../errors/SfErrors.ts';
import { quoteIdent } from '../persistence/SqliteOrgStore.ts';
import { defineField } from '../schema/defineObject.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';
import { havingTree } from './conditionTree.ts';
import { and, comparison, compileTree, compileWhere, fieldOperand, type Operand } from './filters.ts';
import { collates, type Category } from './literals.ts';
import type { ParsedQuery } from './parseSoql.ts';
import { Scope, type CompileContext, type Fragment, type PathNode, type ResolvedField } from './scope.ts';

/**
 * Turns a parsed SOQL query into a plan: the SQL pieces to run and how to shape rows into
 * Salesforce records. Three kinds of query: records (with parent fields and child subqueries),
 * COUNT(), and aggregates (GROUP BY / aggregate functions).
 */

/** Selected expressions, deduplicated, each under a short column alias. */
export class Columns {
  private readonly byExpr = new Map<string, string>();

  add(expr: string): string {
    let col = this.byExpr.get(expr);
    if (!col) {
      col = `c${this.byExpr.size}`;
      this.byExpr.set(expr, col);
    }
    return col;
  }

  get sql(): string {
    return [...this.byExpr].map(([expr, col]) => `${expr} AS ${col}`).join(', ');
  }
}

export interface FieldEntry {
  kind: 'field';
  key: string;
  /** Per alternative of the enclosing node: the column and the field it holds. */
  cols: ({ col: string; field: FieldDef } | undefined)[];
  /** TYPEOF: a field listed for some types only is absent, not null, for the others. */
  omitWhenAbsent: boolean;
}

export interface ParentEntry {
  kind: 'parent';
  key: string;
  shape: NodeShape;
}

export interface ChildrenEntry {
  kind: 'children';
  key: string;
  child: ChildPlan;
}

export type ShapeEntry = FieldEntry | ParentEntry | ChildrenEntry;

/** How to build one (possibly nested) record from a row. */
export interface NodeShape {
  /** The objects the record may be; the first whose id column is not null is the one. */
  alts: { object: ObjectDef; idCol: string }[];
  /** attributes.type when it is not the object's name ('Name' for polymorphic parents). */
  typeName?: string;
  entries: ShapeEntry[];
}

export interface RecordPlan {
  kind: 'records';
  scope: Scope;
  columns: Columns;
  idCol: string;
  /** The full WHERE condition, recycle bin and visibility included. */
  where: Fragment;
  /** '' or ' ORDER BY …'. */
  orderBy: string;
  limit?: number;
  offset?: number;
  shape: NodeShape;
  children: ChildPlan[];
}

export interface ChildPlan {
  /** The child relationship name as declared (Tasks). */
  key: string;
  /** The child's lookup column pointing at the parent. */
  parentCol: string;
  plan: RecordPlan;
}

export interface CountPlan {
  kind: 'count';
  scope: Scope;
  where: Fragment;
  limit?: number;
  offset?: number;
}

export interface AggregateColumn {
  key: string;
  col: string;
  /** count: integers; number: SUM/AVG; value: a field's own type (grouped fields, MIN, MAX). */
  kind: 'count' | 'number' | 'value';
  field: FieldDef;
}

export interface AggregatePlan {
  kind: 'aggregate';
  scope: Scope;
  select: string;
  columns: AggregateColumn[];
  where: Fragment;
  groupBy: string;
  having?: Fragment;
  orderBy: string;
  limit?: number;
  offset?: number;
}

export type QueryPlan = RecordPlan | CountPlan | AggregatePlan;

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const MAX_OFFSET = 2000;
const FIELDS_LIMIT = 200;

const countField = defineField({ name: 'expr', type: 'int' });
const numberField = defineField({ name: 'expr', type: 'double' });

type SelectItem =
  | { kind: 'path'; written: string; alias?: string; quiet: boolean }
  | { kind: 'subquery'; subquery: Subquery }
  | { kind: 'typeof'; item: FieldTypeOf }
  | { kind: 'function'; fn: FieldFunctionExpression };

interface ValueLike {
  operator: string;
  value: string | string[];
  literalType?: LiteralType | LiteralType[];
  dateLiteralVariable?: number | number[];
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function isAggregateFn(f: FieldType): f is FieldFunctionExpression {
  return f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase());
}

function isCountAll(f: FieldType): boolean {
  return isAggregateFn(f) && f.functionName.toUpperCase() === 'COUNT' && (f.parameters ?? []).length === 0;
}

export function compileQuery(parsed: ParsedQuery, ctx: CompileContext): QueryPlan {
  const { ast: query, text } = parsed;
  const range = text.whole;
  const sobject = query.sObject ?? '';
  const object = ctx.schema.object(sobject);
  if (!object || !object.queryable || !ctx.access.canReadObject(object)) {
    throw SfErrors.soqlUnknownObject(sobject, text.pointer(text.tokenAfter('from', range)));
  }
  if (query.offset !== undefined && query.offset > MAX_OFFSET) {
    throw SfErrors.soqlOffsetTooLarge(text.pointAt(String(query.offset), range, 'offset'));
  }
  if (query.withDataCategory) throw SfErrors.soqlUnsupported('WITH DATA CATEGORY', text.pointAt('with', range));
  // FOR VIEW / FOR REFERENCE / FOR UPDATE / UPDATE TRACKING|VIEWSTAT only have side effects we
  // do not emulate (recently-viewed lists, locks in Apex); WITH SECURITY_ENFORCED and USER_MODE
  // are met because invisible fields and objects already fail as unknown ones.
  const scope = new Scope(ctx, object, ctx.nextAlias('t'), query.sObjectAlias, range);
  const fields = query.fields ?? [];

  if (fields.some(isCountAll)) {
    if (fields.length > 1) throw SfErrors.malformedQuery(`${text.pointAt('count', range)}COUNT() may not be used with other fields`);
    if (query.groupBy) throw SfErrors.soqlUnsupported('COUNT() with GROUP BY', text.pointAt('group', range));
    return { kind: 'count', scope, where: filterOf(scope, query, true), limit: query.limit, offset: query.offset };
  }
  if (fields.some(isAggregateFn) || query.groupBy || query.having) return compileAggregate(scope, query);
  return compileRecords(scope, query, true);
}

/** The complete WHERE for a scope: recycle bin, row visibility, USING SCOPE and the query's own. */
function filterOf(scope: Scope, query: Query | Subquery, outer: boolean): Fragment {
  const { ctx } = scope;
  const parts = scope.baseConditions(ctx.includeDeleted);
  if (outer && (query as Query).usingScope) parts.push(usingScope(scope, (query as Query).usingScope as string));
  const where = compileWhere(query, scope, true);
  if (where) parts.push(where);
  return and(parts) ?? { sql: '1', params: [] };
}

function usingScope(scope: Scope, name: string): Fragment {
  const lower = name.toLowerCase();
  if (lower === 'everything') return { sql: '1', params: [] };
  if (lower === 'mine' && scope.object.fieldsByLowerName.has('ownerid')) return { sql: `${scope.col('OwnerId')} = ?`, params: [scope.ctx.userId] };
  throw SfErrors.soqlUnsupported(`USING SCOPE ${name}`, scope.ctx.text.pointAt(name, scope.range));
}

function writtenPath(f: FieldType): string {
  if (f.type === 'Field') return ('rawValue' in f && f.rawValue) || f.field;
  if (f.type === 'FieldRelationship') return f.rawValue ?? [...f.relationships, f.field].join('.');
  return '';
}

/** The select list with FIELDS(…) expanded to the object's visible fields. */
function selectItems(query: Query | Subquery, scope: Scope): SelectItem[] {
  const out: SelectItem[] = [];
  for (const f of query.fields ?? []) {
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      out.push({ kind: 'path', written: writtenPath(f), alias: 'alias' in f ? f.alias : undefined, quiet: false });
    } else if (f.type === 'FieldSubquery') {
      out.push({ kind: 'subquery', subquery: f.subquery });
    } else if (f.type === 'FieldTypeof') {
      out.push({ kind: 'typeof', item: f });
    } else if (f.functionName.toUpperCase() === 'FIELDS') {
      const which = String(f.parameters?.[0] ?? '').toUpperCase();
      if (which !== 'ALL' && which !== 'STANDARD' && which !== 'CUSTOM') {
        throw SfErrors.malformedQuery(`${scope.ctx.text.pointAt('fields', scope.range)}FIELDS(${which}) is not valid: use ALL, STANDARD or CUSTOM`);
      }
      if (which !== 'STANDARD' && (query.limit === undefined || query.limit > FIELDS_LIMIT)) {
        throw SfErrors.malformedQuery(`The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT}`);
      }
      for (const field of scope.object.fields) {
        if (which !== 'ALL' && field.custom !== (which === 'CUSTOM')) continue;
        if (!scope.ctx.access.canReadField(scope.object, field)) continue;
        out.push({ kind: 'path', written: field.name, quiet: true });
      }
    } else {
      out.push({ kind: 'function', fn: f });
    }
  }
  return out;
}

function compileRecords(scope: Scope, query: Query | Subquery, outer: boolean): RecordPlan {
  const { ctx } = scope;
  const columns = new Columns();
  const idCol = columns.add(scope.col('Id'));
  const shape: NodeShape = { alts: [{ object: scope.object, idCol }], entries: [] };
  const children: ChildPlan[] = [];
  for (const item of selectItems(query, scope)) {
    switch (item.kind) {
      case 'path': {
        if (item.alias) {
          throw SfErrors.malformedQuery(`${ctx.text.pointAt(item.alias, scope.range)}Only aggregate expressions use field aliasing`);
        }
        addField(shape, columns, scope.field(item.written), item.quiet);
        break;
      }
      case 'subquery': {
        const child = compileChild(scope, item.subquery);
        if (shape.entries.some((e) => e.key.toLowerCase() === child.key.toLowerCase())) {
          throw SfErrors.malformedQuery(`duplicate field selected: ${child.key}`);
        }
        children.push(child);
        shape.entries.push({ kind: 'children', key: child.key, child });
        break;
      }
      case 'typeof':
        addTypeof(shape, columns, scope, item.item);
        break;
      case 'function': {
        const name = item.fn.functionName.toUpperCase();
        throw SfErrors.soqlUnsupported(`${name}() in a SELECT list`, ctx.text.pointAt(item.fn.functionName, scope.range));
      }
    }
  }
  const where = filterOf(scope, query, outer);
  const orderBy = recordOrderBy(scope, query);
  return { kind: 'records', scope, columns, idCol, where, orderBy, limit: query.limit, offset: query.offset, shape, children };
}

function nodeChain(node: PathNode): PathNode[] {
  const chain: PathNode[] = [];
  for (let n: PathNode | undefined = node; n && n.parent; n = n.parent) chain.unshift(n);
  return chain;
}

function parentShape(target: NodeShape, node: PathNode, columns: Columns, typeName: string | undefined): NodeShape {
  const existing = target.entries.find((e): e is ParentEntry => e.kind === 'parent' && e.key === node.name);
  if (existing) return existing.shape;
  const shape: NodeShape = {
    alts: node.alts.map((a) => ({ object: a.object, idCol: columns.add(`${a.alias}."Id"`) })),
    typeName,
    entries: [],
  };
  target.entries.push({ kind: 'parent', key: node.name, shape });
  return shape;
}

function addField(root: NodeShape, columns: Columns, rf: ResolvedField, quiet: boolean): void {
  let target = root;
  for (const node of nodeChain(rf.node)) target = parentShape(target, node, columns, node.polymorphic ? 'Name' : undefined);
  if (target.entries.some((e) => e.kind === 'field' && e.key === rf.name)) {
    if (quiet) return;
    throw SfErrors.malformedQuery(`duplicate field selected: ${rf.written}`);
  }
  target.entries.push({
    kind: 'field',
    key: rf.name,
    cols: rf.selectExprs.map((e, i) => (e ? { col: columns.add(e), field: rf.perAlt[i] ?? rf.field } : undefined)),
    omitWhenAbsent: false,
  });
}

/** TYPEOF What WHEN Account THEN Name, Phone … ELSE Name END: per-type field lists. */
function addTypeof(root: NodeShape, columns: Columns, scope: Scope, item: FieldTypeOf): void {
  const { ctx } = scope;
  const node = scope.node([item.field], item.field);
  if (root.entries.some((e) => e.key === node.name)) throw SfErrors.malformedQuery(`duplicate field selected: ${item.field}`);
  // Salesforce names the actual type in attributes for TYPEOF, unlike plain polymorphic paths.
  const shape = parentShape(root, node, columns, undefined);
  const covered = new Set<number>();
  const add = (altIndex: number, name: string, required: boolean) => {
    if (name.includes('.')) throw SfErrors.soqlUnsupported(`A relationship path (${name}) inside TYPEOF`, ctx.text.pointAt(name, scope.range));
    const alt = node.alts[altIndex];
    const f = alt.object.fieldsByLowerName.get(name.toLowerCase());
    if (!f || !ctx.access.canReadField(alt.object, f)) {
      if (!required) return;
      throw SfErrors.soqlNoSuchColumn(name, alt.object.name, ctx.text.pointAt(name, scope.range, 'typeof'));
    }
    let entry = shape.entries.find((e): e is FieldEntry => e.kind === 'field' && e.key === f.name);
    if (!entry) {
      entry = { kind: 'field', key: f.name, cols: node.alts.map(() => undefined), omitWhenAbsent: true };
      shape.entries.push(entry);
    }
    entry.cols[altIndex] = { col: columns.add(`${alt.alias}.${quoteIdent(f.name)}`), field: f };
  };
  for (const cond of item.conditions) {
    if (cond.type === 'WHEN') {
      const type = cond.objectType ?? '';
      const index = node.alts.findIndex((a) => a.object.name.toLowerCase() === type.toLowerCase());
      if (index < 0) {
        throw SfErrors.malformedQuery(`${ctx.text.pointAt(type, scope.range, 'typeof')}TYPEOF ${item.field}: '${type}' is not an object ${node.name} can refer to`);
      }
      covered.add(index);
      for (const name of cond.fieldList) add(index, name, true);
    } else {
      node.alts.forEach((_, index) => {
        if (!covered.has(index)) for (const name of cond.fieldList) add(index, name, false);
      });
    }
  }
}

function compileChild(parent: Scope, sub: Subquery): ChildPlan {
  const { ctx } = parent;
  const relName = sub.relationshipName;
  const range = ctx.text.subquery(parent.range, relName);
  const fail = () => SfErrors.soqlUnknownChildRelationship(relName, ctx.text.pointer(ctx.text.tokenAfter('from', range)));
  const rel = parent.object.childRelationships.find((r) => r.relationshipName?.toLowerCase() === relName.toLowerCase());
  if (!rel?.relationshipName) throw fail();
  const child = ctx.schema.object(rel.childSObject);
  const lookup = child?.fieldsByLowerName.get(rel.field.toLowerCase());
  if (!child || !lookup || !ctx.access.canReadObject(child) || !ctx.access.canReadField(child, lookup)) throw fail();
  const fields = sub.fields ?? [];
  if (fields.some(isAggregateFn) || sub.groupBy || sub.having) {
    throw SfErrors.malformedQuery('Aggregate functions and GROUP BY are not allowed in a child relationship subquery');
  }
  if (sub.offset !== undefined && sub.offset > MAX_OFFSET) throw SfErrors.soqlOffsetTooLarge(ctx.text.pointAt(String(sub.offset), range, 'offset'));
  const scope = new Scope(ctx, child, ctx.nextAlias('c'), sub.sObjectAlias, range);
  const plan = compileRecords(scope, sub, false);
  return { key: rel.relationshipName, parentCol: scope.col(lookup.name), plan };
}

function orderTerm(expr: string, category: Category, order: string | undefined, nulls: string | undefined): string {
  const desc = order?.toUpperCase() === 'DESC';
  const coll = collates(category) ? ' COLLATE NOCASE' : '';
  // SQLite already sorts nulls first ascending and last descending, as Salesforce does; saying
  // so explicitly would only keep SQLite from walking an index.
  const wanted = nulls?.toUpperCase();
  const explicit = wanted && wanted !== (desc ? 'LAST' : 'FIRST') ? ` NULLS ${wanted}` : '';
  return `${expr}${coll}${desc ? ' DESC' : ''}${explicit}`;
}

function sortableField(scope: Scope, written: string): ResolvedField {
  const rf = scope.field(written);
  if (!rf.field.sortable) throw SfErrors.invalidField(`${scope.pointer(written, 'order')}field '${rf.name}' can not be sorted in a query call`);
  scope.useForFilter(rf.joins);
  return rf;
}

function recordOrderBy(scope: Scope, query: Query | Subquery): string {
  const terms = asList<OrderByClause>(query.orderBy).map((ob) => {
    if ('fn' in ob) {
      const name = (ob.fn.functionName ?? '').toUpperCase();
      if (AGGREGATES.has(name)) throw SfErrors.malformedQuery(`${scope.ctx.text.pointAt(name, scope.range, 'order')}Aggregate functions can only be used in ORDER BY of an aggregate query`);
      throw SfErrors.soqlUnsupported(`${name}() in ORDER BY`, scope.ctx.text.pointAt(name, scope.range, 'order'));
    }
    const rf = sortableField(scope, ob.field);
    return orderTerm(rf.expr, rf.category, ob.order, ob.nulls);
  });
  return terms.length ? ` ORDER BY ${terms.join(', ')}` : '';
}

interface Aggregate {
  sql: string;
  kind: AggregateColumn['kind'];
  field: FieldDef;
  category: Category;
  label: string;
}

function aggregate(scope: Scope, fn: FunctionExp): Aggregate {
  const { ctx } = scope;
  const name = (fn.functionName ?? '').toUpperCase();
  const raw = fn.rawValue ?? name;
  const pointer = ctx.text.pointAt(fn.functionName ?? name, scope.range);
  if (!AGGREGATES.has(name)) throw SfErrors.soqlUnsupported(`${name}()`, pointer);
  const params = fn.parameters ?? [];
  if (params.length === 0 && name === 'COUNT') throw SfErrors.malformedQuery(`${pointer}COUNT() may not be used with other fields or GROUP BY`);
  if (params.length !== 1 || typeof params[0] !== 'string') throw SfErrors.soqlUnsupported(`${raw}`, pointer);
  const rf = scope.field(params[0]);
  scope.useForFilter(rf.joins);
  const coll = collates(rf.category) ? ' COLLATE NOCASE' : '';
  const unsupported = () => SfErrors.malformedQuery(`${pointer}field ${rf.name} does not support aggregate operator ${name}`);
  switch (name) {
    case 'COUNT':
      return { sql: `count(${rf.expr})`, kind: 'count', field: countField, category: 'number', label: raw };
    case 'COUNT_DISTINCT':
      return { sql: `count(DISTINCT ${rf.expr}${coll})`, kind: 'count', field: countField, category: 'number', label: raw };
    case 'SUM':
    case 'AVG':
      if (rf.category !== 'number') throw unsupported();
      return { sql: `${name.toLowerCase()}(${rf.expr})`, kind: 'number', field: numberField, category: 'number', label: raw };
    default:
      if (rf.category === 'boolean' || rf.category === 'multi' || rf.field.type === 'textarea') throw unsupported();
      return { sql: `${name.toLowerCase()}(${rf.expr}${coll})`, kind: 'value', field: rf.field, category: rf.category, label: raw };
  }
}

function compileAggregate(scope: Scope, query: Query): AggregatePlan {
  const { ctx } = scope;
  const grouped = new Map<string, ResolvedField>();
  const groupTerms: string[] = [];
  for (const g of asList<GroupByClause>(query.groupBy)) {
    if ('fn' in g) {
      const name = (g.fn.functionName ?? '').toUpperCase();
      throw SfErrors.soqlUnsupported(`${name}() in GROUP BY`, ctx.text.pointAt(g.fn.functionName ?? name, scope.range, 'group'));
    }
    const rf = scope.field(g.field);
    if (!rf.field.groupable) throw SfErrors.invalidField(`${scope.pointer(g.field, 'group')}field '${rf.name}' can not be grouped in a query call`);
    scope.useForFilter(rf.joins);
    grouped.set(rf.expr, rf);
    groupTerms.push(`${rf.expr}${collates(rf.category) ? ' COLLATE NOCASE' : ''}`);
  }
  const groupedField = (written: string, message: (w: string) => Error): ResolvedField => {
    const rf = scope.field(written);
    if (!grouped.has(rf.expr)) throw message(written);
    return rf;
  };

  const columns: AggregateColumn[] = [];
  const select: string[] = [];
  const keys = new Set<string>();
  let unaliased = 0;
  for (const f of query.fields ?? []) {
    let key: string;
    let column: Omit<AggregateColumn, 'key' | 'col'>;
    let sql: string;
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const rf = groupedField(writtenPath(f), (w) => SfErrors.soqlNotGroupedOrAggregated(w));
      key = ('alias' in f && f.alias) || rf.name;
      column = { kind: 'value', field: rf.field };
      sql = rf.expr;
    } else if (isAggregateFn(f)) {
      const agg = aggregate(scope, f);
      key = f.alias ?? `expr${unaliased++}`;
      column = { kind: agg.kind, field: agg.field };
      sql = agg.sql;
    } else if (f.type === 'FieldSubquery') {
      throw SfErrors.malformedQuery('Aggregate queries can not select child relationship subqueries');
    } else {
      const other = f as FieldTypeOf | FieldFunctionExpression;
      const word = other.type === 'FieldTypeof' ? 'TYPEOF' : other.functionName;
      const what = other.type === 'FieldTypeof' ? 'TYPEOF' : `${word.toUpperCase()}()`;
      throw SfErrors.soqlUnsupported(`${what} in an aggregate query`, ctx.text.pointAt(word, scope.range));
    }
    if (keys.has(key.toLowerCase())) throw SfErrors.malformedQuery(`${ctx.text.pointAt(key, scope.range)}duplicate alias: ${key}`);
    keys.add(key.toLowerCase());
    const col = `a${columns.length}`;
    columns.push({ key, col, ...column });
    select.push(`${sql} AS ${col}`);
  }

  let having: Fragment | undefined;
  if (query.having) {
    const tree = havingTree(query.having, ctx.text, scope.range);
    having = compileTree(tree, (cond) => {
      let operand: Operand;
      if ('fn' in cond) {
        const agg = aggregate(scope, cond.fn);
        const word = cond.fn.functionName ?? agg.label;
        operand = { expr: agg.sql, field: agg.field, category: agg.category, label: agg.label, point: () => ctx.text.pointAt(word, scope.range, 'having') };
      } else {
        const written = (cond as { field: string }).field;
        groupedField(written, (w) => SfErrors.soqlNotGroupedOrAggregated(w));
        operand = fieldOperand(scope, written, 'having');
      }
      const c = cond as unknown as ValueLike;
      return comparison(operand, c.operator, c.value, c.literalType, c.dateLiteralVariable, ctx);
    });
  }

  const orderTerms = asList<OrderByClause>(query.orderBy).map((ob) => {
    if ('fn' in ob) {
      const agg = aggregate(scope, ob.fn);
      return orderTerm(agg.sql, agg.category, ob.order, ob.nulls);
    }
    const rf = groupedField(ob.field, (w) => SfErrors.malformedQuery(`Ordered field must be grouped or aggregated: ${w}`));
    return orderTerm(rf.expr, rf.category, ob.order, ob.nulls);
  });

  return {
    kind: 'aggregate',
    scope,
    select: select.join(', '),
    columns,
    where: filterOf(scope, query, true),
    groupBy: groupTerms.length ? ` GROUP BY ${groupTerms.join(', ')}` : '',
    having,
    orderBy: orderTerms.length ? ` ORDER BY ${orderTerms.join(', ')}` : '',
    limit: query.limit,
    offset: query.offset,
  };
}
