import { SalesforceError, isSalesforceError } from '../errors/SalesforceError.ts';
import { SfErrors } from '../errors/SfErrors.ts';
import { keyPrefixOf, toId18 } from '../ids/salesforceId.ts';
import type { OrgStore, StoredRow, StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef, PicklistValue } from '../schema/types.ts';
import { toApi } from '../schema/valueCodec.ts';
import type { RecordService } from '../service/RecordService.ts';
import type { SaveOptions } from '../service/SaveHooks.ts';
import type { UserContext } from '../service/UserContext.ts';
import { endOfFiscalQuarter, formatCalendarDate, todayIn } from './calendar.ts';
import { STANDARD_LEAD_MAPPING } from './standardMapping.ts';
import type { LeadConvertMapping, LeadConvertRequest, LeadConvertResult } from './types.ts';

export interface LeadConverterDeps {
  records: RecordService;
  store: OrgStore;
  /** The org's custom mappings (OrgDefinition.leadConvertMappings). */
  mappings: readonly LeadConvertMapping[];
}

type TargetObject = LeadConvertMapping['targetObject'];

/** What one conversion produced, before it is reported. */
interface Converted {
  leadId: string;
  accountId: string;
  contactId: string;
  opportunityId: string | null;
}

/** Lead conversion is not a reason to run lead assignment rules again. */
const CONVERT_SAVE: SaveOptions = { useAssignmentRules: false };

const USER_PREFIX = '005';
const GROUP_PREFIX = '00G';

const invalidCrossReference = (field: string) =>
  new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', field ? [field] : []);

const isBlank = (v: StoredValue | undefined) => v === null || v === undefined || v === '';

/** An optional string argument, with blank meaning absent (SOAP sends xsi:nil or empty elements). */
const given = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/**
 * Converts leads as Salesforce's convertLead does (SOAP API Developer Guide, "convertLead()"):
 * an account, a contact and optionally an opportunity from one lead, or the lead merged into
 * existing ones, then the lead marked converted. Transport-free: the SOAP binding and any future
 * REST or UI action call it the same way.
 *
 * Every record write goes through RecordService, so validation and automation run on the created
 * and merged records as they do on Salesforce, and one conversion is one transaction: whatever
 * fails (a validation on the contact, a mapping the opportunity rejects) leaves no account,
 * contact or opportunity behind and the lead unconverted.
 */
export class LeadConverter {
  private readonly customMappings: readonly LeadConvertMapping[];

  constructor(private readonly deps: LeadConverterDeps) {
    this.customMappings = [...deps.mappings];
  }

  /** Converts one lead; failures are reported in the result, not thrown. */
  convert(user: UserContext, request: LeadConvertRequest): LeadConvertResult {
    try {
      const done = this.deps.records.inTransaction(() => this.run(user, request));
      return { ...done, success: true, errors: [] };
    } catch (err) {
      if (!isSalesforceError(err)) throw err;
      return { leadId: null, accountId: null, contactId: null, opportunityId: null, success: false, errors: err.toSaveErrors() };
    }
  }

  /** Each lead in its own transaction (a savepoint inside a caller's): one failure stops no other. */
  convertMany(user: UserContext, requests: readonly LeadConvertRequest[]): LeadConvertResult[] {
    return requests.map((r) => this.convert(user, r));
  }

  private object(name: string): ObjectDef {
    const object = this.deps.store.schema.object(name);
    if (!object) throw SfErrors.notImplemented(`lead conversion without the ${name} object`);
    return object;
  }

