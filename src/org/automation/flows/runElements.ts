import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { FormulaError } from '../../formula/FormulaError.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { SaveOptions } from '../../service/SaveHooks.ts';
import { dmlFaultMessage, FlowFault, FlowRuntimeError } from './flowErrors.ts';
import type {
  AssignmentElement,
  CreateElement,
  DecisionElement,
  DeleteElement,
  FieldAssignment,
  FlowElement,
  LookupElement,
  LoopElement,
  RecordFilterSet,
  UpdateElement,
} from './flowModel.ts';
import type { FlowInterview } from './FlowInterview.ts';
import { coerce, RecordValue, toApiValue, type FlowValue } from './flowValues.ts';
import { assign } from './operators.ts';
import { findRecords } from './recordQuery.ts';

/**
 * Runs an interview from the start element along the connectors. Data elements run in a
 * savepoint of their own, so a fault path starts from a database without half an element's
 * writes, as on Salesforce. A fault without a fault path ends the interview with a FlowFault.
 */

/** Flow DML runs as the triggering user in system context and, like Flow, without assignment rules. */
const FLOW_DML: SaveOptions = { useAssignmentRules: false, system: true };

/** Far past any real flow; only an endless loop gets here. */
const MAX_STEPS = 100_000;

const VERB = { create: 'create', update: 'update', delete: 'delete', lookup: 'look up' } as const;

export function runInterview(interview: FlowInterview): void {
  let next = interview.flow.start;
  let steps = 0;
  while (next !== undefined) {
    if (++steps > MAX_STEPS) throw new FlowFault(next, `The flow ran more than ${MAX_STEPS} elements; the local org stopped it as an endless loop.`);
    const element = interview.flow.elements.get(next.toLowerCase());
    if (!element) throw new FlowFault(next, `The flow has no element ${next}.`);
    next = step(interview, element);
  }
}

function step(interview: FlowInterview, element: FlowElement): string | undefined {
  try {
    switch (element.kind) {
      case 'assignment':
        return runAssignment(interview, element);
      case 'decision':
        return runDecision(interview, element);
      case 'loop':
        return runLoop(interview, element);
      case 'lookup':
      case 'create':
      case 'update':
      case 'delete':
        return interview.ctx.records.inTransaction(() => runData(interview, element));
    }
  } catch (err) {
    const message = faultMessageOf(element, err);
    if ('faultNext' in element && element.faultNext) {
      interview.faultMessage = message;
      interview.path.push(`${element.name} (fault)`);
      return element.faultNext;
    }
    interview.path.push(`${element.name} (failed)`);
    throw new FlowFault(element.name, message);
  }
}

/** What went wrong, worded as Flow words it; anything else is a bug and is not swallowed. */
function faultMessageOf(element: FlowElement, err: unknown): string {
  if (isSalesforceError(err)) {
    return element.kind in VERB ? dmlFaultMessage(VERB[element.kind as keyof typeof VERB], err) : `${err.errorCode}: ${err.message}`;
  }
  if (err instanceof FlowRuntimeError || err instanceof FlowFault) return err.message;
  if (err instanceof FormulaError) return `The flow couldn't evaluate a formula: ${err.message}`;
  throw err;
}

function runAssignment(interview: FlowInterview, element: AssignmentElement): string | undefined {
  for (const item of element.items) {
    const value = interview.valueOf(item.value);
    const current = item.operator === 'Assign' || item.operator === 'AssignCount' ? null : interview.resolve(item.target);
    interview.assignTo(item.target, item.targetType, assign(item.operator, item.targetType, current, value));
  }
  interview.path.push(element.name);
  return element.next;
}

function runDecision(interview: FlowInterview, element: DecisionElement): string | undefined {
  for (const rule of element.rules) {
    if (interview.test(rule.when)) {
      interview.path.push(`${element.name} (${rule.name})`);
      return rule.next;
    }
  }
  interview.path.push(`${element.name} (${element.defaultLabel})`);
  return element.next;
}

/** Loops keep their place between visits: the body's last connector leads back to the loop. */
const LOOP_STATE = new WeakMap<FlowInterview, Map<string, { items: FlowValue[]; index: number }>>();

function runLoop(interview: FlowInterview, element: LoopElement): string | undefined {
  let loops = LOOP_STATE.get(interview);
  if (!loops) LOOP_STATE.set(interview, (loops = new Map()));
  const key = element.name.toLowerCase();
  let state = loops.get(key);
  if (!state) {
    const collection = interview.resolve(element.collection);
    const items = Array.isArray(collection) ? [...collection] : [];
    state = { items: element.descending ? items.reverse() : items, index: 0 };
    loops.set(key, state);
    interview.path.push(`${element.name} (${items.length} item${items.length === 1 ? '' : 's'})`);
  }
  if (state.index < state.items.length) {
    const item = state.items[state.index++];
    if (element.itemTarget) interview.assignTo(element.itemTarget.ref, element.itemTarget.type, item);
    else interview.values.set(key, coerce(item, { ...element.collectionType, collection: false }));
    return element.next ?? element.name;
  }
  loops.delete(key);
  return element.doneNext;
}

function runData(interview: FlowInterview, element: LookupElement | CreateElement | UpdateElement | DeleteElement): string | undefined {
  switch (element.kind) {
    case 'lookup':
      runLookup(interview, element);
      break;
    case 'create':
      runCreate(interview, element);
      break;
    case 'update':
      runUpdate(interview, element);
      break;
    case 'delete':
      runDelete(interview, element);
      break;
  }
  return element.next;
}

