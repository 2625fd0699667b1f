import type { OrgDefinition } from '../metadata/types.ts';
import type { OrgStore, StoredRow, StoredValue } from '../persistence/OrgStore.ts';
import { quoteIdent } from '../persistence/SqliteOrgStore.ts';
import type { FieldDef, ObjectDef } from '../schema/types.ts';
import type { AccessPolicy, FieldAccess, ObjectAccess } from '../service/AccessPolicy.ts';
import type { UserContext } from '../service/UserContext.ts';
import { PermissionCatalog } from './PermissionCatalog.ts';
import { type AccessLevel, type LevelAccess, RecordSharing, type SharingSetup } from './RecordSharing.ts';
import { SharingGraph } from './SharingGraph.ts';
import type { SharingRulesMetadata } from './sharingRulesMetadata.ts';
import type { UserPermissions } from './UserPermissions.ts';

/**
 * The local org's security model behind the AccessPolicy seam: profiles and permission sets for
 * object, field and system permissions (UserPermissions), sharing for records (RecordSharing).
 *
 * Caching: a user's permissions and compiled record access are kept until a setup object changes
 * (users, roles, groups, memberships, permission set assignments); then everything is dropped and
 * rebuilt on the next call. Ordinary record writes invalidate nothing: access is compiled from
 * owner sets and conditions, so a new owner or a changed field is seen by the next query as is.
 */

/** Writes to these change who belongs to what, or who holds which permissions. */
const SETUP_OBJECTS = new Set(['User', 'UserRole', 'Group', 'GroupMember', 'PermissionSetAssignment', 'PermissionSet', 'Profile', 'QueueSobject']);

const NO_ROWS = { sql: '0', params: [] as StoredValue[] };

interface UserAccess {
  permissions: UserPermissions;
  sharing: RecordSharing;
  fields: Map<string, FieldAccess>;
}

export interface SharingAccessPolicyDeps {
  store: OrgStore;
  definition: Pick<OrgDefinition, 'profiles' | 'permissionSets' | 'automation'>;
  /**
   * Whether a write transaction is open. Access computed while a transaction has changed setup
   * rows may be rolled back with it, so it is dropped once the transaction is over.
   */
  inTransaction?: () => boolean;
}

export class SharingAccessPolicy implements AccessPolicy {
  readonly name = 'profiles, permission sets and sharing';
  private readonly catalog: PermissionCatalog;
  private readonly rules: SharingRulesMetadata;
  private setup: SharingSetup | undefined;
  private readonly users = new Map<string, UserAccess>();
  /** A setup write happened inside a transaction that has not ended yet. */
  private uncommittedSetup = false;

  constructor(private readonly deps: SharingAccessPolicyDeps) {
    this.catalog = new PermissionCatalog(deps.definition);
    this.rules = (deps.definition.automation.sharingRules as SharingRulesMetadata | undefined) ?? new Map();
  }

  private forUser(userId: string): UserAccess {
    if (this.uncommittedSetup && !this.deps.inTransaction?.()) this.invalidate();
    let access = this.users.get(userId);
    if (!access) {
      this.setup ??= {
        schema: this.deps.store.schema,
        graph: SharingGraph.load(this.deps.store),
        rules: this.rules,
        criteria: new WeakMap(),
        countOwned: (object, ownerIds, cap) =>
          Number(
            this.deps.store.selectOne(
              `SELECT count(*) AS n FROM (SELECT 1 FROM ${quoteIdent(object.name)} WHERE "OwnerId" IN (SELECT value FROM json_each(?)) AND "IsDeleted" = 0 LIMIT ?)`,
              [JSON.stringify(ownerIds), cap],
            )?.n ?? 0,
          ),
      };
      const permissions = this.catalog.permissionsOfUser(this.deps.store, userId);
      access = { permissions, sharing: new RecordSharing(userId, permissions, this.setup), fields: new Map() };
      this.users.set(userId, access);
    }
    return access;
  }

  private invalidate(): void {
    this.users.clear();
    this.setup = undefined;
    this.uncommittedSetup = false;
  }

  recordChanged(object: ObjectDef): void {
    if (!SETUP_OBJECTS.has(object.name)) return;
    this.invalidate();
    this.uncommittedSetup = this.deps.inTransaction?.() ?? false;
  }

  objectAccess(user: UserContext, object: ObjectDef): ObjectAccess {
    return this.forUser(user.userId).permissions.objectAccess(object);
  }

  fieldAccess(user: UserContext, object: ObjectDef, field: FieldDef): FieldAccess {
    const access = this.forUser(user.userId);
    const key = `${object.name}.${field.name}`;
    let fls = access.fields.get(key);
    if (!fls) {
      fls = access.permissions.fieldAccess(object, field);
      access.fields.set(key, fls);
    }
    return fls;
  }

  hasPermission(user: UserContext, permission: string): boolean {
    return this.forUser(user.userId).permissions.has(permission);
  }

  rowFilter(user: UserContext, object: ObjectDef, alias: string): { sql: string; params: StoredValue[] } | undefined {
    const { access } = this.forUser(user.userId).sharing.access(object, 'read');
    if (access === 'all') return undefined;
    if (access === 'none') return NO_ROWS;
    return { sql: access.sql(alias), params: [...access.params] };
  }

  canReadRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean {
    return this.allows(user, object, row, 'read');
  }

  canEditRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean {
    return this.objectAccess(user, object).edit && this.allows(user, object, row, 'edit');
  }

  /** Deleting takes the object's Delete permission and full access: owner, above the owner, queue member or Modify All. */
  canDeleteRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean {
    return this.objectAccess(user, object).delete && this.allows(user, object, row, 'full');
  }

  /**
   * Changing the owner takes full access, or edit access where the org-wide default is Public
   * Read/Write/Transfer, or edit access plus "Transfer Leads" / "Transfer Record".
   */
  canTransferRecord(user: UserContext, object: ObjectDef, row: StoredRow): boolean {
    if (!this.objectAccess(user, object).edit) return false;
    if (this.allows(user, object, row, 'full')) return true;
    const permissions = this.forUser(user.userId).permissions;
    const transfers =
      object.sharingModel === 'ReadWriteTransfer' || permissions.has('TransferAnyEntity') || (object.name === 'Lead' && permissions.has('TransferAnyLead'));
    return transfers && this.allows(user, object, row, 'edit');
  }

  private allows(user: UserContext, object: ObjectDef, row: StoredRow, level: AccessLevel): boolean {
    const found: LevelAccess = this.forUser(user.userId).sharing.access(object, level);
    if (found.access === 'all') return true;
    if (found.access === 'none') return false;
    if (typeof row.OwnerId === 'string' && found.owners.has(row.OwnerId)) return true;
    if (found.ownersOnly) return false;
    // The same condition queries use, on this one row: what a query shows, a retrieve finds.
    const sql = `SELECT 1 AS ok FROM ${quoteIdent(object.name)} AS r WHERE r."Id" = ? AND (${found.access.sql('r')})`;
    return this.deps.store.selectOne(sql, [String(row.Id), ...found.access.params]) !== undefined;
  }
}
