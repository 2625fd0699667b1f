import type { PageLayoutItem } from '../../layouts/pageLayout.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { utilityIcon } from '../components/icon.ts';
import { formatValue } from '../fields/formatValue.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type Html, html } from '../render/html.ts';
import type { ReferenceName } from '../records/referenceNames.ts';

/**
 * One field of the new/edit dialog, as Lightning's record-edit form draws it. Every control
 * carries `data-gl-field` (the API name) and `data-gl-kind`, which assets/record/recordForm.js
 * reads to collect values and to put a save error under the field (the empty help div
 * `<id>-help` is there for it). Controls are labelled by a <label> so getByRole(…, { name }) and
 * getByLabel find them by the field's form label (uiFieldLabel).
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

function requiredMarker(required: boolean): Html {
  return required ? html`<abbr class="slds-required" title="required">* </abbr>` : html``;
}

export function formField(item: PageLayoutItem, ctx: FieldContext): Html {
  const { field } = item;
  const label = uiFieldLabel(ctx.object, field);
  const id = controlId(field, ctx.idPrefix);
  const value = ctx.values[field.name];
  if (!item.editable) return readOnlyField(field, label, value, ctx);
  const control = editControl(field, id, label, value, item.required, ctx);
  if (field.type === 'boolean') {
    // A native checkbox, visible, rather than SLDS's faux box over a 1px input: a test's
    // getByRole('checkbox').check() must be able to click it.
    return html`<div class="slds-form-element" data-gl-field-wrap="${field.name}">
  <div class="slds-form-element__control gl-checkbox">
    ${control}
    <label class="slds-form-element__label" for="${id}">${label}</label>
  </div>
  <div class="slds-form-element__help" id="${id}-help" hidden></div>
</div>`;
  }
  return html`<div class="slds-form-element" data-gl-field-wrap="${field.name}">
  <label class="slds-form-element__label" for="${id}" id="${id}-label">${requiredMarker(item.required)}${label}</label>
  <div class="slds-form-element__control">${control}</div>
  <div class="slds-form-element__help" id="${id}-help" hidden></div>
</div>`;
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

function common(field: FieldDef, id: string, required: boolean): { name: string; id: string; req: string | undefined } {
  return { name: field.name, id, req: required ? 'true' : undefined };
}

function editControl(field: FieldDef, id: string, label: string, value: unknown, required: boolean, ctx: FieldContext): Html {
  const c = common(field, id, required);
  const text = value === null || value === undefined ? '' : String(value);
  const aria = html`aria-required="${required ? 'true' : 'false'}" aria-invalid="false"`;
  switch (field.type) {
    case 'boolean':
      return html`<input type="checkbox" id="${id}" data-gl-field="${c.name}" data-gl-kind="checkbox"${value === true ? html` checked` : ''}>`;
    case 'textarea':
      return html`<textarea class="slds-textarea" id="${id}" data-gl-field="${c.name}" data-gl-kind="text" ${aria}>${text}</textarea>`;
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return html`<input type="number" step="any" class="slds-input" id="${id}" data-gl-field="${c.name}" data-gl-kind="text" value="${text}" ${aria}>`;
    case 'date':
      return html`<input type="date" class="slds-input" id="${id}" data-gl-field="${c.name}" data-gl-kind="text" value="${text.slice(0, 10)}" ${aria}>`;
    case 'datetime':
      return html`<input type="datetime-local" class="slds-input" id="${id}" data-gl-field="${c.name}" data-gl-kind="datetime" value="${text.slice(0, 16)}" ${aria}>`;
    case 'picklist':
      return picklist(field, id, label, text, required);
    case 'reference':
      return lookup(field, id, label, text, required, ctx);
    default: {
      // email/phone/url keep type=text semantics for the accessibility tree (role textbox) but
      // get the keyboard hints; Salesforce validates the format on the server, not the browser.
      const inputType = field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.type === 'url' ? 'url' : 'text';
      const max = field.length && field.length > 0 ? html` maxlength="${field.length}"` : '';
      return html`<input type="${inputType}" class="slds-input" id="${id}" data-gl-field="${c.name}" data-gl-kind="text" value="${text}"${max} ${aria}>`;
    }
  }
}

/** Lightning's picklist: a button with role combobox opening a listbox of options. */
function picklist(field: FieldDef, id: string, label: string, value: string, required: boolean): Html {
  const options = (field.picklistValues ?? []).filter((p) => p.active);
  const current = options.find((p) => p.value === value);
  const listId = `${id}-listbox`;
  const choices: Array<{ value: string; label: string }> = [...(required ? [] : [{ value: '', label: '--None--' }]), ...options.map((p) => ({ value: p.value, label: p.label ?? p.value }))];
  return html`<div class="slds-combobox_container" data-gl-picklist>
  <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
    <button type="button" class="slds-input_faux slds-combobox__input gl-picklist__button" id="${id}" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-controls="${listId}" aria-labelledby="${id}-label" aria-required="${required ? 'true' : 'false'}" aria-invalid="false" data-gl-field="${field.name}" data-gl-kind="picklist" data-value="${current ? current.value : ''}"><span class="slds-truncate" data-gl-picklist-text>${current ? (current.label ?? current.value) : '--None--'}</span>${utilityIcon('down', 'slds-icon slds-icon_x-small slds-icon-text-default gl-picklist__icon')}</button>
    <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${label}" tabindex="-1" hidden>
      <ul class="slds-listbox slds-listbox_vertical" role="presentation">
        ${choices.map(
          (o) => html`<li role="presentation" class="slds-listbox__item"><div role="option" class="slds-media slds-listbox__option slds-listbox__option_plain" data-value="${o.value}" aria-selected="${o.value === (current?.value ?? '') ? 'true' : 'false'}" tabindex="-1"><span class="slds-media__body slds-truncate">${o.label}</span></div></li>`,
        )}
      </ul>
    </div>
  </div>
</div>`;
}

/** A lookup: type two characters, pick a record from the suggestions; the id is what is saved. */
function lookup(field: FieldDef, id: string, label: string, value: string, required: boolean, ctx: FieldContext): Html {
  const ref = value ? ctx.references.get(value) : undefined;
  const listId = `${id}-listbox`;
  const target = lookupTarget(field);
  return html`<div class="slds-combobox_container" data-gl-lookup="${target}" data-value="${ref ? ref.id : ''}" data-label="${ref ? ref.name : ''}">
  <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
    <div class="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_right">
      <input type="text" class="slds-input slds-combobox__input" id="${id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${listId}" autocomplete="off" placeholder="Search ${target ? target + 's' : ''}..." value="${ref ? ref.name : ''}" aria-required="${required ? 'true' : 'false'}" aria-invalid="false" data-gl-field="${field.name}" data-gl-kind="lookup">
      <span class="slds-icon_container slds-input__icon slds-input__icon_right">${utilityIcon('search', 'slds-icon slds-icon_x-small slds-icon-text-default')}</span>
    </div>
    <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${label} suggestions" hidden>
      <ul class="slds-listbox slds-listbox_vertical" role="presentation" data-gl-lookup-options></ul>
    </div>
  </div>
</div>`;
}

/** The object a lookup searches: owners are users here (queues are not offered), else the first target. */
export function lookupTarget(field: FieldDef): string {
  return field.referenceTo.includes('User') ? 'User' : (field.referenceTo[0] ?? '');
}
