import type { FormulaContext } from '../../formula/types.ts';
import type { StoredRow } from '../../persistence/OrgStore.ts';

/** Who an entry gives the record to: a username, or a queue's DeveloperName. */
export interface Assignee {
  type: 'User' | 'Queue';
  name: string;
}

export interface EntryContext {
  now: Date;
  /** The save as formula entries see it, less the row; its user is loaded only if a formula asks. */
  formula: Omit<FormulaContext, 'row'>;
}

export interface AssignmentEntry {
  /** 1-based position in the rule: Setup's "Sort Order", which decides who wins. */
  order: number;
  assignee: Assignee;
  /** One line for the automation log: the criteria, the formula, or "no criteria". */
  criteria: string;
  matches(row: StoredRow, ctx: EntryContext): boolean;
}

/** The active assignment rule of one object, with only the entries that can be emulated. */
export interface AssignmentRule {
  object: string;
  name: string;
  file: string;
  entries: AssignmentEntry[];
}

/** What the assignmentRules reader produces: at most one active rule per object. */
export interface AssignmentRules {
  /** Lower-cased object name → its active rule. */
  active: Map<string, AssignmentRule>;
}
