import type { FormulaUser } from '../../formula/types.ts';
import type { OrgStore, StoredRow } from '../../persistence/OrgStore.ts';
import { computeDerivedFields } from '../../schema/derivedFields.ts';
import type { OrgSchema } from '../../schema/types.ts';
import type { RecordService } from '../../service/RecordService.ts';
import type { SaveEvent } from '../../service/SaveHooks.ts';
import type { AutomationEngine } from '../AutomationPipeline.ts';
import type { AutomationLog } from '../AutomationLog.ts';
import { FlowFault, flowTriggerError } from './flowErrors.ts';
import { FlowInterview } from './FlowInterview.ts';
import type { FlowDefinition, FlowTiming } from './flowModel.ts';
import { RecordValue } from './flowValues.ts';
import { runInterview } from './runElements.ts';

/**
 * Record-triggered flows in the save pipeline: before-save flows in `beforeSave`, after-save
 * flows in `afterSave`, before-delete flows in `validate` of a delete (the one stage a delete
 * passes through). Flows on one object run in Salesforce's run order (see readFlows.ts), each
 * as the triggering user in system context, inside the triggering DML's transaction.
 *
 * Recursion: a flow's DML on its own triggering record runs the save again, flows included,
 * as on Salesforce. Within one top-level save, a flow runs at most twice for the same record
 * (the original run and one re-run caused by a recursive save), after the "one more time, and
 * only one more time" rule Salesforce documents for re-fired triggers; further re-entries are
 * skipped and logged. Flows that keep creating new records are stopped at a nesting depth of
 * 16, Salesforce's trigger depth limit.
 */

export interface FlowEngineDeps {
  flows: readonly FlowDefinition[];
  log: AutomationLog;
  /** The record service is built after the pipeline it calls: a thunk breaks the cycle. */
  records: () => RecordService;
  now: () => Date;
  /** The running user as flow formulas see it ($User, $Profile, $Permission …). */
  users: { forUser(userId: string): FormulaUser };
}

const MAX_RUNS_PER_RECORD = 2;
const MAX_DEPTH = 16;

