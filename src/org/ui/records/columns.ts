import type { ApiRecord } from '../../service/recordShape.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import type { UiDeps } from '../UiDeps.ts';
import type { UiUser } from '../session/UiSessions.ts';

/** A column as declared by a list view or a search result definition. */
export interface ColumnSpec {
  /** The field whose label heads the column (and whose access decides whether it is shown). */
  field: string;
  /**
   * What is selected and shown, when not the field itself: a lookup shows its parent's name
   * (`Account.Name` for AccountId), as Lightning does.
   */
  path?: string;
  /** The record's name column links to the record; a lookup column links to the parent. */
  link?: 'record' | 'parent';
}

export interface Column {
  spec: ColumnSpec;
  field: FieldDef;
  /** The label, identical to the field's label on forms (see uiFieldLabel). */
  label: string;
  /** What SELECT and ORDER BY use. */
  path: string;
  /** The field whose value is displayed (the parent's Name for a lookup column). */
  displayField: FieldDef;
  sortable: boolean;
}

/**
 * The columns the user may see: a column whose field is hidden by field-level security, or whose
 * parent object the user cannot read, is left out (Lightning drops it the same way), which also
 * keeps the SOQL valid for that user.
 */
export function resolveColumns(deps: UiDeps, user: UiUser, object: ObjectDef, specs: readonly ColumnSpec[]): Column[] {
  const readable = new Set(deps.org.records.readableFields(user.context, object).map((f) => f.name));
  const columns: Column[] = [];
  for (const spec of specs) {
    const field = object.fieldsByLowerName.get(spec.field.toLowerCase());
    if (!field || !readable.has(field.name)) continue;
    let displayField = field;
    if (spec.path) {
      const parentField = parentDisplayField(deps, user, field, spec.path);
      if (!parentField) continue;
      displayField = parentField;
    }
    columns.push({ spec, field, label: uiFieldLabel(object, field), path: spec.path ?? field.name, displayField, sortable: field.sortable && displayField.sortable });
  }
  return columns;
}

/** The parent's field a lookup column displays (`Account.Name`), if the user can read it. */
function parentDisplayField(deps: UiDeps, user: UiUser, field: FieldDef, path: string): FieldDef | undefined {
  const [, parentFieldName] = path.split('.');
  // Polymorphic lookups (Owner, Who, What) show Name, which every possible parent has.
  if (field.referenceTo.length !== 1) return { ...field, name: parentFieldName, label: parentFieldName, type: 'string', sortable: true };
  const parent = deps.org.records.findObject(user.context, field.referenceTo[0]);
  if (!parent) return undefined;
  const f = parent.fieldsByLowerName.get(parentFieldName.toLowerCase());
  if (!f || !deps.org.records.readableFields(user.context, parent).some((r) => r.name === f.name)) return undefined;
  return f;
}

/** The SELECT list for a set of columns: Id, each column's path, and the ids behind parent links. */
export function selectList(columns: readonly Column[]): string {
  const names = new Set(['Id']);
  for (const c of columns) {
    names.add(c.path);
    if (c.spec.link === 'parent') names.add(c.field.name);
  }
  return [...names].join(', ');
}

/** A value from a query result by path (`Account.Name`). */
export function valueAt(record: ApiRecord, path: string): unknown {
  let current: unknown = record;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
