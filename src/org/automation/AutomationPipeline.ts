import type { SaveEvent, SaveHooks } from '../service/SaveHooks.ts';
import type { AutomationLog } from './AutomationLog.ts';

/**
 * One kind of automation, as the pipeline runs it. Each engine (validation rules, duplicate
 * rules, assignment rules, flows) implements the stages it takes part in and records what it
 * did in the AutomationLog it was built with. A stage refuses a save by throwing a
 * SalesforceError; that rolls the whole DML call back.
 */
export interface AutomationEngine {
  readonly name: string;
  /** Before-save record-triggered flows: may change event.row. */
  beforeSave?(event: SaveEvent): void;
  /** Custom validation (validation rules). */
  validate?(event: SaveEvent): void;
  /** Duplicate rules, after validation rules. */
  checkDuplicates?(event: SaveEvent): void;
  /** Assignment rules: the record is saved; may change its owner. */
  assign?(event: SaveEvent): void;
  /** After-save record-triggered flows: may write other records. */
  afterSave?(event: SaveEvent): void;
}

/**
 * The org's automation in Salesforce's order of execution (see src/org/README.md):
 * before-save flows → (system validation, in RecordService) → validation rules → duplicate rules
 * → save → assignment rules → after-save flows. All inside the DML call's transaction.
 *
 * Saves made by automation (a flow creating a task) run through RecordService again and so
 * through this pipeline, as on Salesforce; an engine that can trigger itself guards its own
 * recursion.
 */
export class AutomationPipeline implements SaveHooks {
  constructor(
    private readonly engines: readonly AutomationEngine[],
    readonly log: AutomationLog,
  ) {}

  get engineNames(): string[] {
    return this.engines.map((e) => e.name);
  }

  beginTransaction(): void {
    this.log.begin();
  }

  endTransaction(rolledBack: boolean): void {
    this.log.end(rolledBack);
  }

  beforeSave(event: SaveEvent): void {
    for (const e of this.engines) e.beforeSave?.(event);
  }

  validate(event: SaveEvent): void {
    for (const e of this.engines) e.validate?.(event);
    for (const e of this.engines) e.checkDuplicates?.(event);
  }

  afterSave(event: SaveEvent): void {
    for (const e of this.engines) e.assign?.(event);
    for (const e of this.engines) e.afterSave?.(event);
  }
}
