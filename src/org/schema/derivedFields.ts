import type { StoredRow, StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef, OrgSchema, PicklistValue } from './types.ts';
import type { StageFacts } from './standard/standardValueSets.ts';

/**
 * Fields the platform computes from others when a record is saved. The service layer calls
 * computeDerivedFields on the complete stored row (previous values merged with the changes)
 * right before writing it, so a query always sees consistent values.
 *
 * What each value means (a stage being closed, a status being converted) comes from the
 * picklist entries' `attributes`, which the metadata loader fills from the project's standard
 * value sets: a project that renames its stages keeps correct IsClosed/IsWon values.
 */

/**
 * What computeDerivedFields needs besides the row. An OrgStore fits (it carries the schema);
 * the optional parts make Opportunity's stage defaults exact on update.
 */
export interface DerivedFieldsContext {
  schema: OrgSchema;
  /** The row as stored before this save; absent on create. */
  previous?: StoredRow;
  /**
   * Fields the caller set in this save (any casing). When given, Probability and
   * ForecastCategoryName follow a new stage unless the caller set them. When absent, they are
   * only filled in while blank: without knowing the prior stage, overwriting a value the
   * caller chose would be worse than keeping an old stage's default.
   */
  setByCaller?: ReadonlySet<string>;
}

function isBlank(v: StoredValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function setExplicitly(ctx: DerivedFieldsContext, field: string): boolean {
  if (!ctx.setByCaller) return false;
  const lower = field.toLowerCase();
  for (const f of ctx.setByCaller) if (f.toLowerCase() === lower) return true;
  return false;
}

/** The picklist entry for a value, matched exactly first and then ignoring case, as Salesforce does. */
export function picklistEntry(field: FieldDef | undefined, value: StoredValue | undefined): PicklistValue | undefined {
  if (!field?.picklistValues || typeof value !== 'string') return undefined;
  return field.picklistValues.find((p) => p.value === value) ?? field.picklistValues.find((p) => p.value.toLowerCase() === value.toLowerCase());
}

function fieldOf(schema: OrgSchema, object: string, field: string): FieldDef | undefined {
  const o = schema.object(object);
  return o ? schema.field(o, field) : undefined;
}

/** What an Opportunity stage means, or undefined for a value the StageName picklist does not know. */
export function stageFacts(schema: OrgSchema, stageName: StoredValue | undefined): StageFacts | undefined {
  const a = picklistEntry(fieldOf(schema, 'Opportunity', 'StageName'), stageName)?.attributes;
  if (!a) return undefined;
  return {
    closed: a.closed === true,
    won: a.won === true,
    probability: typeof a.probability === 'number' ? a.probability : 0,
    forecastCategory: typeof a.forecastCategory === 'string' ? a.forecastCategory : 'Pipeline',
  };
}

/** Whether a Lead.Status value is one a converted lead may get (the `converted` fact). */
export function isConvertedLeadStatus(schema: OrgSchema, status: StoredValue | undefined): boolean {
  return picklistEntry(fieldOf(schema, 'Lead', 'Status'), status)?.attributes?.converted === true;
}

/** The Lead.Status values marked converted, in picklist order (convertLead's default is the first). */
export function convertedLeadStatuses(schema: OrgSchema): string[] {
  const field = fieldOf(schema, 'Lead', 'Status');
  return (field?.picklistValues ?? []).filter((p) => p.active && p.attributes?.converted === true).map((p) => p.value);
}

/** Whether a Task.Status value closes the task. */
export function isClosedTaskStatus(schema: OrgSchema, status: StoredValue | undefined): boolean {
  return picklistEntry(fieldOf(schema, 'Task', 'Status'), status)?.attributes?.closed === true;
}

/** "First Last", or the last name alone: the Name of Leads, Contacts and Users. */
export function personName(firstName: StoredValue | undefined, lastName: StoredValue | undefined): string | null {
  const parts = [firstName, lastName].filter((p): p is string | number => !isBlank(p)).map((p) => String(p).trim());
  const name = parts.filter((p) => p !== '').join(' ');
  return name === '' ? null : name;
}

function deriveOpportunity(row: StoredRow, ctx: DerivedFieldsContext): void {
  const facts = stageFacts(ctx.schema, row.StageName);
  row.IsClosed = facts?.closed ? 1 : 0;
  row.IsWon = facts?.won ? 1 : 0;
  if (facts) {
    const follow = (field: 'Probability' | 'ForecastCategoryName') => {
      if (setExplicitly(ctx, field)) return false;
      if (ctx.previous) return ctx.previous.StageName !== row.StageName || isBlank(row[field]);
      return ctx.setByCaller !== undefined || isBlank(row[field]);
    };
    if (follow('Probability')) row.Probability = facts.probability;
    if (follow('ForecastCategoryName')) row.ForecastCategoryName = facts.forecastCategory;
  }
  const amount = typeof row.Amount === 'number' ? row.Amount : null;
  const probability = typeof row.Probability === 'number' ? row.Probability : null;
  row.ExpectedRevenue = amount === null || probability === null ? null : Math.round(amount * probability) / 100;
}

function deriveTask(row: StoredRow, ctx: DerivedFieldsContext): void {
  row.IsClosed = isClosedTaskStatus(ctx.schema, row.Status) ? 1 : 0;
  const priority = picklistEntry(fieldOf(ctx.schema, 'Task', 'Priority'), row.Priority);
  row.IsHighPriority = priority?.attributes?.highPriority === true ? 1 : 0;
}

/** A custom object's text Name left blank takes the record's id, as in Salesforce. */
function deriveCustomName(object: ObjectDef, row: StoredRow): void {
  const name = object.fieldsByLowerName.get('name');
  if (!name || name.type !== 'string' || name.autoNumber || !name.createable) return;
  if (isBlank(row.Name) && typeof row.Id === 'string') row.Name = row.Id;
}

/**
 * Sets the computed fields of a row about to be stored (stored form: booleans 0/1). Mutates and
 * returns the row. Objects with nothing to compute are left as they are.
 */
export function computeDerivedFields(objectOrName: ObjectDef | string, row: StoredRow, ctx: DerivedFieldsContext): StoredRow {
  const object = typeof objectOrName === 'string' ? ctx.schema.object(objectOrName) : objectOrName;
  switch (object?.name ?? objectOrName) {
    case 'Lead':
    case 'Contact':
    case 'User':
      row.Name = personName(row.FirstName, row.LastName);
      break;
    case 'Opportunity':
      deriveOpportunity(row, ctx);
      break;
    case 'Task':
      deriveTask(row, ctx);
      break;
    default:
      if (object?.custom) deriveCustomName(object, row);
  }
  return row;
}

/**
 * The text of an auto-number value: `{0000}` is the zero-padded number, `{YYYY}`, `{YY}`, `{MM}`
 * and `{DD}` the save date (UTC), as in a Salesforce display format.
 */
export function formatAutoNumber(displayFormat: string, n: number, now: Date): string {
  return displayFormat.replace(/\{(0+|YYYY|YY|MM|DD)\}/g, (_, token: string) => {
    switch (token) {
      case 'YYYY':
        return String(now.getUTCFullYear());
      case 'YY':
        return String(now.getUTCFullYear() % 100).padStart(2, '0');
      case 'MM':
        return String(now.getUTCMonth() + 1).padStart(2, '0');
      case 'DD':
        return String(now.getUTCDate()).padStart(2, '0');
      default:
        return String(n).padStart(token.length, '0');
    }
  });
}
