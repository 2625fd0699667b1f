import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import { FormulaError } from './FormulaError.ts';
import type { FormulaType } from './types.ts';
import { fieldType } from './literals.ts';

/**
 * What a merge field in a formula refers to, resolved once at compile time against the schema
 * (case-insensitive, as Salesforce matches names):
 *
 * - `Phone`: a field of the record
 * - `Account.Owner.Name`: a path of lookups (relationship names) ending in a parent's field
 * - `$User.<field>`: the running user's User row; `$User.Profile.Name` follows lookups from it
 * - `$Profile.<field>`, `$UserRole.<field>`: the user's profile and role
 * - `$Permission.<CustomPermission>`: whether the user has that custom permission
 * - `$System.OriginDateTime`
 * - `$Record.<path>` (flow formulas): the record itself; `$Record__Prior.<path>`: as it was
 * - a variable named in the compile options (flow formulas), or a path from a record variable
 */

/** One lookup to follow: the reference field on the current object, and the object it points at. */
export interface Hop {
  field: FieldDef;
  target: ObjectDef;
}

/** Where a field path starts: the record, the record before the change, the running user, a record variable. */
export type PathBase = { from: 'record' } | { from: 'prior' } | { from: 'user' } | { from: 'variable'; name: string };

export type MergeField =
  | { kind: 'field'; canonical: string; base: PathBase; hops: Hop[]; field: FieldDef; type: FormulaType }
  | { kind: 'variable'; canonical: string; name: string; type: FormulaType }
  | { kind: 'profileName'; canonical: string; type: 'text' }
  | { kind: 'roleName'; canonical: string; type: 'text' }
  | { kind: 'permission'; canonical: string; name: string; type: 'boolean' }
  | { kind: 'originDateTime'; canonical: string; type: 'datetime' };

/** Globals Salesforce has that the local org does not provide. */
const UNSUPPORTED_GLOBALS = new Set([
  '$organization',
  '$setup',
  '$label',
  '$objecttype',
  '$recordtype',
  '$api',
  '$site',
  '$network',
  '$custommetadata',
  '$resource',
  '$action',
  '$component',
  '$currentpage',
  '$flow',
]);

const unknownField = (name: string) => new FormulaError(`Field ${name} does not exist. Check spelling.`, 'unknownField', name);

/** Follows `segments` (relationship names, then a field) from `object`. */
function resolvePath(schema: OrgSchema, object: ObjectDef, segments: string[], written: string): { hops: Hop[]; field: FieldDef; canonical: string[] } {
  const hops: Hop[] = [];
  const canonical: string[] = [];
  let current = object;
  for (let i = 0; i < segments.length - 1; i++) {
    const ref = current.referencesByRelationship.get(segments[i].toLowerCase());
    // A polymorphic lookup (Owner: a user or a queue) resolves against User when it can point
    // at one, as `Owner.Email` reads the owning user; a queue owner then reads as blank.
    const targetName = ref?.referenceTo.includes('User') ? 'User' : ref?.referenceTo[0];
    const target = targetName ? schema.object(targetName) : undefined;
    if (!ref || !target) throw unknownField(written);
    hops.push({ field: ref, target });
    canonical.push(ref.relationshipName ?? segments[i]);
    current = target;
  }
  const field = current.fieldsByLowerName.get(segments[segments.length - 1].toLowerCase());
  if (!field) throw unknownField(written);
  canonical.push(field.name);
  return { hops, field, canonical };
}

function systemObject(schema: OrgSchema, name: string, written: string): ObjectDef {
  const object = schema.object(name);
  if (!object) throw new FormulaError(`${written}: the local org has no ${name} object`, 'unsupported', written);
  return object;
}

export type Variables = Readonly<Record<string, FormulaType | { object: ObjectDef }>>;

