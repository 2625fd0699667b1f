import path from 'node:path';
import type { AutomationReaderContext } from '../../metadata/automationMetadata.ts';
import { bool, child, int, manyNodes, str, type XmlNode } from '../../metadata/metadataXml.ts';
import type { ObjectDef, OrgSchema } from '../../schema/types.ts';
import { FlowFileReader, type ResourceKind } from './FlowFileReader.ts';
import { prepareFlowFormula } from './flowFormulas.ts';
import type { EntryCriteria, FlowDefinition, FlowElement, FlowTiming, FlowType, FormulaDef, TextTemplateDef, TriggerEvent, VariableDef } from './flowModel.ts';
import { mergeFieldRefs, typeOfReference } from './references.ts';
import { readAssignment, readCreate, readDecision, readDelete, readLookup, readLoop, readUpdate } from './readFlowElements.ts';

/**
 * The `flow` reader: active record-triggered flows become FlowDefinitions; anything in an active
 * flow the interpreter cannot run is a problem naming file, line and element, and that flow is
 * not activated at all (running half of it would make the local org differ silently).
 * Inactive versions (Draft, Obsolete …) do not run on Salesforce either and are skipped.
 */

/** Elements the interpreter runs, by their list name in the Flow XML. */
const RUNNABLE = ['assignments', 'decisions', 'recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes', 'loops'] as const;

/** Top-level parts that change nothing at run time in a record-triggered flow. */
const INERT = new Set([
  'apiVersion', 'description', 'environments', 'interviewLabel', 'label', 'processMetadataValues', 'processType', 'start', 'status',
  'variables', 'constants', 'formulas', 'textTemplates', 'triggerOrder', 'runInMode', 'areMetricsLoggedToDataCloud', 'isTemplate',
  'isAdditionalPermissionRequiredToRun', 'startElementReference', 'fullName', 'migratedFromWorkflowRuleName', 'sourceTemplate',
  'timeZoneSidKey', 'isOverridable', 'overriddenFlow', 'choices', 'dynamicChoiceSets', 'stages', 'customProperties',
]);

/** What the elements the interpreter cannot run are called in Flow Builder. */
const REFUSED: Readonly<Record<string, string>> = {
  actionCalls: 'Action',
  apexPluginCalls: 'Apex plug-in call',
  collectionProcessors: 'Collection Sort or Filter',
  customErrors: 'Custom Error',
  orchestratedStages: 'Orchestration stage',
  recordRollbacks: 'Roll Back Records',
  screens: 'Screen',
  steps: 'Step',
  subflows: 'Subflow',
  transforms: 'Transform',
  waits: 'Pause',
};

const TIMINGS: readonly FlowTiming[] = ['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete'];

const EVENTS: Readonly<Record<string, TriggerEvent[]>> = {
  create: ['insert'],
  update: ['update'],
  createandupdate: ['insert', 'update'],
  delete: ['delete'],
};

export function readFlows(ctx: AutomationReaderContext): FlowDefinition[] {
  const flows: FlowDefinition[] = [];
  for (const file of ctx.files) {
    const xml = ctx.read(file, ['Flow']);
    const apiName = path.posix.basename(file.rel).replace(/\.flow-meta\.xml$/i, '');
    const reader = new FlowFileReader(xml, apiName, ctx.schema);
    const flow = readFlow(reader, ctx.schema);
    ctx.problems.push(...reader.problems);
    if (flow && reader.problems.length === 0) flows.push(flow);
  }
  return sortByRunOrder(flows);
}

/**
 * Salesforce's run order for flows on one object and timing: trigger order 1–1000 first, then
 * flows without one, then 1001–2000; ties by API name. (Salesforce orders flows without a
 * trigger order by creation date, which a metadata folder does not have.)
 */
export function sortByRunOrder(flows: FlowDefinition[]): FlowDefinition[] {
  const band = (f: FlowDefinition) => (f.triggerOrder === undefined ? 1 : f.triggerOrder <= 1000 ? 0 : 2);
  return [...flows].sort(
    (a, b) => band(a) - band(b) || (a.triggerOrder ?? 0) - (b.triggerOrder ?? 0) || (a.apiName < b.apiName ? -1 : a.apiName > b.apiName ? 1 : 0),
  );
}

