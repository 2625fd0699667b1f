import type { FormulaUsers } from '../../formula/FormulaUsers.ts';
import type { OrgStore } from '../../persistence/OrgStore.ts';
import type { SaveEvent } from '../../service/SaveHooks.ts';
import type { AutomationEngine } from '../AutomationPipeline.ts';
import type { AutomationLog } from '../AutomationLog.ts';
import { formulaContextOf } from '../formulaContextOf.ts';
import type { Assignee, AssignmentEntry, AssignmentRule, AssignmentRules } from './types.ts';

export interface AssignmentRuleEngineDeps {
  rules: AssignmentRules;
  store: OrgStore;
  /** The running user as formula entries see it ($User, $Profile …). */
  users: FormulaUsers;
  log: AutomationLog;
  now: () => Date;
}

/**
 * Lead (and case) assignment rules, applied as Salesforce applies them through the API: after
 * the record is saved, when the call asks for them (REST's Sforce-Auto-Assign header, TRUE by
 * default, on create and on update alike). The active rule's entries are tried in order and
 * the first that matches gives the record its owner.
 *
 * The new owner is written within the same save — straight into the stored row, and into
 * event.row so the after-save flows that follow see it — rather than by a second update, which
 * would run the save's automation a second time.
 *
 * When no entry matches, Salesforce gives the record to the Default Lead Owner (Case: Default
 * Case Owner) from Lead Settings / Support Settings. Source metadata does not carry those
 * settings, so the local org keeps the owner the record was saved with, and says so in the log.
 */
export class AssignmentRuleEngine implements AutomationEngine {
  readonly name = 'assignment rules';

  constructor(private readonly deps: AssignmentRuleEngineDeps) {}

  assign(event: SaveEvent): void {
    if (event.kind === 'delete' || !event.options.useAssignmentRules) return;
    const rule = this.deps.rules.active.get(event.object.name.toLowerCase());
    if (!rule) return;
    const now = this.deps.now();
    const ctx = { now, formula: formulaContextOf(event, { store: this.deps.store, users: this.deps.users, now }) };
    const entry = rule.entries.find((e) => e.matches(event.row, ctx));
    if (!entry) {
      this.record(event, rule, 'skipped', `No entry matched; the owner stays ${String(event.row.OwnerId)} (Salesforce would use the Default ${event.object.name} Owner, which the local org does not know).`);
      return;
    }
    const ownerId = this.ownerIdOf(entry.assignee, event.object.name);
    if (!ownerId) {
      this.record(event, rule, 'failed', `Entry ${entry.order} matched, but ${describe(entry.assignee)} is not an active owner for ${event.object.name} records any more; the owner is unchanged.`);
      return;
    }
    if (event.row.OwnerId !== ownerId) {
      const inStep = event.storedAt === this.deps.store.writeCount;
      this.deps.store.update(event.object, String(event.row.Id), { OwnerId: ownerId });
      event.row.OwnerId = ownerId;
      if (inStep) event.storedAt = this.deps.store.writeCount;
    }
    this.record(event, rule, 'fired', `Entry ${entry.order} (${entry.criteria}) assigned the record to ${describe(entry.assignee)} (${ownerId}).`, entry);
  }

  /** The assignee's id now: users and queues are records, looked up when the rule runs. */
  private ownerIdOf(assignee: Assignee, object: string): string | undefined {
    if (assignee.type === 'User') {
      const user = this.deps.store.selectOne(`SELECT "Id" FROM "User" WHERE "Username" = ? COLLATE NOCASE AND "IsActive" = 1 AND "IsDeleted" = 0`, [assignee.name]);
      return user ? String(user.Id) : undefined;
    }
    const queue = this.deps.store.selectOne(
      `SELECT g."Id" FROM "Group" g JOIN "QueueSobject" q ON q."QueueId" = g."Id" AND q."IsDeleted" = 0
       WHERE g."DeveloperName" = ? COLLATE NOCASE AND g."Type" = 'Queue' AND g."IsDeleted" = 0 AND q."SobjectType" = ?`,
      [assignee.name, object],
    );
    return queue ? String(queue.Id) : undefined;
  }

  private record(event: SaveEvent, rule: AssignmentRule, outcome: 'fired' | 'skipped' | 'failed', detail: string, entry?: AssignmentEntry): void {
    this.deps.log.record({
      kind: 'assignmentRule',
      name: rule.name,
      object: event.object.name,
      recordId: String(event.row.Id),
      userId: event.user.userId,
      outcome,
      detail,
      affectedIds: entry ? [String(event.row.Id)] : [],
    });
  }
}

function describe(assignee: Assignee): string {
  return `${assignee.type === 'User' ? 'the user' : 'the queue'} ${assignee.name}`;
}
