import { SfErrors } from '../errors/SfErrors.ts';
import type { StoredValue } from '../persistence/OrgStore.ts';
import { quoteIdent } from '../persistence/SqliteOrgStore.ts';
import { defineField } from '../schema/defineObject.ts';
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import type { QueryAccess } from './access.ts';
import { categoryOf, type Category } from './literals.ts';
import type { QueryText, TextRange } from './queryText.ts';

/**
 * Name resolution for one FROM object (the outer query, a child subquery or a semi-join): field
 * paths such as `Account.Owner.Email` become SQL expressions over LEFT JOINs on the parents' ids.
 * A polymorphic lookup (OwnerId → User or Group) joins every possible target; ids are unique
 * across tables, so at most one of those joins matches a row and no key-prefix test is needed.
 */

/** SQL text with its `?` parameters in order. */
export interface Fragment {
  sql: string;
  params: StoredValue[];
}

/** Everything a compilation needs besides the AST. */
export interface CompileContext {
  schema: OrgSchema;
  access: QueryAccess;
  text: QueryText;
  now: Date;
  timeZone: string;
  includeDeleted: boolean;
  userId: string;
  /** A table alias unique in the whole statement (subqueries share the namespace). */
  nextAlias(prefix: string): string;
}

export interface Join {
  alias: string;
  object: ObjectDef;
  sql: string;
  params: StoredValue[];
  /** The join this one hangs off (multi-level paths); undefined when it hangs off the root. */
  parent?: Join;
  /** Needed by WHERE, ORDER BY or GROUP BY, so count and id-only statements must include it. */
  forFilter: boolean;
}

/** One object a path node may resolve to: the root, or one target of a (polymorphic) lookup. */
export interface Alt {
  object: ObjectDef;
  alias: string;
  join?: Join;
}

export interface PathNode {
  /** The relationship name as declared ('Owner'); '' for the root. */
  name: string;
  alts: Alt[];
  /** Reached through a lookup with several targets: Salesforce reports such parents as type 'Name'. */
  polymorphic: boolean;
  /** The lookup value pointing at this node (t0."OwnerId"); undefined for the root. */
  refExpr?: string;
  refJoins: Join[];
  /** The lookup's targets, for the synthetic Type field of polymorphic relationships. */
  targets: ObjectDef[];
  depth: number;
  parent?: PathNode;
  children: Map<string, PathNode>;
}

export interface ResolvedField {
  node: PathNode;
  /** Declared casing, the key in results. */
  name: string;
  /** The field on the first object that has it (all alternatives agree on type in practice). */
  field: FieldDef;
  /** Per node alternative: that object's field, if it has one. */
  perAlt: (FieldDef | undefined)[];
  category: Category;
  /** For WHERE, ORDER BY and GROUP BY. */
  expr: string;
  joins: Join[];
  /** Per node alternative: what to select for the result. */
  selectExprs: (string | undefined)[];
  /** The path as written in the query, for error pointers. */
  written: string;
}

/** Salesforce allows five levels of parent relationships in a path. */
const MAX_PARENT_DEPTH = 5;