function readFlow(r: FlowFileReader, schema: OrgSchema): FlowDefinition | undefined {
  const body = r.body;
  if (str(body, 'status')?.trim() !== 'Active') return undefined;
  const label = str(body, 'label')?.trim() || r.apiName;
  const processType = str(body, 'processType')?.trim() || 'Flow';
  if (processType !== 'AutoLaunchedFlow') return refuseProcessType(r, processType);

  const trigger = readTrigger(r, schema);
  if (!trigger) return undefined;
  const { start, timing, object, events } = trigger;
  refuseUnrunnable(r);

  const nodes = new Map<string, XmlNode[]>(RUNNABLE.map((k) => [k, manyNodes(body, k)]));
  const resources = declareResources(r, schema, object, nodes);
  const variables = readVariables(r);
  const constants = readConstants(r);
  const formulas = readFormulas(r, resources.formulaTypes);
  const textTemplates = readTextTemplates(r);
  const entry = readEntry(r, start, events);

  const elements = new Map<string, FlowElement>();
  const add = (e: FlowElement | undefined) => e && elements.set(e.name.toLowerCase(), e);
  for (const n of nodes.get('assignments')!) add(readAssignment(r, n));
  for (const n of nodes.get('decisions')!) add(readDecision(r, n));
  for (const n of nodes.get('recordLookups')!) add(readLookup(r, n));
  for (const n of nodes.get('recordCreates')!) add(readCreate(r, n));
  for (const n of nodes.get('recordUpdates')!) add(readUpdate(r, n, object));
  for (const n of nodes.get('recordDeletes')!) add(readDelete(r, n));
  for (const n of nodes.get('loops')!) add(readLoop(r, n));

  const startTarget = r.connector(start, 'connector') ?? (str(body, 'startElementReference')?.trim() || undefined);
  checkConnectors(r, startTarget, nodes);
  checkTimingRules(r, timing, elements);
  for (const f of formulas.values()) {
    const problem = prepareFlowFormula(f, r.scope!);
    if (problem) r.problem('formulas', `the formula ${f.name}: ${problem}`, r.lineOfNamed('formulas', f.name));
  }
  if (entry.formula) {
    const problem = prepareFlowFormula(entry.formula, r.scope!);
    if (problem) r.problem('filterFormula', `the entry condition formula: ${problem}`, r.lineOfNamed('filterFormula'));
  }

  const triggerOrder = int(body, 'triggerOrder') ?? int(start, 'triggerOrder');
  return {
    apiName: r.apiName,
    label,
    file: r.xml.file,
    object,
    timing,
    events: new Set(events),
    ...(triggerOrder === undefined ? {} : { triggerOrder }),
    entry,
    start: startTarget,
    elements,
    variables,
    constants,
    formulas,
    textTemplates,
  };
}

/** The start element's trigger: when the flow runs and on what. */
function readTrigger(r: FlowFileReader, schema: OrgSchema): { start: XmlNode; timing: FlowTiming; object: ObjectDef; events: TriggerEvent[] } | undefined {
  const start = child(r.body, 'start');
  const timing = str(start, 'triggerType')?.trim() ?? '';
  if (!start || !TIMINGS.includes(timing as FlowTiming)) {
    r.problem(
      'start',
      timing
        ? `the ${timing} trigger is not emulated; the local org runs record-triggered flows only (before save, after save, before delete).`
        : 'this autolaunched flow has no record trigger, so only Apex, a subflow, a REST call or a schedule would start it; the local org never does.',
      r.lineOfNamed('start'),
      'Until then nothing in the local org starts this flow; test it in a sandbox.',
    );
    return undefined;
  }
  const objectName = str(start, 'object')?.trim() ?? '';
  const object = schema.object(objectName);
  if (!object) {
    r.problem('start', `the flow starts on the object ${objectName || '(none)'}, which is not part of the org.`, r.lineOfText('object', objectName, 'start'));
    return undefined;
  }
  const triggerTypeText = str(start, 'recordTriggerType')?.trim() ?? (timing === 'RecordBeforeDelete' ? 'Delete' : '');
  const events = EVENTS[triggerTypeText.toLowerCase()];
  if (!events || (timing === 'RecordBeforeDelete') !== events.includes('delete')) {
    r.problem('start', `the record trigger type ${triggerTypeText || '(none)'} does not fit the ${timing} trigger.`, r.lineOfNamed('start'));
    return undefined;
  }
  if (manyNodes(start, 'scheduledPaths').length > 0) {
    r.problem('scheduledPaths', 'scheduled and asynchronous paths are not emulated.', r.lineOfNamed('scheduledPaths'));
  }
  return { start, timing: timing as FlowTiming, object, events };
}

