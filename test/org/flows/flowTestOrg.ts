import { buildOrgApp, type LocalOrg } from '../../../src/org/app.ts';
import type { AutomationLogEntry } from '../../../src/org/automation/AutomationLog.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import type { ObjectDef } from '../../../src/org/schema/types.ts';
import type { SaveOptions } from '../../../src/org/service/SaveHooks.ts';
import type { UserContext } from '../../../src/org/service/UserContext.ts';
import { MAIN, adminUser, makeProject, usersJson, xml } from '../metadata/sfdxProject.ts';

/**
 * Purpose-made orgs for the flow tests: each test writes the flows it is about (and any custom
 * fields) into a fresh SFDX folder, builds the local org in memory and saves records through
 * the record service, as the REST API would.
 */

export const NOW = new Date('2025-05-14T12:00:00.000Z');

const API_SAVE: SaveOptions = { useAssignmentRules: true };

export interface FlowOrg {
  org: LocalOrg;
  admin: UserContext;
  rep: UserContext;
  obj(name: string): ObjectDef;
  create(object: string, fields: Record<string, unknown>, user?: UserContext): string;
  update(object: string, id: string, fields: Record<string, unknown>, user?: UserContext): void;
  remove(object: string, id: string): void;
  row(object: string, id: string): StoredRow;
  rows(sql: string, params?: Array<string | number | null>): StoredRow[];
  log(recordId?: string): AutomationLogEntry[];
  close(): Promise<void>;
}

/** A Flow file: the parts Flow Builder writes around the start element and the elements. */
export function flowXml(options: {
  object: string;
  trigger?: 'RecordBeforeSave' | 'RecordAfterSave' | 'RecordBeforeDelete';
  recordTriggerType?: 'Create' | 'Update' | 'CreateAndUpdate' | 'Delete';
  /** Inside <start>, after the object: filters, filterLogic, filterFormula … */
  start?: string;
  /** The first element, if any. */
  first?: string;
  /** Elements and resources, at the top level. */
  body?: string;
  label?: string;
  status?: string;
  extra?: string;
}): string {
  const connector = options.first ? `<connector><targetReference>${options.first}</targetReference></connector>` : '';
  return xml(
    'Flow',
    `    <apiVersion>60.0</apiVersion>
    <label>${options.label ?? 'Test Flow'}</label>
    <processType>AutoLaunchedFlow</processType>
    ${options.body ?? ''}
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        ${connector}
        <object>${options.object}</object>
        ${options.start ?? ''}
        <recordTriggerType>${options.recordTriggerType ?? (options.trigger === 'RecordBeforeDelete' ? 'Delete' : 'CreateAndUpdate')}</recordTriggerType>
        <triggerType>${options.trigger ?? 'RecordAfterSave'}</triggerType>
    </start>
    <status>${options.status ?? 'Active'}</status>${options.extra ?? ''}`,
  );
}

/** `<value>` content helpers. */
export const str = (s: string) => `<stringValue>${s}</stringValue>`;
export const num = (n: number) => `<numberValue>${n}</numberValue>`;
export const boolV = (b: boolean) => `<booleanValue>${b}</booleanValue>`;
export const ref = (r: string) => `<elementReference>${r}</elementReference>`;

export const filter = (field: string, operator: string, value?: string) =>
  `<filters><field>${field}</field><operator>${operator}</operator>${value === undefined ? '' : `<value>${value}</value>`}</filters>`;
export const condition = (left: string, operator: string, right?: string) =>
  `<conditions><leftValueReference>${left}</leftValueReference><operator>${operator}</operator>${right === undefined ? '' : `<rightValue>${right}</rightValue>`}</conditions>`;
export const input = (field: string, value: string) => `<inputAssignments><field>${field}</field><value>${value}</value></inputAssignments>`;
export const item = (target: string, operator: string, value?: string) =>
  `<assignmentItems><assignToReference>${target}</assignToReference><operator>${operator}</operator>${value === undefined ? '' : `<value>${value}</value>`}</assignmentItems>`;
export const next = (target?: string) => (target ? `<connector><targetReference>${target}</targetReference></connector>` : '');

export const assignment = (name: string, items: string, to?: string) =>
  `<assignments><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>${items}${next(to)}</assignments>`;

export const createTask = (name: string, inputs: string, to?: string, extra = '') =>
  `<recordCreates><name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>${next(to)}${inputs}<object>Task</object><storeOutputAutomatically>true</storeOutputAutomatically>${extra}</recordCreates>`;

export const variable = (name: string, dataType: string, extra = '') =>
  `<variables><name>${name}</name><dataType>${dataType}</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput>${extra}</variables>`;

export async function flowOrg(files: Record<string, string>): Promise<FlowOrg> {
  const dir = makeProject({
    'golive/users.json': usersJson([adminUser, { persona: 'rep', username: 'rep@test.local', lastName: 'Rep', email: 'rep@test.local', profile: 'Standard User', timeZoneSidKey: 'America/Los_Angeles' }]),
    ...Object.fromEntries(Object.entries(files).map(([name, content]) => [name.includes('/') ? name : `${MAIN}/flows/${name}.flow-meta.xml`, content])),
  });
  const org = await buildOrgApp({ metadataDir: dir, dbFile: ':memory:', now: () => NOW });
  const { store, services } = org;
  const orgId = String(store.selectOne('SELECT "Id" FROM "Organization" LIMIT 1', [])!.Id);
  const userOf = (username: string): UserContext => {
    const u = store.selectOne('SELECT "Id", "ProfileId" FROM "User" WHERE "Username" = ?', [username])!;
    return { userId: String(u.Id), orgId, username, profileId: u.ProfileId === null ? null : String(u.ProfileId) };
  };
  const admin = userOf('admin@test.local');
  const obj = (name: string) => {
    const o = org.definition.schema.object(name);
    if (!o) throw new Error(`no object ${name}`);
    return o;
  };
  return {
    org,
    admin,
    rep: userOf('rep@test.local'),
    obj,
    create: (object, fields, user = admin) => services.records.create(user, obj(object), fields, API_SAVE),
    update: (object, id, fields, user = admin) => void services.records.update(user, obj(object), id, fields, API_SAVE),
    remove: (object, id) => void services.records.delete(admin, obj(object), id, API_SAVE),
    row: (object, id) => store.getById(obj(object), id)!,
    rows: (sql, params = []) => store.select(sql, params),
    log: (recordId) => services.automationLog.query({ kind: 'flow', ...(recordId ? { recordId } : {}) }),
    close: () => org.app.close(),
  };
}
