import { utilityIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';

/**
 * The form controls every record form draws: the new/edit dialog and what reuses its fields
 * (recordForms/formFields.ts: inline edit, the activity composer) and the action dialogs
 * (recordActions/: Convert Lead, Change Owner). One markup, so tests and page
 * objects find them the same way everywhere and one client module drives them
 * (assets/record/fieldControls.js).
 *
 * Every control carries `data-gl-field` (the key the post uses and its errors name) and
 * `data-gl-kind`; its form element carries `data-gl-field-wrap` and an empty `<id>-help` div for
 * the message under it. Labels are <label for> the control, so getByRole(…, { name }) and
 * getByLabel find it by its label.
 */

export interface Choice {
  value: string;
  label: string;
}

export function requiredMarker(required: boolean): Html {
  return required ? html`<abbr class="slds-required" title="required">* </abbr>` : html``;
}

function ariaRequired(required: boolean): Html {
  return html`aria-required="${required ? 'true' : 'false'}" aria-invalid="false"`;
}

/** A labelled form element around `control`, with the empty help div for its error message. */
export function formElement(o: { id: string; key: string; label: string; required: boolean; control: Html }): Html {
  return html`<div class="slds-form-element" data-gl-field-wrap="${o.key}">
  <label class="slds-form-element__label" for="${o.id}" id="${o.id}-label">${requiredMarker(o.required)}${o.label}</label>
  <div class="slds-form-element__control">${o.control}</div>
  <div class="slds-form-element__help" id="${o.id}-help" hidden></div>
</div>`;
}

/**
 * A native checkbox with its label after it, visible and tap-sized (`.gl-checkbox`) rather than
 * SLDS's faux box over a 1px input: a test's getByRole('checkbox').check() must be able to click it.
 */
export function checkboxElement(o: { id: string; key: string; label: string; checked: boolean; disabled?: boolean }): Html {
  return html`<div class="slds-form-element" data-gl-field-wrap="${o.key}">
  <div class="slds-form-element__control gl-checkbox">
    <input type="checkbox" id="${o.id}" data-gl-field="${o.key}" data-gl-kind="checkbox"${o.checked ? html` checked` : ''}${o.disabled ? html` disabled` : ''}>
    <label class="slds-form-element__label" for="${o.id}">${o.label}</label>
  </div>
  <div class="slds-form-element__help" id="${o.id}-help" hidden></div>
</div>`;
}

/** A single-line input; `type` email/tel/url keep role textbox but give phones the right keyboard. */
export function textInput(o: { id: string; key: string; value: string; required: boolean; type?: string; maxLength?: number }): Html {
  const max = o.maxLength && o.maxLength > 0 ? html` maxlength="${o.maxLength}"` : '';
  return html`<input type="${o.type ?? 'text'}" class="slds-input" id="${o.id}" data-gl-field="${o.key}" data-gl-kind="text" value="${o.value}"${max} ${ariaRequired(o.required)}>`;
}

/**
 * Lightning's picklist (lightning-combobox): a button with role combobox opening a listbox of
 * `choices`; `selected` is the chosen value (none chosen: the button says --None--).
 */
export function picklistCombobox(o: { id: string; key: string; label: string; required: boolean; choices: readonly Choice[]; selected: string | undefined }): Html {
  const listId = `${o.id}-listbox`;
  const current = o.choices.find((c) => c.value === o.selected);
  return html`<div class="slds-combobox_container" data-gl-picklist>
  <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
    <button type="button" class="slds-input_faux slds-combobox__input gl-picklist__button" id="${o.id}" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-controls="${listId}" aria-labelledby="${o.id}-label" ${ariaRequired(o.required)} data-gl-field="${o.key}" data-gl-kind="picklist" data-value="${current ? current.value : ''}"><span class="slds-truncate" data-gl-picklist-text>${current ? current.label : '--None--'}</span>${utilityIcon('down', 'slds-icon slds-icon_x-small slds-icon-text-default gl-picklist__icon')}</button>
    <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${o.label}" tabindex="-1" hidden>
      <ul class="slds-listbox slds-listbox_vertical" role="presentation">
        ${o.choices.map(
          (c) => html`<li role="presentation" class="slds-listbox__item"><div role="option" class="slds-media slds-listbox__option slds-listbox__option_plain" data-value="${c.value}" aria-selected="${c === current ? 'true' : 'false'}" tabindex="-1"><span class="slds-media__body slds-truncate">${c.label}</span></div></li>`,
        )}
      </ul>
    </div>
  </div>
</div>`;
}

/**
 * A lookup: an input combobox; typing two characters asks `url` (plus `?q=`) for `[{ id, name }]`
 * of `target` records the user can see; choosing one stores its id on the container, and that id
 * is the value. `selected` preselects a record.
 */
export function lookupCombobox(o: {
  id: string;
  key: string;
  label: string;
  required: boolean;
  target: string;
  url: string;
  placeholder: string;
  selected?: { id: string; name: string };
}): Html {
  const listId = `${o.id}-listbox`;
  return html`<div class="slds-combobox_container" data-gl-lookup="${o.target}" data-url="${o.url}" data-value="${o.selected?.id ?? ''}" data-label="${o.selected?.name ?? ''}">
  <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
    <div class="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_right">
      <input type="text" class="slds-input slds-combobox__input" id="${o.id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${listId}" autocomplete="off" placeholder="${o.placeholder}" value="${o.selected?.name ?? ''}" ${ariaRequired(o.required)} data-gl-field="${o.key}" data-gl-kind="lookup">
      <span class="slds-icon_container slds-input__icon slds-input__icon_right">${utilityIcon('search', 'slds-icon slds-icon_x-small slds-icon-text-default')}</span>
    </div>
    <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${o.label} suggestions" hidden>
      <ul class="slds-listbox slds-listbox_vertical" role="presentation" data-gl-lookup-options></ul>
    </div>
  </div>
</div>`;
}

// Labelled controls for forms that are not drawn from a layout (the action dialogs).

export function textField(o: { id: string; key: string; label: string; value: string; required: boolean; maxLength?: number }): Html {
  return formElement({ ...o, control: textInput(o) });
}

export function lookupField(o: Parameters<typeof lookupCombobox>[0]): Html {
  return formElement({ ...o, control: lookupCombobox(o) });
}

export function picklistField(o: Parameters<typeof picklistCombobox>[0]): Html {
  return formElement({ ...o, control: picklistCombobox(o) });
}

/**
 * The "We hit a snag." list at the top of a form (role=alert), filled by the client from a
 * FormFailure; `intro` is a line above the list (inline edit's "Review the errors on this page.").
 */
export function snagList(o: { className?: string; intro?: string } = {}): Html {
  return html`<div class="gl-form-errors${o.className ? ` ${o.className}` : ''}" data-gl-form-errors tabindex="-1" hidden>
  <div class="slds-notify slds-notify_alert slds-alert_error" role="alert">
    <span class="slds-icon_container slds-m-right_x-small">${utilityIcon('error', 'slds-icon slds-icon_x-small')}</span>
    <div><h2 class="slds-text-heading_small">We hit a snag.</h2>${o.intro ? html`<p>${o.intro}</p>` : ''}<ul class="slds-list_dotted gl-form-errors__list" data-gl-form-error-list></ul></div>
  </div>
</div>`;
}
