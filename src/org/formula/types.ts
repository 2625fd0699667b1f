import type { StoredRow } from '../persistence/OrgStore.ts';
import type { ObjectDef, OrgSchema } from '../schema/types.ts';

/**
 * The public shapes of the formula engine (see README.md in this folder). Values cross the API
 * in the org's stored form (schema/valueCodec.ts): the engine converts them to formula values
 * and back, so callers never see formulon's literals.
 */

/** What a formula yields, named as Salesforce names formula return types. */
export type FormulaType = 'boolean' | 'text' | 'number' | 'date' | 'datetime' | 'picklist' | 'multipicklist';

/** The return types a caller may require when compiling. */
export type FormulaReturnType = 'boolean' | 'text' | 'number' | 'date' | 'datetime';

/**
 * A formula's result in stored form: booleans as true/false (never null for a 'boolean'
 * formula: a blank condition is false), text as a string (blank as null), numbers, dates
 * 'YYYY-MM-DD', datetimes 'YYYY-MM-DDTHH:mm:ss.SSS+0000', multi-select values 'a;b'.
 */
export type FormulaValue = string | number | boolean | null;

export interface CompileOptions {
  /** The object whose record the formula is about: bare field names are its fields. */
  object: ObjectDef;
  schema: OrgSchema;
  /** Refuse, at compile time, a formula that yields anything else. */
  returnType?: FormulaReturnType;
  /**
   * Named values the formula may use besides the record's fields (flow variables, `{!name}` or
   * `name`): a type for a single value, an object for a record variable (`{!acct.Owner.Name}`).
   * Their values come from FormulaContext.variables. Names match case-insensitively and win
   * over field names.
   */
  variables?: Readonly<Record<string, FormulaType | { object: ObjectDef }>>;
}

/** The running user, as `$User`, `$Profile`, `$UserRole` and `$Permission` see them. */
export interface FormulaUser {
  /** The user's User row (stored form). */
  userRow: StoredRow;
  profileName: string;
  roleName: string | null;
  /** Whether a custom permission (its API name) is granted by the profile or an assigned permission set. */
  hasCustomPermission(name: string): boolean;
}

export interface FormulaContext {
  /** The record as it is being saved (stored form). */
  row: StoredRow;
  /** The record before this change; absent on insert. */
  prior?: StoredRow;
  isNew: boolean;
  /** Read only when the formula uses `$User`, `$Profile`, `$UserRole` or `$Permission`: may be a getter. */
  user: FormulaUser;
  /** Loads the record a lookup points at, for cross-object references (`Account.Type`); undefined when there is none. */
  lookupParent(object: ObjectDef, id: string): StoredRow | undefined;
  /** The org's clock: TODAY() and NOW() read it, never the machine's. */
  now: Date;
  /** The user's TimeZoneSidKey: TODAY() is the calendar day there (UTC when absent). */
  timeZone?: string;
  /** Values of the compile options' `variables`: stored-form values, or stored rows for record variables. */
  variables?: Readonly<Record<string, FormulaValue | StoredRow | undefined>>;
}

export interface CompiledFormula {
  readonly expression: string;
  readonly object: ObjectDef;
  /** The declared return type, or the one inferred from the formula (null when it cannot be told). */
  readonly returnType: FormulaType | null;
  /**
   * Fields of `object` the formula reads, API names as declared: merge fields, the arguments of
   * ISCHANGED/PRIORVALUE, and the lookup fields that cross-object references start from.
   */
  readonly referencedFields: string[];
  /** Every merge field, canonically spelled: `Phone`, `Account.Owner.Name`, `$User.Id`, `$Permission.X`. */
  readonly references: string[];
  /** Evaluates against one record. Throws FormulaError (kind 'evaluation') when the formula breaks (division by zero). */
  evaluate(ctx: FormulaContext): FormulaValue;
}
