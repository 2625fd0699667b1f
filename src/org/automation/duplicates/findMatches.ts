import type { OrgStore, StoredRow, StoredValue } from '../../persistence/OrgStore.ts';
import type { FieldType, ObjectDef } from '../../schema/types.ts';
import { allOrLogic } from '../filterItems/booleanFilter.ts';
import { readFieldPath, type LoadParent } from './fieldPath.ts';
import { compareWith } from './matching/matchingMethods.ts';
import type { DuplicateRuleMatch } from './types.ts';

/**
 * The existing records one matching rule finds for the record being saved. Candidates are the
 * live records of the rule's object, never the saved record itself and, for leads, never
 * converted ones ("the matching rule does not compare converted leads", Salesforce Help
 * 000204497). A rule whose items are ANDed and include an Exact text field asks SQLite for the
 * records with that value (the field's case-insensitive index serves it); other rules read the
 * object's live records and compare in memory.
 */

export interface MatchedRecord {
  row: StoredRow;
  /** The mean score of the items that matched, 0–100 (100 for exact matches). */
  confidence: number;
  /** Per matching rule item: the field compared and whether the values agreed. */
  fields: Array<{ name: string; difference: 'SAME' | 'DIFFERENT' | 'NULL' }>;
}

export interface MatchScope {
  store: OrgStore;
  target: ObjectDef;
  /** The id of the record being saved, which never matches itself. */
  selfId: string;
  /** Sharing, when the duplicate rule enforces it. */
  canSee(row: StoredRow): boolean;
  loadParent: LoadParent;
}

const INDEXABLE = new Set<FieldType>(['string', 'email', 'phone', 'url', 'picklist']);

const blank = (v: StoredValue) => v === null || v === undefined || String(v).trim() === '';

function candidates(match: DuplicateRuleMatch, inputs: StoredValue[], scope: MatchScope): StoredRow[] {
  const table = `"${scope.target.name.replace(/"/g, '""')}"`;
  let where = `"IsDeleted" = 0`;
  const params: StoredValue[] = [];
  if (scope.target.name === 'Lead') where += ` AND "IsConverted" = 0`;
  if (!match.rule.logic) {
    const exact = match.rule.items.findIndex((item, i) => item.method === 'Exact' && !item.path.via && INDEXABLE.has(item.path.field.type) && !blank(inputs[i]));
    if (exact >= 0) {
      where += ` AND "${match.rule.items[exact].path.field.name}" = ? COLLATE NOCASE`;
      params.push(String(inputs[exact]).trim());
    }
  }
  return scope.store.select(`SELECT * FROM ${table} WHERE ${where}`, params);
}

export function findMatches(match: DuplicateRuleMatch, saved: StoredRow, savedLoadParent: LoadParent, scope: MatchScope): MatchedRecord[] {
  const inputs = match.inputs.map((p) => readFieldPath(p, saved, savedLoadParent));
  const items = match.rule.items;
  // An item with a blank value and NullNotAllowed can never match: with ANDed items, nothing can.
  if (!match.rule.logic && items.some((item, i) => blank(inputs[i]) && !item.matchBlanks)) return [];
  const out: MatchedRecord[] = [];
  for (const row of candidates(match, inputs, scope)) {
    if (row.Id === scope.selfId || !scope.canSee(row)) continue;
    const scores: Array<number | undefined> = [];
    const test = (i: number): boolean => {
      const item = items[i - 1];
      const a = inputs[i - 1];
      const b = readFieldPath(item.path, row, scope.loadParent);
      if (blank(a) || blank(b)) {
        const both = blank(a) && blank(b);
        scores[i - 1] = both && item.matchBlanks ? 100 : undefined;
        return both && item.matchBlanks;
      }
      const { score, match: ok } = compareWith(item.method, String(a), String(b));
      scores[i - 1] = ok ? score : undefined;
      return ok;
    };
    if (!allOrLogic(items.length, test, match.rule.logic)) continue;
    const matched = scores.filter((s): s is number => s !== undefined);
    const confidence = matched.length ? Math.round((matched.reduce((x, y) => x + y, 0) / matched.length) * 10) / 10 : 100;
    const fields = items.map((item, i) => {
      const a = inputs[i];
      const b = readFieldPath(item.path, row, scope.loadParent);
      const difference: MatchedRecord['fields'][number]['difference'] =
        blank(a) || blank(b) ? 'NULL' : compareWith('Exact', String(a), String(b)).match ? 'SAME' : 'DIFFERENT';
      return { name: item.path.text, difference };
    });
    out.push({ row, confidence, fields });
  }
  return out;
}
