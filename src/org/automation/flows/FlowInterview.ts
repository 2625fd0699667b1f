import { randomUUID } from 'node:crypto';
import { formatCalendarDate, todayIn } from '../../leadConvert/calendar.ts';
import type { OrgStore, StoredRow } from '../../persistence/OrgStore.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { formatDateTime, parseDateTime } from '../../schema/valueCodec.ts';
import type { RecordService } from '../../service/RecordService.ts';
import type { SaveKind } from '../../service/SaveHooks.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { FormulaUser } from '../../formula/types.ts';
import { evaluateLogic } from './conditionLogic.ts';
import { FlowRuntimeError } from './flowErrors.ts';
import { evaluateFlowFormula } from './flowFormulas.ts';
import type { ConditionSet, EntryCriteria, FlowDefinition, FlowTiming, FlowType, FormulaDef, ValueSource } from './flowModel.ts';
import { asText, coerce, RecordValue, type FlowScalar, type FlowValue } from './flowValues.ts';
import { alignTo, compare } from './operators.ts';
import { RECORD_GLOBALS, resolvePath, splitRef, type PathStep } from './references.ts';

/**
 * The state of one flow run (an "interview" in Salesforce's words): its variables and element
 * outputs, and how references read and write them. Elements are run by runElements.ts; this
 * class is what they share.
 */

export interface InterviewContext {
  flow: FlowDefinition;
  timing: FlowTiming;
  kind: SaveKind;
  user: UserContext;
  records: RecordService;
  store: OrgStore;
  now: Date;
  /** $Record, as this flow sees it (a before-save insert sees no Id yet). */
  record: RecordValue;
  /** $Record__Prior: null on insert. */
  prior: RecordValue | null;
  /** The running user as formulas see it ($User, $Profile, $Permission …). */
  formulaUser: () => FormulaUser;
}

const ORIGIN_DATE_TIME = '1900-01-01T00:00:00.000+0000';

/** Parsed paths by flow and reference text, so a loop does not re-resolve its references each turn. */
const PATHS = new WeakMap<ObjectDef, Map<string, PathStep[]>>();

export class FlowInterview {
  /** What ran, for the automation log: element names with the outcome taken. */
  readonly path: string[] = [];
  /** Records the flow created, updated or deleted. */
  readonly affected = new Set<string>();
  /** Variables, element outputs and loop items, by lower-cased name. */
  readonly values = new Map<string, FlowValue>();
  faultMessage: string | null = null;
  private readonly startTime: string;
  private readonly guid = randomUUID();
  private userRow?: StoredRow;
  private readonly evaluating = new Set<string>();

  constructor(readonly ctx: InterviewContext) {
    this.startTime = formatDateTime(ctx.now);
    for (const v of ctx.flow.variables.values()) {
      const initial = this.valueOf(v.initial);
      this.values.set(v.name.toLowerCase(), v.type.collection ? coerce(initial, v.type) : initial === null ? null : coerce(initial, v.type));
    }
  }

  get flow(): FlowDefinition {
    return this.ctx.flow;
  }

  // --- reading -------------------------------------------------------------------------------

  valueOf(source: ValueSource): FlowValue {
    switch (source.kind) {
      case 'none':
        return null;
      case 'literal':
        if (source.dataType === 'DateTime' && typeof source.value === 'string') {
          const d = parseDateTime(source.value);
          return d ? formatDateTime(d) : source.value;
        }
        return source.value;
      case 'template':
        return this.merge(source.text);
      case 'reference':
        return this.resolve(source.ref);
    }
  }

