import type { ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { UiDeps } from '../UiDeps.ts';

/**
 * May the user change this record (as the user read it through RecordService)? The object's Edit
 * permission and record access (sharing, role hierarchy, Modify All) through the service layer's
 * AccessPolicy, and not a converted lead (RecordService refuses those). Field-level edit access and
 * the layout's read-only items are the layout's `editable`; together they decide the pencils.
 */
export function recordEditable(deps: UiDeps, user: UserContext, object: ObjectDef, record: Record<string, unknown>): boolean {
  if (!object.updateable || record.IsConverted === true) return false;
  const owner = typeof record.OwnerId === 'string' ? record.OwnerId : null;
  return deps.org.records.access.canEditRecord(user, object, { Id: String(record.Id), OwnerId: owner });
}
