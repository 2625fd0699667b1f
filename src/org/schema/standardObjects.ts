import { defineObject, type FieldSpec, type ObjectSpec } from './defineObject.ts';
import type { ObjectDef } from './types.ts';
import { activityObjects } from './standard/activityObjects.ts';
import { salesObjects } from './standard/salesObjects.ts';
import { setupObjects } from './standard/setupObjects.ts';

/**
 * The standard objects a fresh local org has, with Salesforce's key prefixes, field names, types
 * and sizes. They are returned as specs rather than finished definitions so the metadata loader
 * can merge a project's overrides (sharing model, picklist values, help text …) before
 * defineObject builds them. Each call returns fresh objects: callers may change them.
 */
export interface StandardObjectSpec {
  object: ObjectSpec;
  fields: FieldSpec[];
}

export function standardObjects(): StandardObjectSpec[] {
  // Cloned so that a caller changing a picklist entry cannot change the shared value-set constants.
  return structuredClone([...setupObjects(), ...salesObjects(), ...activityObjects()]).map((s) => ({
    object: { ...s.object, custom: false },
    fields: s.fields.map((f) => ({ ...f, custom: false })),
  }));
}

/**
 * Builds an object from a spec. Objects without a name field (assignments, memberships) point
 * `nameField` at Id so callers always have a field to show, but describe must not flag Id as
 * the name field, so the flag is cleared here.
 */
export function buildObject(spec: StandardObjectSpec): ObjectDef {
  const object = defineObject(spec.object, spec.fields);
  const id = object.fieldsByLowerName.get('id');
  if (id) id.nameField = false;
  return object;
}

/** The standard objects as finished definitions, with no project metadata applied. */
export function standardObjectDefs(): ObjectDef[] {
  return standardObjects().map(buildObject);
}