function matching(interview: FlowInterview, object: ObjectDef, where: RecordFilterSet, extra: Partial<Pick<LookupElement, 'sort'>> & { limit?: number } = {}) {
  const values = where.filters.map((f) => interview.valueOf(f.value));
  return findRecords(interview.ctx.store, { object, where, values, ...extra });
}

function runLookup(interview: FlowInterview, element: LookupElement): void {
  const rows = matching(interview, element.object, element.where, { sort: element.sort, ...(element.firstOnly ? { limit: 1 } : {}) });
  const records = rows.map((r) => new RecordValue(element.object, { ...r }));
  const result: FlowValue = element.firstOnly ? (records[0] ?? null) : records;
  const output = element.output;
  if (output.kind === 'automatic') interview.values.set(element.name.toLowerCase(), result);
  else if (output.kind === 'reference') interview.assignTo(output.ref, output.type, result);
  else if (records[0] || output.nullWhenNotFound) {
    for (const a of output.assignments) interview.assignTo(a.ref, a.type, records[0]?.get(a.field) ?? null);
  }
  interview.path.push(`${element.name} (${records.length} found)`);
}

function apiInput(interview: FlowInterview, assignments: FieldAssignment[]): Record<string, unknown> {
  return Object.fromEntries(assignments.map((a) => [a.field.name, toApiValue(a.field, interview.valueOf(a.value))]));
}

/** The records a reference holds, one or a collection. */
function recordsOf(interview: FlowInterview, ref: string): RecordValue[] {
  const value = interview.resolve(ref);
  const list = Array.isArray(value) ? value : value === null ? [] : [value];
  return list.map((v) => {
    if (!(v instanceof RecordValue)) throw new FlowRuntimeError(`${ref} does not hold records`);
    return v;
  });
}

function runCreate(interview: FlowInterview, element: CreateElement): void {
  const { records, user } = interview.ctx;
  const ids: string[] = [];
  if (element.source.kind === 'fields') {
    ids.push(records.create(user, element.source.object, apiInput(interview, element.source.assignments), FLOW_DML));
  } else {
    for (const record of recordsOf(interview, element.source.ref)) {
      const id = records.create(user, record.object, record.apiInput(record.dirty), FLOW_DML);
      record.row.Id = id;
      ids.push(id);
    }
  }
  for (const id of ids) interview.affected.add(id);
  if (element.storeId) interview.values.set(element.name.toLowerCase(), ids[0] ?? null);
  if (element.idTarget) interview.assignTo(element.idTarget.ref, element.idTarget.type, ids[0] ?? null);
  interview.path.push(`${element.name} (created ${ids.join(', ') || 'nothing'})`);
}

function runUpdate(interview: FlowInterview, element: UpdateElement): void {
  const { records, user, record: triggering, timing } = interview.ctx;
  const target = element.target;
  const updated: string[] = [];
  if (target.kind === 'triggering') {
    if (target.when && !interview.test(target.when)) {
      interview.path.push(`${element.name} (conditions not met)`);
      return;
    }
    for (const a of target.assignments) interview.setTriggeringField(a.field.name, interview.valueOf(a.value));
    if (timing === 'RecordBeforeSave') {
      // Before save, $Record is the record about to be saved: no DML, the save carries the values.
      interview.path.push(`${element.name} ($Record)`);
      return;
    }
    const id = triggering.id;
    if (!id) throw new FlowRuntimeError('the triggering record has no Id yet');
    records.update(user, triggering.object, id, triggering.apiInput(triggering.dirty), FLOW_DML);
    triggering.dirty.clear();
    updated.push(id);
  } else if (target.kind === 'reference') {
    for (const record of recordsOf(interview, target.ref)) {
      if (!record.id) throw new FlowRuntimeError(`MISSING_ARGUMENT: Id not specified in an update call (${target.ref})`);
      records.update(user, record.object, record.id, record.apiInput(record.dirty), FLOW_DML);
      record.dirty.clear();
      updated.push(record.id);
    }
  } else {
    const input = apiInput(interview, target.assignments);
    for (const row of matching(interview, target.object, target.where)) {
      records.update(user, target.object, String(row.Id), input, FLOW_DML);
      updated.push(String(row.Id));
    }
  }
  for (const id of updated) interview.affected.add(id);
  interview.path.push(`${element.name} (updated ${updated.length})`);
}

function runDelete(interview: FlowInterview, element: DeleteElement): void {
  const { records, user } = interview.ctx;
  const target = element.target;
  const doomed: Array<{ object: ObjectDef; id: string }> =
    target.kind === 'reference'
      ? recordsOf(interview, target.ref).map((r) => {
          if (!r.id) throw new FlowRuntimeError(`MISSING_ARGUMENT: Id not specified in a delete call (${target.ref})`);
          return { object: r.object, id: r.id };
        })
      : matching(interview, target.object, target.where).map((row) => ({ object: target.object, id: String(row.Id) }));
  // Salesforce's own wording when Delete Records finds nothing.
  if (doomed.length === 0) throw new FlowRuntimeError('DELETE --- There is nothing in Salesforce matching your delete criteria.');
  for (const d of doomed) {
    records.delete(user, d.object, d.id, FLOW_DML);
    interview.affected.add(d.id);
  }
  interview.path.push(`${element.name} (deleted ${doomed.length})`);
}
