import { compileFormula } from '../../../src/org/formula/compileFormula.ts';
import type { CompileOptions, FormulaContext, FormulaUser, FormulaValue } from '../../../src/org/formula/types.ts';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import type { ObjectDef, OrgSchema } from '../../../src/org/schema/types.ts';
import { customObjectXml, fieldXml, makeProject, MAIN, usersJson, adminUser } from '../metadata/sfdxProject.ts';

/**
 * A schema for formula tests: the standard objects plus Widget__c, a custom object with one
 * field of every type a formula reads, and a lookup to Account.
 */

const W = `${MAIN}/objects/Widget__c`;
const picklistValues = (...values: string[]) =>
  `<valueSet><valueSetDefinition>${values.map((v) => `<value><fullName>${v}</fullName><default>false</default><label>${v}</label></value>`).join('')}</valueSetDefinition></valueSet>`;

export function formulaSchema(): OrgSchema {
  const dir = makeProject({
    [`${W}/Widget__c.object-meta.xml`]: customObjectXml('Widget'),
    [`${W}/fields/Notes__c.field-meta.xml`]: fieldXml('<label>Notes</label><type>Text</type><length>255</length>'),
    [`${W}/fields/Score__c.field-meta.xml`]: fieldXml('<label>Score</label><type>Number</type><precision>18</precision><scale>2</scale>'),
    [`${W}/fields/Pct__c.field-meta.xml`]: fieldXml('<label>Pct</label><type>Percent</type><precision>5</precision><scale>2</scale>'),
    [`${W}/fields/Due__c.field-meta.xml`]: fieldXml('<label>Due</label><type>Date</type>'),
    [`${W}/fields/At__c.field-meta.xml`]: fieldXml('<label>At</label><type>DateTime</type>'),
    [`${W}/fields/Flag__c.field-meta.xml`]: fieldXml('<label>Flag</label><type>Checkbox</type><defaultValue>false</defaultValue>'),
    [`${W}/fields/Kind__c.field-meta.xml`]: fieldXml(`<label>Kind</label><type>Picklist</type>${picklistValues('Gold', 'Silver')}`),
    [`${W}/fields/Tags__c.field-meta.xml`]: fieldXml(`<label>Tags</label><type>MultiselectPicklist</type><visibleLines>4</visibleLines>${picklistValues('a', 'b', 'c')}`),
    [`${W}/fields/Account__c.field-meta.xml`]: fieldXml('<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Widgets</relationshipName>'),
    'golive/users.json': usersJson([{ ...adminUser, password: 'formula-1' }]),
  });
  return loadOrgMetadata(dir).schema;
}

export const USER_ID = '005000000000001AAA';
export const PROFILE_ID = '00e000000000001AAA';
export const ACCOUNT_ID = '001000000000001AAA';
export const OWNER_ID = '005000000000002AAA';

/** Records lookups can reach, by id. */
export const PARENTS: Record<string, StoredRow> = {
  [ACCOUNT_ID]: { Id: ACCOUNT_ID, Name: 'Acme', Type: 'Customer - Direct', OwnerId: OWNER_ID, IsDeleted: 0 },
  [OWNER_ID]: { Id: OWNER_ID, Name: 'Olga Owner', Email: 'olga@example.com', IsDeleted: 0 },
  [PROFILE_ID]: { Id: PROFILE_ID, Name: 'System Administrator', IsDeleted: 0 },
};

export const USER: FormulaUser = {
  userRow: { Id: USER_ID, Username: 'ada@example.com', ProfileId: PROFILE_ID, UserRoleId: null, TimeZoneSidKey: 'America/Los_Angeles' },
  profileName: 'System Administrator',
  roleName: 'CEO',
  hasCustomPermission: (name) => name === 'Approve_Discounts',
};

/** 2024-03-01 05:00 UTC: still February 29 in Los Angeles. */
export const NOW = new Date('2024-03-01T05:00:00.000Z');

export function context(row: StoredRow, extra: Partial<FormulaContext> = {}): FormulaContext {
  return {
    row,
    isNew: extra.prior === undefined,
    user: USER,
    lookupParent: (_object: ObjectDef, id: string) => PARENTS[id],
    now: NOW,
    timeZone: 'America/Los_Angeles',
    ...extra,
  };
}

export function evaluator(schema: OrgSchema, objectName = 'Widget__c') {
  const object = schema.object(objectName)!;
  return (formula: string, row: StoredRow = {}, extra: Partial<FormulaContext> = {}, options: Partial<CompileOptions> = {}): FormulaValue =>
    compileFormula(formula, { object, schema, ...options }).evaluate(context(row, extra));
}
