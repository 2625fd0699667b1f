import type { SalesforceError } from '../../errors/SalesforceError.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import { FormulaError } from '../../formula/FormulaError.ts';
import type { FormulaUsers } from '../../formula/FormulaUsers.ts';
import type { OrgStore } from '../../persistence/OrgStore.ts';
import type { SaveEvent } from '../../service/SaveHooks.ts';
import type { AutomationLog } from '../AutomationLog.ts';
import type { AutomationEngine } from '../AutomationPipeline.ts';
import { formulaContextOf } from '../formulaContextOf.ts';
import type { FormulaContext } from '../../formula/types.ts';
import type { ValidationRuleDef } from './types.ts';

export interface ValidationRulesDeps {
  rules: readonly ValidationRuleDef[];
  store: OrgStore;
  users: FormulaUsers;
  log: AutomationLog;
  now: () => Date;
}

/**
 * Validation rules on insert and update (never delete), after the system validation, as
 * Salesforce runs them: every active rule of the object is evaluated and all that fire are
 * reported together (FIELD_CUSTOM_VALIDATION_EXCEPTION each, on its errorDisplayField), so
 * jsforce sees MULTIPLE_API_ERRORS for a single record and a collection lists every error.
 *
 * Every evaluation is logged: `blocked` with the rule's message, `skipped` when the condition
 * was false or blank, `failed` when the formula broke on this record. The passing ones are
 * logged too because "which rules ran on this record and passed" is the evidence a UAT report
 * needs; inactive rules and rules with problems are not evaluated, so not logged.
 *
 * A rule whose formula breaks on a record (division by zero) refuses the save with a message
 * naming the rule rather than letting the record through unchecked.
 */
export class ValidationRulesEngine implements AutomationEngine {
  readonly name = 'validationRules';
  private readonly byObject = new Map<string, ValidationRuleDef[]>();

  constructor(private readonly deps: ValidationRulesDeps) {
    for (const rule of deps.rules) {
      if (!rule.active || !rule.condition) continue;
      const key = rule.object.toLowerCase();
      this.byObject.set(key, [...(this.byObject.get(key) ?? []), rule]);
    }
  }

  validate(event: SaveEvent): void {
    if (event.kind === 'delete') return;
    const rules = this.byObject.get(event.object.name.toLowerCase());
    if (!rules || isLeadConversion(event)) return;
    const ctx = formulaContextOf(event, { store: this.deps.store, users: this.deps.users, now: this.deps.now() });
    const refusals: SalesforceError[] = [];
    for (const rule of rules) {
      const outcome = this.evaluate(rule, ctx, event);
      if (outcome) refusals.push(outcome);
    }
    if (refusals.length > 0) throw SfErrors.together(refusals);
  }

  /** The refusal when the rule fires or breaks; undefined when it lets the record through. */
  private evaluate(rule: ValidationRuleDef, ctx: FormulaContext, event: SaveEvent): SalesforceError | undefined {
    const entry = { kind: 'validationRule' as const, name: rule.fullName, object: event.object.name, recordId: idOf(event), userId: event.user.userId };
    let fired: boolean;
    try {
      fired = rule.condition!.evaluate(ctx) === true;
    } catch (err) {
      if (!(err instanceof FormulaError)) throw err;
      this.deps.log.record({ ...entry, outcome: 'failed', detail: `the condition could not be evaluated: ${err.message}` });
      return SfErrors.fieldCustomValidation(`Validation rule ${rule.fullName} could not be evaluated: ${err.message}`, rule.errorDisplayField);
    }
    if (!fired) {
      this.deps.log.record({ ...entry, outcome: 'skipped', detail: 'condition not met' });
      return undefined;
    }
    const where = rule.errorDisplayField ? ` (on ${rule.errorDisplayField})` : '';
    this.deps.log.record({ ...entry, outcome: 'blocked', detail: `${rule.errorMessage}${where}` });
    return SfErrors.fieldCustomValidation(rule.errorMessage, rule.errorDisplayField);
  }
}

const idOf = (event: SaveEvent): string | null => (typeof event.row.Id === 'string' ? event.row.Id : null);

/**
 * The update that marks a lead converted. Salesforce skips the lead's validation rules there
 * unless the org turns on "Require Validation for Converted Leads" (off by default, not emulated);
 * the account, contact and opportunity the conversion creates are validated as usual.
 */
function isLeadConversion(event: SaveEvent): boolean {
  return event.object.name === 'Lead' && event.kind === 'update' && event.row.IsConverted === 1 && event.prior?.IsConverted !== 1;
}