  private run(user: UserContext, request: LeadConvertRequest): Converted {
    const [Lead, Account, Contact, Opportunity] = ['Lead', 'Account', 'Contact', 'Opportunity'].map((n) => this.object(n));
    const accountArg = given(request.accountId);
    const contactArg = given(request.contactId);
    const opportunityArg = given(request.opportunityId);
    const opportunityName = given(request.opportunityName);

    // Argument combinations first, so that a refused request writes nothing at all.
    if (contactArg && !accountArg) {
      throw new SalesforceError(400, 'INVALID_FIELD', 'contactId requires accountId: the contact must belong to the account the lead is converted into', ['contactId']);
    }
    if (opportunityArg && !accountArg) {
      throw new SalesforceError(400, 'INVALID_FIELD', 'opportunityId requires accountId: the opportunity must belong to the account the lead is converted into', ['opportunityId']);
    }
    if (request.doNotCreateOpportunity && (opportunityName || opportunityArg)) {
      throw new SalesforceError(400, 'INVALID_FIELD', 'opportunityName and opportunityId must be empty when doNotCreateOpportunity is true', [
        opportunityName ? 'opportunityName' : 'opportunityId',
      ]);
    }
    const createOpportunity = !request.doNotCreateOpportunity && !opportunityArg;
    this.checkPermissions(user, Lead, [Account, Contact, ...(createOpportunity ? [Opportunity] : [])]);

    const lead = this.existingRow(user, Lead, request.leadId, 'leadId');
    if (lead.IsConverted === 1) throw this.alreadyConverted(lead);
    if (!this.deps.records.access.canEditRecord(user, Lead, lead)) throw SfErrors.insufficientAccess();
    const status = this.convertedStatus(request.convertedStatus);
    const ownerId = this.ownerFor(user, lead, request.ownerId);
    const today = todayIn(this.deps.records.now(), this.timeZoneOf(user));

    // Existing records are looked up (and their account checked) before anything is written.
    const account = accountArg ? this.existingRow(user, Account, accountArg, 'accountId') : undefined;
    const contact = contactArg ? this.existingRow(user, Contact, contactArg, 'contactId') : undefined;
    if (contact && contact.AccountId !== account?.Id) {
      throw new SalesforceError(400, 'INVALID_FIELD', `The contact ${String(contact.Id)} does not belong to the account ${String(account?.Id)}`, ['contactId']);
    }
    const opportunity = opportunityArg ? this.existingRow(user, Opportunity, opportunityArg, 'opportunityId') : undefined;
    if (opportunity && opportunity.AccountId !== account?.Id) {
      throw new SalesforceError(400, 'INVALID_FIELD', `The opportunity ${String(opportunity.Id)} does not belong to the account ${String(account?.Id)}`, ['opportunityId']);
    }

    // --- account ---
    let accountId: string;
    if (account) {
      accountId = String(account.Id);
      this.fillBlanks(user, Lead, lead, Account, account, {});
    } else {
      accountId = this.deps.records.create(user, Account, { ...this.mapped(user, Lead, lead, Account), OwnerId: ownerId }, CONVERT_SAVE);
    }

    // --- contact ---
    let contactId: string;
    if (contact) {
      contactId = String(contact.Id);
      // The one documented exception to "existing values are kept".
      const leadSource = Lead.fieldsByLowerName.get('leadsource');
      const forced = request.overwriteLeadSource && leadSource && Contact.fieldsByLowerName.has('leadsource') ? { LeadSource: toApi(leadSource, lead.LeadSource) } : {};
      this.fillBlanks(user, Lead, lead, Contact, contact, forced);
    } else {
      contactId = this.deps.records.create(
        user,
        Contact,
        { ...this.mapped(user, Lead, lead, Contact), AccountId: accountId, OwnerId: ownerId },
        CONVERT_SAVE,
      );
    }

    // --- opportunity ---
    let opportunityId: string | null = null;
    if (opportunity) {
      opportunityId = String(opportunity.Id);
      this.fillBlanks(user, Lead, lead, Opportunity, opportunity, {});
    } else if (createOpportunity) {
      const input: Record<string, unknown> = {
        ...this.mapped(user, Lead, lead, Opportunity),
        Name: opportunityName ?? toApi(Lead.fieldsByLowerName.get('company')!, lead.Company),
        AccountId: accountId,
        StageName: this.firstOpenStage(Opportunity),
        CloseDate: formatCalendarDate(endOfFiscalQuarter(today, this.fiscalYearStartMonth())),
        OwnerId: ownerId,
      };
      // Opportunity.ContactId (API 49.0+) records the contact the opportunity came from.
      if (Opportunity.fieldsByLowerName.get('contactid')?.createable) input.ContactId = contactId;
      opportunityId = this.deps.records.create(user, Opportunity, input, CONVERT_SAVE);
    }

    this.moveActivities(user, String(lead.Id), contactId, opportunityId ?? accountId);

    // The fields only the platform writes; RecordService.update refuses them (and converted leads).
    this.deps.records.systemUpdate(user, Lead, String(lead.Id), {
      Status: status,
      IsConverted: 1,
      ConvertedDate: formatCalendarDate(today),
      ConvertedAccountId: accountId,
      ConvertedContactId: contactId,
      ConvertedOpportunityId: opportunityId,
    });
    return { leadId: String(lead.Id), accountId, contactId, opportunityId };
  }

  // --- checks ------------------------------------------------------------------------------------

