import { child, lineOf, manyNodes, str, type MetadataXml, type XmlNode } from '../../metadata/metadataXml.ts';
import type { MetadataProblem } from '../../metadata/types.ts';
import type { ObjectDef, OrgSchema } from '../../schema/types.ts';
import { parseLogic, type LogicNode } from './conditionLogic.ts';
import type { ComparisonOperator, ConditionSet, FieldAssignment, FlowCondition, FlowDataType, FlowType, RecordFilterSet, ValueSource } from './flowModel.ts';
import { mergeFieldRefs, typeOfReference, type TypeScope } from './references.ts';

/**
 * Reading one flow file: the shared parts of every element (values, references, conditions,
 * connectors) and the problems found on the way. Each problem names the file, the line and the
 * element or operator, so the person fixing it lands on the right spot; one problem keeps the
 * whole flow from being activated.
 */

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set<ComparisonOperator>([
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'GreaterThanOrEqualTo',
  'LessThan',
  'LessThanOrEqualTo',
  'StartsWith',
  'EndsWith',
  'Contains',
  'IsNull',
  'IsBlank',
  'IsEmpty',
  'IsChanged',
  'In',
  'NotIn',
]);

/** Operators whose right side is a Boolean saying which way round the test goes. */
export const UNARY_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(['IsNull', 'IsBlank', 'IsEmpty', 'IsChanged']);

/** What a resource name stands for, to tell what may be assigned. */
export type ResourceKind = 'variable' | 'constant' | 'formula' | 'textTemplate' | 'record output' | 'id output' | 'loop';

export const NOT_ACTIVATED = 'The local org does not run this flow at all until it is fixed.';

export class FlowFileReader {
  readonly problems: MetadataProblem[] = [];
  /** Lower-cased resource and element-output names. */
  readonly resourceKinds = new Map<string, ResourceKind>();

  constructor(
    readonly xml: MetadataXml,
    readonly apiName: string,
    readonly schema: OrgSchema,
    /** Set once the start element is read; references need it. */
    public scope?: TypeScope,
  ) {}

  get body(): XmlNode {
    return this.xml.body;
  }

  /** The line of `<tag>` whose `<name>` is `name` (or of the first `<tag>`). */
  lineOfNamed(tag: string, name?: string): number | undefined {
    const text = this.xml.text;
    if (name !== undefined) {
      const at = text.search(new RegExp(`<name>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*</name>`));
      if (at >= 0) {
        const open = text.lastIndexOf(`<${tag}`, at);
        return lineOf(text, tag, open >= 0 ? open : 0) ?? lineAt(text, at);
      }
    }
    return lineOf(text, tag);
  }

  /** The line of a leaf with that exact text (`<operator>WasSet</operator>`), searched from an element on. */
  lineOfText(leaf: string, value: string, fromTag?: string, fromName?: string): number | undefined {
    const text = this.xml.text;
    const fromLine = fromTag ? this.lineOfNamed(fromTag, fromName) : undefined;
    const from = fromLine === undefined ? 0 : offsetOfLine(text, fromLine);
    const at = text.indexOf(`<${leaf}>${value}</${leaf}>`, from);
    return at >= 0 ? lineAt(text, at) : fromLine;
  }

  problem(element: string, message: string, line?: number, hint = NOT_ACTIVATED): void {
    this.problems.push({ file: this.xml.file, ...(line === undefined ? {} : { line }), element, message: `Flow ${this.apiName}: ${message}`, hint });
  }

  /** A reference's type, or undefined after reporting why it does not resolve. */
  refType(ref: string, where: Where): FlowType | undefined {
    if (!this.scope) return undefined;
    try {
      return typeOfReference(ref, this.scope);
    } catch (err) {
      this.problem(where.tag, `${where.what}: ${(err as Error).message}.`, this.lineOfNamed(where.tag, where.name));
      return undefined;
    }
  }

  /** A `<value>` (or any node holding one of the value leaves). */
  value(node: XmlNode | undefined, where: Where): ValueSource {
    if (!node) return { kind: 'none' };
    const ref = str(node, 'elementReference');
    if (ref !== undefined && ref.trim() !== '') {
      const type = this.refType(ref.trim(), where);
      return type ? { kind: 'reference', ref: ref.trim(), type } : { kind: 'none' };
    }
    const text = str(node, 'stringValue');
    if (text !== undefined) {
      const refs = mergeFieldRefs(text);
      for (const r of refs) this.refType(r, where);
      return refs.length > 0 ? { kind: 'template', text, refs } : { kind: 'literal', value: text, dataType: 'String' };
    }
    const number = str(node, 'numberValue');
    if (number !== undefined && number.trim() !== '') {
      const n = Number(number);
      if (!Number.isFinite(n)) {
        this.problem(where.tag, `${where.what}: "${number}" is not a number.`, this.lineOfNamed(where.tag, where.name));
        return { kind: 'none' };
      }
      return { kind: 'literal', value: n, dataType: 'Number' };
    }
    const bool = str(node, 'booleanValue');
    if (bool !== undefined && bool.trim() !== '') return { kind: 'literal', value: bool.trim().toLowerCase() === 'true', dataType: 'Boolean' };
    const date = str(node, 'dateValue');
    if (date !== undefined && date.trim() !== '') return { kind: 'literal', value: date.trim(), dataType: 'Date' };
    const dateTime = str(node, 'dateTimeValue');
    if (dateTime !== undefined && dateTime.trim() !== '') return { kind: 'literal', value: dateTime.trim(), dataType: 'DateTime' };
    for (const other of ['apexValue', 'sobjectValue', 'formulaDataType', 'formulaExpression', 'setupReference', 'transformValueReference']) {
      if (node[other] !== undefined) {
        this.problem(where.tag, `${where.what}: a <${other}> value is not supported by the local org.`, this.lineOfNamed(where.tag, where.name));
      }
    }
    return { kind: 'none' };
  }

