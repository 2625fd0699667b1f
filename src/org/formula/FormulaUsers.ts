import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';
import type { PermissionContent, PermissionSetDef, ProfileDef } from '../metadata/types.ts';
import type { FormulaUser } from './types.ts';

/**
 * The running user as formulas see it (`$User`, `$Profile.Name`, `$UserRole.Name`,
 * `$Permission.X`), built from the store, since a UserContext carries only ids. One entry per
 * user, reused while the User row's SystemModstamp is unchanged (a profile or role change
 * updates it); custom permissions are looked up when asked, because permission set
 * assignments change without touching the User row.
 */

export interface FormulaUsersDeps {
  store: OrgStore;
  /** The org's profiles and permission sets (OrgDefinition), whose `customPermissions` grant `$Permission`s. */
  profiles: readonly ProfileDef[];
  permissionSets: readonly PermissionSetDef[];
}

/** The enabled custom permissions a profile or permission set file lists. */
function grantedBy(content: PermissionContent): Set<string> {
  const raw = content.other.customPermissions;
  const entries = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const names = new Set<string>();
  for (const e of entries) {
    if (typeof e !== 'object' || e === null) continue;
    const { name, enabled } = e as { name?: unknown; enabled?: unknown };
    if (typeof name === 'string' && String(enabled).trim().toLowerCase() === 'true') names.add(name.trim().toLowerCase());
  }
  return names;
}

export class FormulaUsers {
  private readonly cache = new Map<string, { stamp: unknown; user: FormulaUser }>();
  private readonly byProfile = new Map<string, Set<string>>();
  private readonly byPermissionSet = new Map<string, Set<string>>();

  constructor(private readonly deps: FormulaUsersDeps) {
    for (const p of deps.profiles) this.byProfile.set(p.name.toLowerCase(), grantedBy(p.permissions));
    for (const ps of deps.permissionSets) this.byPermissionSet.set(ps.name.toLowerCase(), grantedBy(ps.permissions));
  }

  /** The user part of a FormulaContext; a deleted or unknown user reads as a blank row. */
  forUser(userId: string): FormulaUser {
    const { store } = this.deps;
    const userObject = store.schema.object('User');
    const userRow = (userObject && store.getById(userObject, userId)) || { Id: userId };
    const cached = this.cache.get(userId);
    if (cached && cached.stamp === userRow.SystemModstamp && userRow.SystemModstamp !== undefined) return cached.user;
    const user = this.build(userRow);
    this.cache.set(userId, { stamp: userRow.SystemModstamp, user });
    return user;
  }

  private nameOf(objectName: string, id: unknown): string | null {
    const object = this.deps.store.schema.object(objectName);
    if (!object || typeof id !== 'string' || id === '') return null;
    const name = this.deps.store.getById(object, id)?.Name;
    return name === null || name === undefined ? null : String(name);
  }

  private build(userRow: StoredRow): FormulaUser {
    const profileName = this.nameOf('Profile', userRow.ProfileId) ?? '';
    const roleName = this.nameOf('UserRole', userRow.UserRoleId);
    return {
      userRow,
      profileName,
      roleName,
      hasCustomPermission: (name) => this.grants(String(userRow.Id), profileName).has(name.trim().toLowerCase()),
    };
  }

  private grants(userId: string, profileName: string): Set<string> {
    const names = new Set(this.byProfile.get(profileName.toLowerCase()) ?? []);
    const assigned = this.deps.store.schema.object('PermissionSetAssignment')
      ? this.deps.store.select(
          `SELECT ps."Name" AS "Name" FROM "PermissionSetAssignment" a JOIN "PermissionSet" ps ON ps."Id" = a."PermissionSetId"
           WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0 AND ps."IsDeleted" = 0`,
          [userId],
        )
      : [];
    for (const row of assigned) for (const n of this.byPermissionSet.get(String(row.Name).toLowerCase()) ?? []) names.add(n);
    return names;
  }
}
