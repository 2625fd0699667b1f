import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { LogicNode } from './conditionLogic.ts';
import type { FlowFormula } from './flowFormulas.ts';

/**
 * A record-triggered flow as the reader leaves it: every reference resolved to a type, every
 * element and operator known to the interpreter. Anything the interpreter could not run was
 * refused while reading, so nothing here is checked again at run time.
 */

/** Flow data types the interpreter runs (Apex-defined and Time variables are refused). */
export type FlowDataType = 'String' | 'Number' | 'Currency' | 'Boolean' | 'Date' | 'DateTime' | 'SObject' | 'Picklist' | 'Multipicklist';

/** The static type of a resource or of a reference into one. */
export interface FlowType {
  dataType: FlowDataType;
  /** For SObject values: the record's object. */
  object?: ObjectDef;
  collection: boolean;
  /** When the reference ends in a record field: that field (ids compare as ids, values convert by field type). */
  field?: FieldDef;
}

/** A `<value>`: a literal, a reference (`elementReference`), a text with merge fields, or nothing (null). */
export type ValueSource =
  | { kind: 'literal'; value: string | number | boolean; dataType: FlowDataType }
  | { kind: 'template'; text: string; refs: string[] }
  | { kind: 'reference'; ref: string; type: FlowType }
  | { kind: 'none' };

/** Operators of decision conditions and entry conditions. */
export type ComparisonOperator =
  | 'EqualTo'
  | 'NotEqualTo'
  | 'GreaterThan'
  | 'GreaterThanOrEqualTo'
  | 'LessThan'
  | 'LessThanOrEqualTo'
  | 'StartsWith'
  | 'EndsWith'
  | 'Contains'
  | 'IsNull'
  | 'IsBlank'
  | 'IsEmpty'
  | 'IsChanged'
  | 'In'
  | 'NotIn';

export interface FlowCondition {
  /** A reference (`$Record.Rating`, `Get_Account.Type`, a variable). */
  left: string;
  leftType: FlowType;
  operator: ComparisonOperator;
  right: ValueSource;
}

/** Conditions with their logic: `and`, `or` or a custom `1 AND (2 OR 3)`. */
export interface ConditionSet {
  conditions: FlowCondition[];
  logic: LogicNode;
}

/** A `<filters>` entry of Get/Update/Delete Records: a field of the queried object. */
export interface RecordFilter {
  field: FieldDef;
  operator: ComparisonOperator;
  value: ValueSource;
}

export interface RecordFilterSet {
  filters: RecordFilter[];
  logic: LogicNode;
}

export interface FieldAssignment {
  field: FieldDef;
  value: ValueSource;
}

export type AssignmentOperator =
  | 'Assign'
  | 'Add'
  | 'Subtract'
  | 'AddAtStart'
  | 'AssignCount'
  | 'RemoveAll'
  | 'RemoveFirst'
  | 'RemoveAfterFirst'
  | 'RemoveBeforeFirst'
  | 'RemovePosition'
  | 'RemoveUncommon';

export interface AssignmentItem {
  target: string;
  targetType: FlowType;
  operator: AssignmentOperator;
  value: ValueSource;
}

interface ElementBase {
  name: string;
  label: string;
  /** Where the next step goes; undefined ends the interview. */
  next?: string;
}

/** Elements that touch the database may name a fault path. */
interface DataElementBase extends ElementBase {
  faultNext?: string;
}

export interface AssignmentElement extends ElementBase {
  kind: 'assignment';
  items: AssignmentItem[];
}

export interface DecisionRule {
  name: string;
  label: string;
  when: ConditionSet;
  next?: string;
}

export interface DecisionElement extends ElementBase {
  kind: 'decision';
  rules: DecisionRule[];
  /** The default outcome's label, for the path in the log. */
  defaultLabel: string;
}