/** Audit fields a record has no value for before its first save; a before-save insert sees them blank. */
const UNSAVED_FIELDS = ['Id', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'];

export class FlowEngine implements AutomationEngine {
  readonly name = 'flows';
  private readonly byTrigger = new Map<string, FlowDefinition[]>();
  /** Flow interviews currently running (nested saves run inside an outer flow's DML). */
  private depth = 0;
  /** Runs per flow and record within the current top-level save. */
  private readonly runs = new Map<string, number>();

  constructor(private readonly deps: FlowEngineDeps) {
    for (const flow of deps.flows) {
      const key = triggerKey(flow.object.name, flow.timing);
      this.byTrigger.set(key, [...(this.byTrigger.get(key) ?? []), flow]);
    }
  }

  /** The active flows, in run order per object and timing. */
  get flows(): readonly FlowDefinition[] {
    return this.deps.flows;
  }

  beforeSave(event: SaveEvent): void {
    // A save no flow started is a new transaction as far as the recursion guard goes.
    if (this.depth === 0) this.runs.clear();
    this.runAll('RecordBeforeSave', event);
  }

  afterSave(event: SaveEvent): void {
    this.runAll('RecordAfterSave', event);
  }

  validate(event: SaveEvent): void {
    if (event.kind !== 'delete') return;
    if (this.depth === 0) this.runs.clear();
    this.runAll('RecordBeforeDelete', event);
  }

  private runAll(timing: FlowTiming, event: SaveEvent): void {
    const flows = this.byTrigger.get(triggerKey(event.object.name, timing));
    if (!flows) return;
    for (const flow of flows) if (flow.events.has(event.kind)) this.runOne(flow, timing, event);
  }

  private runOne(flow: FlowDefinition, timing: FlowTiming, event: SaveEvent): void {
    const records = this.deps.records();
    const store = records.store;
    const recordId = typeof event.row.Id === 'string' ? event.row.Id : null;
    const log = (outcome: 'fired' | 'skipped' | 'failed', detail: string, affectedIds: string[] = []) =>
      this.deps.log.record({ kind: 'flow', name: flow.apiName, object: flow.object.name, recordId, userId: event.user.userId, outcome, detail, affectedIds });

    const runKey = `${flow.apiName}|${recordId ?? ''}`;
    const runs = this.runs.get(runKey) ?? 0;
    if (runs >= MAX_RUNS_PER_RECORD) {
      log('skipped', `Not run again: this flow already ran ${runs} times for this record in this transaction (recursion guard).`);
      return;
    }

    const interview = new FlowInterview({
      flow,
      timing,
      kind: event.kind,
      user: event.user,
      records,
      store,
      now: this.deps.now(),
      record: triggeringRecord(flow, timing, event, store),
      prior: event.kind === 'update' && event.prior ? new RecordValue(flow.object, { ...event.prior }) : null,
      formulaUser: () => this.deps.users.forUser(event.user.userId),
    });

    try {
      const entered = this.entered(interview, event);
      if (entered !== true) {
        log('skipped', entered);
        return;
      }
      if (this.depth >= MAX_DEPTH) throw new FlowFault('start', 'Maximum trigger depth exceeded: flows kept saving records that start flows.');
      this.runs.set(runKey, runs + 1);
      this.depth++;
      try {
        runInterview(interview);
      } finally {
        this.depth--;
      }
    } catch (err) {
      if (!(err instanceof FlowFault)) throw err;
      log('failed', [...interview.path, err.message].join(' → '), [...interview.affected]);
      throw flowTriggerError(flow.label, err.message);
    }

    if (timing === 'RecordBeforeSave') applyToSave(interview.ctx.record, event, store.schema);
    log('fired', interview.path.join(' → ') || 'The flow has no elements past its start.', [...interview.affected]);
  }

  /** true, or why the flow does not start. Entry conditions that break fail the save like an element. */
  private entered(interview: FlowInterview, event: SaveEvent): true | string {
    const entry = interview.flow.entry;
    if (!entry.conditions && !entry.formula) return true;
    let meetsNow: boolean;
    try {
      meetsNow = interview.meets(entry);
    } catch (err) {
      throw new FlowFault('start', `The flow couldn't evaluate its entry conditions: ${(err as Error).message}`);
    }
    if (!meetsNow) return 'Entry conditions not met.';
    if (!entry.requireChange || event.kind !== 'update' || !interview.ctx.prior) return true;
    // "Only when a record is updated to meet the condition requirements": the prior version must not have met them.
    const before = new FlowInterview({ ...interview.ctx, record: interview.ctx.prior.clone(), prior: null });
    let metBefore: boolean;
    try {
      metBefore = before.meets(entry);
    } catch (err) {
      throw new FlowFault('start', `The flow couldn't evaluate its entry conditions: ${(err as Error).message}`);
    }
    return metBefore ? 'Entry conditions not met: the record already met them before this change.' : true;
  }
}

function triggerKey(object: string, timing: FlowTiming): string {
  return `${object.toLowerCase()}|${timing}`;
}

/**
 * $Record for this run. Before save it is the record about to be saved (without an Id on
 * insert); after save it is the stored row, which assignment rules may have changed since the
 * event was made; before delete it is the record going away.
 */
function triggeringRecord(flow: FlowDefinition, timing: FlowTiming, event: SaveEvent, store: OrgStore): RecordValue {
  if (timing === 'RecordAfterSave' && typeof event.row.Id === 'string') {
    // Nothing has written since the save (or what did kept event.row in step): it is the stored
    // row, short of the columns an insert left unset. Reading it back costs a bulk load ~10%.
    if (event.storedAt === store.writeCount) {
      const row: StoredRow = { ...event.row };
      for (const f of flow.object.fields) if (row[f.name] === undefined) row[f.name] = null;
      return new RecordValue(flow.object, row);
    }
    const stored = store.getById(flow.object, event.row.Id);
    if (stored) return new RecordValue(flow.object, { ...stored });
  }
  const row: StoredRow = { ...event.row };
  if (timing === 'RecordBeforeSave' && event.kind === 'insert') for (const f of UNSAVED_FIELDS) row[f] = null;
  return new RecordValue(flow.object, row);
}

/** A before-save flow's changes become part of the save, with the fields the platform derives from them. */
function applyToSave(record: RecordValue, event: SaveEvent, schema: OrgSchema): void {
  if (record.dirty.size === 0) return;
  for (const name of record.dirty) event.row[name] = record.row[name];
  computeDerivedFields(event.object.name, event.row, { schema, previous: event.prior, setByCaller: record.dirty });
}
