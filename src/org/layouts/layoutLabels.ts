import type { FieldDef, ObjectDef } from '../schema/types.ts';

/**
 * The label a field has on a page layout. Salesforce's pages do not show every standard field
 * under its describe label: Opportunity.AccountId is "Account ID" in describe but "Account Name"
 * on the page, OwnerId is "Lead Owner", Lead.Status "Lead Status". Those page labels apply only
 * while the field keeps its built-in describe label: a project that relabels a field (label in
 * its field-meta.xml) sees its own label in the UI, as on Salesforce.
 */

/** `Object.Field` → [built-in describe label, page label]. */
const PAGE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  'Lead.Name': ['Full Name', 'Name'],
  'Lead.Status': ['Status', 'Lead Status'],
  'Lead.NumberOfEmployees': ['Employees', 'No. of Employees'],
  'Lead.MobilePhone': ['Mobile Phone', 'Mobile'],
  'Contact.Name': ['Full Name', 'Name'],
  'Contact.Phone': ['Business Phone', 'Phone'],
  'Contact.MobilePhone': ['Mobile Phone', 'Mobile'],
  'Contact.AccountId': ['Account ID', 'Account Name'],
  'Account.Type': ['Account Type', 'Type'],
  'Account.Phone': ['Account Phone', 'Phone'],
  'Account.Fax': ['Account Fax', 'Fax'],
  'Account.Rating': ['Account Rating', 'Rating'],
  'Opportunity.Name': ['Name', 'Opportunity Name'],
  'Opportunity.AccountId': ['Account ID', 'Account Name'],
  'Opportunity.Type': ['Opportunity Type', 'Type'],
  'Opportunity.ExpectedRevenue': ['Expected Amount', 'Expected Revenue'],
  'Task.OwnerId': ['Owner ID', 'Assigned To'],
  'Task.ActivityDate': ['Due Date Only', 'Due Date'],
  'Task.Description': ['Description', 'Comments'],
  'Event.OwnerId': ['Owner ID', 'Assigned To'],
  'Event.StartDateTime': ['Start Date Time', 'Start'],
  'Event.EndDateTime': ['End Date Time', 'End'],
  'Event.ActivityDate': ['Due Date Only', 'Date'],
};

export function layoutLabel(object: ObjectDef, field: FieldDef): string {
  const known = PAGE_LABELS[`${object.name}.${field.name}`];
  if (known && field.label === known[0]) return known[1];
  if (field.name === 'OwnerId' && field.label === 'Owner ID') return `${object.label} Owner`;
  if (field.name === 'CreatedById' && field.label === 'Created By ID') return 'Created By';
  if (field.name === 'LastModifiedById' && field.label === 'Last Modified By ID') return 'Last Modified By';
  // Standard lookups are "X ID" in describe and "X" on the page (Parent Account, Related To, Reports To).
  if (field.type === 'reference' && !field.custom && field.label.endsWith(' ID')) return field.label.slice(0, -' ID'.length);
  return field.label;
}
