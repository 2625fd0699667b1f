import type { BooleanFilter } from '../filterItems/booleanFilter.ts';
import type { CompiledFilterItem } from '../filterItems/filterItem.ts';
import type { FieldPath } from './fieldPath.ts';
import type { MatchingMethod } from './matching/matchingMethods.ts';

export interface MatchingRuleItem {
  path: FieldPath;
  method: MatchingMethod;
  /** blankValueBehavior MatchBlanks: two blank values match (NullNotAllowed, the default: they never do). */
  matchBlanks: boolean;
}

export interface MatchingRule {
  object: string;
  name: string;
  label: string;
  /** ruleStatus Active. */
  active: boolean;
  items: MatchingRuleItem[];
  logic?: BooleanFilter;
  logicText?: string;
  file: string;
  /** False when an item could not be read: the rule is reported and never matches anything. */
  usable: boolean;
}

export interface MatchingRules {
  /** `object.name`, lower-cased → rule. */
  byKey: Map<string, MatchingRule>;
}

export const matchingRuleKey = (object: string, name: string) => `${object}.${name}`.toLowerCase();

export interface DuplicateRuleAction {
  action: 'Allow' | 'Block';
  /** operationsOn…: Alert (through the API, an error unless the DuplicateRuleHeader allows the save). */
  alert: boolean;
  /** operationsOn…: Report (duplicate record sets in Salesforce; the automation log here). */
  report: boolean;
}

/** One matching rule a duplicate rule uses, with where each of its items finds its input value on the record being saved. */
export interface DuplicateRuleMatch {
  rule: MatchingRule;
  /** The object the matching rule compares against (Contact for a lead's cross-object rule). */
  target: string;
  /** Per matching rule item, the path on the saved record's object giving the value to compare. */
  inputs: FieldPath[];
}

export interface DuplicateRuleConditions {
  /** `record`: the record being saved; `user`: the running user's User row. */
  items: Array<{ table: 'record' | 'user'; item: CompiledFilterItem }>;
  logic?: BooleanFilter;
  text: string;
}

export interface DuplicateRule {
  object: string;
  name: string;
  label: string;
  onInsert: DuplicateRuleAction;
  onUpdate: DuplicateRuleAction;
  alertText?: string;
  /** securityOption EnforceSharingRules: only records the running user can see are duplicates. */
  enforceSharing: boolean;
  conditions?: DuplicateRuleConditions;
  matches: DuplicateRuleMatch[];
  sortOrder: number;
  file: string;
}

export interface DuplicateRules {
  /** Lower-cased object name → its active, usable rules in sortOrder. */
  byObject: Map<string, DuplicateRule[]>;
}
