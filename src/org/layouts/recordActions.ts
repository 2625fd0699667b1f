import type { ObjectDef } from '../schema/types.ts';

/**
 * Record header actions: the standard buttons the local org can carry out, named as a layout's
 * platformActionList and excludeButtons name them. Quick actions, custom buttons and productivity
 * actions are not among them (their own metadata is reported as not emulated where it is defined).
 */

export const STANDARD_ACTIONS: ReadonlySet<string> = new Set(['Edit', 'Delete', 'Clone', 'ChangeOwnerOne', 'Convert']);

/** What a page shows when its layout lists no actions: Salesforce's standard buttons for the object. */
export function defaultActions(object: ObjectDef): string[] {
  if (object.name === 'Task' || object.name === 'Event') return ['Edit', 'Delete'];
  return [
    ...(object.name === 'Lead' ? ['Convert'] : []),
    'Edit',
    'Delete',
    'Clone',
    ...(object.fieldsByLowerName.has('ownerid') ? ['ChangeOwnerOne'] : []),
  ];
}

/** What the user may do with the object's records, by object permission (record access is the page's to check). */
export interface ActionRights {
  create: boolean;
  edit: boolean;
  delete: boolean;
  convertLeads: boolean;
}

/** The actions the user is allowed, in the layout's order. */
export function allowedActions(actions: readonly string[], rights: ActionRights): string[] {
  const allowed: Record<string, boolean> = {
    Edit: rights.edit,
    ChangeOwnerOne: rights.edit,
    Delete: rights.delete,
    Clone: rights.create,
    Convert: rights.convertLeads && rights.edit,
  };
  return actions.filter((a) => allowed[a] === true);
}
