import formulon, { type FormulonNode } from 'formulon';
import type { StoredRow } from '../persistence/OrgStore.ts';
import { Env, type Evaluator } from './evaluation.ts';
import { FormulaError } from './FormulaError.ts';
import { FUNCTIONS, UNSUPPORTED_FUNCTIONS, type Arg } from './functions.ts';
import { checkbox, datetime, fromStored, fromStoredAs, sampleOf, text, toStoredValue, typeLabel, typeOf, type Literal } from './literals.ts';
import { resolveMergeField, type MergeField, type PathBase } from './mergeFields.ts';
import { describeSyntaxError, isStringPlaceholder, prepareSource } from './source.ts';
import type { CompiledFormula, CompileOptions, FormulaContext, FormulaType, FormulaValue } from './types.ts';

/**
 * Compiles a Salesforce formula for one object: formulon parses it (after source.ts has
 * rewritten what its grammar lacks), merge fields are resolved against the schema, functions
 * against the catalogue (functions.ts), then the whole tree is type-checked once on typed
 * samples. Every problem is a FormulaError thrown here, never at save time.
 */

const ORIGIN = new Date(Date.UTC(1900, 0, 1));

class Compiler {
  readonly references = new Set<string>();
  readonly fields = new Set<string>();

  constructor(
    private readonly options: CompileOptions,
    private readonly strings: Map<string, string>,
  ) {}

  node(n: FormulonNode): Arg {
    switch (n.type) {
      case 'literal': {
        const value = n as Literal;
        return { evaluate: () => value, constant: value };
      }
      case 'identifier': {
        if (isStringPlaceholder(n.name)) {
          const value = text(this.strings.get(n.name) ?? '');
          return { evaluate: () => value, constant: value };
        }
        return this.mergeField(n.name);
      }
      case 'callExpression':
        return this.call(n.id, n.arguments);
      default:
        throw new FormulaError(n.message, 'syntax');
    }
  }

  private call(id: string, args: FormulonNode[]): Arg {
    const build = Object.hasOwn(FUNCTIONS, id) ? FUNCTIONS[id] : undefined;
    if (!build) {
      const name = id.toUpperCase();
      if (UNSUPPORTED_FUNCTIONS.has(id)) throw new FormulaError(`Function ${name} is not supported by the golive local org`, 'unsupported', name);
      throw new FormulaError(`Unknown function ${name}. Check spelling.`, 'unknownFunction', name);
    }
    return { evaluate: build(args.map((a) => this.node(a)), this.options.object.name) };
  }

  private mergeField(name: string): Arg {
    const ref = resolveMergeField(name, this.options.object, this.options.schema, this.options.variables);
    this.references.add(ref.canonical);
    const onRecord = ref.kind === 'field' && (ref.base.from === 'record' || ref.base.from === 'prior');
    if (onRecord) this.fields.add((ref.hops[0]?.field ?? ref.field).name);
    const evaluate = mergeFieldEvaluator(ref);
    return onRecord && ref.base.from === 'record' && ref.hops.length === 0 ? { evaluate, field: ref.field } : { evaluate };
  }
}

/** Variables match case-insensitively, in the context as in the formula. */
function variableValue(ctx: FormulaContext, name: string): FormulaValue | StoredRow | undefined {
  const variables = ctx.variables;
  if (!variables) return undefined;
  if (Object.hasOwn(variables, name)) return variables[name];
  const key = Object.keys(variables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : variables[key];
}

function startOf(env: Env, base: PathBase): StoredRow | undefined {
  switch (base.from) {
    case 'record':
      return env.ctx.row;
    case 'prior':
      return env.ctx.isNew ? undefined : env.ctx.prior;
    case 'user':
      return env.user.userRow;
    case 'variable': {
      const value = variableValue(env.ctx, base.name);
      return value !== null && typeof value === 'object' ? value : undefined;
    }
  }
}

function mergeFieldEvaluator(ref: MergeField): Evaluator {
  const sample = sampleOf(ref.type);
  switch (ref.kind) {
    case 'variable':
      return (env) => (env.check ? sample : fromStoredAs(ref.type, variableValue(env.ctx, ref.name)));
    case 'field':
      return (env) => {
        if (env.check) return sample;
        const start = startOf(env, ref.base);
        if (!start) return fromStored(ref.field, null);
        let row: StoredRow = start;
        for (const hop of ref.hops) {
          const id = row[hop.field.name];
          const parent = id === null || id === undefined || id === '' ? undefined : env.parent(hop.target, String(id));
          if (!parent) return fromStored(ref.field, null);
          row = parent;
        }
        return fromStored(ref.field, row[ref.field.name]);
      };
    case 'profileName':
      return (env) => (env.check ? sample : text(env.user.profileName ?? ''));
    case 'roleName':
      return (env) => (env.check ? sample : text(env.user.roleName ?? ''));
    case 'permission':
      return (env) => (env.check ? sample : checkbox(env.user.hasCustomPermission(ref.name)));
    case 'originDateTime':
      return () => datetime(ORIGIN);
  }
}

function parseTree(expression: string): { tree: FormulonNode; strings: Map<string, string> } {
  const prepared = prepareSource(expression);
  const tree = formulon.ast(prepared.text);
  if (tree.type === 'error') throw describeSyntaxError(expression);
  return { tree, strings: prepared.strings };
}

const compatible = (declared: FormulaType, inferred: FormulaType | null) =>
  inferred === null || inferred === declared || (declared === 'text' && inferred === 'picklist');

export function compileFormula(expression: string, options: CompileOptions): CompiledFormula {
  const { tree, strings } = parseTree(expression);
  const compiler = new Compiler(options, strings);
  const root = compiler.node(tree).evaluate;
  const inferred = typeOf(root(Env.checking()));
  const declared = options.returnType ?? null;
  if (declared && !compatible(declared, inferred)) {
    throw new FormulaError(
      `Formula result is data type (${typeLabel(inferred)}), incompatible with expected data type (${declared === 'boolean' ? 'true/false' : typeLabel(declared)}).`,
      'type',
    );
  }
  const returnType = declared ?? inferred;
  return {
    expression,
    object: options.object,
    returnType,
    referencedFields: [...compiler.fields],
    references: [...compiler.references],
    evaluate(ctx: FormulaContext): FormulaValue {
      return toStoredValue(root(Env.of(ctx)), returnType);
    },
  };
}