  /** "Convert Leads", Edit on leads, Create and Edit on what the conversion writes (convertLead() docs). */
  private checkPermissions(user: UserContext, lead: ObjectDef, targets: ObjectDef[]): void {
    const access = this.deps.records.access;
    if (!access.hasPermission(user, 'ConvertLeads')) throw SfErrors.insufficientAccess();
    if (!access.objectAccess(user, lead).edit) throw SfErrors.insufficientAccess();
    for (const t of targets) {
      const a = access.objectAccess(user, t);
      if (!a.create || !a.edit) throw SfErrors.insufficientAccess();
    }
  }

  /** A record an argument names: it must exist, be visible and live. */
  private existingRow(user: UserContext, object: ObjectDef, raw: string | undefined, argument: string): StoredRow {
    const id = raw ? toId18(raw.trim()) : undefined;
    if (!id || keyPrefixOf(id) !== object.keyPrefix) throw invalidCrossReference(argument);
    const row = this.deps.store.getById(object, id);
    if (!row || !this.deps.records.access.canReadRecord(user, object, row)) throw invalidCrossReference(argument);
    if (row.IsDeleted === 1) throw new SalesforceError(400, 'ENTITY_IS_DELETED', 'entity is deleted', [argument]);
    return row;
  }

  private alreadyConverted(lead: StoredRow): SalesforceError {
    const contact = this.deps.store.schema.object('Contact');
    const converted = contact && typeof lead.ConvertedContactId === 'string' ? this.deps.store.getById(contact, lead.ConvertedContactId) : undefined;
    const who = converted?.Name ? `the contact ${String(converted.Name)}` : 'a contact';
    return new SalesforceError(
      400,
      'CANNOT_UPDATE_CONVERTED_LEAD',
      `This lead was already converted to ${who} on ${String(lead.ConvertedDate ?? '')}.`.replace(' on .', '.'),
    );
  }

  /**
   * The Lead.Status value to set: an active one flagged converted (LeadStatus.IsConverted),
   * matched by API name or by label as LeadStatus.ApiName and MasterLabel both work.
   */
  private convertedStatus(requested: string | undefined): string {
    const name = (requested ?? '').trim();
    const field = this.object('Lead').fieldsByLowerName.get('status');
    const values = (field?.picklistValues ?? []).filter((p) => p.active);
    const match = (pred: (p: PicklistValue) => boolean) => values.find(pred);
    const entry =
      match((p) => p.value === name) ??
      match((p) => p.label === name) ??
      match((p) => p.value.toLowerCase() === name.toLowerCase() || p.label.toLowerCase() === name.toLowerCase());
    if (!name || !entry || entry.attributes?.converted !== true) throw SfErrors.invalidConvertedStatus(requested ?? '');
    return entry.value;
  }

  /**
   * Owner of the new records: the requested user, else the lead's owner, else (a queue owns the
   * lead, and accounts and contacts cannot belong to a queue) the converting user.
   */
  private ownerFor(user: UserContext, lead: StoredRow, requested: string | undefined): string {
    if (given(requested)) {
      const id = toId18(requested!.trim());
      if (!id || keyPrefixOf(id) !== USER_PREFIX) throw invalidCrossReference('ownerId');
      const User = this.object('User');
      const row = this.deps.store.getById(User, id);
      if (!row || row.IsDeleted === 1) throw invalidCrossReference('ownerId');
      if (row.IsActive === 0) throw new SalesforceError(400, 'INACTIVE_OWNER_OR_USER', 'operation performed with inactive user', ['ownerId']);
      return id;
    }
    const leadOwner = typeof lead.OwnerId === 'string' ? lead.OwnerId : '';
    if (keyPrefixOf(leadOwner) === GROUP_PREFIX || leadOwner === '') return user.userId;
    const owner = this.deps.store.getById(this.object('User'), leadOwner);
    // An inactive lead owner cannot own new records either; the converting user takes them.
    return owner && owner.IsActive !== 0 ? leadOwner : user.userId;
  }

  // --- field mapping -----------------------------------------------------------------------------

  /** Standard pairs first, then the org's custom ones (which an admin may point anywhere). */
  private mappingsFor(target: TargetObject): LeadConvertMapping[] {
    return [...STANDARD_LEAD_MAPPING, ...this.customMappings].filter((m) => m.targetObject === target);
  }

  /**
   * The mapped fields whose target the object has and the user may write, as [lead field,
   * target field]. Fields hidden from the user by field-level security are left out rather than
   * failing the conversion: the mapping is the admin's, not the user's, choice.
   */
  private resolvedMappings(user: UserContext, Lead: ObjectDef, target: ObjectDef, kind: 'create' | 'update'): Array<[FieldDef, FieldDef]> {
    const out: Array<[FieldDef, FieldDef]> = [];
    for (const m of this.mappingsFor(target.name as TargetObject)) {
      const from = Lead.fieldsByLowerName.get(m.leadField.toLowerCase());
      const to = target.fieldsByLowerName.get(m.targetField.toLowerCase());
      if (!from || !to) continue;
      if (!(kind === 'create' ? to.createable : to.updateable)) continue;
      if (!this.deps.records.access.fieldAccess(user, target, to).edit) continue;
      out.push([from, to]);
    }
    return out;
  }

