import { AutomationLog } from '../../../src/org/automation/AutomationLog.ts';
import { AutomationPipeline } from '../../../src/org/automation/AutomationPipeline.ts';
import { DuplicateRuleEngine } from '../../../src/org/automation/duplicates/DuplicateRuleEngine.ts';
import { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { seedOrg } from '../../../src/org/metadata/seedOrg.ts';
import type { MetadataProblem, OrgDefinition } from '../../../src/org/metadata/types.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { computeDerivedFields } from '../../../src/org/schema/derivedFields.ts';
import { type AccessPolicy, OpenAccessPolicy } from '../../../src/org/service/AccessPolicy.ts';
import { RecordService } from '../../../src/org/service/RecordService.ts';
import type { SaveOptions } from '../../../src/org/service/SaveHooks.ts';
import type { UserContext } from '../../../src/org/service/UserContext.ts';
import { MAIN, xml } from '../metadata/sfdxProject.ts';
import { makeProject } from '../metadata/sfdxProject.ts';

/**
 * Purpose-made orgs for duplicate rule tests: three users, the matching and duplicate rule files
 * each test writes, and a save pipeline with only the duplicate rule engine. Sharing is open
 * unless a test passes `ownRecordsOnly`, where users other than the admin see only the records
 * they own (enough to tell EnforceSharingRules from BypassSharingRules).
 */

const NOW = new Date('2025-05-14T12:00:00.000Z');
const ADMIN = 'admin@test.local';

const users = [
  { username: ADMIN, lastName: 'Admin', email: ADMIN, profile: 'System Administrator', department: 'Ops' },
  { username: 'rep@test.local', lastName: 'Rep', email: 'rep@test.local', profile: 'Standard User', department: 'Sales' },
  { username: 'other@test.local', lastName: 'Other', email: 'other@test.local', profile: 'Standard User' },
];

export interface MatchingItem {
  field: string;
  method: string;
  blanks?: 'MatchBlanks' | 'NullNotAllowed';
}

export function matchingRulesFile(object: string, rules: Array<{ name: string; items: MatchingItem[]; logic?: string; status?: string }>): Record<string, string> {
  const body = rules
    .map(
      (r) =>
        `<matchingRules><fullName>${r.name}</fullName>${r.logic ? `<booleanFilter>${r.logic}</booleanFilter>` : ''}<label>${r.name}</label>` +
        r.items
          .map((i) => `<matchingRuleItems><blankValueBehavior>${i.blanks ?? 'NullNotAllowed'}</blankValueBehavior><fieldName>${i.field}</fieldName><matchingMethod>${i.method}</matchingMethod></matchingRuleItems>`)
          .join('') +
        `<ruleStatus>${r.status ?? 'Active'}</ruleStatus></matchingRules>`,
    )
    .join('\n');
  return { [`${MAIN}/matchingRules/${object}.matchingRule-meta.xml`]: xml('MatchingRules', body) };
}

export interface DuplicateRuleSpec {
  object?: string;
  name: string;
  onInsert?: 'Allow' | 'Block';
  onUpdate?: 'Allow' | 'Block';
  operationsOnInsert?: string[];
  operationsOnUpdate?: string[];
  alertText?: string;
  security?: string;
  active?: boolean;
  /** [table, field, operation, value] rows. */
  conditions?: Array<[string, string, string, string]>;
  conditionLogic?: string;
  matchRules: Array<{ object: string; rule: string; mapping?: Array<[string, string]> }>;
  sortOrder?: number;
}

export const duplicateRulePath = (object: string, name: string) => `${MAIN}/duplicateRules/${object}.${name}.duplicateRule-meta.xml`;

export function duplicateRuleFile(spec: DuplicateRuleSpec): Record<string, string> {
  const object = spec.object ?? 'Lead';
  const ops = (tag: string, values: string[] | undefined) => (values ?? []).map((v) => `<${tag}>${v}</${tag}>`).join('');
  const conditions = spec.conditions
    ? `<duplicateRuleFilter>${spec.conditionLogic ? `<booleanFilter>${spec.conditionLogic}</booleanFilter>` : '<booleanFilter xsi:nil="true"/>'}` +
      spec.conditions.map(([table, field, op, value], i) => `<duplicateRuleFilterItems><field>${field}</field><operation>${op}</operation><value>${value}</value><sortOrder>${i + 1}</sortOrder><table>${table}</table></duplicateRuleFilterItems>`).join('') +
      '</duplicateRuleFilter>'
    : '';
  const matches = spec.matchRules
    .map(
      (m) =>
        `<duplicateRuleMatchRules><matchRuleSObjectType>${m.object}</matchRuleSObjectType><matchingRule>${m.rule}</matchingRule>` +
        (m.mapping
          ? `<objectMapping><inputObject>${object}</inputObject>${m.mapping.map(([i, o]) => `<mappingFields><inputField>${i}</inputField><outputField>${o}</outputField></mappingFields>`).join('')}<outputObject>${m.object}</outputObject></objectMapping>`
          : '<objectMapping xsi:nil="true"/>') +
        '</duplicateRuleMatchRules>',
    )
    .join('');
  const body =
    `<actionOnInsert>${spec.onInsert ?? 'Block'}</actionOnInsert><actionOnUpdate>${spec.onUpdate ?? 'Block'}</actionOnUpdate>` +
    (spec.alertText ? `<alertText>${spec.alertText}</alertText>` : '<alertText xsi:nil="true"/>') +
    conditions +
    matches +
    `<isActive>${spec.active ?? true}</isActive><masterLabel>${spec.name}</masterLabel>` +
    ops('operationsOnInsert', spec.operationsOnInsert ?? ['Alert']) +
    ops('operationsOnUpdate', spec.operationsOnUpdate ?? ['Alert']) +
    `<securityOption>${spec.security ?? 'BypassSharingRules'}</securityOption><shouldNotify>false</shouldNotify><sortOrder>${spec.sortOrder ?? 1}</sortOrder>`;
  const file = xml('DuplicateRule', body).replace('<DuplicateRule ', '<DuplicateRule xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ');
  return { [duplicateRulePath(object, spec.name)]: file };
}

/** Users other than the admin read only the records they own. */
function ownRecordsOnly(adminId: () => string): AccessPolicy {
  const open = new OpenAccessPolicy();
  return Object.assign(Object.create(open) as AccessPolicy, {
    name: 'own records only',
    canReadRecord: (user: UserContext, _object: unknown, row: StoredRow) =>
      user.userId === adminId() || row.OwnerId === undefined || row.OwnerId === user.userId,
  });
}

export interface DuplicateOrg {
  def: OrgDefinition;
  store: SqliteOrgStore;
  records: RecordService;
  log: AutomationLog;
  problems(file?: string): MetadataProblem[];
  user(username?: string): UserContext;
  idOf(username: string): string;
  create(object: string, fields: Record<string, unknown>, options?: Partial<SaveOptions>, as?: string): string;
  update(object: string, id: string, fields: Record<string, unknown>, options?: Partial<SaveOptions>): void;
  /** The SalesforceError a create or update throws (fails the test when it saves). */
  refusal(save: () => unknown): SalesforceError;
  row(object: string, id: string): StoredRow | undefined;
  close(): void;
}

export function duplicateOrg(files: Record<string, string>, options: { ownRecordsOnly?: boolean } = {}): DuplicateOrg {
  const def = loadOrgMetadata(makeProject({ 'golive/users.json': JSON.stringify({ orgName: 'Duplicate Test Org', defaultPassword: 'pw-local-1', users }), ...files }));
  const store = new SqliteOrgStore(def.schema, ':memory:');
  seedOrg(store, def, { now: NOW, isSandbox: true, hashPassword: (p) => p });
  const idOf = (username: string) => String(store.selectOne(`SELECT "Id" FROM "User" WHERE "Username" = ?`, [username])!.Id);
  const access = options.ownRecordsOnly ? ownRecordsOnly(() => idOf(ADMIN)) : new OpenAccessPolicy();
  const log = new AutomationLog(() => NOW);
  const engine = new DuplicateRuleEngine({ rules: def.automation.duplicateRules ?? { byObject: new Map() }, store, access, log, now: () => NOW });
  const records = new RecordService({ store, access, hooks: new AutomationPipeline([engine], log), derive: computeDerivedFields, now: () => NOW });
  const user = (username = ADMIN): UserContext => ({ userId: idOf(username), orgId: '00D000000000001AAA', username, profileId: null });
  const object = (name: string) => def.schema.object(name)!;
  const defaults: Record<string, Record<string, unknown>> = { Lead: { LastName: 'Lead', Company: 'Test Co' }, Contact: { LastName: 'Contact' }, Account: { Name: 'Account' } };
  return {
    def,
    store,
    records,
    log,
    problems: (file) => def.problems.filter((p) => !file || p.file === file),
    user,
    idOf,
    create: (name, fields, opts = {}, as = ADMIN) => records.create(user(as), object(name), { ...defaults[name], ...fields }, { useAssignmentRules: false, ...opts }),
    update: (name, id, fields, opts = {}) => void records.update(user(), object(name), id, fields, { useAssignmentRules: false, ...opts }),
    refusal(save) {
      try {
        save();
      } catch (err) {
        if (err instanceof SalesforceError) return err;
        throw err;
      }
      throw new Error('the save went through');
    },
    row: (name, id) => store.getById(object(name), id),
    close: () => store.close(),
  };
}
