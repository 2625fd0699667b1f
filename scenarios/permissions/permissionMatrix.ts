/**
 * THE PERMISSION MATRIX: who may do what in the org, as the business signed it off.
 *
 * Read it as a release manager: every cell says what a persona must (or must not) be able to do,
 * and names the requirement of scenarios/requirements.yaml it proves. The scenarios next to this
 * file check every cell through the API and in the browser; fixtures/preflight/accessDrift.ts
 * reads each persona's real access before the run and lists where the org differs from it.
 *
 * A cell written `—` is not a go-live requirement (nothing in the register asks for it) and is not
 * checked: e.g. whether a rep may delete a lead. To check such a cell, add a requirement to the
 * register first, then name it here.
 *
 * The admin is not in the matrix: full access is not a requirement of the register.
 *
 * This file is data only: change a cell here and the scenarios and the drift report follow.
 */

// --- who ------------------------------------------------------------------------------------
export type MatrixPersona = 'sales-manager' | 'junior-rep' | 'senior-rep' | 'field-rep' | 'marketing' | 'compliance';

/** How steps name each persona, in the business's words. */
export const PERSONA_NAMES: Readonly<Record<MatrixPersona, string>> = {
  'sales-manager': 'the sales manager',
  'junior-rep': 'the East rep',
  'senior-rep': 'the West rep',
  'field-rep': 'the field rep',
  marketing: 'marketing',
  compliance: 'compliance',
};

export const MATRIX_PERSONAS = Object.keys(PERSONA_NAMES) as MatrixPersona[];

// --- what is proven -------------------------------------------------------------------------
export type PermRequirement = 'PERM-01' | 'PERM-02' | 'PERM-03' | 'PERM-04' | 'PERM-05' | 'PERM-06' | 'PERM-07' | 'PERM-08';

/** Short names for test titles; the full titles are in scenarios/requirements.yaml. */
export const REQUIREMENT_TOPICS: Readonly<Record<PermRequirement, string>> = {
  'PERM-01': 'leads are private to their owner and the manager',
  'PERM-02': 'opportunities are private to their owner and the manager',
  'PERM-03': 'only the manager deletes opportunities',
  'PERM-04': 'the Commission field is hidden from reps and read-only for the manager',
  'PERM-05': 'marketing creates and edits leads but does not convert them',
  'PERM-06': 'marketing has no access to opportunities',
  'PERM-07': 'compliance reads everything and changes nothing',
  'PERM-08': 'reps work their own leads and opportunities',
};

// --- objects: persona × object → Create Read Edit Delete -------------------------------------
export type SalesObject = 'Lead' | 'Account' | 'Contact' | 'Opportunity';
export type Operation = 'create' | 'read' | 'edit' | 'delete';
export const OPERATIONS: readonly Operation[] = ['create', 'read', 'edit', 'delete'];

export interface Decided {
  allowed: boolean;
  proves: PermRequirement;
}
/** Not a requirement of the register: not checked. */
export const NOT_REQUIRED = '—';
export type ObjectCell = Decided | typeof NOT_REQUIRED;

const yes = (proves: PermRequirement): Decided => ({ allowed: true, proves });
const no = (proves: PermRequirement): Decided => ({ allowed: false, proves });
const __ = NOT_REQUIRED;

export interface ObjectRow {
  persona: MatrixPersona;
  object: SalesObject;
  create: ObjectCell;
  read: ObjectCell;
  edit: ObjectCell;
  delete: ObjectCell;
}

const row = (persona: MatrixPersona, object: SalesObject, create: ObjectCell, read: ObjectCell, edit: ObjectCell, del: ObjectCell): ObjectRow => ({ persona, object, create, read, edit, delete: del });

/**
 * Reps' Account and Contact Create/Read are PERM-08 because converting their leads creates them.
 * The manager's and compliance's rights are checked on a record of the East rep's (the team's);
 * everyone else's on a record of their own.
 */
