import type { StoredRow } from '../../persistence/OrgStore.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { recordUrl } from '../../service/recordShape.ts';
import type { MatchedRecord } from './findMatches.ts';
import type { DuplicateRule, DuplicateRuleMatch } from './types.ts';

/**
 * The `duplicateResult` of a DUPLICATES_DETECTED error, in the shape Salesforce's REST API
 * returns it (the SOAP DuplicateResult as JSON): the rule, whether the header could allow the
 * save, and per matching rule the records found, each with its id and URL so a client (and the
 * golive UI) can link to them.
 */

/** Salesforce's wording when a duplicate rule has no alert text of its own. */
export const DEFAULT_DUPLICATE_MESSAGE = 'Use one of these records?';

export interface RuleMatches {
  match: DuplicateRuleMatch;
  target: ObjectDef;
  records: MatchedRecord[];
}

export interface DuplicateResultOptions {
  allowSave: boolean;
  apiVersion: string;
  /** DuplicateRuleHeader.includeRecordDetails: the matched records' fields (as the user may read them). */
  details?: (object: ObjectDef, row: StoredRow) => Record<string, unknown>;
}

export function duplicateMessage(rule: DuplicateRule): string {
  return rule.alertText ?? DEFAULT_DUPLICATE_MESSAGE;
}

export function duplicateResult(rule: DuplicateRule, results: readonly RuleMatches[], options: DuplicateResultOptions): Record<string, unknown> {
  return {
    allowSave: options.allowSave,
    duplicateRule: rule.name,
    duplicateRuleEntityType: rule.object,
    errorMessage: duplicateMessage(rule),
    matchResults: results.map(({ match, target, records }) => ({
      entityType: target.name,
      errors: [],
      matchEngine: match.rule.items.every((i) => i.method === 'Exact') ? 'ExactMatchEngine' : 'FuzzyMatchEngine',
      matchRecords: records.map((m) => ({
        additionalInformation: [],
        fieldDiffs: options.details ? m.fields : [],
        matchConfidence: m.confidence,
        record: {
          attributes: { type: target.name, url: recordUrl(options.apiVersion, target.name, String(m.row.Id)) },
          ...(options.details ? options.details(target, m.row) : {}),
          Id: String(m.row.Id),
        },
      })),
      rule: match.rule.name,
      size: records.length,
      success: true,
    })),
  };
}
