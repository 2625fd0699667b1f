import type { StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';

/**
 * What the running user may see, asked by the SOQL compiler for every object, field and table alias
 * it touches. The security model plugs in here; until then everything is visible.
 */
export interface QueryAccess {
  /** Field visible to the running user? Invisible fields give INVALID_FIELD exactly like unknown ones. */
  canReadField(object: ObjectDef, field: FieldDef): boolean;
  /** False → INVALID_TYPE, as if the object did not exist. */
  canReadObject(object: ObjectDef): boolean;
  /**
   * Extra SQL condition restricting rows to those the user can see, for a table alias (columns are
   * `alias."Field"`); undefined = all rows. Applied to the queried object, to every parent joined
   * for a relationship field (an invisible parent reads as null) and to subqueries.
   */
  rowFilter(object: ObjectDef, alias: string): { sql: string; params: StoredValue[] } | undefined;
}

export const allowAllAccess: QueryAccess = {
  canReadField: () => true,
  canReadObject: () => true,
  rowFilter: () => undefined,
};