export interface LookupElement extends DataElementBase {
  kind: 'lookup';
  object: ObjectDef;
  where: RecordFilterSet;
  firstOnly: boolean;
  /** Fields to read (Id always); empty = every field. */
  fields: FieldDef[];
  sort?: { field: FieldDef; descending: boolean };
  /** Where the result goes: the element itself (storeOutputAutomatically), a variable, or fields into variables. */
  output:
    | { kind: 'automatic' }
    | { kind: 'reference'; ref: string; type: FlowType }
    | { kind: 'fields'; assignments: Array<{ field: FieldDef; ref: string; type: FlowType }>; nullWhenNotFound: boolean };
}

export interface CreateElement extends DataElementBase {
  kind: 'create';
  /** From field values, or from a record (collection) variable. */
  source: { kind: 'fields'; object: ObjectDef; assignments: FieldAssignment[] } | { kind: 'reference'; ref: string; type: FlowType };
  storeId: boolean;
  /** assignRecordIdToReference */
  idTarget?: { ref: string; type: FlowType };
}

export interface UpdateElement extends DataElementBase {
  kind: 'update';
  target:
    | { kind: 'triggering'; assignments: FieldAssignment[]; /** "Update the record only if" conditions on $Record. */ when?: ConditionSet }
    | { kind: 'reference'; ref: string; type: FlowType }
    | { kind: 'filters'; object: ObjectDef; where: RecordFilterSet; assignments: FieldAssignment[] };
}

export interface DeleteElement extends DataElementBase {
  kind: 'delete';
  target: { kind: 'reference'; ref: string; type: FlowType } | { kind: 'filters'; object: ObjectDef; where: RecordFilterSet };
}

export interface LoopElement extends ElementBase {
  kind: 'loop';
  collection: string;
  collectionType: FlowType;
  descending: boolean;
  /** assignNextValueToReference; absent for loops whose own name holds the current item. */
  itemTarget?: { ref: string; type: FlowType };
  /** noMoreValuesConnector (`next` is nextValueConnector). */
  doneNext?: string;
}

export type FlowElement = AssignmentElement | DecisionElement | LookupElement | CreateElement | UpdateElement | DeleteElement | LoopElement;

export interface VariableDef {
  name: string;
  type: FlowType;
  initial: ValueSource;
}

export interface FormulaDef {
  name: string;
  type: FlowType;
  expression: string;
  /** Set by the reader once the formula compiled; a flow whose formula does not compile is not activated. */
  compiled?: FlowFormula;
}

export interface TextTemplateDef {
  name: string;
  text: string;
  refs: string[];
}

/** When the flow runs: Salesforce's triggerType values. */
export type FlowTiming = 'RecordBeforeSave' | 'RecordAfterSave' | 'RecordBeforeDelete';
export type TriggerEvent = 'insert' | 'update' | 'delete';

export interface EntryCriteria {
  conditions?: ConditionSet;
  /** `<filterFormula>`: a Boolean formula over $Record. */
  formula?: FormulaDef;
  /** doesRequireRecordChangedToMeetCriteria: on update, run only if the prior record did not meet them. */
  requireChange: boolean;
}

export interface FlowDefinition {
  /** The flow's API name (the file name). */
  apiName: string;
  label: string;
  /** Relative path of the flow file, for messages. */
  file: string;
  object: ObjectDef;
  timing: FlowTiming;
  events: ReadonlySet<TriggerEvent>;
  triggerOrder?: number;
  entry: EntryCriteria;
  /** The first element; undefined for a flow that does nothing past its start. */
  start?: string;
  elements: ReadonlyMap<string, FlowElement>;
  /** Resources by lower-cased name. */
  variables: ReadonlyMap<string, VariableDef>;
  constants: ReadonlyMap<string, { name: string; type: FlowType; value: ValueSource }>;
  formulas: ReadonlyMap<string, FormulaDef>;
  textTemplates: ReadonlyMap<string, TextTemplateDef>;
}
