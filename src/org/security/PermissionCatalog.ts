import type { PermissionSetDef, ProfileDef } from '../metadata/types.ts';
import type { OrgStore } from '../persistence/OrgStore.ts';
import { builtInProfileDefaults, CUSTOM_PROFILE_DEFAULTS, type ProfileDefaults } from './builtInProfiles.ts';
import { emptyGrants, overlayGrants, parsePermissionContent, type PermissionGrants, unionGrants } from './permissionGrants.ts';
import { UserPermissions } from './UserPermissions.ts';

/**
 * The org's profiles and permission sets, parsed once from the metadata, and the step from a
 * user's rows (User.ProfileId, PermissionSetAssignment) to that user's effective permissions.
 * Rows are matched to metadata by name, so a permission set an administrator creates through the
 * API exists (it can be assigned) but grants nothing: its permissions live in metadata only.
 */
export class PermissionCatalog {
  private readonly profiles = new Map<string, { grants: PermissionGrants; defaults: ProfileDefaults }>();
  private readonly permissionSets = new Map<string, PermissionGrants>();

  constructor(definition: { profiles: readonly ProfileDef[]; permissionSets: readonly PermissionSetDef[] }) {
    for (const p of definition.profiles) {
      const defaults = (p.builtIn ? builtInProfileDefaults(p.name) : undefined) ?? CUSTOM_PROFILE_DEFAULTS();
      this.profiles.set(p.name.toLowerCase(), { grants: overlayGrants(defaults.grants, parsePermissionContent(p.permissions)), defaults });
    }
    for (const ps of definition.permissionSets) this.permissionSets.set(ps.name.toLowerCase(), parsePermissionContent(ps.permissions));
  }

  permissionsOf(profileName: string | undefined, permissionSetNames: readonly string[]): UserPermissions {
    const profile = profileName === undefined ? undefined : this.profiles.get(profileName.toLowerCase());
    const sets = permissionSetNames.flatMap((n) => this.permissionSets.get(n.toLowerCase()) ?? []);
    return new UserPermissions(profile?.grants ?? emptyGrants(), profile?.defaults ?? CUSTOM_PROFILE_DEFAULTS(), unionGrants(sets));
  }

  /** The user's permissions as the store has them now; a user that does not exist has none. */
  permissionsOfUser(store: OrgStore, userId: string): UserPermissions {
    const profile = store.selectOne(
      `SELECT p."Name" AS "Name" FROM "User" u JOIN "Profile" p ON p."Id" = u."ProfileId" WHERE u."Id" = ? AND u."IsDeleted" = 0`,
      [userId],
    );
    // The permission sets a profile owns stand for the profile itself, which User.ProfileId names.
    const sets = store.select(
      `SELECT ps."Name" AS "Name" FROM "PermissionSetAssignment" a JOIN "PermissionSet" ps ON ps."Id" = a."PermissionSetId"
       WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0 AND ps."IsDeleted" = 0 AND ps."IsOwnedByProfile" = 0`,
      [userId],
    );
    return this.permissionsOf(profile ? String(profile.Name) : undefined, sets.map((s) => String(s.Name)));
  }
}
