import type { StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef, OrgSchema } from '../../schema/types.ts';

/**
 * A field a matching rule compares: one of the object's own (`Email`) or, one lookup away, a
 * parent's (`Account.Name` on Contact, which cross-object rules map a lead's Company to).
 */
export interface FieldPath {
  /** As written in the metadata. */
  text: string;
  field: FieldDef;
  /** The lookup on the record and the object it points at, for a parent's field. */
  via?: { lookup: FieldDef; parent: ObjectDef };
}

export type LoadParent = (object: ObjectDef, id: string) => StoredRow | undefined;

export function resolveFieldPath(schema: OrgSchema, object: ObjectDef, text: string): FieldPath | string {
  const parts = text.trim().split('.');
  if (parts.length === 1) {
    const field = object.fieldsByLowerName.get(parts[0].toLowerCase());
    return field ? { text, field } : `the field ${object.name}.${text} does not exist`;
  }
  if (parts.length === 2) {
    const lookup = object.referencesByRelationship.get(parts[0].toLowerCase());
    const parent = lookup && lookup.referenceTo.length === 1 ? schema.object(lookup.referenceTo[0]) : undefined;
    const field = parent?.fieldsByLowerName.get(parts[1].toLowerCase());
    if (lookup && parent && field) return { text, field, via: { lookup, parent } };
  }
  return `the field ${object.name}.${text} does not exist (one relationship step at most, e.g. Account.Name)`;
}

export function readFieldPath(path: FieldPath, row: StoredRow, loadParent: LoadParent): StoredValue {
  if (!path.via) return row[path.field.name] ?? null;
  const id = row[path.via.lookup.name];
  if (id === null || id === undefined || id === '') return null;
  return loadParent(path.via.parent, String(id))?.[path.field.name] ?? null;
}
