import { SalesforceError, isSalesforceError } from '../../errors/SalesforceError.ts';
import type { LeadConvertError, LeadConvertRequest, LeadConvertResult } from '../../leadConvert/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { UiDeps } from '../UiDeps.ts';
import { COMPLETE_THIS_FIELD, type FormFailure } from '../recordForms/formSave.ts';
import { namesOfIds } from '../records/referenceNames.ts';
import { recordViewUrl } from '../records/recordUrls.ts';

/**
 * What the Convert Lead dialog posts, checked as Lightning checks it in the browser (every shown
 * required field filled), then converted by the same LeadConverter the SOAP API's convertLead
 * uses, as the signed-in user. Lightning also lets the user rename the new account and contact;
 * LeadConverter names them from the lead, so a changed name is a RecordService.update of the new
 * record in the same transaction: if that update fails, the conversion is rolled back with it.
 */
export interface ConvertPost {
  accountMode: 'new' | 'existing';
  accountName: string;
  accountId: string;
  contactMode: 'new' | 'existing';
  contactFirstName: string;
  contactLastName: string;
  contactId: string;
  opportunityMode: 'new' | 'existing';
  opportunityName: string;
  opportunityId: string;
  doNotCreateOpportunity: boolean;
  ownerId: string;
  convertedStatus: string;
}

export interface ConvertedRecord {
  name: string;
  url: string;
}

