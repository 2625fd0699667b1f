/**
 * What each persona of the default org (orgs/default) may see and do, in one table that both
 * sides check: the API suite (test/org/security/defaultOrgPersonas.suite.ts, through jsforce) and
 * the UI spec (test/ui/personaVisibility.spec.ts, through Chromium). A change to the org's
 * profiles, roles, queue or seed data that one side notices and the other does not is a bug in
 * the other side, not a reason for a second table.
 *
 * Derived from the metadata, not from what the org happens to answer:
 * - Leads and Opportunities are Private; the Sales Manager role is above both rep roles, Marketing
 *   and Compliance are beside Sales. The queue "Unassigned Leads" (owner of Leslie Knope) has
 *   junior-rep and the Sales Manager role as members.
 * - admin: System Administrator (everything, every field).
 * - sales-manager: Standard User (CRED on the sales objects) + Sales_Manager (Region__c editable,
 *   Commission__c read-only).
 * - junior-rep, senior-rep, field-rep: Sales Rep (CRE without Delete, Commission__c hidden).
 * - marketing: Marketing User (no Opportunity, no ConvertLeads) + Lead_Import (Lead.Region__c);
 *   Account.Region__c is granted to neither, and a custom field is hidden unless granted.
 * - compliance: Compliance Officer (read everything with View All Data, change nothing).
 * Task has no object permissions: everyone reads it, Edit Tasks gives create/edit/delete.
 */

export const PERSONAS = ['admin', 'sales-manager', 'junior-rep', 'senior-rep', 'field-rep', 'marketing', 'compliance'] as const;
export type Persona = (typeof PERSONAS)[number];

/** The seed leads (orgs/default/golive/seed/Lead.json), in name order as every list here is. */
export const SEED_LEADS = ['Dana Scully', 'Ellen Ripley', 'Fox Mulder', 'Leslie Knope', 'Marty McFly'] as const;
export type SeedLead = (typeof SEED_LEADS)[number];

export const SEED_OPPORTUNITIES = ['Acme - Anvil Fleet Renewal', 'Globex - Pilot'] as const;
export type SeedOpportunity = (typeof SEED_OPPORTUNITIES)[number];

/** The tabs of the Sales app, in its order (src/org/ui/shell/navItems.ts). */
export const SALES_APP_OBJECTS = ['Lead', 'Account', 'Contact', 'Opportunity', 'Task'] as const;
export type SalesObject = (typeof SALES_APP_OBJECTS)[number];

/** Object permissions beyond Read, as describe reports them (createable, updateable, deletable). */
export interface ObjectRights {
  create: boolean;
  edit: boolean;
  delete: boolean;
}

/** The custom fields whose field-level security differs between personas. */
export const SECURED_FIELDS = {
  'Lead.Region__c': { object: 'Lead', field: 'Region__c', label: 'Region' },
  'Account.Region__c': { object: 'Account', field: 'Region__c', label: 'Region' },
  'Opportunity.Commission__c': { object: 'Opportunity', field: 'Commission__c', label: 'Commission' },
} as const satisfies Record<string, { object: SalesObject; field: string; label: string }>;
export type SecuredField = keyof typeof SECURED_FIELDS;

/** Field-level security of one field: editable, read-only, or hidden (absent from describe, SOQL and pages). */
export type FieldAccess = 'edit' | 'read' | 'hidden';

export interface PersonaExpectations {
  /** Seed leads the persona sees (and only those), in name order. */
  leads: readonly SeedLead[];
  /** Seed opportunities the persona sees, in name order; empty too when it cannot read Opportunity. */
  opportunities: readonly SeedOpportunity[];
  /** The Sales app objects the persona may read, with its further rights; a missing object is unreadable. */
  objects: Partial<Record<SalesObject, ObjectRights>>;
  /** Field-level security of the secured fields on objects the persona may read. */
  fields: Partial<Record<SecuredField, FieldAccess>>;
  /** The Convert Lead action (ConvertLeads plus Edit on Lead). */
  convertLeads: boolean;
}

const CRED: ObjectRights = { create: true, edit: true, delete: true };
const CRE: ObjectRights = { create: true, edit: true, delete: false };
const READ_ONLY: ObjectRights = { create: false, edit: false, delete: false };

const REP: PersonaExpectations = {
  leads: [],
  opportunities: [],
  objects: { Lead: CRE, Account: CRE, Contact: CRE, Opportunity: CRE, Task: CRED },
  fields: { 'Lead.Region__c': 'edit', 'Account.Region__c': 'edit', 'Opportunity.Commission__c': 'hidden' },
  convertLeads: true,
};

export const DEFAULT_ORG_EXPECTATIONS: Readonly<Record<Persona, PersonaExpectations>> = {
  admin: {
    leads: SEED_LEADS,
    opportunities: SEED_OPPORTUNITIES,
    objects: { Lead: CRED, Account: CRED, Contact: CRED, Opportunity: CRED, Task: CRED },
    fields: { 'Lead.Region__c': 'edit', 'Account.Region__c': 'edit', 'Opportunity.Commission__c': 'edit' },
    convertLeads: true,
  },
  // Above both rep roles, and a member of the queue through the Sales Manager role.
  'sales-manager': {
    leads: SEED_LEADS,
    opportunities: SEED_OPPORTUNITIES,
    objects: { Lead: CRED, Account: CRED, Contact: CRED, Opportunity: CRED, Task: CRED },
    fields: { 'Lead.Region__c': 'edit', 'Account.Region__c': 'edit', 'Opportunity.Commission__c': 'read' },
    convertLeads: true,
  },
  // Owns Scully and Mulder and the Globex opportunity; a member of the queue that owns Knope.
  'junior-rep': { ...REP, leads: ['Dana Scully', 'Fox Mulder', 'Leslie Knope'], opportunities: ['Globex - Pilot'] },
  'senior-rep': { ...REP, leads: ['Ellen Ripley'], opportunities: ['Acme - Anvil Fleet Renewal'] },
  // Same role as junior-rep, but not a member of the queue.
  'field-rep': { ...REP, leads: ['Marty McFly'], opportunities: [] },
  marketing: {
    leads: [],
    opportunities: [],
    objects: { Lead: CRED, Account: CRED, Contact: CRED, Task: CRED },
    fields: { 'Lead.Region__c': 'edit', 'Account.Region__c': 'hidden' },
    convertLeads: false,
  },
  compliance: {
    leads: SEED_LEADS,
    opportunities: SEED_OPPORTUNITIES,
    objects: { Lead: READ_ONLY, Account: READ_ONLY, Contact: READ_ONLY, Opportunity: READ_ONLY, Task: READ_ONLY },
    fields: { 'Lead.Region__c': 'read', 'Account.Region__c': 'read', 'Opportunity.Commission__c': 'read' },
    convertLeads: false,
  },
};

/** The secured fields a persona cannot read, on objects it can. */
export function hiddenFieldsOf(persona: Persona): Array<(typeof SECURED_FIELDS)[SecuredField]> {
  const fields = DEFAULT_ORG_EXPECTATIONS[persona].fields;
  return (Object.keys(fields) as SecuredField[]).filter((k) => fields[k] === 'hidden').map((k) => SECURED_FIELDS[k]);
}

/** The seed leads a persona does not see. */
export function hiddenSeedLeadsOf(persona: Persona): SeedLead[] {
  const seen = new Set<string>(DEFAULT_ORG_EXPECTATIONS[persona].leads);
  return SEED_LEADS.filter((name) => !seen.has(name));
}
