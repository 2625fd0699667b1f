import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import { toId18 } from '../../ids/salesforceId.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { objectNameOfId } from './objectOfId.ts';
import { soqlString } from './soqlLiteral.ts';

/** A lookup's target as a page shows it: the related record's name and object. */
export interface ReferenceName {
  id: string;
  objectName: string;
  name: string;
}

/**
 * The names of the records a record's lookups point at, read as the user through QueryService
 * (Lightning shows "Acme", never 001…). A target the user cannot see, or that has no name field,
 * is simply absent: the page then shows nothing rather than a raw id.
 */
export function referenceNames(deps: UiDeps, user: UserContext, fields: readonly FieldDef[], record: Record<string, unknown>): Map<string, ReferenceName> {
  return namesOfIds(
    deps,
    user,
    fields.filter((f) => f.type === 'reference').map((f) => record[f.name]),
  );
}

/** The names of records by id (any objects), as the user may see them. */
export function namesOfIds(deps: UiDeps, user: UserContext, values: readonly unknown[]): Map<string, ReferenceName> {
  const byObject = new Map<string, Set<string>>();
  for (const value of values) {
    const id = typeof value === 'string' ? toId18(value) : undefined;
    const objectName = id ? objectNameOfId(deps, id) : undefined;
    if (!id || !objectName) continue;
    if (!byObject.has(objectName)) byObject.set(objectName, new Set());
    byObject.get(objectName)!.add(id);
  }
  const names = new Map<string, ReferenceName>();
  for (const [objectName, ids] of byObject) {
    const object = deps.org.records.findObject(user, objectName);
    if (!object || !nameFieldReadable(deps, user, object)) continue;
    const soql = `SELECT Id, ${object.nameField} FROM ${object.name} WHERE Id IN (${[...ids].map(soqlString).join(', ')})`;
    try {
      const page = deps.org.query.query(user, soql, { includeDeleted: false, apiVersion: UI_API_VERSION });
      for (const row of page.records as Array<Record<string, unknown>>) {
        names.set(String(row.Id), { id: String(row.Id), objectName: object.name, name: String(row[object.nameField] ?? '') });
      }
    } catch {
      // A target object the query engine refuses for this user: its names stay unknown.
    }
  }
  return names;
}

function nameFieldReadable(deps: UiDeps, user: UserContext, object: ObjectDef): boolean {
  return deps.org.records.readableFields(user, object).some((f) => f.name === object.nameField);
}