export interface ConvertSuccess {
  account: ConvertedRecord;
  contact: ConvertedRecord;
  opportunity: ConvertedRecord | null;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const mode = (v: unknown): 'new' | 'existing' => (v === 'existing' ? 'existing' : 'new');

export function readConvertPost(body: unknown): ConvertPost {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return {
    accountMode: mode(b.accountMode),
    accountName: text(b.accountName),
    accountId: text(b.accountId),
    contactMode: mode(b.contactMode),
    contactFirstName: text(b.contactFirstName),
    contactLastName: text(b.contactLastName),
    contactId: text(b.contactId),
    opportunityMode: mode(b.opportunityMode),
    opportunityName: text(b.opportunityName),
    opportunityId: text(b.opportunityId),
    doNotCreateOpportunity: b.doNotCreateOpportunity === true,
    ownerId: text(b.ownerId),
    convertedStatus: text(b.convertedStatus),
  };
}

/** The shown required fields left empty: "Complete this field." under each, nothing converted. */
export function missingConvertFields(post: ConvertPost): FormFailure | undefined {
  const missing: string[] = [];
  if (post.accountMode === 'new' ? !post.accountName : !post.accountId) missing.push(post.accountMode === 'new' ? 'accountName' : 'accountId');
  if (post.contactMode === 'new' ? !post.contactLastName : !post.contactId) missing.push(post.contactMode === 'new' ? 'contactLastName' : 'contactId');
  if (!post.doNotCreateOpportunity && (post.opportunityMode === 'new' ? !post.opportunityName : !post.opportunityId)) {
    missing.push(post.opportunityMode === 'new' ? 'opportunityName' : 'opportunityId');
  }
  if (!post.ownerId) missing.push('ownerId');
  if (!post.convertedStatus) missing.push('convertedStatus');
  const failure: FormFailure = { pageErrors: [], fieldErrors: Object.fromEntries(missing.map((k) => [k, COMPLETE_THIS_FIELD])) };
  if (missing.length > 0) failure.pageErrors.push('Complete the required fields.');
  // LeadConverter's own rule (the contact must belong to the account), said in the dialog's terms.
  if (post.contactMode === 'existing' && post.accountMode === 'new') {
    failure.pageErrors.push('To choose an existing contact, choose the existing account it belongs to.');
    failure.fieldErrors.contactId = 'Choose the contact’s account in the Account section.';
  }
  if (!post.doNotCreateOpportunity && post.opportunityMode === 'existing' && post.accountMode === 'new') {
    failure.pageErrors.push('To choose an existing opportunity, choose the existing account it belongs to.');
    failure.fieldErrors.opportunityId = 'Choose the opportunity’s account in the Account section.';
  }
  return failure.pageErrors.length > 0 ? failure : undefined;
}

export function toConvertRequest(leadId: string, post: ConvertPost): LeadConvertRequest {
  const existingOpportunity = !post.doNotCreateOpportunity && post.opportunityMode === 'existing';
  return {
    leadId,
    convertedStatus: post.convertedStatus,
    accountId: post.accountMode === 'existing' ? post.accountId : undefined,
    contactId: post.contactMode === 'existing' ? post.contactId : undefined,
    opportunityId: existingOpportunity ? post.opportunityId : undefined,
    doNotCreateOpportunity: post.doNotCreateOpportunity,
    opportunityName: !post.doNotCreateOpportunity && !existingOpportunity ? post.opportunityName : undefined,
    ownerId: post.ownerId,
    // Accepted and ignored, as by the SOAP binding: the local org sends no email.
    sendNotificationEmail: false,
  };
}

/** A conversion the converter refused, carried out of the transaction so that it rolls back. */
class ConversionRefused extends Error {
  constructor(readonly errors: LeadConvertError[]) {
    super('conversion refused');
  }
}

/** The lead's values the new account and contact get by default (the dialog's prefill). */
export interface LeadNames {
  company: string;
  firstName: string;
  lastName: string;
}

/** Converts and renames in one transaction; the records' links on success, the dialog's errors otherwise. */
export function convertLead(deps: UiDeps, user: UserContext, leadId: string, lead: LeadNames, post: ConvertPost): ConvertSuccess | FormFailure {
  let result: LeadConvertResult;
  try {
    result = deps.org.records.inTransaction(() => {
      const converted = deps.org.leadConverter.convert(user, toConvertRequest(leadId, post));
      if (!converted.success) throw new ConversionRefused(converted.errors);
      renameNewRecords(deps, user, converted, lead, post);
      return converted;
    });
  } catch (err) {
    if (err instanceof ConversionRefused) return { pageErrors: err.errors.map((e) => e.message), fieldErrors: {} };
    if (isSalesforceError(err)) return { pageErrors: [err, ...err.also].map((e) => e.message), fieldErrors: {} };
    throw err;
  }
  return linksOf(deps, user, result, post);
}

function renameNewRecords(deps: UiDeps, user: UserContext, converted: LeadConvertResult, lead: LeadNames, post: ConvertPost): void {
  const update = (objectName: string, id: string | null, changes: Record<string, unknown>) => {
    const object = deps.org.records.findObject(user, objectName);
    if (!object || !id) throw new SalesforceError(400, 'INVALID_TYPE', `${objectName} is not available to rename`);
    deps.org.records.update(user, object, id, changes, { useAssignmentRules: false });
  };
  if (post.accountMode === 'new' && post.accountName !== lead.company) update('Account', converted.accountId, { Name: post.accountName });
  if (post.contactMode === 'new' && (post.contactFirstName !== lead.firstName || post.contactLastName !== lead.lastName)) {
    update('Contact', converted.contactId, { FirstName: post.contactFirstName || null, LastName: post.contactLastName });
  }
}

/**
 * Links to what the lead became, named as the user sees them. The new records may belong to an
 * owner whose records the user cannot see: then the link says what was typed (or the object).
 */
function linksOf(deps: UiDeps, user: UserContext, r: LeadConvertResult, post: ConvertPost): ConvertSuccess {
  const names = namesOfIds(deps, user, [r.accountId, r.contactId, r.opportunityId]);
  const link = (objectName: string, id: string, typed: string): ConvertedRecord => ({
    name: names.get(id)?.name ?? (typed || objectName),
    url: recordViewUrl(objectName, id),
  });
  const contactTyped = [post.contactFirstName, post.contactLastName].filter(Boolean).join(' ');
  return {
    account: link('Account', String(r.accountId), post.accountMode === 'new' ? post.accountName : ''),
    contact: link('Contact', String(r.contactId), post.contactMode === 'new' ? contactTyped : ''),
    opportunity: r.opportunityId ? link('Opportunity', r.opportunityId, post.opportunityMode === 'new' ? post.opportunityName : '') : null,
  };
}

export function isFormFailure(v: ConvertSuccess | FormFailure): v is FormFailure {
  return 'pageErrors' in v;
}
