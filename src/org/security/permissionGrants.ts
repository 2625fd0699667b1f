import type { PermissionContent, RawPermission } from '../metadata/types.ts';

/**
 * What one profile or permission set grants, typed: object permissions, field-level security and
 * system (user) permissions, keyed by lower-cased API names. Salesforce's implications are applied
 * when an entry is read (Edit needs Read, Modify All needs everything …), so the merged grants of a
 * user never hold a combination the platform would refuse to save.
 */

export interface ObjectGrant {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface FieldGrant {
  read: boolean;
  edit: boolean;
}

export interface PermissionGrants {
  /** Lower-cased object name → grant. */
  objects: Map<string, ObjectGrant>;
  /** Lower-cased `Object.Field` → grant. */
  fields: Map<string, FieldGrant>;
  /** Lower-cased permission name → enabled. An explicit `false` is kept: it overrides a default. */
  user: Map<string, boolean>;
}

export const NO_OBJECT_ACCESS: ObjectGrant = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

export function emptyGrants(): PermissionGrants {
  return { objects: new Map(), fields: new Map(), user: new Map() };
}

// Values are XML text ("true"), but a hand-built definition may carry booleans.
function flag(entry: RawPermission, key: string): boolean {
  const v = entry[key];
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

function text(entry: RawPermission, key: string): string | undefined {
  const v = entry[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/**
 * The permissions an object grant implies, as the Setup UI enforces them when a box is ticked:
 * Modify All brings Read, Edit, Delete and View All, but not Create (a profile may modify every
 * record of an object without being allowed to create one), and Create brings only Read.
 */
export function impliedObjectGrant(g: ObjectGrant): ObjectGrant {
  const modifyAll = g.modifyAll;
  const viewAll = g.viewAll || modifyAll;
  const del = g.delete || modifyAll;
  const edit = g.edit || del;
  const create = g.create;
  return { read: g.read || edit || create || viewAll, create, edit, delete: del, viewAll, modifyAll };
}

export function parsePermissionContent(content: PermissionContent): PermissionGrants {
  const grants = emptyGrants();
  for (const entry of content.objectPermissions) {
    const object = text(entry, 'object');
    if (!object) continue;
    grants.objects.set(
      object.toLowerCase(),
      impliedObjectGrant({
        read: flag(entry, 'allowRead'),
        create: flag(entry, 'allowCreate'),
        edit: flag(entry, 'allowEdit'),
        delete: flag(entry, 'allowDelete'),
        viewAll: flag(entry, 'viewAllRecords'),
        modifyAll: flag(entry, 'modifyAllRecords'),
      }),
    );
  }
  for (const entry of content.fieldPermissions) {
    const field = text(entry, 'field');
    if (!field) continue;
    const edit = flag(entry, 'editable');
    grants.fields.set(field.toLowerCase(), { read: edit || flag(entry, 'readable'), edit });
  }
  for (const entry of content.userPermissions) {
    const name = text(entry, 'name');
    if (name) grants.user.set(name.toLowerCase(), flag(entry, 'enabled'));
  }
  return grants;
}

/** `over` replaces `base` entry by entry: a metadata file for a built-in profile over its defaults. */
export function overlayGrants(base: PermissionGrants, over: PermissionGrants): PermissionGrants {
  return {
    objects: new Map([...base.objects, ...over.objects]),
    fields: new Map([...base.fields, ...over.fields]),
    user: new Map([...base.user, ...over.user]),
  };
}

export const unionObjectGrants = (a: ObjectGrant, b: ObjectGrant): ObjectGrant => ({
  read: a.read || b.read,
  create: a.create || b.create,
  edit: a.edit || b.edit,
  delete: a.delete || b.delete,
  viewAll: a.viewAll || b.viewAll,
  modifyAll: a.modifyAll || b.modifyAll,
});

/**
 * What a user's permission sets add: every right any of them grants. Permission sets only add
 * (Salesforce has no deny), so an entry that grants nothing is dropped rather than kept as an
 * explicit "no" that could hide a field the profile shows.
 */
export function unionGrants(all: readonly PermissionGrants[]): PermissionGrants {
  const out = emptyGrants();
  for (const g of all) {
    for (const [k, v] of g.objects) out.objects.set(k, out.objects.has(k) ? unionObjectGrants(out.objects.get(k)!, v) : v);
    for (const [k, v] of g.fields) {
      if (!v.read) continue;
      const prior = out.fields.get(k);
      out.fields.set(k, prior ? { read: true, edit: prior.edit || v.edit } : v);
    }
    for (const [k, v] of g.user) if (v) out.user.set(k, true);
  }
  return out;
}
