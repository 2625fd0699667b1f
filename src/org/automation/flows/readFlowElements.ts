import { bool, child, many, manyNodes, str, type XmlNode } from '../../metadata/metadataXml.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { FlowFileReader, Where } from './FlowFileReader.ts';
import type {
  AssignmentElement,
  AssignmentItem,
  AssignmentOperator,
  CreateElement,
  DecisionElement,
  DecisionRule,
  DeleteElement,
  FlowType,
  LookupElement,
  LoopElement,
  UpdateElement,
} from './flowModel.ts';

/**
 * The elements the interpreter runs, read from their XML. Each reader returns undefined after
 * reporting a problem; the flow is then not activated.
 */

const ASSIGNMENT_OPERATORS: ReadonlySet<string> = new Set<AssignmentOperator>([
  'Assign',
  'Add',
  'Subtract',
  'AddAtStart',
  'AssignCount',
  'RemoveAll',
  'RemoveFirst',
  'RemoveAfterFirst',
  'RemoveBeforeFirst',
  'RemovePosition',
  'RemoveUncommon',
]);

const nameOf = (node: XmlNode) => str(node, 'name')?.trim() ?? '';
const labelOf = (node: XmlNode) => str(node, 'label')?.trim() || nameOf(node);

/** The triggering record, as Update Records names it. */
export const isTriggeringRecord = (ref: string | undefined) => ref?.trim().toLowerCase() === '$record';

/** A reference that can be written: a variable, a field of a record variable, a field of $Record. */
function writableTarget(r: FlowFileReader, ref: string, where: Where): FlowType | undefined {
  const type = r.refType(ref, where);
  if (!type) return undefined;
  const root = ref.split('.')[0].toLowerCase();
  const depth = ref.split('.').length;
  const fail = (why: string) => {
    r.problem(where.tag, `${where.what}: ${ref} ${why}.`, r.lineOfNamed(where.tag, where.name));
    return undefined;
  };
  if (root === '$record') return depth === 2 ? type : fail('is not a field of $Record');
  if (root.startsWith('$')) return fail('cannot be assigned');
  if (depth > 2) return fail('reaches into a parent record, which cannot be assigned');
  const resourceKind = r.resourceKinds.get(root);
  if (resourceKind !== 'variable' && !(depth === 2 && resourceKind === 'record output')) return fail('is not a variable');
  return type;
}

export function readAssignment(r: FlowFileReader, node: XmlNode): AssignmentElement | undefined {
  const name = nameOf(node);
  let ok = true;
  const items: AssignmentItem[] = [];
  manyNodes(node, 'assignmentItems').forEach((n, i) => {
    const where: Where = { tag: 'assignments', name, what: `Assignment ${name}, item ${i + 1}` };
    const op = str(n, 'operator')?.trim() ?? '';
    const target = str(n, 'assignToReference')?.trim() ?? '';
    if (!ASSIGNMENT_OPERATORS.has(op)) {
      r.problem(op || 'assignments', `${where.what} uses the operator ${op || '(none)'}, which the local org cannot run.`, r.lineOfText('operator', op, 'assignments', name));
      ok = false;
      return;
    }
    const targetType = writableTarget(r, target, where);
    const value = r.value(child(n, 'value'), where);
    if (!targetType) {
      ok = false;
      return;
    }
    items.push({ target, targetType, operator: op as AssignmentOperator, value });
  });
  return ok ? { kind: 'assignment', name, label: labelOf(node), next: r.connector(node, 'connector'), items } : undefined;
}

export function readDecision(r: FlowFileReader, node: XmlNode): DecisionElement | undefined {
  const name = nameOf(node);
  let ok = true;
  const rules: DecisionRule[] = [];
  for (const ruleNode of manyNodes(node, 'rules')) {
    const ruleName = nameOf(ruleNode);
    const when = r.conditionSet(
      manyNodes(ruleNode, 'conditions'),
      str(ruleNode, 'conditionLogic'),
      { tag: 'decisions', name, what: `Decision ${name}, outcome ${ruleName}` },
      (c) => str(c, 'leftValueReference'),
    );
    if (!when) ok = false;
    else rules.push({ name: ruleName, label: labelOf(ruleNode), when, next: r.connector(ruleNode, 'connector') });
  }
  if (!ok) return undefined;
  return {
    kind: 'decision',
    name,
    label: labelOf(node),
    rules,
    next: r.connector(node, 'defaultConnector'),
    defaultLabel: str(node, 'defaultConnectorLabel')?.trim() || 'Default Outcome',
  };
}