  /**
   * API input for a new record. Blank lead values are left out so that the new record gets its
   * field defaults ("the system assigns the default picklist values ... when mapping any standard
   * lead picklist fields that are blank").
   */
  private mapped(user: UserContext, Lead: ObjectDef, lead: StoredRow, target: ObjectDef): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const [from, to] of this.resolvedMappings(user, Lead, target, 'create')) {
      const value = lead[from.name];
      if (isBlank(value)) continue;
      input[to.name] = toApi(from, value);
    }
    return input;
  }

  /**
   * Merging into an existing record: "only empty fields in the target object are overwritten".
   * A checkbox is never empty, so Do Not Call and Email Opt Out stay as they are on an existing
   * contact, which is what Salesforce documents for them.
   */
  private fillBlanks(user: UserContext, Lead: ObjectDef, lead: StoredRow, target: ObjectDef, existing: StoredRow, forced: Record<string, unknown>): void {
    const input: Record<string, unknown> = {};
    for (const [from, to] of this.resolvedMappings(user, Lead, target, 'update')) {
      if (to.type === 'boolean' || !isBlank(existing[to.name])) continue;
      const value = lead[from.name];
      if (isBlank(value)) continue;
      input[to.name] = toApi(from, value);
    }
    for (const [k, v] of Object.entries(forced)) {
      if (existing[k] !== (v ?? null)) input[k] = v;
    }
    if (Object.keys(input).length > 0) this.deps.records.update(user, target, String(existing.Id), input, CONVERT_SAVE);
  }

  // --- what else a conversion touches ------------------------------------------------------------

  /**
   * Salesforce hands the lead's activities to the contact, relating those with no What to the new
   * opportunity (or the account). Activities the converting user cannot see move too, so this is
   * a system write.
   */
  private moveActivities(user: UserContext, leadId: string, contactId: string, whatId: string): void {
    for (const name of ['Task', 'Event']) {
      const object = this.deps.store.schema.object(name);
      if (!object?.fieldsByLowerName.has('whoid')) continue;
      for (const row of this.deps.store.findBy(object, 'WhoId', leadId, 1_000_000)) {
        const changes: StoredRow = { WhoId: contactId };
        if (object.fieldsByLowerName.has('whatid') && isBlank(row.WhatId)) changes.WhatId = whatId;
        this.deps.records.systemUpdate(user, object, String(row.Id), changes);
      }
    }
  }

  /** The default stage if it is open, else the first open one: a new opportunity is never closed. */
  private firstOpenStage(Opportunity: ObjectDef): string {
    const values = (Opportunity.fieldsByLowerName.get('stagename')?.picklistValues ?? []).filter((p) => p.active);
    const open = (p: PicklistValue) => p.attributes?.closed !== true;
    const stage = values.find((p) => p.defaultValue && open(p)) ?? values.find(open);
    if (!stage) throw SfErrors.fieldIntegrity('StageName', 'The org has no open opportunity stage for the converted opportunity');
    return stage.value;
  }

  private timeZoneOf(user: UserContext): string | undefined {
    const User = this.deps.store.schema.object('User');
    const tz = User ? this.deps.store.getById(User, user.userId)?.TimeZoneSidKey : undefined;
    if (typeof tz === 'string' && tz !== '') return tz;
    const org = this.deps.store.schema.object('Organization')
      ? this.deps.store.selectOne(`SELECT * FROM "Organization" LIMIT 1`, [])
      : undefined;
    return typeof org?.TimeZoneSidKey === 'string' ? org.TimeZoneSidKey : undefined;
  }

  /** Organization.FiscalYearStartMonth where the schema has it; January otherwise. */
  private fiscalYearStartMonth(): number {
    const Organization = this.deps.store.schema.object('Organization');
    if (!Organization?.fieldsByLowerName.has('fiscalyearstartmonth')) return 1;
    const org = this.deps.store.selectOne(`SELECT "FiscalYearStartMonth" FROM "Organization" LIMIT 1`, []);
    const month = Number(org?.FiscalYearStartMonth);
    return Number.isInteger(month) && month >= 1 && month <= 12 ? month : 1;
  }
}
