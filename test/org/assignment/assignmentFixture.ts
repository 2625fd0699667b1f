import { AssignmentRuleEngine } from '../../../src/org/automation/assignment/AssignmentRuleEngine.ts';
import { AutomationLog } from '../../../src/org/automation/AutomationLog.ts';
import { AutomationPipeline, type AutomationEngine } from '../../../src/org/automation/AutomationPipeline.ts';
import { FormulaUsers } from '../../../src/org/formula/FormulaUsers.ts';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { seedOrg } from '../../../src/org/metadata/seedOrg.ts';
import type { OrgDefinition } from '../../../src/org/metadata/types.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { computeDerivedFields } from '../../../src/org/schema/derivedFields.ts';
import type { ObjectDef } from '../../../src/org/schema/types.ts';
import { OpenAccessPolicy } from '../../../src/org/service/AccessPolicy.ts';
import { RecordService } from '../../../src/org/service/RecordService.ts';
import type { SaveOptions } from '../../../src/org/service/SaveHooks.ts';
import type { UserContext } from '../../../src/org/service/UserContext.ts';
import { MAIN, makeProject, xml } from '../metadata/sfdxProject.ts';

/**
 * A purpose-made org for assignment rule tests: users east@, west@ and an inactive gone@, the
 * queues Lead_Queue (takes leads) and Contact_Queue (does not), a few typed custom Lead fields,
 * and the assignment rules file each test writes. The save pipeline is composed by hand (no
 * HTTP) so a test can add an engine that runs after the assignment.
 */

export const NOW = new Date('2025-05-14T12:00:00.000Z');

const users = [
  { username: 'admin@test.local', lastName: 'Admin', email: 'admin@test.local', profile: 'System Administrator' },
  { username: 'east@test.local', lastName: 'East', email: 'east@test.local', profile: 'Standard User' },
  { username: 'west@test.local', lastName: 'West', email: 'west@test.local', profile: 'Standard User' },
  { username: 'gone@test.local', lastName: 'Gone', email: 'gone@test.local', profile: 'Standard User', isActive: false },
];

const queue = (name: string, object: string) =>
  xml('Queue', `<doesSendEmailToMembers>false</doesSendEmailToMembers><name>${name.replace(/_/g, ' ')}</name><queueSobject><sobjectType>${object}</sobjectType></queueSobject>`);

const field = (body: string) => xml('CustomField', body);

const BASE_FILES: Record<string, string> = {
  'golive/users.json': JSON.stringify({ orgName: 'Assignment Test Org', defaultPassword: 'pw-local-1', users }),
  [`${MAIN}/queues/Lead_Queue.queue-meta.xml`]: queue('Lead_Queue', 'Lead'),
  [`${MAIN}/queues/Contact_Queue.queue-meta.xml`]: queue('Contact_Queue', 'Contact'),
  [`${MAIN}/objects/Lead/fields/Interests__c.field-meta.xml`]: field(
    '<fullName>Interests__c</fullName><label>Interests</label><type>MultiselectPicklist</type><visibleLines>4</visibleLines><valueSet><valueSetDefinition>' +
      ['Cloud', 'Data', 'AI'].map((v) => `<value><fullName>${v}</fullName><default>false</default><label>${v}</label></value>`).join('') +
      '</valueSetDefinition></valueSet>',
  ),
  [`${MAIN}/objects/Lead/fields/Follow_Up__c.field-meta.xml`]: field('<fullName>Follow_Up__c</fullName><label>Follow Up</label><type>Date</type>'),
  [`${MAIN}/objects/Lead/fields/Score__c.field-meta.xml`]: field('<fullName>Score__c</fullName><label>Score</label><type>Number</type><precision>5</precision><scale>1</scale>'),
};

/** An <assignmentRule> element, each entry on a line of its own (problems name their lines). */
export function ruleXml(name: string, active: boolean, entries: string[]): string {
  return `<assignmentRule><fullName>${name}</fullName><active>${active}</active>\n${entries.join('\n')}\n</assignmentRule>`;
}

/** A <ruleEntry>: criteria as [field, operation, value] rows, or a formula. */
export function entryXml(assignedTo: string, type: 'User' | 'Queue' | null, criteria: Array<[string, string, string?]> = [], extra = ''): string {
  const items = criteria
    .map(([f, op, v]) => `<criteriaItems><field>${f}</field><operation>${op}</operation>${v === undefined ? '' : `<value>${v}</value>`}</criteriaItems>`)
    .join('');
  return `<ruleEntry><assignedTo>${assignedTo}</assignedTo>${type ? `<assignedToType>${type}</assignedToType>` : ''}${items}${extra}</ruleEntry>`;
}

export function assignmentRulesFile(...rules: string[]): Record<string, string> {
  return { [`${MAIN}/assignmentRules/Lead.assignmentRules-meta.xml`]: xml('AssignmentRules', rules.join('\n')) };
}

export interface AssignmentOrg {
  def: OrgDefinition;
  store: SqliteOrgStore;
  records: RecordService;
  log: AutomationLog;
  lead: ObjectDef;
  user(username: string): UserContext;
  idOf(username: string): string;
  queueId(developerName: string): string;
  create(fields: Record<string, unknown>, options?: Partial<SaveOptions>, as?: string): string;
  update(id: string, fields: Record<string, unknown>, options?: Partial<SaveOptions>): void;
  row(id: string): StoredRow;
  close(): void;
}

export function assignmentOrg(files: Record<string, string>, after: AutomationEngine[] = []): AssignmentOrg {
  const def = loadOrgMetadata(makeProject({ ...BASE_FILES, ...files }));
  const store = new SqliteOrgStore(def.schema, ':memory:');
  seedOrg(store, def, { now: NOW, isSandbox: true, hashPassword: (p) => p });
  const log = new AutomationLog(() => NOW);
  const engine = new AssignmentRuleEngine({
    rules: def.automation.assignmentRules ?? { active: new Map() },
    store,
    users: new FormulaUsers({ store, profiles: def.profiles, permissionSets: def.permissionSets }),
    log,
    now: () => NOW,
  });
  const records = new RecordService({
    store,
    access: new OpenAccessPolicy(),
    hooks: new AutomationPipeline([engine, ...after], log),
    derive: computeDerivedFields,
    now: () => NOW,
  });
  const lead = def.schema.object('Lead')!;
  const idOf = (username: string) => String(store.selectOne(`SELECT "Id" FROM "User" WHERE "Username" = ?`, [username])!.Id);
  const user = (username: string): UserContext => ({ userId: idOf(username), orgId: '00D000000000001AAA', username, profileId: null });
  let seq = 0;
  return {
    def,
    store,
    records,
    log,
    lead,
    user,
    idOf,
    queueId: (name) => String(store.selectOne(`SELECT "Id" FROM "Group" WHERE "DeveloperName" = ? AND "Type" = 'Queue'`, [name])!.Id),
    create: (fields, options = {}, as = 'admin@test.local') =>
      records.create(user(as), lead, { LastName: `Lead${++seq}`, Company: 'Test Co', ...fields }, { useAssignmentRules: true, ...options }),
    update: (id, fields, options = {}) => void records.update(user('admin@test.local'), lead, id, fields, { useAssignmentRules: true, ...options }),
    row: (id) => store.getById(lead, id)!,
    close: () => store.close(),
  };
}
