import type { StoredRow } from '../persistence/OrgStore.ts';
import type { ObjectDef } from '../schema/types.ts';
import type { UserContext } from './UserContext.ts';

export type SaveKind = 'insert' | 'update' | 'delete';

export interface SaveOptions {
  /** Apply the active lead assignment rule (Sforce-Auto-Assign header; default true on the API). */
  useAssignmentRules: boolean;
  /**
   * System mode: no object, field or record access checks (required fields, validation and
   * automation still apply). Record-triggered flows and the lead converter's internal writes
   * use it, as Salesforce runs them "in system context without sharing".
   */
  system?: boolean;
  /**
   * The DuplicateRuleHeader (REST: `Sforce-Duplicate-Rule-Header`, API 52.0+): allowSave saves
   * past a duplicate rule's alert (never past Block); includeRecordDetails returns the matched
   * records' fields; runAsCurrentUser matches only records the user can see. All false by default.
   */
  duplicateRuleHeader?: { allowSave: boolean; includeRecordDetails: boolean; runAsCurrentUser: boolean };
  /** The API version of the call ('60.0'), for record URLs in what a save reports (duplicateResult). */
  apiVersion?: string;
}

export interface SaveEvent {
  user: UserContext;
  object: ObjectDef;
  kind: SaveKind;
  /** The record as it will be (insert/update) or as it was (delete); hooks may change it before save. */
  row: StoredRow;
  /** The record before this change (update/delete). */
  prior?: StoredRow;
  options: SaveOptions;
  /**
   * The store's writeCount right after event.row was stored (after-save hooks only). While it
   * still equals the store's count, event.row is exactly what is stored, so after-save flows
   * need not read the record back. A hook that writes the record and keeps event.row in step
   * moves it on.
   */
  storedAt?: number;
}

/**
 * The automation seams, in Salesforce's order of execution. The record service calls them inside
 * the DML transaction, so a throw anywhere rolls the whole save back. Flows, validation,
 * duplicate and assignment rules plug in here in "Local org, part 2"; part 1 runs none.
 */
export interface SaveHooks {
  /** A DML call's transaction starts (nested for saves that automations make). */
  beginTransaction?(): void;
  /** ...and ends, committed or rolled back: the automation log marks what was undone. */
  endTransaction?(rolledBack: boolean): void;
  /** Before-save record-triggered flows: may change event.row. */
  beforeSave(event: SaveEvent): void;
  /** Validation rules, then duplicate rules: throw a SalesforceError to refuse the save. */
  validate(event: SaveEvent): void;
  /** Assignment rules and after-save flows: the row is stored; they may write other records. */
  afterSave(event: SaveEvent): void;
}

export const NO_AUTOMATION: SaveHooks = {
  beforeSave() {},
  validate() {},
  afterSave() {},
};