/** One problem per element the interpreter cannot run, each with its own line. */
function refuseUnrunnable(r: FlowFileReader): void {
  for (const key of Object.keys(r.body)) {
    if (INERT.has(key) || (RUNNABLE as readonly string[]).includes(key)) continue;
    const what = REFUSED[key];
    for (const n of manyNodes(r.body, key)) {
      const name = str(n, 'name')?.trim();
      r.problem(
        key,
        what ? `the ${what} element${name ? ` ${name}` : ''} (<${key}>) cannot be run by the local org.` : `the <${key}> element is not known to the local org.`,
        r.lineOfNamed(key, name),
      );
    }
  }
}

function refuseProcessType(r: FlowFileReader, processType: string): undefined {
  const line = r.lineOfNamed('processType');
  if (processType === 'Workflow') {
    r.problem('processType', 'this is a Process Builder process, which the local org does not run.', line, 'Migrate it to a record-triggered flow (Setup → Migrate to Flow), or test it in a sandbox.');
  } else if (processType === 'Flow') {
    r.problem('processType', 'this is a screen flow: it runs only when a user launches it in the Salesforce UI.', line, 'UI only: the API behaves the same without it.');
  } else {
    r.problem('processType', `flows of type ${processType} are not emulated; the local org runs record-triggered flows only.`, line, 'Until then nothing in the local org starts this flow; test it in a sandbox.');
  }
  return undefined;
}

interface DeclaredResources {
  formulaTypes: Map<string, FlowType>;
}

/**
 * Names every resource and element output with its type before any element is read, since
 * elements refer to each other in any order. Loops whose own name is the current item take their
 * type from their collection, resolved on first use.
 */