  /** The `<targetReference>` of a connector child, checked later against the element names. */
  connector(node: XmlNode | undefined, key: string): string | undefined {
    const target = str(child(node, key), 'targetReference')?.trim();
    return target ? target : undefined;
  }

  operator(text: string | undefined, where: Where): ComparisonOperator | undefined {
    const op = text?.trim() ?? '';
    if (COMPARISON_OPERATORS.has(op)) return op as ComparisonOperator;
    this.problem(
      op || where.tag,
      `${where.what} uses the operator ${op || '(none)'}, which the local org cannot evaluate.`,
      op ? this.lineOfText('operator', op, where.tag, where.name) : this.lineOfNamed(where.tag, where.name),
    );
    return undefined;
  }

  logic(text: string | undefined, count: number, where: Where): LogicNode | undefined {
    try {
      return parseLogic(text, count);
    } catch (err) {
      this.problem(where.tag, `${where.what}: ${(err as Error).message}.`, this.lineOfNamed(where.tag, where.name));
      return undefined;
    }
  }

  /** `<conditions>` with `leftValueReference` (decisions), or `<filters>` with `field` on $Record (start). */
  conditionSet(nodes: XmlNode[], logicText: string | undefined, where: Where, leftOf: (n: XmlNode) => string | undefined): ConditionSet | undefined {
    const conditions: FlowCondition[] = [];
    let ok = true;
    nodes.forEach((n, i) => {
      const left = leftOf(n)?.trim();
      const at: Where = { ...where, what: `${where.what}, condition ${i + 1}` };
      const operator = this.operator(str(n, 'operator'), at);
      const leftType = left ? this.refType(left, at) : undefined;
      if (!left) this.problem(where.tag, `${at.what} has no left-hand side.`, this.lineOfNamed(where.tag, where.name));
      const right = this.value(child(n, 'rightValue') ?? child(n, 'value'), at);
      if (!operator || !leftType || !left) {
        ok = false;
        return;
      }
      if (operator === 'IsChanged' && !/^\$record\./i.test(left)) {
        this.problem('IsChanged', `${at.what}: IsChanged applies only to fields of $Record, not ${left}.`, this.lineOfText('operator', 'IsChanged', where.tag, where.name));
        ok = false;
        return;
      }
      conditions.push({ left, leftType, operator, right });
    });
    const logic = this.logic(logicText, nodes.length, where);
    return ok && logic ? { conditions, logic } : undefined;
  }

  /** `<filters>` of Get/Update/Delete Records on `object`. */
  recordFilters(node: XmlNode, object: ObjectDef, where: Where): RecordFilterSet | undefined {
    const nodes = manyNodes(node, 'filters');
    let ok = true;
    const filters = nodes.flatMap((n, i) => {
      const at: Where = { ...where, what: `${where.what}, filter ${i + 1}` };
      const fieldName = str(n, 'field')?.trim() ?? '';
      const field = object.fieldsByLowerName.get(fieldName.toLowerCase());
      const operator = this.operator(str(n, 'operator'), at);
      const value = this.value(child(n, 'value'), at);
      if (!field) this.problem(where.tag, `${at.what}: ${object.name} has no field ${fieldName || '(none)'}.`, this.lineOfNamed(where.tag, where.name));
      if (operator === 'IsChanged') this.problem('IsChanged', `${at.what}: IsChanged cannot filter records.`, this.lineOfNamed(where.tag, where.name));
      if (!field || !operator || operator === 'IsChanged') {
        ok = false;
        return [];
      }
      return [{ field, operator, value }];
    });
    const logic = this.logic(str(node, 'filterLogic'), nodes.length, where);
    return ok && logic ? { filters, logic } : undefined;
  }

  /** `<inputAssignments>` on `object`: fields the DML sets. */
  fieldAssignments(node: XmlNode, object: ObjectDef, where: Where): FieldAssignment[] {
    return manyNodes(node, 'inputAssignments').flatMap((n) => {
      const fieldName = str(n, 'field')?.trim() ?? '';
      const field = object.fieldsByLowerName.get(fieldName.toLowerCase());
      if (!field) {
        this.problem(where.tag, `${where.what}: ${object.name} has no field ${fieldName || '(none)'}.`, this.lineOfNamed(where.tag, where.name));
        return [];
      }
      return [{ field, value: this.value(child(n, 'value'), { ...where, what: `${where.what}, field ${field.name}` }) }];
    });
  }

  /** A data type of a variable, constant or formula; undefined after a problem. */
  dataType(text: string | undefined, where: Where): FlowDataType | undefined {
    const t = text?.trim() ?? '';
    const known: FlowDataType[] = ['String', 'Number', 'Currency', 'Boolean', 'Date', 'DateTime', 'SObject', 'Picklist', 'Multipicklist'];
    if ((known as string[]).includes(t)) return t as FlowDataType;
    this.problem(where.tag, `${where.what} has the data type ${t || '(none)'}, which the local org does not support.`, this.lineOfNamed(where.tag, where.name));
    return undefined;
  }
}

/** Where something is, for problems: the element tag, its name and a phrase for the message. */
export interface Where {
  tag: string;
  name?: string;
  what: string;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return at;
    at = nl + 1;
  }
  return at;
}
