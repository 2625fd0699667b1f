/**
 * Page layouts as the metadata states them (what `readLayouts` produces, and what the built-in
 * default layouts are written as). Field names are resolved against the schema at load, in their
 * declared casing; field-level security, modes and labels are applied later, per user, by
 * LayoutService (see pageLayout.ts for what the UI gets).
 */

/** Section styles that lay out fields (CustomLinks sections hold web links only and are not kept). */
export type SectionStyle = 'TwoColumnsTopToBottom' | 'TwoColumnsLeftToRight' | 'OneColumn';

export type ItemBehavior = 'Required' | 'Edit' | 'Readonly';

/**
 * One cell of a layout column: a field, or a blank space that keeps the two columns aligned.
 * `field` is a field's API name or a compound field's (Name of Lead/Contact, Address,
 * BillingAddress …; see compoundFields.ts).
 */
export type LayoutCell = { field: string; behavior: ItemBehavior } | { blank: true };

export interface LayoutSectionDef {
  label: string;
  style: SectionStyle;
  /** The admin typed the label (Salesforce translates standard section labels, not custom ones). */
  customLabel: boolean;
  /** Show the label on the record page. */
  detailHeading: boolean;
  /** Show the label in the new/edit dialog. */
  editHeading: boolean;
  /** One or two columns of cells, each read top to bottom. */
  columns: LayoutCell[][];
}

/** Which activities an activity related list shows (Tasks and Events through WhoId or WhatId). */
export type ActivityListKind = 'open' | 'history';

export interface RelatedListDef {
  /** As the layout names it: RelatedContactList, Invoice__c.Account__c, Invoices__r. */
  name: string;
  /** The child object's API name; Task for the activity lists (Events come through the same field). */
  childObject: string;
  /** The child's lookup to the parent record. */
  field: string;
  label: string;
  /** Column fields of the child object, API names. */
  columns: string[];
  activities?: ActivityListKind;
  sort?: { field: string; descending: boolean };
}

export interface LayoutDef {
  /** The object's API name, as declared. */
  object: string;
  /** The layout name ("Lead Layout"), without the object prefix of the file name. */
  name: string;
  sections: LayoutSectionDef[];
  relatedLists: RelatedListDef[];
  /**
   * Record header actions the layout lists (platformActionList, Record context), standard
   * buttons only; absent: Salesforce's standard set for the object (see recordActions.ts).
   */
  actions?: string[];
  /** Standard buttons the layout removes (excludeButtons: Delete, Clone, Convert …). */
  excludeButtons: string[];
  /** The edit dialog offers "Assign using active assignment rule" (showRunAssignmentRulesCheckbox). */
  assignmentRuleCheckbox?: { defaultChecked: boolean };
  /** Relative to the project; absent for the built-in default layouts. */
  file?: string;
}

/** One entry of a profile's layoutAssignments. */
export interface LayoutAssignment {
  object: string;
  /** Layout name without the object prefix. */
  layout: string;
  /** Record type DeveloperName; absent: the layout for records without (or with the Master) record type. */
  recordType?: string;
}

export interface PageLayoutMetadata {
  /** Lower-cased object API name → the project's layouts for it, sorted by name. */
  layouts: Map<string, LayoutDef[]>;
  /** Lower-cased profile name (as users see it, "System Administrator") → its assignments. */
  assignments: Map<string, LayoutAssignment[]>;
}