  /** A text with `{!ref}` merge fields filled in. */
  merge(text: string): string {
    return text.replace(/\{!\s*([^}]+?)\s*\}/g, (_, ref: string) => asText(this.resolve(ref)));
  }

  resolve(ref: string): FlowValue {
    const [root, ...rest] = splitRef(ref);
    const lower = root.toLowerCase();
    let base: FlowValue;
    // A record that is legitimately absent ($Record__Prior on insert) reads as blank fields;
    // a variable read before anything was stored in it is a fault, as in Flow.
    let mustBeSet = false;
    switch (lower) {
      case '$record':
        base = this.ctx.record;
        break;
      case '$record__prior':
        base = this.ctx.prior;
        break;
      case '$flow':
        return this.flowGlobal(rest[0].toLowerCase());
      case '$globalconstant': {
        const c = rest[0].toLowerCase();
        return c === 'true' ? true : c === 'false' ? false : '';
      }
      case '$system':
        return ORIGIN_DATE_TIME;
      default:
        if (RECORD_GLOBALS[lower]) base = this.setupRecord(lower);
        else {
          base = this.resource(lower, ref);
          mustBeSet = true;
        }
    }
    if (rest.length === 0) return base;
    if (base === null) {
      if (mustBeSet) throw new FlowRuntimeError(`The flow failed to access the value for ${ref} because it hasn't been set or assigned.`);
      return null;
    }
    if (!(base instanceof RecordValue)) throw new FlowRuntimeError(`${root} is not a record, so ${ref} has no value`);
    return this.walk(base, rest, ref);
  }

  private walk(record: RecordValue, segments: string[], ref: string): FlowValue {
    let byRef = PATHS.get(record.object);
    if (!byRef) PATHS.set(record.object, (byRef = new Map()));
    const key = segments.join('.').toLowerCase();
    let steps = byRef.get(key);
    if (!steps) byRef.set(key, (steps = resolvePath(this.ctx.store.schema, record.object, segments, ref)));
    let current: FlowValue = record;
    for (const step of steps) {
      if (!(current instanceof RecordValue)) return null;
      if (step.kind === 'field') return current.get(step.field);
      const id: StoredRow[string] = current.row[step.via.name];
      const row: StoredRow | undefined = typeof id === 'string' && id.startsWith(step.object.keyPrefix) ? this.ctx.store.getById(step.object, id) : undefined;
      current = row && row.IsDeleted !== 1 ? new RecordValue(step.object, { ...row }) : null;
    }
    return current;
  }

  private resource(lower: string, ref: string): FlowValue {
    const flow = this.ctx.flow;
    if (this.values.has(lower)) return this.values.get(lower) ?? null;
    const constant = flow.constants.get(lower);
    if (constant) return coerce(this.valueOf(constant.value), constant.type);
    const formula = flow.formulas.get(lower);
    if (formula) return this.evaluateFormula(formula);
    const template = flow.textTemplates.get(lower);
    if (template) return this.merge(template.text);
    if (flow.elements.has(lower)) return null;
    throw new FlowRuntimeError(`${ref} refers to nothing in this flow`);
  }

  private flowGlobal(name: string): FlowValue {
    switch (name) {
      case 'currentdate':
        return formatCalendarDate(todayIn(this.ctx.now, this.timeZone()));
      case 'currentdatetime':
        return formatDateTime(this.ctx.now);
      case 'interviewstarttime':
        return this.startTime;
      case 'faultmessage':
        return this.faultMessage;
      case 'interviewguid':
        return this.guid;
      default:
        return null;
    }
  }

  private user(): StoredRow {
    if (!this.userRow) {
      const userObject = this.ctx.store.schema.object('User');
      this.userRow = (userObject && this.ctx.store.getById(userObject, this.ctx.user.userId)) || { Id: this.ctx.user.userId };
    }
    return this.userRow;
  }

  private timeZone(): string | undefined {
    const tz = this.user().TimeZoneSidKey;
    return typeof tz === 'string' ? tz : undefined;
  }

  /** $User, $Organization, $Profile, $UserRole: rows of the running user's setup records. */
  private setupRecord(lower: string): RecordValue | null {
    const object = this.ctx.store.schema.object(RECORD_GLOBALS[lower]);
    if (!object) return null;
    const user = this.user();
    let row: StoredRow | undefined;
    if (lower === '$user') row = user;
    else if (lower === '$organization') row = this.ctx.store.selectOne(`SELECT * FROM "Organization" LIMIT 1`, []);
    else {
      const id = user[lower === '$profile' ? 'ProfileId' : 'UserRoleId'];
      row = typeof id === 'string' ? this.ctx.store.getById(object, id) : undefined;
    }
    return row ? new RecordValue(object, { ...row }) : null;
  }

  evaluateFormula(formula: FormulaDef): FlowScalar {
    if (!formula.compiled) throw new FlowRuntimeError(`the formula ${formula.name} was not compiled`);
    if (this.evaluating.has(formula.name)) throw new FlowRuntimeError(`the formula ${formula.name} refers to itself`);
    this.evaluating.add(formula.name);
    try {
      const ctx = this.ctx;
      const store = ctx.store;
      const interview = this;
      const value = evaluateFlowFormula(
        formula.compiled,
        ctx.record.row,
        (ref) => {
          const v = this.resolve(ref);
          return v instanceof RecordValue ? v.id : Array.isArray(v) ? null : v;
        },
        {
          prior: ctx.prior?.row,
          isNew: ctx.kind === 'insert',
          get user(): FormulaUser {
            return interview.ctx.formulaUser();
          },
          lookupParent: (object, id) => {
            const row = store.getById(object, id);
            return row && row.IsDeleted !== 1 ? row : undefined;
          },
          now: ctx.now,
          timeZone: this.timeZone(),
        },
      );
      return value;
    } finally {
      this.evaluating.delete(formula.name);
    }
  }

  // --- conditions ----------------------------------------------------------------------------

  test(set: ConditionSet): boolean {
    return evaluateLogic(set.logic, (i) => {
      const c = set.conditions[i];
      const left = this.resolve(c.left);
      const raw = this.valueOf(c.right);
      const ordered = c.operator === 'EqualTo' || c.operator === 'NotEqualTo' || /^(Greater|Less)Than/.test(c.operator);
      const right = ordered ? alignTo(c.leftType, raw) : raw;
      return compare(c.operator, left, right, () => this.changed(c.left));
    });
  }

  /** IsChanged: the $Record field against the same field of $Record__Prior (never changed on insert). */
  private changed(ref: string): boolean {
    if (!this.ctx.prior) return false;
    const now = this.resolve(ref);
    const before = this.resolve(ref.replace(/^\s*\$record/i, '$Record__Prior'));
    return !(now === before || (now === null && before === '') || (now === '' && before === null));
  }

  /** Whether the record meets the conditions (and the formula) of the start element. */
  meets(entry: EntryCriteria): boolean {
    if (entry.conditions && !this.test(entry.conditions)) return false;
    if (entry.formula && this.evaluateFormula(entry.formula) !== true) return false;
    return true;
  }

  // --- writing -------------------------------------------------------------------------------

  /** Stores a value in a variable, a field of a record variable, or a field of $Record. */
  assignTo(target: string, type: FlowType, value: FlowValue): void {
    const [root, ...rest] = splitRef(target);
    const lower = root.toLowerCase();
    if (lower === '$record') {
      this.setTriggeringField(rest[0], value);
      return;
    }
    if (rest.length === 0) {
      this.values.set(lower, coerce(value, type));
      return;
    }
    let record = this.values.get(lower) ?? null;
    if (!(record instanceof RecordValue)) {
      // Flow creates the record variable on the first field assigned to it.
      const object = this.objectOfResource(lower);
      if (!object) throw new FlowRuntimeError(`${root} is not a record variable`);
      record = new RecordValue(object, {});
      this.values.set(lower, record);
    }
    const field = record.object.fieldsByLowerName.get(rest[0].toLowerCase());
    if (!field) throw new FlowRuntimeError(`${record.object.name} has no field ${rest[0]}`);
    record.set(this.ctx.store.schema, field, value);
  }

  setTriggeringField(name: string, value: FlowValue): void {
    const record = this.ctx.record;
    const field = record.object.fieldsByLowerName.get(name.toLowerCase());
    if (!field) throw new FlowRuntimeError(`${record.object.name} has no field ${name}`);
    if (this.ctx.timing === 'RecordBeforeSave' && !(this.ctx.kind === 'insert' ? field.createable : field.updateable)) {
      throw new FlowRuntimeError(`$Record.${field.name} is read-only and cannot be set by a flow`);
    }
    record.set(this.ctx.store.schema, field, value);
  }

  private objectOfResource(lower: string): ObjectDef | undefined {
    const variable = this.ctx.flow.variables.get(lower);
    if (variable) return variable.type.object;
    const element = this.ctx.flow.elements.get(lower);
    return element?.kind === 'lookup' ? element.object : undefined;
  }
}
