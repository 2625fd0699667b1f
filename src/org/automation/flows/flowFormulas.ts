import { compileFormula } from '../../formula/compileFormula.ts';
import { FormulaError } from '../../formula/FormulaError.ts';
import type { CompiledFormula, FormulaContext, FormulaReturnType } from '../../formula/types.ts';
import type { StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldDef, FieldType, ObjectDef } from '../../schema/types.ts';
import type { FlowDataType, FlowType, FormulaDef } from './flowModel.ts';
import type { FlowScalar } from './flowValues.ts';
import { splitRef, typeOfReference, type TypeScope } from './references.ts';

/**
 * Flow formulas (`<formulas>`, `<filterFormula>`) on the org's formula engine. Flow formulas
 * write resources as merge fields (`{!$Record.Rating}`, `{!Get_Account.Type}`,
 * `{!$Flow.CurrentDate}`), which a field formula knows nothing of. So each formula is compiled
 * once against its flow's triggering object, widened with one stand-in field per flow
 * reference: `{!$Record.Field}` stays a real field of the record (ISCHANGED and PRIORVALUE then
 * work as in an entry formula), every other merge field becomes a stand-in whose value the
 * interpreter resolves just before evaluating.
 */

const RETURN_TYPES: Readonly<Record<FlowDataType, FormulaReturnType | undefined>> = {
  String: 'text',
  Picklist: 'text',
  Multipicklist: 'text',
  Number: 'number',
  Currency: 'number',
  Boolean: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  SObject: undefined,
};

const STAND_IN_TYPES: Readonly<Record<FlowDataType, FieldType>> = {
  String: 'string',
  Picklist: 'picklist',
  Multipicklist: 'multipicklist',
  Number: 'double',
  Currency: 'currency',
  Boolean: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  SObject: 'string',
};

/** A flow reference the formula reads through a stand-in field. */
export interface StandIn {
  field: FieldDef;
  ref: string;
}

export interface FlowFormula {
  compiled: CompiledFormula;
  standIns: StandIn[];
}

function standInField(name: string, type: FlowType): FieldDef {
  return {
    name,
    label: name,
    type: STAND_IN_TYPES[type.dataType],
    length: 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: true,
    createable: false,
    updateable: false,
    defaultedOnCreate: false,
    restrictedPicklist: false,
    referenceTo: [],
    externalId: false,
    unique: false,
    idLookup: false,
    custom: true,
    calculated: true,
    nameField: false,
    required: false,
    filterable: false,
    sortable: false,
    groupable: false,
  };
}

/** `$Record.<field of the record itself>`: left to the formula engine. */
function isOwnRecordField(ref: string, object: ObjectDef): boolean {
  const parts = splitRef(ref);
  return parts.length === 2 && parts[0].toLowerCase() === '$record' && object.fieldsByLowerName.has(parts[1].toLowerCase());
}

/**
 * Rewrites the merge fields outside text literals. Throws an Error for a reference the flow
 * cannot resolve, a FormulaError for a formula the engine refuses.
 */
export function compileFlowFormula(def: FormulaDef, scope: TypeScope): FlowFormula {
  const standIns: StandIn[] = [];
  const byRef = new Map<string, StandIn>();
  const expr = def.expression;
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < expr.length && expr[j] !== c) j += expr[j] === '\\' ? 2 : 1;
      out += expr.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '{' && expr[i + 1] === '!') {
      const end = expr.indexOf('}', i);
      if (end < 0) throw new Error(`the merge field at "${expr.slice(i, i + 20)}" is not closed with }`);
      const ref = expr.slice(i + 2, end).trim();
      if (isOwnRecordField(ref, scope.object)) out += ref;
      else {
        let standIn = byRef.get(ref.toLowerCase());
        if (!standIn) {
          const type = typeOfReference(ref, scope);
          if (type.collection || type.dataType === 'SObject') throw new Error(`${ref} is a ${type.collection ? 'collection' : 'record'}, which a formula cannot use`);
          standIn = { field: standInField(`GoliveFlowRef${standIns.length}__c`, type), ref };
          byRef.set(ref.toLowerCase(), standIn);
          standIns.push(standIn);
        }
        out += standIn.field.name;
      }
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  const object: ObjectDef =
    standIns.length === 0
      ? scope.object
      : {
          ...scope.object,
          fields: [...scope.object.fields, ...standIns.map((s) => s.field)],
          fieldsByLowerName: new Map([...scope.object.fieldsByLowerName, ...standIns.map((s) => [s.field.name.toLowerCase(), s.field] as const)]),
        };
  const compiled = compileFormula(out, { object, schema: scope.schema, returnType: RETURN_TYPES[def.type.dataType] });
  return { compiled, standIns };
}

/** Compiles the formula into `def.compiled`; returns why it cannot run, in one sentence, otherwise. */
export function prepareFlowFormula(def: FormulaDef, scope: TypeScope): string | undefined {
  try {
    def.compiled = compileFlowFormula(def, scope);
    return undefined;
  } catch (err) {
    if (err instanceof FormulaError || err instanceof Error) return err.message.replace(/\.?$/, '.');
    throw err;
  }
}

/**
 * Evaluates with the record's row plus the stand-ins' current values. `context` supplies the
 * rest of the engine's context (user, parents, clock).
 */
export function evaluateFlowFormula(
  formula: FlowFormula,
  row: StoredRow,
  resolve: (ref: string) => FlowScalar,
  context: Omit<FormulaContext, 'row'>,
): FlowScalar {
  const full: StoredRow = { ...row };
  for (const s of formula.standIns) full[s.field.name] = storedForm(resolve(s.ref));
  return formula.compiled.evaluate({ ...context, row: full });
}

function storedForm(v: FlowScalar): StoredValue {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