function objectOf(r: FlowFileReader, node: XmlNode, where: Where): ObjectDef | undefined {
  const name = str(node, 'object')?.trim() ?? '';
  const object = r.schema.object(name);
  if (!object) r.problem(where.tag, `${where.what}: the object ${name || '(none)'} is not part of the org.`, r.lineOfNamed(where.tag, where.name));
  return object;
}

function fieldsOf(r: FlowFileReader, object: ObjectDef, names: string[], where: Where): FieldDef[] | undefined {
  let ok = true;
  const fields = names.map((n) => {
    const f = object.fieldsByLowerName.get(n.trim().toLowerCase());
    if (!f) {
      ok = false;
      r.problem(where.tag, `${where.what}: ${object.name} has no field ${n.trim()}.`, r.lineOfNamed(where.tag, where.name));
    }
    return f;
  });
  return ok ? (fields as FieldDef[]) : undefined;
}

export function readLookup(r: FlowFileReader, node: XmlNode): LookupElement | undefined {
  const name = nameOf(node);
  const where: Where = { tag: 'recordLookups', name, what: `Get Records ${name}` };
  const object = objectOf(r, node, where);
  if (!object) return undefined;
  const whereSet = r.recordFilters(node, object, where);
  const firstOnly = bool(node, 'getFirstRecordOnly') ?? false;
  const queriedNames = many(node, 'queriedFields').map((v) => String(v).trim()).filter((v) => v !== '');
  const fields = fieldsOf(r, object, queriedNames, where);
  const sortName = str(node, 'sortField')?.trim();
  const sortField = sortName ? fieldsOf(r, object, [sortName], where)?.[0] : undefined;
  const descending = str(node, 'sortOrder')?.trim().toLowerCase() === 'desc';

  let output: LookupElement['output'] | undefined;
  const outputRef = str(node, 'outputReference')?.trim();
  const assignments = manyNodes(node, 'outputAssignments');
  if (bool(node, 'storeOutputAutomatically')) output = { kind: 'automatic' };
  else if (outputRef) {
    const type = writableTarget(r, outputRef, where);
    if (type && (type.dataType !== 'SObject' || type.object?.name !== object.name || type.collection === firstOnly)) {
      r.problem('recordLookups', `${where.what}: ${outputRef} is not a ${firstOnly ? 'record' : 'record collection'} variable of ${object.name}.`, r.lineOfNamed('recordLookups', name));
    } else if (type) output = { kind: 'reference', ref: outputRef, type };
  } else if (assignments.length > 0) {
    const list = assignments.flatMap((a) => {
      const field = fieldsOf(r, object, [str(a, 'field') ?? ''], where)?.[0];
      const ref = str(a, 'assignToReference')?.trim() ?? '';
      const type = writableTarget(r, ref, where);
      return field && type ? [{ field, ref, type }] : [];
    });
    if (list.length === assignments.length) output = { kind: 'fields', assignments: list, nullWhenNotFound: bool(node, 'assignNullValuesIfNoRecordsFound') ?? false };
  } else {
    r.problem('recordLookups', `${where.what} stores its result nowhere.`, r.lineOfNamed('recordLookups', name));
  }
  if (!whereSet || !fields || (sortName && !sortField) || !output) return undefined;
  return {
    kind: 'lookup',
    name,
    label: labelOf(node),
    next: r.connector(node, 'connector'),
    faultNext: r.connector(node, 'faultConnector'),
    object,
    where: whereSet,
    firstOnly,
    fields,
    sort: sortField ? { field: sortField, descending } : undefined,
    output,
  };
}

/** A record or record-collection variable used as the input of a DML element. */
function recordInput(r: FlowFileReader, ref: string, where: Where): { ref: string; type: FlowType } | undefined {
  const type = r.refType(ref, where);
  if (!type) return undefined;
  if (type.dataType !== 'SObject' || !type.object) {
    r.problem(where.tag, `${where.what}: ${ref} is not a record or record collection.`, r.lineOfNamed(where.tag, where.name));
    return undefined;
  }
  return { ref, type };
}

