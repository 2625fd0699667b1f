import type { FieldDef, ObjectDef } from '../schema/types.ts';
import type { FieldAccess, ObjectAccess } from '../service/AccessPolicy.ts';
import type { ProfileDefaults } from './builtInProfiles.ts';
import { NO_OBJECT_ACCESS, type ObjectGrant, type PermissionGrants, unionObjectGrants as union } from './permissionGrants.ts';

/**
 * One user's effective permissions: the profile (its defaults with its metadata file laid over
 * them) plus the union of the permission sets assigned to the user. Answers the object, field and
 * system-permission questions; record access (sharing) is decided elsewhere.
 */

/**
 * Setup and reference objects: every internal user can read them (Salesforce has no object
 * permission for them), changing them takes the system permission given here.
 */
const PLATFORM_OBJECTS: Readonly<Record<string, string>> = {
  user: 'ManageUsers',
  userrole: 'ManageUsers',
  group: 'ManageUsers',
  groupmember: 'ManageUsers',
  queuesobject: 'ManageUsers',
  permissionset: 'ManageUsers',
  permissionsetassignment: 'ManageUsers',
  profile: 'ManageUsers',
  recordtype: 'CustomizeApplication',
  organization: 'CustomizeApplication',
  leadstatus: 'CustomizeApplication',
  opportunitystage: 'CustomizeApplication',
};

/** Activities have no object permissions in Salesforce: reading comes with the license, changing with these. */
const ACTIVITY_OBJECTS: Readonly<Record<string, string>> = { task: 'EditTask', event: 'EditEvent' };

/** Objects whose rows are everybody's: no sharing applies to them. */
export function isPlatformObject(object: ObjectDef): boolean {
  return object.name.toLowerCase() in PLATFORM_OBJECTS;
}

/**
 * Fields field-level security cannot hide: universally required fields and the standard fields
 * Setup offers no checkbox for (the same rule describe's `permissionable` follows).
 */
export function fieldSecurityFixed(field: FieldDef): boolean {
  return field.required || (!field.custom && (!field.nillable || field.name === 'Id'));
}

const EVERYTHING: ObjectAccess = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };

export class UserPermissions {
  private readonly objectCache = new Map<string, ObjectAccess>();

  constructor(
    private readonly profile: PermissionGrants,
    private readonly defaults: ProfileDefaults,
    private readonly permissionSets: PermissionGrants,
  ) {}

  /** A system permission (ApiEnabled, ConvertLeads …), by its API name, case-insensitively. */
  has(permission: string): boolean {
    const key = permission.toLowerCase();
    if (this.profile.user.get(key) === true || this.permissionSets.user.get(key) === true) return true;
    // Modify All Data cannot be switched on without View All Data.
    return key === 'viewalldata' && this.has('ModifyAllData');
  }

  objectAccess(object: ObjectDef): ObjectAccess {
    const key = object.name.toLowerCase();
    let access = this.objectCache.get(key);
    if (!access) {
      access = this.computeObjectAccess(object, key);
      this.objectCache.set(key, access);
    }
    return access;
  }

  private computeObjectAccess(object: ObjectDef, key: string): ObjectAccess {
    if (this.has('ModifyAllData')) return EVERYTHING;
    let grant: ObjectGrant;
    if (key in PLATFORM_OBJECTS) {
      const change = this.has(PLATFORM_OBJECTS[key]);
      grant = { read: true, create: change, edit: change, delete: change, viewAll: true, modifyAll: change };
    } else {
      const granted = this.profile.objects.get(key) ?? (object.custom ? this.defaults.customObjects : NO_OBJECT_ACCESS);
      grant = union(granted, this.permissionSets.objects.get(key) ?? NO_OBJECT_ACCESS);
      if (key in ACTIVITY_OBJECTS) {
        const change = this.has(ACTIVITY_OBJECTS[key]);
        grant = union(grant, { ...NO_OBJECT_ACCESS, read: true, create: change, edit: change, delete: change });
      }
    }
    if (this.has('ViewAllData')) grant = { ...grant, read: true, viewAll: true };
    return grant;
  }

  fieldAccess(object: ObjectDef, field: FieldDef): FieldAccess {
    const objectAccess = this.objectAccess(object);
    if (!objectAccess.read) return { read: false, edit: false };
    const canWrite = objectAccess.create || objectAccess.edit;
    if (fieldSecurityFixed(field)) return { read: true, edit: canWrite };
    const key = `${object.name}.${field.name}`.toLowerCase();
    const fromProfile = this.profile.fields.get(key) ?? (!field.custom || this.defaults.allFieldsByDefault ? { read: true, edit: true } : { read: false, edit: false });
    const fromSets = this.permissionSets.fields.get(key);
    const read = fromProfile.read || (fromSets?.read ?? false);
    const edit = fromProfile.edit || (fromSets?.edit ?? false);
    return { read, edit: read && edit && canWrite };
  }
}
