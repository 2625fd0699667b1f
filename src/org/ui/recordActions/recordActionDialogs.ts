import type { ObjectDef } from '../../schema/types.ts';
import type { UiDeps } from '../UiDeps.ts';
import { type Html, html } from '../render/html.ts';
import { namesOfIds } from '../records/referenceNames.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { changeOwnerDialog } from './changeOwnerDialog.ts';
import { convertLeadDialog } from './convertLeadDialog.ts';
import { canCreateOpportunity, type HeaderActions } from './headerActions.ts';

/** The client modules of the header actions (Convert, Change Owner, the "Show more actions" menu). */
export const RECORD_ACTION_SCRIPTS = ['/assets/golive/record/moreActions.js', '/assets/golive/record/convertLead.js', '/assets/golive/record/changeOwner.js'];

const USER_KEY_PREFIX = '005';

const actionUrl = (object: ObjectDef, id: string, action: string) =>
  `/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(id)}/${action}`;

/** The hidden dialogs of the actions the page offers, opened by their buttons. */
export function recordActionDialogs(deps: UiDeps, ui: UiRequestState, object: ObjectDef, record: Record<string, unknown>, allowed: HeaderActions): Html {
  const id = String(record.Id);
  return html`${allowed.convert ? convertDialogFor(deps, ui, object, record) : ''}${allowed.changeOwner ? changeOwnerDialog({ saveUrl: actionUrl(object, id, 'owner') }) : ''}`;
}

function convertDialogFor(deps: UiDeps, ui: UiRequestState, lead: ObjectDef, record: Record<string, unknown>): Html {
  const statuses = (lead.fieldsByLowerName.get('status')?.picklistValues ?? [])
    .filter((p) => p.active && p.attributes?.converted === true)
    .map((p) => ({ value: p.value, label: p.label ?? p.value }));
  return convertLeadDialog({
    convertUrl: actionUrl(lead, String(record.Id), 'convert'),
    company: String(record.Company ?? ''),
    firstName: String(record.FirstName ?? ''),
    lastName: String(record.LastName ?? ''),
    owner: defaultOwner(deps, ui, record),
    convertedStatuses: statuses,
    canCreateOpportunity: canCreateOpportunity(deps, ui.user.context),
  });
}

/**
 * Record Owner starts as the lead's owner when a user owns it, else (a queue) the converting
 * user, which is LeadConverter's own default; an owner the user cannot look up falls back too.
 */
function defaultOwner(deps: UiDeps, ui: UiRequestState, record: Record<string, unknown>): { id: string; name: string } {
  const ownerId = typeof record.OwnerId === 'string' ? record.OwnerId : '';
  if (ownerId.startsWith(USER_KEY_PREFIX)) {
    const owner = namesOfIds(deps, ui.user.context, [ownerId]).get(ownerId);
    if (owner) return { id: owner.id, name: owner.name };
  }
  return { id: ui.user.context.userId, name: ui.user.name };
}
