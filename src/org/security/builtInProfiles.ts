import { emptyGrants, NO_OBJECT_ACCESS, type ObjectGrant, type PermissionGrants } from './permissionGrants.ts';

/**
 * What the standard profiles of an Enterprise Edition org grant before anyone edits them, for the
 * objects the local org has. A project rarely ships files for them (they cannot be created, and
 * retrieving one gives only what differs), so without these defaults a Standard User could do
 * nothing. A metadata file for a built-in profile is laid over its defaults entry by entry.
 *
 * Sources: Salesforce's "Standard Profiles" help page (what each profile is for) and the profiles
 * of a fresh Enterprise Edition org as the Setup UI shows them. Tasks and events have no object
 * permissions in a profile: the "Edit Tasks" / "Edit Events" system permissions stand for them.
 */

export interface ProfileDefaults {
  grants: PermissionGrants;
  /** Standard profiles get every custom object; a custom profile only what its file lists. */
  customObjects: ObjectGrant;
  /**
   * Custom fields readable and editable unless a fieldPermissions entry says otherwise. Only the
   * administrator's profile: a field deployed through the Metadata API is visible to no other
   * profile until one is given access to it.
   */
  allFieldsByDefault: boolean;
}

const CRED: ObjectGrant = { read: true, create: true, edit: true, delete: true, viewAll: false, modifyAll: false };
const READ: ObjectGrant = { ...NO_OBJECT_ACCESS, read: true };
const EVERYTHING: ObjectGrant = { read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true };

const SALES_OBJECTS = ['Lead', 'Account', 'Contact', 'Opportunity'];

function defaults(objects: ObjectGrant, userPermissions: string[], options: { allFields?: boolean } = {}): ProfileDefaults {
  const grants = emptyGrants();
  for (const o of SALES_OBJECTS) grants.objects.set(o.toLowerCase(), objects);
  for (const p of userPermissions) grants.user.set(p.toLowerCase(), true);
  return { grants, customObjects: objects, allFieldsByDefault: options.allFields ?? false };
}

/** What a Standard User may do that matters to the API: work records, convert leads, log activities. */
const STANDARD_USER_PERMISSIONS = ['ApiEnabled', 'ConvertLeads', 'EditTask', 'EditEvent'];

const BUILT_IN: Readonly<Record<string, () => ProfileDefaults>> = {
  'system administrator': () =>
    defaults(
      EVERYTHING,
      [
        ...STANDARD_USER_PERMISSIONS,
        'ViewAllData', 'ModifyAllData', 'ManageUsers', 'CustomizeApplication', 'ViewSetup', 'ImportLeads', 'TransferAnyLead',
      ],
      { allFields: true },
    ),
  'standard user': () => defaults(CRED, STANDARD_USER_PERMISSIONS),
  // The Standard User's rights plus campaigns (which the local org does not have) and lead import.
  'marketing user': () => defaults(CRED, [...STANDARD_USER_PERMISSIONS, 'ImportLeads']),
  'contract manager': () => defaults(CRED, STANDARD_USER_PERMISSIONS),
  'solution manager': () => defaults(CRED, STANDARD_USER_PERMISSIONS),
  // Views records and runs reports; changes nothing, not even its own tasks.
  'read only': () => defaults(READ, ['ApiEnabled']),
};

/** The defaults of a built-in profile by the name users see; undefined for a custom profile. */
export function builtInProfileDefaults(profileName: string): ProfileDefaults | undefined {
  return BUILT_IN[profileName.toLowerCase()]?.();
}

export const CUSTOM_PROFILE_DEFAULTS = (): ProfileDefaults => ({ grants: emptyGrants(), customObjects: NO_OBJECT_ACCESS, allFieldsByDefault: false });