function resolveVariable(name: string, segments: string[], schema: OrgSchema, variables: Variables): MergeField | undefined {
  const head = segments[0].toLowerCase();
  const declared = Object.keys(variables).find((v) => v.toLowerCase() === head);
  if (declared === undefined) return undefined;
  const spec = variables[declared];
  if (typeof spec === 'string') {
    if (segments.length > 1) throw unknownField(name);
    return { kind: 'variable', canonical: declared, name: declared, type: spec };
  }
  if (segments.length < 2) throw new FormulaError(`${name} is a record: name one of its fields (${name}.Name)`, 'type', name);
  const { hops, field, canonical } = resolvePath(schema, spec.object, segments.slice(1), name);
  return { kind: 'field', canonical: `${declared}.${canonical.join('.')}`, base: { from: 'variable', name: declared }, hops, field, type: fieldType(field) };
}

export function resolveMergeField(name: string, object: ObjectDef, schema: OrgSchema, variables: Variables = {}): MergeField {
  const segments = name.split('.');
  const head = segments[0].toLowerCase();
  const variable = resolveVariable(name, segments, schema, variables);
  if (variable) return variable;
  if (!head.startsWith('$')) {
    const { hops, field, canonical } = resolvePath(schema, object, segments, name);
    return { kind: 'field', canonical: canonical.join('.'), base: { from: 'record' }, hops, field, type: fieldType(field) };
  }
  const rest = segments.slice(1);
  if (rest.length === 0) throw unknownField(name);
  switch (head) {
    case '$record':
    case '$record__prior': {
      const { hops, field, canonical } = resolvePath(schema, object, rest, name);
      const prior = head === '$record__prior';
      return {
        kind: 'field',
        canonical: `${prior ? '$Record__Prior' : '$Record'}.${canonical.join('.')}`,
        base: { from: prior ? 'prior' : 'record' },
        hops,
        field,
        type: fieldType(field),
      };
    }
    case '$user': {
      const user = systemObject(schema, 'User', name);
      const { hops, field, canonical } = resolvePath(schema, user, rest, name);
      return { kind: 'field', canonical: `$User.${canonical.join('.')}`, base: { from: 'user' }, hops, field, type: fieldType(field) };
    }
    case '$profile':
    case '$userrole': {
      const isProfile = head === '$profile';
      const prefix = isProfile ? '$Profile' : '$UserRole';
      if (rest.length === 1 && rest[0].toLowerCase() === 'name') {
        return isProfile ? { kind: 'profileName', canonical: `${prefix}.Name`, type: 'text' } : { kind: 'roleName', canonical: `${prefix}.Name`, type: 'text' };
      }
      // Any other field: through the user's ProfileId / UserRoleId lookup.
      const user = systemObject(schema, 'User', name);
      const lookup = user.fieldsByLowerName.get(isProfile ? 'profileid' : 'userroleid');
      const relationship = lookup?.relationshipName;
      if (!relationship) throw new FormulaError(`${name}: the local org's User has no ${isProfile ? 'ProfileId' : 'UserRoleId'}`, 'unsupported', name);
      const { hops, field, canonical } = resolvePath(schema, user, [relationship, ...rest], name);
      return { kind: 'field', canonical: `${prefix}.${canonical.slice(1).join('.')}`, base: { from: 'user' }, hops, field, type: fieldType(field) };
    }
    case '$permission':
      if (rest.length !== 1) throw unknownField(name);
      return { kind: 'permission', canonical: `$Permission.${rest[0]}`, name: rest[0], type: 'boolean' };
    case '$system':
      if (rest.length === 1 && rest[0].toLowerCase() === 'origindatetime') {
        return { kind: 'originDateTime', canonical: '$System.OriginDateTime', type: 'datetime' };
      }
      throw unknownField(name);
    default:
      if (UNSUPPORTED_GLOBALS.has(head)) {
        throw new FormulaError(`The global variable ${segments[0]} (in ${name}) is not supported by the golive local org`, 'unsupported', name);
      }
      throw unknownField(name);
  }
}
