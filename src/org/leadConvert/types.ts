/** One lead to convert, as the SOAP LeadConvert type describes it. */
export interface LeadConvertRequest {
  leadId: string;
  /** A Lead.Status value (API name or label) marked converted. */
  convertedStatus: string;
  /** Merge into this existing account instead of creating one. */
  accountId?: string;
  /** Merge into this existing contact (requires accountId, and the contact must belong to it). */
  contactId?: string;
  /** Relate this existing opportunity (of the target account) instead of creating one. */
  opportunityId?: string;
  doNotCreateOpportunity?: boolean;
  /** Defaults to the company name, as Salesforce names the new opportunity. */
  opportunityName?: string;
  /**
   * Owner of the new account, contact and opportunity; defaults to the lead's owner, or to the
   * converting user when a queue owns the lead (accounts and contacts cannot be queue-owned).
   */
  ownerId?: string;
  /** Replace the LeadSource of the existing contact (contactId) with the lead's. */
  overwriteLeadSource?: boolean;
  /** Accepted for compatibility; the local org sends no email. */
  sendNotificationEmail?: boolean;
}

export interface LeadConvertError {
  statusCode: string;
  message: string;
  fields: string[];
}

/**
 * The outcome of one conversion. On failure every id is null, as a failed SaveResult's id is:
 * results are positional, so the caller matches them to its requests by index.
 */
export interface LeadConvertResult {
  leadId: string | null;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: LeadConvertError[];
}

/**
 * A custom field mapping from the org's LeadConvertSettings ("Map Lead Fields"). Structurally the
 * same as the entries of OrgDefinition.leadConvertMappings, so the composition root passes those
 * in unchanged.
 */
export interface LeadConvertMapping {
  leadField: string;
  targetObject: 'Account' | 'Contact' | 'Opportunity';
  targetField: string;
}
