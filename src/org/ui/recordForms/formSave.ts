import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import { isSalesforceError, type SalesforceError } from '../../errors/SalesforceError.ts';
import type { UiDeps } from '../UiDeps.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { objectNameOfId } from '../records/objectOfId.ts';
import { namesOfIds } from '../records/referenceNames.ts';

/**
 * What the dialog posts and what it gets back. The client sends `{ fields: { ApiName: value } }`
 * with strings (checkboxes as booleans) for the fields it shows. Fields the layout lets the user
 * edit are converted from the form's strings; any other field posted goes to RecordService as it
 * came, which refuses what the user may not write (INVALID_FIELD_FOR_INSERT_UPDATE, shown in the
 * dialog) — a forged post is answered with an error, never silently half-saved. As with Lightning's
 * own UI API, a field the user may write but the layout does not show is accepted.
 */

export interface FormFailure {
  /** The "We hit a snag." list. */
  pageErrors: string[];
  /** Message under a field, by API name. */
  fieldErrors: Record<string, string>;
  /** DUPLICATES_DETECTED: Lightning's warning with links to the matching records. */
  duplicates?: { message: string; records: Array<{ id: string; url: string; name: string }> };
}

export const COMPLETE_THIS_FIELD = 'Complete this field.';

/** The posted values as RecordService input. Empty means null (edit) or "leave to the default" (create). */
export function toRecordInput(layout: PageLayout, posted: unknown, mode: 'create' | 'edit'): Record<string, unknown> {
  const fields = posted && typeof posted === 'object' && 'fields' in posted ? (posted as { fields: unknown }).fields : undefined;
  const given = fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  const input: Record<string, unknown> = {};
  const converted = new Set<string>();
  for (const item of layout.sections.flatMap((s) => s.items)) {
    if (!item.editable || !(item.field.name in given)) continue;
    converted.add(item.field.name);
    const value = given[item.field.name];
    if (item.field.type === 'boolean') {
      input[item.field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
    if (text === '') {
      if (mode === 'edit') input[item.field.name] = null;
      continue;
    }
    if (item.field.type === 'datetime') input[item.field.name] = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00.000+0000` : text;
    else input[item.field.name] = text;
  }
  for (const [name, value] of Object.entries(given)) {
    if (converted.has(name)) continue;
    if (value === '' || value === undefined) {
      if (mode === 'edit') input[name] = null;
      continue;
    }
    input[name] = value;
  }
  return input;
}

/**
 * Lightning checks the layout's required fields in the browser before it saves: "Complete this
 * field." under each, and nothing reaches the server. Done here, before RecordService, with the
 * same outcome.
 */
export function missingRequired(object: ObjectDef, layout: PageLayout, input: Record<string, unknown>, mode: 'create' | 'edit', current?: Record<string, unknown>): FormFailure | undefined {
  const missing = layout.sections
    .flatMap((s) => s.items)
    .filter((i) => i.required && i.editable && i.field.type !== 'boolean')
    .filter((i) => {
      const v = i.field.name in input ? input[i.field.name] : mode === 'edit' ? current?.[i.field.name] : undefined;
      return v === null || v === undefined || v === '';
    });
  if (missing.length === 0) return undefined;
  return requiredFailure(object, missing.map((i) => i.field.name));
}

function requiredFailure(object: ObjectDef, names: string[]): FormFailure {
  const labels = names.map((n) => {
    const f = object.fieldsByLowerName.get(n.toLowerCase());
    return f ? uiFieldLabel(object, f) : n;
  });
  return {
    pageErrors: [`These required fields must be completed: ${labels.join(', ')}`],
    fieldErrors: Object.fromEntries(names.map((n) => [n, COMPLETE_THIS_FIELD])),
  };
}

/** A save's SalesforceError (and the further errors of the same save) as the dialog shows them. */
export function toFormFailure(deps: UiDeps, user: UserContext, object: ObjectDef, err: SalesforceError): FormFailure {
  const failure: FormFailure = { pageErrors: [], fieldErrors: {} };
  for (const e of [err, ...err.also]) {
    if (e.errorCode === 'REQUIRED_FIELD_MISSING') {
      const r = requiredFailure(object, e.fields);
      failure.pageErrors.push(...r.pageErrors);
      Object.assign(failure.fieldErrors, r.fieldErrors);
      continue;
    }
    if (e.errorCode === 'DUPLICATES_DETECTED') {
      failure.duplicates = { message: `It looks like you're creating a duplicate ${object.label}. We recommend you use an existing record instead.`, records: duplicateRecords(deps, user, e) };
      failure.pageErrors.push(e.message);
      continue;
    }
    failure.pageErrors.push(e.message);
    for (const f of e.fields) if (!(f in failure.fieldErrors)) failure.fieldErrors[f] = e.message;
  }
  return failure;
}

/** The matched records' ids from Salesforce's duplicateResult; each links to its record page. */
function duplicateRecords(deps: UiDeps, user: UserContext, err: SalesforceError): Array<{ id: string; url: string; name: string }> {
  const result = err.extra.duplicateResult as { matchResults?: Array<{ matchRecords?: Array<{ record?: { Id?: string } }> }> } | undefined;
  const ids = (result?.matchResults ?? []).flatMap((m) => (m.matchRecords ?? []).map((r) => r.record?.Id)).filter((id): id is string => typeof id === 'string');
  // The rule may match records the user cannot see (it bypasses sharing): those get a generic link text.
  const names = namesOfIds(deps, user, ids);
  return [...new Set(ids)].map((id) => ({ id, url: recordViewUrl(objectNameOfId(deps, id) ?? 'Lead', id), name: names.get(id)?.name ?? 'View duplicate record' }));
}

export { isSalesforceError };

/**
 * Whether the save runs the lead assignment rule: only when the layout offers the checkbox and the
 * user left it checked. Unlike the API (Sforce-Auto-Assign defaults to true), Lightning's dialog
 * never assigns by rule without it.
 */
export function saveOptions(layout: PageLayout, posted: unknown): { useAssignmentRules: boolean } {
  const asked = !!posted && typeof posted === 'object' && (posted as { useAssignmentRules?: unknown }).useAssignmentRules === true;
  return { useAssignmentRules: !!layout.assignmentRuleCheckbox && asked };
}
