import { LATEST_API_VERSION } from '../../api/apiVersions.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { OrgStore, StoredRow } from '../../persistence/OrgStore.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { toApi } from '../../schema/valueCodec.ts';
import type { AccessPolicy } from '../../service/AccessPolicy.ts';
import type { SaveEvent } from '../../service/SaveHooks.ts';
import type { AutomationEngine } from '../AutomationPipeline.ts';
import type { AutomationLog, AutomationOutcome } from '../AutomationLog.ts';
import { allOrLogic } from '../filterItems/booleanFilter.ts';
import { duplicateMessage, duplicateResult, type RuleMatches } from './duplicateResult.ts';
import type { LoadParent } from './fieldPath.ts';
import { findMatches } from './findMatches.ts';
import type { DuplicateRule, DuplicateRuleConditions, DuplicateRules } from './types.ts';

export interface DuplicateRuleEngineDeps {
  rules: DuplicateRules;
  store: OrgStore;
  /** The org's security model, for rules that enforce sharing. */
  access: AccessPolicy;
  log: AutomationLog;
  now: () => Date;
}

/**
 * Duplicate rules, run after validation rules on every insert and update of an object that has
 * active ones, in their sortOrder. For each rule whose conditions the record meets, its matching
 * rules look for existing records; when they find some, the rule's action for the operation
 * decides, as the Metadata API documents it for API saves:
 *
 * - Block: the save fails with DUPLICATES_DETECTED (allowSave false);
 * - Allow with Alert: the save fails with DUPLICATES_DETECTED (allowSave true) unless the call's
 *   DuplicateRuleHeader says allowSave=true, in which case it is saved and logged as allowed;
 * - Allow without Alert: saved, and logged as allowed with the matched records.
 *
 * Duplicate rules do not run when a lead is converted (the update that marks it converted).
 */
export class DuplicateRuleEngine implements AutomationEngine {
  readonly name = 'duplicate rules';

  constructor(private readonly deps: DuplicateRuleEngineDeps) {}

  checkDuplicates(event: SaveEvent): void {
    if (event.kind === 'delete') return;
    const rules = this.deps.rules.byObject.get(event.object.name.toLowerCase());
    if (!rules || rules.length === 0 || isLeadConversion(event)) return;
    const loadParent: LoadParent = (object, id) => {
      const row = this.deps.store.getById(object, id);
      return row && row.IsDeleted !== 1 ? row : undefined;
    };
    for (const rule of rules) {
      if (rule.conditions && !this.conditionsMet(rule.conditions, event)) {
        this.record(event, rule, 'skipped', `Conditions not met (${rule.conditions.text}).`);
        continue;
      }
      const results = this.matchesFor(rule, event, loadParent);
      const found = results.flatMap((r) => r.records.map((m) => `${r.target.name} ${String(m.row.Id)} (${r.match.rule.name}, ${m.confidence}%)`));
      if (found.length === 0) {
        this.record(event, rule, 'skipped', 'No duplicates found.');
        continue;
      }
      const action = event.kind === 'insert' ? rule.onInsert : rule.onUpdate;
      const allowedByHeader = event.options.duplicateRuleHeader?.allowSave === true;
      const on = event.kind === 'insert' ? 'insert' : 'update';
      if (action.action === 'Block' || (action.alert && !allowedByHeader)) {
        const why = action.action === 'Block' ? `Blocked the ${on}` : `Alert on ${on}: refused through the API without DuplicateRuleHeader allowSave=true`;
        this.record(event, rule, 'blocked', `${why}; duplicates of ${found.join(', ')}.`);
        const header = event.options.duplicateRuleHeader;
        throw SfErrors.duplicatesDetected(
          duplicateMessage(rule),
          duplicateResult(rule, results, {
            allowSave: action.action === 'Allow',
            apiVersion: event.options.apiVersion ?? `${LATEST_API_VERSION}.0`,
            ...(header?.includeRecordDetails ? { details: (object: ObjectDef, row: StoredRow) => this.details(event, object, row) } : {}),
          }),
        );
      }
      const how = action.alert ? 'allowed by DuplicateRuleHeader allowSave=true' : action.report ? 'allowed and reported' : 'allowed';
      this.record(event, rule, 'allowed', `Saved as a duplicate (${how}) of ${found.join(', ')}.`);
    }
  }

  private matchesFor(rule: DuplicateRule, event: SaveEvent, loadParent: LoadParent): RuleMatches[] {
    const enforce = rule.enforceSharing || event.options.duplicateRuleHeader?.runAsCurrentUser === true;
    return rule.matches.map((match) => {
      const target = this.deps.store.schema.object(match.target)!;
      const records = findMatches(match, event.row, loadParent, {
        store: this.deps.store,
        target,
        selfId: String(event.row.Id),
        canSee: enforce ? (row) => this.deps.access.canReadRecord(event.user, target, row) : () => true,
        loadParent,
      });
      return { match, target, records };
    });
  }

  private conditionsMet(conditions: DuplicateRuleConditions, event: SaveEvent): boolean {
    let userRow: StoredRow | undefined;
    const user = () => {
      const object = this.deps.store.schema.object('User')!;
      userRow ??= this.deps.store.getById(object, event.user.userId) ?? {};
      return userRow;
    };
    const ctx = { now: this.deps.now() };
    return allOrLogic(
      conditions.items.length,
      (i) => {
        const c = conditions.items[i - 1];
        return c.item.test(c.table === 'user' ? user() : event.row, ctx);
      },
      conditions.logic,
    );
  }

  /** includeRecordDetails: the matched record's fields the running user may read, as the API shows them. */
  private details(event: SaveEvent, object: ObjectDef, row: StoredRow): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of object.fields) {
      if (f.name !== 'Id' && this.deps.access.fieldAccess(event.user, object, f).read) out[f.name] = toApi(f, row[f.name]);
    }
    return out;
  }

  private record(event: SaveEvent, rule: DuplicateRule, outcome: AutomationOutcome, detail: string): void {
    // A blocked insert never gets its id; the matched records are named in the detail, not in
    // affectedIds, which lists what automation wrote (and cleanup deletes).
    const rolledBackInsert = event.kind === 'insert' && outcome === 'blocked';
    this.deps.log.record({
      kind: 'duplicateRule',
      name: rule.name,
      object: event.object.name,
      recordId: rolledBackInsert ? null : String(event.row.Id),
      userId: event.user.userId,
      outcome,
      detail,
    });
  }
}

function isLeadConversion(event: SaveEvent): boolean {
  return event.object.name === 'Lead' && event.kind === 'update' && event.prior?.IsConverted !== 1 && event.row.IsConverted === 1;
}
