import type { StoredRow, StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';
import type { UserContext } from './UserContext.ts';

export interface ObjectAccess {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface FieldAccess {
  read: boolean;
  edit: boolean;
}

/**
 * Who may see and change what. The service layer asks this for every call, from the API and
 * the UI alike, so the security model is enforced in one place. The local org runs with
 * security/SharingAccessPolicy (profiles, permission sets, sharing, the role hierarchy);
 * OpenAccessPolicy, where every user has every right, is system mode and a test double.
 */
export interface AccessPolicy {
  readonly name: string;
  objectAccess(user: UserContext, object: ObjectDef): ObjectAccess;
  fieldAccess(user: UserContext, object: ObjectDef, field: FieldDef): FieldAccess;
  /** SQL restricting `alias`'s rows to those the user can see; undefined for all rows. */
  rowFilter(user: UserContext, object: ObjectDef, alias: string): { sql: string; params: StoredValue[] } | undefined;
  canReadRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean;
  canEditRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean;
  canDeleteRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean;
  /**
   * May the user give the record to another owner? Full access (owner, above the owner, Modify
   * All) or a transfer permission; a policy without this method lets whoever may edit transfer.
   */
  canTransferRecord?(user: UserContext, object: ObjectDef, row: StoredRow): boolean;
  /** System permissions such as ConvertLeads, ViewAllData, ApiEnabled. */
  hasPermission(user: UserContext, permission: string): boolean;
  /**
   * Told after every committed write, so a policy that caches (group membership, role
   * hierarchy, permission set assignments) can drop what the write made stale.
   */
  recordChanged?(object: ObjectDef): void;
}

const ALL: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };

export class OpenAccessPolicy implements AccessPolicy {
  readonly name = 'open (no security model loaded)';
  objectAccess(): ObjectAccess {
    return ALL;
  }
  fieldAccess(): FieldAccess {
    return { read: true, edit: true };
  }
  rowFilter(): undefined {
    return undefined;
  }
  canReadRecord(): boolean {
    return true;
  }
  canEditRecord(): boolean {
    return true;
  }
  canDeleteRecord(): boolean {
    return true;
  }
  hasPermission(): boolean {
    return true;
  }
}
