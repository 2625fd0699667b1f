import type { FieldDef, ObjectDef } from '../../schema/types.ts';

/**
 * The label Lightning shows for a field on record pages and in forms, which is not always the
 * describe label: describe says "Full Name", "Owner ID", "Account ID", "Due Date Only"; the form
 * says "Name", "Lead Owner", "Account Name", "Due Date". List view column headers use the same
 * labels as the forms (so a UAT locator like getByLabel('Company') can match a column header
 * too: a Lightning pitfall the harness's tests must cope with). Every UI that shows a field's
 * label (list views here, record pages and dialogs later) takes it from this function.
 */
const LABELS: Record<string, Record<string, string>> = {
  '*': { CreatedById: 'Created By', LastModifiedById: 'Last Modified By', RecordTypeId: 'Record Type' },
  Lead: { Name: 'Name', Status: 'Lead Status' },
  Account: { Phone: 'Phone', Fax: 'Fax', Type: 'Type', Rating: 'Rating', ParentId: 'Parent Account' },
  Contact: { Name: 'Name', AccountId: 'Account Name', Phone: 'Phone', ReportsToId: 'Reports To' },
  Opportunity: { Name: 'Opportunity Name', AccountId: 'Account Name', Type: 'Type', ContactId: 'Contact' },
  Task: { OwnerId: 'Assigned To', WhoId: 'Name', WhatId: 'Related To', ActivityDate: 'Due Date', Description: 'Comments' },
  Event: { OwnerId: 'Assigned To', WhoId: 'Name', WhatId: 'Related To', Description: 'Description' },
};

export function uiFieldLabel(object: ObjectDef, field: FieldDef): string {
  const own = LABELS[object.name]?.[field.name] ?? LABELS['*'][field.name];
  if (own) return own;
  // Every owner field reads "<Object> Owner" in Lightning.
  if (field.name === 'OwnerId') return `${object.label} Owner`;
  // Lookups show the parent, not its id: "Converted Account ID" → "Converted Account".
  if (field.type === 'reference' && / ID$/.test(field.label)) return field.label.slice(0, -3);
  return field.label;
}