export function readCreate(r: FlowFileReader, node: XmlNode): CreateElement | undefined {
  const name = nameOf(node);
  const where: Where = { tag: 'recordCreates', name, what: `Create Records ${name}` };
  const inputRef = str(node, 'inputReference')?.trim();
  let source: CreateElement['source'] | undefined;
  if (inputRef) {
    const input = recordInput(r, inputRef, where);
    if (input) source = { kind: 'reference', ...input };
  } else {
    const object = objectOf(r, node, where);
    if (object) source = { kind: 'fields', object, assignments: r.fieldAssignments(node, object, where) };
  }
  const idRef = str(node, 'assignRecordIdToReference')?.trim();
  const idType = idRef ? writableTarget(r, idRef, where) : undefined;
  if (!source || (idRef && !idType)) return undefined;
  return {
    kind: 'create',
    name,
    label: labelOf(node),
    next: r.connector(node, 'connector'),
    faultNext: r.connector(node, 'faultConnector'),
    source,
    storeId: bool(node, 'storeOutputAutomatically') ?? false,
    idTarget: idRef && idType ? { ref: idRef, type: idType } : undefined,
  };
}

export function readUpdate(r: FlowFileReader, node: XmlNode, triggeringObject: ObjectDef): UpdateElement | undefined {
  const name = nameOf(node);
  const where: Where = { tag: 'recordUpdates', name, what: `Update Records ${name}` };
  const inputRef = str(node, 'inputReference')?.trim();
  let target: UpdateElement['target'] | undefined;
  if (isTriggeringRecord(inputRef)) {
    const filters = manyNodes(node, 'filters');
    const when = filters.length > 0 ? r.conditionSet(filters, str(node, 'filterLogic'), where, (f) => (str(f, 'field') ? `$Record.${str(f, 'field')!.trim()}` : undefined)) : undefined;
    if (filters.length === 0 || when) target = { kind: 'triggering', assignments: r.fieldAssignments(node, triggeringObject, where), ...(when ? { when } : {}) };
  } else if (inputRef) {
    const input = recordInput(r, inputRef, where);
    if (input) target = { kind: 'reference', ...input };
  } else {
    const object = objectOf(r, node, where);
    const whereSet = object ? r.recordFilters(node, object, where) : undefined;
    if (object && whereSet) target = { kind: 'filters', object, where: whereSet, assignments: r.fieldAssignments(node, object, where) };
  }
  if (!target) return undefined;
  return { kind: 'update', name, label: labelOf(node), next: r.connector(node, 'connector'), faultNext: r.connector(node, 'faultConnector'), target };
}

export function readDelete(r: FlowFileReader, node: XmlNode): DeleteElement | undefined {
  const name = nameOf(node);
  const where: Where = { tag: 'recordDeletes', name, what: `Delete Records ${name}` };
  const inputRef = str(node, 'inputReference')?.trim();
  let target: DeleteElement['target'] | undefined;
  if (inputRef) {
    const input = recordInput(r, inputRef, where);
    if (input) target = { kind: 'reference', ...input };
  } else {
    const object = objectOf(r, node, where);
    const whereSet = object ? r.recordFilters(node, object, where) : undefined;
    // Flow Builder requires conditions here; without them every record of the object would go.
    if (whereSet && whereSet.filters.length === 0) r.problem('recordDeletes', `${where.what} has no filter conditions.`, r.lineOfNamed('recordDeletes', name));
    else if (object && whereSet) target = { kind: 'filters', object, where: whereSet };
  }
  if (!target) return undefined;
  return { kind: 'delete', name, label: labelOf(node), next: r.connector(node, 'connector'), faultNext: r.connector(node, 'faultConnector'), target };
}

export function readLoop(r: FlowFileReader, node: XmlNode): LoopElement | undefined {
  const name = nameOf(node);
  const where: Where = { tag: 'loops', name, what: `Loop ${name}` };
  const collection = str(node, 'collectionReference')?.trim() ?? '';
  const collectionType = collection ? r.refType(collection, where) : undefined;
  if (!collection) r.problem('loops', `${where.what} names no collection.`, r.lineOfNamed('loops', name));
  if (collectionType && !collectionType.collection) r.problem('loops', `${where.what}: ${collection} is not a collection.`, r.lineOfNamed('loops', name));
  const itemRef = str(node, 'assignNextValueToReference')?.trim();
  const itemType = itemRef ? writableTarget(r, itemRef, where) : undefined;
  if (!collectionType?.collection || (itemRef && !itemType)) return undefined;
  return {
    kind: 'loop',
    name,
    label: labelOf(node),
    next: r.connector(node, 'nextValueConnector'),
    doneNext: r.connector(node, 'noMoreValuesConnector'),
    collection,
    collectionType,
    descending: str(node, 'iterationOrder')?.trim().toLowerCase() === 'desc',
    itemTarget: itemRef && itemType ? { ref: itemRef, type: itemType } : undefined,
  };
}
