import type { PageLayoutItem } from '../../layouts/pageLayout.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { checkboxElement, type Choice, formElement, lookupCombobox, picklistCombobox, textInput } from '../fields/fieldControls.ts';
import { formatValue } from '../fields/formatValue.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type Html, html } from '../render/html.ts';
import type { ReferenceName } from '../records/referenceNames.ts';

/**
 * One field of the new/edit dialog, as Lightning's record-edit form draws it, with the controls of
 * fields/fieldControls.ts keyed by the field's API name (`data-gl-field`) and labelled by its form
 * label (uiFieldLabel); assets/record/fieldControls.js drives them.
 *
 * Kinds: text (text, email, phone, url inputs), number, date (`type=date`: Playwright's fill takes
 * YYYY-MM-DD and the change event commits it), datetime (`type=datetime-local`, read as UTC),
 * textarea, checkbox, picklist (Lightning's button combobox + listbox), lookup (input combobox
 * with typeahead).
 */

export interface FieldContext {
  object: ObjectDef;
  timeZone: string;
  /** The record's value per field (edit), or the defaults (create). */
  values: Record<string, unknown>;
  /** Names of the records the lookups point at. */
  references: Map<string, ReferenceName>;
  /** Prefix of the controls' ids, for a form that shares the page with another (inline edit, the activity composer). */
  idPrefix?: string;
}

/** An id for the field's control, unique in the page (one form per prefix). */
export const controlId = (field: FieldDef, prefix = ''): string => `gl-f-${prefix}${field.name}`;

export function formField(item: PageLayoutItem, ctx: FieldContext): Html {
  const { field } = item;
  const label = uiFieldLabel(ctx.object, field);
  const id = controlId(field, ctx.idPrefix);
  const value = ctx.values[field.name];
  if (!item.editable) return readOnlyField(field, label, value, ctx);
  if (field.type === 'boolean') return checkboxElement({ id, key: field.name, label, checked: value === true });
  return formElement({ id, key: field.name, label, required: item.required, control: editControl(field, id, label, value, item.required, ctx) });
}

function readOnlyField(field: FieldDef, label: string, value: unknown, ctx: FieldContext): Html {
  return html`<div class="slds-form-element slds-form-element_readonly">
  <span class="slds-form-element__label">${label}</span>
  <div class="slds-form-element__control"><div class="slds-form-element__static">${displayValue(field, value, ctx)}</div></div>
</div>`;
}

/** A read-only value: lookups by the related record's name (never the id), the rest via formatValue. */
export function displayValue(field: FieldDef, value: unknown, ctx: Pick<FieldContext, 'timeZone' | 'references'>, link?: (ref: ReferenceName) => string): Html {
  if (field.type === 'reference') {
    const ref = typeof value === 'string' ? ctx.references.get(value) : undefined;
    if (!ref) return html``;
    return link ? html`<a href="${link(ref)}">${ref.name}</a>` : html`${ref.name}`;
  }
  return formatValue(field, value, ctx.timeZone);
}

function editControl(field: FieldDef, id: string, label: string, value: unknown, required: boolean, ctx: FieldContext): Html {
  const text = value === null || value === undefined ? '' : String(value);
  const aria = html`aria-required="${required ? 'true' : 'false'}" aria-invalid="false"`;
  switch (field.type) {
    case 'textarea':
      return html`<textarea class="slds-textarea" id="${id}" data-gl-field="${field.name}" data-gl-kind="text" ${aria}>${text}</textarea>`;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return html`<input type="number" step="any" class="slds-input" id="${id}" data-gl-field="${field.name}" data-gl-kind="text" value="${text}" ${aria}>`;
    case 'date':
      return html`<input type="date" class="slds-input" id="${id}" data-gl-field="${field.name}" data-gl-kind="text" value="${text.slice(0, 10)}" ${aria}>`;
    case 'datetime':
      return html`<input type="datetime-local" class="slds-input" id="${id}" data-gl-field="${field.name}" data-gl-kind="datetime" value="${text.slice(0, 16)}" ${aria}>`;
    case 'picklist':
      return picklist(field, id, label, text, required);
    case 'reference':
      return lookup(field, id, label, text, required, ctx);
    default: {
      // email/phone/url keep type=text semantics for the accessibility tree (role textbox) but
      // get the keyboard hints; Salesforce validates the format on the server, not the browser.
      const type = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.type === 'url' ? 'url' : 'text';
      return textInput({ id, key: field.name, value: text, required, type, maxLength: field.length });
    }
  }
}

/** The field's active values, with --None-- first unless a value is required. */
function picklist(field: FieldDef, id: string, label: string, value: string, required: boolean): Html {
  const options = (field.picklistValues ?? []).filter((p) => p.active);
  const choices: Choice[] = [...(required ? [] : [{ value: '', label: '--None--' }]), ...options.map((p) => ({ value: p.value, label: p.label ?? p.value }))];
  const selected = options.some((p) => p.value === value) ? value : '';
  return picklistCombobox({ id, key: field.name, label, required, choices, selected });
}

/** A lookup searching the field's target (pages/recordFormPages.ts answers); the id is what is saved. */
function lookup(field: FieldDef, id: string, label: string, value: string, required: boolean, ctx: FieldContext): Html {
  const ref = value ? ctx.references.get(value) : undefined;
  const target = lookupTarget(field);
  return lookupCombobox({
    id,
    key: field.name,
    label,
    required,
    target,
    url: `/lightning/_ui/lookup/${encodeURIComponent(ctx.object.name)}/${encodeURIComponent(field.name)}`,
    placeholder: `Search ${target ? target + 's' : ''}...`,
    selected: ref ? { id: ref.id, name: ref.name } : undefined,
  });
}

/** The object a lookup searches: owners are users here (queues are not offered), else the first target. */
export function lookupTarget(field: FieldDef): string {
  return field.referenceTo.includes('User') ? 'User' : (field.referenceTo[0] ?? '');
}
