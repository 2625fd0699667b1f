import type { FieldDef, ObjectDef, OrgSchema } from '../../schema/types.ts';
import type { FlowDataType, FlowType } from './flowModel.ts';
import { typeOfField } from './flowValues.ts';

/**
 * Flow references (`$Record.Account.Name`, `Get_Account.OwnerId`, `$Flow.CurrentDate`): their
 * syntax, and their static types, which the reader checks so a misspelt field refuses the flow
 * at start rather than failing a save later.
 */

/** One step past a record: a field, or a parent relationship (`Account`, `Owner:User`). */
export type PathStep = { kind: 'field'; field: FieldDef } | { kind: 'parent'; via: FieldDef; object: ObjectDef };

/** Global variables with fixed types. */
const FLOW_GLOBALS: Readonly<Record<string, FlowDataType>> = {
  currentdate: 'Date',
  currentdatetime: 'DateTime',
  interviewstarttime: 'DateTime',
  faultmessage: 'String',
  interviewguid: 'String',
};
const GLOBAL_CONSTANTS: Readonly<Record<string, FlowDataType>> = { true: 'Boolean', false: 'Boolean', emptystring: 'String' };

/** Globals that are a record of a setup object, read for the running user. */
export const RECORD_GLOBALS: Readonly<Record<string, string>> = {
  $user: 'User',
  $organization: 'Organization',
  $profile: 'Profile',
  $userrole: 'UserRole',
};

/** `{!ref}` merge fields in a text, in order. */
export function mergeFieldRefs(text: string): string[] {
  return [...text.matchAll(/\{!\s*([^}]+?)\s*\}/g)].map((m) => m[1]);
}

export function splitRef(ref: string): string[] {
  return ref.split('.').map((s) => s.trim());
}

/**
 * Walks the steps after a record: fields by API name, parents by relationship name (a
 * polymorphic lookup needs the `Owner:User` form, as in Flow Builder). Throws an Error naming
 * what is unknown.
 */
export function resolvePath(schema: OrgSchema, object: ObjectDef, segments: readonly string[], ref: string): PathStep[] {
  const steps: PathStep[] = [];
  let current = object;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const [relName, typeName] = segment.split(':');
    const field = typeName === undefined ? current.fieldsByLowerName.get(segment.toLowerCase()) : undefined;
    if (field && last) {
      steps.push({ kind: 'field', field });
      return;
    }
    const via = current.referencesByRelationship.get(relName.toLowerCase());
    if (!via) {
      throw new Error(
        field
          ? `${ref}: ${current.name}.${field.name} is not a relationship; use its relationship name to reach the parent's fields`
          : `${ref}: ${current.name} has no field or relationship named ${segment}`,
      );
    }
    let target: ObjectDef | undefined;
    if (typeName !== undefined) {
      target = via.referenceTo.some((r) => r.toLowerCase() === typeName.toLowerCase()) ? schema.object(typeName) : undefined;
      if (!target) throw new Error(`${ref}: ${current.name}.${via.name} cannot point at ${typeName}`);
    } else if (via.referenceTo.length === 1) {
      target = schema.object(via.referenceTo[0]);
    } else {
      throw new Error(`${ref}: ${current.name}.${relName} can point at ${via.referenceTo.join(' or ')}; write ${via.referenceTo.map((t) => `${relName}:${t}`).join(' or ')}`);
    }
    if (!target) throw new Error(`${ref}: the object ${via.referenceTo[0]} is not part of the org`);
    steps.push({ kind: 'parent', via, object: target });
    current = target;
  });
  return steps;
}

/** The type at the end of a path from a record of `object`. */
export function typeAfterPath(object: ObjectDef, steps: readonly PathStep[]): FlowType {
  const last = steps[steps.length - 1];
  if (!last) return { dataType: 'SObject', object, collection: false };
  return last.kind === 'field' ? typeOfField(last.field) : { dataType: 'SObject', object: last.object, collection: false };
}

export interface TypeScope {
  schema: OrgSchema;
  /** The triggering object ($Record). */
  object: ObjectDef;
  /** The type of a named resource or element output; undefined if there is none. */
  resource(name: string): FlowType | undefined;
}

/** The static type of a reference, or an Error whose message says why it cannot be resolved. */
export function typeOfReference(ref: string, scope: TypeScope): FlowType {
  const [root, ...rest] = splitRef(ref);
  const lower = root.toLowerCase();
  const scalar = (dataType: FlowDataType | undefined, what: string): FlowType => {
    if (!dataType || rest.length !== 1) throw new Error(`${ref} is not a ${what} the local org knows`);
    return { dataType, collection: false };
  };
  if (lower === '$record' || lower === '$record__prior') return typeAfterPath(scope.object, resolvePath(scope.schema, scope.object, rest, ref));
  if (lower === '$flow') return scalar(FLOW_GLOBALS[rest[0]?.toLowerCase() ?? ''], '$Flow variable');
  if (lower === '$globalconstant') return scalar(GLOBAL_CONSTANTS[rest[0]?.toLowerCase() ?? ''], 'global constant');
  if (lower === '$system') {
    if (rest.length === 1 && rest[0].toLowerCase() === 'origindatetime') return { dataType: 'DateTime', collection: false };
    throw new Error(`${ref} is not a $System variable the local org knows`);
  }
  if (RECORD_GLOBALS[lower]) {
    const object = scope.schema.object(RECORD_GLOBALS[lower]);
    if (!object || rest.length === 0) throw new Error(`${ref} needs a field, as in ${root}.Id`);
    return typeAfterPath(object, resolvePath(scope.schema, object, rest, ref));
  }
  if (root.startsWith('$')) throw new Error(`${root} global variables are not emulated by the local org`);
  const type = scope.resource(root);
  if (!type) throw new Error(`${ref} refers to ${root}, which is not a resource or element of this flow`);
  if (rest.length === 0) return type;
  if (type.dataType !== 'SObject' || !type.object || type.collection) throw new Error(`${ref}: ${root} is not a single record, so it has no fields`);
  return typeAfterPath(type.object, resolvePath(scope.schema, type.object, rest, ref));
}