function declareResources(r: FlowFileReader, schema: OrgSchema, object: FlowDefinition['object'], nodes: Map<string, XmlNode[]>): DeclaredResources {
  const types = new Map<string, FlowType>();
  const formulaTypes = new Map<string, FlowType>();
  const loops = new Map<string, string>();
  const elementNames = new Set<string>();
  const declare = (name: string | undefined, kind: ResourceKind, type: FlowType | undefined, tag: string) => {
    const key = name?.trim().toLowerCase();
    if (!key) return;
    if (r.resourceKinds.has(key) || elementNames.has(key)) {
      r.problem(tag, `the name ${name} is used twice.`, r.lineOfNamed(tag, name));
      return;
    }
    r.resourceKinds.set(key, kind);
    if (type) types.set(key, type);
  };

  for (const v of manyNodes(r.body, 'variables')) {
    const name = str(v, 'name')?.trim() ?? '';
    const where = { tag: 'variables', name, what: `the variable ${name}` };
    const dataType = r.dataType(str(v, 'dataType'), where);
    const collection = bool(v, 'isCollection') ?? false;
    let type: FlowType | undefined;
    if (dataType === 'SObject') {
      const objectType = schema.object(str(v, 'objectType')?.trim() ?? '');
      if (!objectType) r.problem('variables', `${where.what} is a record of ${str(v, 'objectType') ?? '(no object)'}, which is not part of the org.`, r.lineOfNamed('variables', name));
      else type = { dataType, object: objectType, collection };
    } else if (dataType) type = { dataType, collection };
    declare(name, 'variable', type, 'variables');
  }
  for (const c of manyNodes(r.body, 'constants')) {
    const name = str(c, 'name')?.trim() ?? '';
    const dataType = r.dataType(str(c, 'dataType'), { tag: 'constants', name, what: `the constant ${name}` });
    declare(name, 'constant', dataType ? { dataType, collection: false } : undefined, 'constants');
  }
  for (const f of manyNodes(r.body, 'formulas')) {
    const name = str(f, 'name')?.trim() ?? '';
    const dataType = r.dataType(str(f, 'dataType') ?? 'String', { tag: 'formulas', name, what: `the formula ${name}` });
    const type = dataType ? { dataType, collection: false } : undefined;
    if (type) formulaTypes.set(name.toLowerCase(), type);
    declare(name, 'formula', type, 'formulas');
  }
  for (const t of manyNodes(r.body, 'textTemplates')) declare(str(t, 'name'), 'textTemplate', { dataType: 'String', collection: false }, 'textTemplates');
  for (const [tag, list] of nodes) {
    for (const n of list) {
      const name = str(n, 'name')?.trim();
      if (tag === 'recordLookups' && bool(n, 'storeOutputAutomatically')) {
        const target = schema.object(str(n, 'object')?.trim() ?? '');
        const firstOnly = bool(n, 'getFirstRecordOnly') ?? false;
        declare(name, 'record output', target ? { dataType: 'SObject', object: target, collection: !firstOnly } : undefined, tag);
      } else if (tag === 'recordCreates' && bool(n, 'storeOutputAutomatically')) {
        declare(name, 'id output', { dataType: 'String', collection: false }, tag);
      } else if (tag === 'loops' && !str(n, 'assignNextValueToReference')) {
        declare(name, 'loop', undefined, tag);
        if (name) loops.set(name.toLowerCase(), str(n, 'collectionReference')?.trim() ?? '');
      } else if (name) {
        // Other elements are not resources, but their names must still be unique.
        if (r.resourceKinds.has(name.toLowerCase()) || elementNames.has(name.toLowerCase())) r.problem(tag, `the name ${name} is used twice.`, r.lineOfNamed(tag, name));
      }
      if (name) elementNames.add(name.toLowerCase());
    }
  }

  const resolving = new Set<string>();
  r.scope = {
    schema,
    object,
    resource(name: string): FlowType | undefined {
      const key = name.toLowerCase();
      const known = types.get(key);
      if (known) return known;
      const collection = loops.get(key);
      if (collection === undefined || resolving.has(key)) return undefined;
      resolving.add(key);
      try {
        const t = typeOfReference(collection, this);
        if (!t.collection) return undefined;
        const item = { ...t, collection: false };
        types.set(key, item);
        return item;
      } catch {
        return undefined;
      } finally {
        resolving.delete(key);
      }
    },
  };
  return { formulaTypes };
}

function readVariables(r: FlowFileReader): Map<string, VariableDef> {
  const out = new Map<string, VariableDef>();
  for (const v of manyNodes(r.body, 'variables')) {
    const name = str(v, 'name')?.trim() ?? '';
    const type = r.scope!.resource(name);
    if (!type) continue;
    const initial = r.value(child(v, 'value'), { tag: 'variables', name, what: `the variable ${name}` });
    out.set(name.toLowerCase(), { name, type, initial });
  }
  return out;
}

function readConstants(r: FlowFileReader): FlowDefinition['constants'] {
  const out = new Map<string, { name: string; type: FlowType; value: ReturnType<FlowFileReader['value']> }>();
  for (const c of manyNodes(r.body, 'constants')) {
    const name = str(c, 'name')?.trim() ?? '';
    const type = r.scope!.resource(name);
    if (!type) continue;
    out.set(name.toLowerCase(), { name, type, value: r.value(child(c, 'value'), { tag: 'constants', name, what: `the constant ${name}` }) });
  }
  return out;
}

