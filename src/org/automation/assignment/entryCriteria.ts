import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { allOrLogic, type BooleanFilter, BooleanFilterError, parseBooleanFilter } from '../filterItems/booleanFilter.ts';
import { compileFilterItem, type CompiledFilterItem, type FilterItemSource } from '../filterItems/filterItem.ts';
import type { AssignmentEntry } from './types.ts';

/**
 * An assignment rule entry's criteria: rows of `Object.Field operation value` combined by AND
 * or by filter logic. A row Salesforce would accept but the local org cannot evaluate makes the
 * whole entry unusable; the reader reports it and skips the entry rather than guess.
 */

export interface CriteriaProblem {
  line?: number;
  message: string;
}

type Matcher = Pick<AssignmentEntry, 'criteria' | 'matches'>;

/** The field a row names: `Lead.State` on a Lead rule (the object prefix is how Setup writes it). */
function fieldOf(object: ObjectDef, written: string): { field?: FieldDef; reason?: string } {
  const dot = written.indexOf('.');
  const prefix = dot >= 0 ? written.slice(0, dot) : object.name;
  const name = dot >= 0 ? written.slice(dot + 1) : written;
  if (prefix.toLowerCase() !== object.name.toLowerCase() || name.includes('.')) {
    return { reason: `the criteria field '${written}' is not a field of ${object.name}; criteria on related records or the current user are not supported` };
  }
  const field = object.fieldsByLowerName.get(name.toLowerCase());
  return field ? { field } : { reason: `the criteria field '${written}' does not exist on ${object.name}` };
}

export function criteriaMatcher(object: ObjectDef, items: readonly FilterItemSource[], booleanFilter: string | undefined, entryLine?: number): Matcher | CriteriaProblem {
  if (items.length === 0) {
    // Salesforce: "an entry without criteria matches every record" (the catch-all last entry).
    return { criteria: 'no criteria (every record)', matches: () => true };
  }
  const compiled: CompiledFilterItem[] = [];
  for (const item of items) {
    const { field, reason } = fieldOf(object, item.field);
    if (!field) return { line: item.line ?? entryLine, message: reason! };
    const result = compileFilterItem(field, item);
    if (!result.ok) return { line: item.line ?? entryLine, message: `${item.field}: ${result.reason}` };
    compiled.push(result.item);
  }
  let logic: BooleanFilter | undefined;
  const logicText = booleanFilter?.trim();
  if (logicText) {
    try {
      logic = parseBooleanFilter(logicText, compiled.length);
    } catch (err) {
      if (!(err instanceof BooleanFilterError)) throw err;
      return { line: entryLine, message: `the filter logic '${logicText}' is invalid: ${err.message}` };
    }
  }
  const text = compiled.map((c, i) => `${i + 1}. ${c.text}`).join('; ') + (logicText ? ` [${logicText}]` : '');
  return {
    criteria: text,
    matches: (row, ctx) => allOrLogic(compiled.length, (i) => compiled[i - 1].test(row, ctx), logic),
  };
}
