import { utilityIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';

/**
 * Controls of the record action dialogs (Convert Lead, Change Owner), drawn as the new/edit
 * dialog draws its fields (recordForms/formFields.ts) so tests and page objects find them the
 * same way: inputs labelled by a <label>, picklists as a button combobox with a listbox, lookups
 * as an input combobox with typeahead. Each control carries `data-gl-action-field` (the key the
 * post uses and errors name) and an empty `<id>-help` div for the message under it;
 * assets/record/actionControls.js drives them.
 */

export interface Choice {
  value: string;
  label: string;
}

function requiredMarker(required: boolean): Html {
  return required ? html`<abbr class="slds-required" title="required">* </abbr>` : html``;
}

function help(id: string): Html {
  return html`<div class="slds-form-element__help" id="${id}-help" hidden></div>`;
}

export function textField(o: { id: string; key: string; label: string; value: string; required: boolean; maxLength?: number }): Html {
  const max = o.maxLength ? html` maxlength="${o.maxLength}"` : '';
  return html`<div class="slds-form-element" data-gl-action-wrap>
  <label class="slds-form-element__label" for="${o.id}">${requiredMarker(o.required)}${o.label}</label>
  <div class="slds-form-element__control"><input type="text" class="slds-input" id="${o.id}" value="${o.value}"${max} aria-required="${o.required ? 'true' : 'false'}" aria-invalid="false" data-gl-action-field="${o.key}" data-gl-kind="text"></div>
  ${help(o.id)}
</div>`;
}

/**
 * A lookup: typing two characters asks `url` (plus `?q=`) for records the user can see; choosing
 * one stores its id on the container. `value`/`valueLabel` preselect a record.
 */
export function lookupField(o: {
  id: string;
  key: string;
  label: string;
  url: string;
  placeholder: string;
  value?: string;
  valueLabel?: string;
  required: boolean;
}): Html {
  const listId = `${o.id}-listbox`;
  return html`<div class="slds-form-element" data-gl-action-wrap>
  <label class="slds-form-element__label" for="${o.id}">${requiredMarker(o.required)}${o.label}</label>
  <div class="slds-form-element__control">
    <div class="slds-combobox_container" data-gl-action-lookup data-url="${o.url}" data-value="${o.value ?? ''}" data-label="${o.valueLabel ?? ''}">
      <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
        <div class="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_right">
          <input type="text" class="slds-input slds-combobox__input" id="${o.id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${listId}" autocomplete="off" placeholder="${o.placeholder}" value="${o.valueLabel ?? ''}" aria-required="${o.required ? 'true' : 'false'}" aria-invalid="false" data-gl-action-field="${o.key}" data-gl-kind="lookup">
          <span class="slds-icon_container slds-input__icon slds-input__icon_right">${utilityIcon('search', 'slds-icon slds-icon_x-small slds-icon-text-default')}</span>
        </div>
        <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${o.label} suggestions" hidden>
          <ul class="slds-listbox slds-listbox_vertical" role="presentation" data-gl-lookup-options></ul>
        </div>
      </div>
    </div>
  </div>
  ${help(o.id)}
</div>`;
}

/** Lightning's picklist (lightning-combobox): a button with role combobox and a listbox of options. */
export function picklistField(o: { id: string; key: string; label: string; choices: readonly Choice[]; value: string; required: boolean }): Html {
  const listId = `${o.id}-listbox`;
  const current = o.choices.find((c) => c.value === o.value);
  return html`<div class="slds-form-element" data-gl-action-wrap>
  <span class="slds-form-element__label" id="${o.id}-label">${requiredMarker(o.required)}${o.label}</span>
  <div class="slds-form-element__control">
    <div class="slds-combobox_container">
      <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click">
        <button type="button" class="slds-input_faux slds-combobox__input gl-picklist__button" id="${o.id}" role="combobox" aria-haspopup="listbox" aria-expanded="false" aria-controls="${listId}" aria-labelledby="${o.id}-label" aria-required="${o.required ? 'true' : 'false'}" aria-invalid="false" data-gl-action-field="${o.key}" data-gl-kind="picklist" data-value="${current ? current.value : ''}"><span class="slds-truncate" data-gl-picklist-text>${current ? current.label : '--None--'}</span>${utilityIcon('down', 'slds-icon slds-icon_x-small slds-icon-text-default gl-picklist__icon')}</button>
        <div class="slds-dropdown slds-dropdown_length-with-icon-7 slds-dropdown_fluid gl-dropdown" id="${listId}" role="listbox" aria-label="${o.label}" tabindex="-1" hidden>
          <ul class="slds-listbox slds-listbox_vertical" role="presentation">
            ${o.choices.map(
              (c) => html`<li role="presentation" class="slds-listbox__item"><div role="option" class="slds-media slds-listbox__option slds-listbox__option_plain" data-value="${c.value}" aria-selected="${c.value === current?.value ? 'true' : 'false'}" tabindex="-1"><span class="slds-media__body slds-truncate">${c.label}</span></div></li>`,
            )}
          </ul>
        </div>
      </div>
    </div>
  </div>
  ${help(o.id)}
</div>`;
}

/** A native checkbox (visible, tap-sized: `.gl-checkbox`), as the new/edit dialog has them. */
export function checkboxField(o: { id: string; key: string; label: string; checked: boolean; disabled?: boolean }): Html {
  return html`<div class="slds-form-element"><div class="slds-form-element__control gl-checkbox">
  <input type="checkbox" id="${o.id}" data-gl-action-field="${o.key}" data-gl-kind="checkbox"${o.checked ? html` checked` : ''}${o.disabled ? html` disabled` : ''}>
  <label class="slds-form-element__label" for="${o.id}">${o.label}</label>
</div></div>`;
}

/** The "We hit a snag." list at the top of a dialog, filled by the client from a FormFailure. */
export function snagList(): Html {
  return html`<div class="gl-form-errors" data-gl-form-errors tabindex="-1" hidden>
  <div class="slds-notify slds-notify_alert slds-alert_error" role="alert">
    <span class="slds-icon_container slds-m-right_x-small">${utilityIcon('error', 'slds-icon slds-icon_x-small')}</span>
    <div><h2 class="slds-text-heading_small">We hit a snag.</h2><ul class="slds-list_dotted gl-form-errors__list" data-gl-form-error-list></ul></div>
  </div>
</div>`;
}
