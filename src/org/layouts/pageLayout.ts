import type { FieldDef } from '../schema/types.ts';
import type { ActivityListKind } from './types.ts';

/**
 * A page layout as one user sees it in one mode: what LayoutService.layoutFor returns and what
 * the record page and the new/edit dialogs draw. Fields the user cannot read are absent; the
 * rest carry their page label and whether the user can change them here.
 */

/** The record page, the edit dialog, or the new-record dialog. */
export type LayoutMode = 'view' | 'edit' | 'create';

export interface PageLayoutItem {
  field: FieldDef;
  /** The label the page shows (see layoutLabels.ts): the field's describe label, or Salesforce's page label for it. */
  label: string;
  /** Draw the required marker: the layout says Required or the API requires the field, and the user can set it here. */
  required: boolean;
  /** The user can set it in this mode; in view mode, whether inline editing is possible (record access aside). */
  editable: boolean;
  column: 1 | 2;
  /** Row within its column, from 0, blank spaces counted: cells of two columns with the same row sit side by side. */
  row: number;
  /**
   * Set on the parts of a compound field, which share one cell (same column and row): Salutation,
   * First Name and Last Name for Name in the dialogs; street, city … for an address.
   */
  compound?: { name: string; label: string };
  /** The field's help text (inlineHelpText), for the info icon next to the label. */
  helpText?: string;
}

export interface PageLayoutSection {
  label: string;
  columns: 1 | 2;
  /** Show the label in this mode (detailHeading for the record page, editHeading for the dialogs). */
  heading: boolean;
  /** Tab order of a two-column section: down each column (TwoColumnsTopToBottom) or across the rows. */
  tabOrder: 'topToBottom' | 'leftToRight';
  /** In tab order. */
  items: PageLayoutItem[];
}

export interface PageLayoutRelatedList {
  /** As the layout names it: RelatedContactList, Invoice__c.Account__c … */
  name: string;
  /** Task for activity lists, whose Events come through the same field. */
  childObject: string;
  /** The child's lookup to the record. */
  field: string;
  label: string;
  /** Columns the user can read. */
  columns: FieldDef[];
  /** Activity lists: open tasks and upcoming events, or closed tasks and past events. */
  activities?: ActivityListKind;
  sort?: { field: string; descending: boolean };
}

export interface PageLayout {
  /** The layout's name ("Lead Layout"). */
  name: string;
  /** The layout file, relative to the project; absent for a built-in default layout. */
  file?: string;
  /** Sections with at least one item for this user and mode, in layout order. */
  sections: PageLayoutSection[];
  /** View mode only (empty in the dialogs): lists whose child object and lookup the user can read. */
  relatedLists: PageLayoutRelatedList[];
  /** View mode only: record header actions the user's object permissions allow (Edit, Delete, Clone, ChangeOwnerOne, Convert). */
  actions?: string[];
  /** Dialogs only: offer "Assign using active assignment rule", checked or not by default. */
  assignmentRuleCheckbox?: { defaultChecked: boolean };
}