const typeField = defineField({ name: 'Type', type: 'picklist', label: 'Type', createable: false, updateable: false });

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class Scope {
  readonly root: PathNode;
  readonly joins: Join[] = [];

  constructor(
    readonly ctx: CompileContext,
    readonly object: ObjectDef,
    readonly alias: string,
    readonly sobjectAlias: string | undefined,
    readonly range: TextRange,
  ) {
    this.root = {
      name: '',
      alts: [{ object, alias }],
      polymorphic: false,
      refJoins: [],
      targets: [object],
      depth: 0,
      children: new Map(),
    };
  }

  col(field: string): string {
    return `${this.alias}.${quoteIdent(field)}`;
  }

  /** Pointer at a path as written, searching after a clause keyword (WHERE, ORDER …) if given. */
  pointer(written: string, after?: string): string {
    return this.ctx.text.pointAt(written, this.range, after);
  }

  /** Splits a written path, dropping the FROM alias (`l.Name` for `FROM Lead l`). */
  split(written: string): string[] {
    const parts = written.split('.');
    if (parts.length > 1 && this.sobjectAlias && parts[0].toLowerCase() === this.sobjectAlias.toLowerCase()) parts.shift();
    return parts;
  }

  /** The node reached by following relationship names from the root. */
  node(relationships: string[], written: string): PathNode {
    let node = this.root;
    for (const rel of relationships) node = this.child(node, rel, written);
    return node;
  }

  private child(node: PathNode, relationship: string, written: string): PathNode {
    const key = relationship.toLowerCase();
    const known = node.children.get(key);
    if (known) return known;
    const { schema, access } = this.ctx;
    const alts: Alt[] = [];
    const refCols: string[] = [];
    const refJoins: Join[] = [];
    const targets: ObjectDef[] = [];
    let declared: string | undefined;
    let polymorphic = false;
    for (const alt of node.alts) {
      const ref = alt.object.referencesByRelationship.get(key);
      if (!ref || !access.canReadField(alt.object, ref)) continue;
      declared ??= ref.relationshipName ?? relationship;
      if (ref.referenceTo.length > 1) polymorphic = true;
      const refCol = `${alt.alias}.${quoteIdent(ref.name)}`;
      refCols.push(refCol);
      if (alt.join) refJoins.push(alt.join);
      for (const target of ref.referenceTo) {
        const object = schema.object(target);
        if (!object || !access.canReadObject(object)) continue;
        if (!targets.includes(object)) targets.push(object);
        const alias = this.ctx.nextAlias('j');
        const filter = access.rowFilter(object, alias);
        const join: Join = {
          alias,
          object,
          sql: `LEFT JOIN ${quoteIdent(object.name)} AS ${alias} ON ${alias}."Id" = ${refCol}${filter ? ` AND (${filter.sql})` : ''}`,
          params: filter?.params ?? [],
          parent: alt.join,
          forFilter: false,
        };
        this.joins.push(join);
        alts.push({ object, alias, join });
      }
    }
    if (!declared || alts.length === 0) throw SfErrors.soqlUnknownRelationship(relationship, this.pointer(written));
    if (node.depth + 1 > MAX_PARENT_DEPTH) {
      throw SfErrors.malformedQuery(
        `${this.pointer(written)}SOQL statements cannot query more than ${MAX_PARENT_DEPTH} levels of parent relationships: ${written}`,
      );
    }
    const child: PathNode = {
      name: declared,
      alts,
      polymorphic,
      refExpr: refCols.length === 1 ? refCols[0] : `COALESCE(${refCols.join(', ')})`,
      refJoins,
      targets,
      depth: node.depth + 1,
      parent: node,
      children: new Map(),
    };
    node.children.set(key, child);
    return child;
  }

  /** Resolves a written field path; unknown or invisible fields fail like Salesforce does. */
  field(written: string): ResolvedField {
    const parts = this.split(written);
    const name = parts[parts.length - 1];
    const node = this.node(parts.slice(0, -1), written);
    return this.fieldOn(node, name, written);
  }

  fieldOn(node: PathNode, name: string, written: string): ResolvedField {
    const lower = name.toLowerCase();
    // On a polymorphic relationship Type is the Name pseudo-object's field, even where one of the
    // targets has a Type field of its own (Group.Type).
    if (lower === 'type' && node.polymorphic && node.refExpr) return this.typeOf(node, written);
    const { access } = this.ctx;
    const perAlt = node.alts.map((alt) => {
      const f = alt.object.fieldsByLowerName.get(lower);
      return f && access.canReadField(alt.object, f) ? f : undefined;
    });
    const present = perAlt.findIndex((f) => f !== undefined);
    if (present < 0) {
      const entity = node.polymorphic ? 'Name' : node.alts[0].object.name;
      throw SfErrors.soqlNoSuchColumn(name, entity, this.pointer(written));
    }
    const field = perAlt[present] as FieldDef;
    const selectExprs = perAlt.map((f, i) => (f ? `${node.alts[i].alias}.${quoteIdent(f.name)}` : undefined));
    let expr: string;
    let joins: Join[];
    if (lower === 'id' && node.refExpr) {
      // Account.Id is AccountId: no join needed to filter or sort on it.
      expr = node.refExpr;
      joins = node.refJoins;
    } else {
      const used = selectExprs.filter((e): e is string => e !== undefined);
      expr = used.length === 1 ? used[0] : `COALESCE(${used.join(', ')})`;
      joins = node.alts.filter((_, i) => perAlt[i]).flatMap((a) => (a.join ? [a.join] : []));
    }
    return { node, name: field.name, field, perAlt, category: categoryOf(field), expr, joins, selectExprs, written };
  }

  /** `Owner.Type`: the object a polymorphic lookup points at, read from the id's key prefix. */
  private typeOf(node: PathNode, written: string): ResolvedField {
    // Only queues among groups own records, and Salesforce reports a queue owner as 'Queue'.
    const typeName = (o: ObjectDef) => (o.name === 'Group' ? 'Queue' : o.name);
    const cases = node.targets.map((o) => `WHEN ${sqlString(o.keyPrefix)} THEN ${sqlString(typeName(o))}`).join(' ');
    const expr = `CASE substr(${node.refExpr}, 1, 3) ${cases} END`;
    return {
      node,
      name: typeField.name,
      field: typeField,
      perAlt: node.alts.map(() => typeField),
      category: 'text',
      expr,
      joins: node.refJoins,
      selectExprs: node.alts.map(() => expr),
      written,
    };
  }

  /** Marks joins (and the joins they hang off) as needed by filtering or sorting. */
  useForFilter(joins: Join[]): void {
    for (const j of joins) {
      for (let k: Join | undefined = j; k && !k.forFilter; k = k.parent) k.forFilter = true;
    }
  }

  /** FROM with the joins: all of them, or only those filters and sorts need. */
  from(filterOnly: boolean): Fragment {
    const joins = filterOnly ? this.joins.filter((j) => j.forFilter) : this.joins;
    return {
      sql: [`${quoteIdent(this.object.name)} AS ${this.alias}`, ...joins.map((j) => j.sql)].join(' '),
      params: joins.flatMap((j) => j.params),
    };
  }

  /** The conditions every statement on this scope carries: recycle bin and row visibility. */
  baseConditions(includeDeleted: boolean): Fragment[] {
    const out: Fragment[] = [];
    if (!includeDeleted) out.push({ sql: `${this.col('IsDeleted')} = 0`, params: [] });
    const filter = this.ctx.access.rowFilter(this.object, this.alias);
    if (filter) out.push({ sql: `(${filter.sql})`, params: filter.params });
    return out;
  }
}