function readFormulas(r: FlowFileReader, types: Map<string, FlowType>): Map<string, FormulaDef> {
  const out = new Map<string, FormulaDef>();
  for (const f of manyNodes(r.body, 'formulas')) {
    const name = str(f, 'name')?.trim() ?? '';
    const type = types.get(name.toLowerCase());
    const expression = str(f, 'expression') ?? '';
    if (type) out.set(name.toLowerCase(), { name, type, expression });
  }
  return out;
}

function readTextTemplates(r: FlowFileReader): Map<string, TextTemplateDef> {
  const out = new Map<string, TextTemplateDef>();
  for (const t of manyNodes(r.body, 'textTemplates')) {
    const name = str(t, 'name')?.trim() ?? '';
    const text = str(t, 'text') ?? '';
    const refs = mergeFieldRefs(text);
    for (const ref of refs) r.refType(ref, { tag: 'textTemplates', name, what: `the text template ${name}` });
    out.set(name.toLowerCase(), { name, text, refs });
  }
  return out;
}

function readEntry(r: FlowFileReader, start: XmlNode, events: TriggerEvent[]): EntryCriteria {
  const filters = manyNodes(start, 'filters');
  const formulaText = str(start, 'filterFormula');
  const entry: EntryCriteria = { requireChange: (bool(start, 'doesRequireRecordChangedToMeetCriteria') ?? false) && events.includes('update') };
  if (filters.length > 0) {
    const set = r.conditionSet(filters, str(start, 'filterLogic'), { tag: 'start', what: 'the entry conditions' }, (f) => {
      const field = str(f, 'field')?.trim();
      return field ? `$Record.${field}` : undefined;
    });
    if (set) entry.conditions = set;
  }
  if (formulaText !== undefined && formulaText.trim() !== '') {
    entry.formula = { name: 'filterFormula', type: { dataType: 'Boolean', collection: false }, expression: formulaText };
  }
  return entry;
}

function checkConnectors(r: FlowFileReader, startTarget: string | undefined, nodes: Map<string, XmlNode[]>): void {
  const names = new Set<string>();
  for (const list of nodes.values()) for (const n of list) names.add(str(n, 'name')?.trim() ?? '');
  const check = (target: string | undefined, tag: string, from: string | undefined) => {
    if (target !== undefined && !names.has(target)) {
      r.problem(tag, `${from ? `${from} connects` : 'the start connects'} to ${target}, which is not an element this flow can run.`, r.lineOfNamed(tag, from));
    }
  };
  check(startTarget, 'start', undefined);
  for (const [tag, list] of nodes) {
    for (const n of list) {
      const name = str(n, 'name')?.trim();
      for (const key of ['connector', 'faultConnector', 'defaultConnector', 'nextValueConnector', 'noMoreValuesConnector']) check(r.connector(n, key), tag, name);
      for (const rule of manyNodes(n, 'rules')) check(r.connector(rule, 'connector'), tag, name);
    }
  }
}

/** What Flow Builder itself refuses to save, checked again for files written by hand. */
function checkTimingRules(r: FlowFileReader, timing: FlowTiming, elements: Map<string, FlowElement>): void {
  const tagOf: Record<string, string> = { create: 'recordCreates', update: 'recordUpdates', delete: 'recordDeletes' };
  for (const e of elements.values()) {
    if (timing === 'RecordBeforeSave' && (e.kind === 'create' || e.kind === 'delete' || (e.kind === 'update' && e.target.kind !== 'triggering'))) {
      r.problem(tagOf[e.kind], `${e.name}: a before-save flow can only change the triggering record; create, update or delete other records in an after-save flow.`, r.lineOfNamed(tagOf[e.kind], e.name));
    }
    if (timing === 'RecordBeforeDelete' && e.kind === 'update' && e.target.kind === 'triggering') {
      r.problem('recordUpdates', `${e.name}: the record being deleted cannot be updated.`, r.lineOfNamed('recordUpdates', e.name));
    }
  }
}
