import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { StoredRow } from '../../persistence/OrgStore.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { UiDeps } from '../UiDeps.ts';

/**
 * Which header actions a record page offers, and which action posts the server accepts: one
 * rule for both, so a button the page hides is a post the server refuses. The layout's actions
 * (LayoutService: the layout lists them and the object permissions allow them, Convert also
 * needing "Convert Leads") are narrowed by the record itself, asked of the same AccessPolicy
 * RecordService and LeadConverter ask. Those services still decide every write.
 */
export interface HeaderActions {
  edit: boolean;
  delete: boolean;
  convert: boolean;
  changeOwner: boolean;
  /** A converted lead: shown read-only with the records it became. */
  converted: boolean;
}

type ApiRecord = Record<string, unknown>;

/** The access checks read Id and OwnerId, which an API record carries as the stored row does. */
const asRow = (record: ApiRecord): StoredRow => record as StoredRow;

export function isConvertedLead(object: ObjectDef, record: ApiRecord): boolean {
  return object.name === 'Lead' && record.IsConverted === true;
}

export function headerActions(deps: UiDeps, user: UserContext, object: ObjectDef, layout: PageLayout, record: ApiRecord): HeaderActions {
  const offered = new Set(layout.actions ?? []);
  const access = deps.org.records.access;
  const converted = isConvertedLead(object, record);
  // RecordService refuses every update of a converted lead, so nothing that edits is offered.
  const editable = !converted && access.canEditRecord(user, object, asRow(record));
  const transferable = editable && (access.canTransferRecord ? access.canTransferRecord(user, object, asRow(record)) : true);
  return {
    edit: offered.has('Edit') && !converted,
    delete: offered.has('Delete'),
    convert: offered.has('Convert') && editable && canCreateConversionRecords(deps, user),
    changeOwner: offered.has('ChangeOwnerOne') && object.fieldsByLowerName.has('ownerid') && transferable,
    converted,
  };
}

/**
 * LeadConverter needs Create and Edit on Account and Contact (and Opportunity unless none is
 * created): without the first two no conversion can succeed, so the button is not offered.
 */
function canCreateConversionRecords(deps: UiDeps, user: UserContext): boolean {
  return ['Account', 'Contact'].every((name) => {
    const object = deps.org.records.findObject(user, name);
    if (!object) return false;
    const rights = deps.org.records.access.objectAccess(user, object);
    return rights.create && rights.edit;
  });
}

/** Whether the user may create the opportunity a conversion makes (else only "Don't create" works). */
export function canCreateOpportunity(deps: UiDeps, user: UserContext): boolean {
  const object = deps.org.records.findObject(user, 'Opportunity');
  if (!object) return false;
  const rights = deps.org.records.access.objectAccess(user, object);
  return rights.create && rights.edit;
}