// prettier-ignore
export const OBJECT_RIGHTS: readonly ObjectRow[] = [
  //   persona          object          Create          Read            Edit            Delete
  row('sales-manager', 'Lead',          __,             yes('PERM-01'), yes('PERM-01'), __),
  row('sales-manager', 'Opportunity',   __,             yes('PERM-02'), yes('PERM-02'), yes('PERM-03')),
  row('junior-rep',    'Lead',          yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), __),
  row('junior-rep',    'Opportunity',   yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), no('PERM-03')),
  row('junior-rep',    'Account',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('junior-rep',    'Contact',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('senior-rep',    'Lead',          yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), __),
  row('senior-rep',    'Opportunity',   yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), no('PERM-03')),
  row('senior-rep',    'Account',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('senior-rep',    'Contact',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('field-rep',     'Lead',          yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), __),
  row('field-rep',     'Opportunity',   yes('PERM-08'), yes('PERM-08'), yes('PERM-08'), no('PERM-03')),
  row('field-rep',     'Account',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('field-rep',     'Contact',       yes('PERM-08'), yes('PERM-08'), __,             __),
  row('marketing',     'Lead',          yes('PERM-05'), yes('PERM-05'), yes('PERM-05'), __),
  row('marketing',     'Opportunity',   no('PERM-06'),  no('PERM-06'),  no('PERM-06'),  no('PERM-06')),
  row('compliance',    'Lead',          no('PERM-07'),  yes('PERM-07'), no('PERM-07'),  no('PERM-07')),
  row('compliance',    'Account',       no('PERM-07'),  yes('PERM-07'), no('PERM-07'),  no('PERM-07')),
  row('compliance',    'Contact',       no('PERM-07'),  yes('PERM-07'), no('PERM-07'),  no('PERM-07')),
  row('compliance',    'Opportunity',   no('PERM-07'),  yes('PERM-07'), no('PERM-07'),  no('PERM-07')),
];

// --- converting leads: persona → may convert its own leads ----------------------------------
export interface ConvertCell extends Decided {
  persona: MatrixPersona;
}

// prettier-ignore
export const LEAD_CONVERSION: readonly ConvertCell[] = [
  { persona: 'junior-rep', allowed: true,  proves: 'PERM-08' },
  { persona: 'senior-rep', allowed: true,  proves: 'PERM-08' },
  { persona: 'field-rep',  allowed: true,  proves: 'PERM-08' },
  { persona: 'marketing',  allowed: false, proves: 'PERM-05' },
  { persona: 'compliance', allowed: false, proves: 'PERM-07' },
];

// --- fields: persona × Object.Field → hidden | read-only | editable --------------------------
export type FieldAccess = 'hidden' | 'read-only' | 'editable';

/** The fields the matrix speaks of, with the label users see. */
export const FIELDS = {
  'Opportunity.Commission__c': { object: 'Opportunity', field: 'Commission__c', label: 'Commission' },
  'Opportunity.Amount': { object: 'Opportunity', field: 'Amount', label: 'Amount' },
  'Lead.Region__c': { object: 'Lead', field: 'Region__c', label: 'Region' },
  'Lead.Email': { object: 'Lead', field: 'Email', label: 'Email' },
} as const satisfies Record<string, { object: SalesObject; field: string; label: string }>;
export type MatrixField = keyof typeof FIELDS;

export interface FieldCell {
  persona: MatrixPersona;
  field: MatrixField;
  access: FieldAccess;
  proves: PermRequirement;
}

// prettier-ignore
export const FIELD_ACCESS: readonly FieldCell[] = [
  //  persona                  field                               access                proves
  { persona: 'junior-rep',    field: 'Opportunity.Commission__c', access: 'hidden',    proves: 'PERM-04' },
  { persona: 'senior-rep',    field: 'Opportunity.Commission__c', access: 'hidden',    proves: 'PERM-04' },
  { persona: 'field-rep',     field: 'Opportunity.Commission__c', access: 'hidden',    proves: 'PERM-04' },
  { persona: 'sales-manager', field: 'Opportunity.Commission__c', access: 'read-only', proves: 'PERM-04' },
  { persona: 'compliance',    field: 'Opportunity.Commission__c', access: 'read-only', proves: 'PERM-07' },
  { persona: 'junior-rep',    field: 'Opportunity.Amount',        access: 'editable',  proves: 'PERM-08' },
  { persona: 'senior-rep',    field: 'Opportunity.Amount',        access: 'editable',  proves: 'PERM-08' },
  { persona: 'field-rep',     field: 'Opportunity.Amount',        access: 'editable',  proves: 'PERM-08' },
  { persona: 'sales-manager', field: 'Opportunity.Amount',        access: 'editable',  proves: 'PERM-02' },
  { persona: 'compliance',    field: 'Opportunity.Amount',        access: 'read-only', proves: 'PERM-07' },
  { persona: 'junior-rep',    field: 'Lead.Region__c',            access: 'editable',  proves: 'PERM-08' },
  { persona: 'senior-rep',    field: 'Lead.Region__c',            access: 'editable',  proves: 'PERM-08' },
  { persona: 'field-rep',     field: 'Lead.Region__c',            access: 'editable',  proves: 'PERM-08' },
  { persona: 'marketing',     field: 'Lead.Region__c',            access: 'editable',  proves: 'PERM-05' },
  { persona: 'compliance',    field: 'Lead.Region__c',            access: 'read-only', proves: 'PERM-07' },
  { persona: 'junior-rep',    field: 'Lead.Email',                access: 'editable',  proves: 'PERM-08' },
  { persona: 'marketing',     field: 'Lead.Email',                access: 'editable',  proves: 'PERM-05' },
  { persona: 'compliance',    field: 'Lead.Email',                access: 'read-only', proves: 'PERM-07' },
];

// --- records: persona × a seed record of the default org → visible | editable | invisible ----
export type RecordAccess = 'visible' | 'editable' | 'invisible';

/** The default org's seed records the matrix names (orgs/default/golive/seed/), read only. */
export const SEED_RECORDS = {
  'Dana Scully': { object: 'Lead', owner: 'junior-rep', whose: "the East rep's lead" },
  'Ellen Ripley': { object: 'Lead', owner: 'senior-rep', whose: "the West rep's lead" },
  'Marty McFly': { object: 'Lead', owner: 'field-rep', whose: "the field rep's lead" },
  'Globex - Pilot': { object: 'Opportunity', owner: 'junior-rep', whose: "the East rep's opportunity" },
  'Acme - Anvil Fleet Renewal': { object: 'Opportunity', owner: 'senior-rep', whose: "the West rep's opportunity" },
} as const satisfies Record<string, { object: SalesObject; owner: MatrixPersona; whose: string }>;
export type SeedRecord = keyof typeof SEED_RECORDS;

export interface RecordCell {
  persona: MatrixPersona;
  record: SeedRecord;
  access: RecordAccess;
  proves: PermRequirement;
}

// prettier-ignore
export const RECORD_ACCESS: readonly RecordCell[] = [
  //  persona                  record                                access         proves
  { persona: 'junior-rep',    record: 'Dana Scully',                access: 'editable',  proves: 'PERM-01' },
  { persona: 'junior-rep',    record: 'Ellen Ripley',               access: 'invisible', proves: 'PERM-01' },
  { persona: 'senior-rep',    record: 'Ellen Ripley',               access: 'editable',  proves: 'PERM-01' },
  { persona: 'senior-rep',    record: 'Dana Scully',                access: 'invisible', proves: 'PERM-01' },
  { persona: 'field-rep',     record: 'Marty McFly',                access: 'editable',  proves: 'PERM-01' },
  { persona: 'field-rep',     record: 'Dana Scully',                access: 'invisible', proves: 'PERM-01' },
  { persona: 'marketing',     record: 'Ellen Ripley',               access: 'invisible', proves: 'PERM-01' },
  { persona: 'sales-manager', record: 'Ellen Ripley',               access: 'editable',  proves: 'PERM-01' },
  { persona: 'sales-manager', record: 'Dana Scully',                access: 'editable',  proves: 'PERM-01' },
  { persona: 'junior-rep',    record: 'Globex - Pilot',             access: 'editable',  proves: 'PERM-02' },
  { persona: 'junior-rep',    record: 'Acme - Anvil Fleet Renewal', access: 'invisible', proves: 'PERM-02' },
  { persona: 'senior-rep',    record: 'Acme - Anvil Fleet Renewal', access: 'editable',  proves: 'PERM-02' },
  { persona: 'senior-rep',    record: 'Globex - Pilot',             access: 'invisible', proves: 'PERM-02' },
  { persona: 'field-rep',     record: 'Globex - Pilot',             access: 'invisible', proves: 'PERM-02' },
  { persona: 'sales-manager', record: 'Acme - Anvil Fleet Renewal', access: 'editable',  proves: 'PERM-02' },
  { persona: 'sales-manager', record: 'Globex - Pilot',             access: 'editable',  proves: 'PERM-02' },
  { persona: 'marketing',     record: 'Acme - Anvil Fleet Renewal', access: 'invisible', proves: 'PERM-06' },
  { persona: 'compliance',    record: 'Ellen Ripley',               access: 'visible',   proves: 'PERM-07' },
  { persona: 'compliance',    record: 'Dana Scully',                access: 'visible',   proves: 'PERM-07' },
  { persona: 'compliance',    record: 'Acme - Anvil Fleet Renewal', access: 'visible',   proves: 'PERM-07' },
];

// --- reading the matrix -----------------------------------------------------------------------
export interface ObjectRightCell extends Decided {
  persona: MatrixPersona;
  object: SalesObject;
  operation: Operation;
}

/** Every decided object cell, one per persona × object × operation. */
export function objectRightCells(): ObjectRightCell[] {
  return OBJECT_RIGHTS.flatMap((r) => OPERATIONS.flatMap((operation) => {
    const cell = r[operation];
    return cell === NOT_REQUIRED ? [] : [{ persona: r.persona, object: r.object, operation, ...cell }];
  }));
}

/** Whether the matrix says a persona may read an object (undefined: the matrix does not say). */
export function mayRead(persona: MatrixPersona, object: SalesObject): boolean | undefined {
  const cell = OBJECT_RIGHTS.find((r) => r.persona === persona && r.object === object)?.read;
  return cell === undefined || cell === NOT_REQUIRED ? undefined : cell.allowed;
}

/** Everything the matrix asks of one persona for one requirement on one object: what one test proves. */
export interface RequirementCells {
  persona: MatrixPersona;
  requirement: PermRequirement;
  object: SalesObject;
  objects: ObjectRightCell[];
  conversion: ConvertCell[];
  fields: FieldCell[];
  records: RecordCell[];
}

const OBJECT_ORDER: readonly SalesObject[] = ['Lead', 'Opportunity', 'Account', 'Contact'];

/**
 * The matrix grouped into tests: one per requirement, persona and object, in the register's
 * order. One test proves one requirement for one persona; split by object so that a test stays
 * short and a failure points at the object too.
 */
export function cellsByPersonaAndRequirement(): RequirementCells[] {
  const groups: RequirementCells[] = [];
  const requirements = Object.keys(REQUIREMENT_TOPICS) as PermRequirement[];
  for (const requirement of requirements) {
    for (const persona of MATRIX_PERSONAS) {
      for (const object of OBJECT_ORDER) {
        const mine = <T extends { persona: MatrixPersona; proves: PermRequirement }>(cells: readonly T[], objectOf: (cell: T) => SalesObject) =>
          cells.filter((c) => c.persona === persona && c.proves === requirement && objectOf(c) === object);
        const group: RequirementCells = {
          persona,
          requirement,
          object,
          objects: mine(objectRightCells(), (c) => c.object),
          conversion: mine(LEAD_CONVERSION, () => 'Lead'),
          fields: mine(FIELD_ACCESS, (c) => FIELDS[c.field].object),
          records: mine(RECORD_ACCESS, (c) => SEED_RECORDS[c.record].object),
        };
        if (group.objects.length + group.conversion.length + group.fields.length + group.records.length > 0) groups.push(group);
      }
    }
  }
  return groups;
}
