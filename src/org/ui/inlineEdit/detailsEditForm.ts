import type { PageLayout, PageLayoutSection } from '../../layouts/pageLayout.ts';
import { displayValue, type FieldContext, formField } from '../recordForms/formFields.ts';
import { detailCells } from '../records/recordDetails.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { snagList } from '../fields/fieldControls.ts';
import { type Html, html } from '../render/html.ts';

export interface DetailsEditForm {
  layout: PageLayout;
  /** The record's values, the object, the lookups' names; idPrefix keeps the ids apart from the composer's. */
  ctx: FieldContext;
  /** The new/edit dialog's update endpoint (pages/recordFormPages.ts). */
  saveUrl: string;
  /** The Details fragment, for Cancel. */
  viewUrl: string;
}

/**
 * The Details tab in edit mode, as Lightning's inline edit turns the whole record form into
 * inputs: the view layout's sections and cells, with the new/edit dialog's control (formFields.ts)
 * for every cell the user can change and the value as text for the rest, the "We hit a snag." list
 * at the top and a docked footer with Cancel and Save. assets/record/inlineEdit.js posts the
 * changed fields to `saveUrl`. Rendered only for a record the user may edit.
 */
export function detailsEditForm(f: DetailsEditForm): Html {
  return html`<form class="gl-record-details gl-record-details_editing" novalidate data-gl-inline-form data-save-url="${f.saveUrl}" data-view-url="${f.viewUrl}">
  ${snagList({ className: 'slds-m-vertical_small', intro: 'Review the errors on this page.' })}
  ${f.layout.sections.map((s, i) => section(s, i, f.ctx))}
  <div class="slds-docked-form-footer gl-inline-edit__footer">
    <button type="button" class="slds-button slds-button_neutral" data-gl-inline-cancel>Cancel</button>
    <button type="button" class="slds-button slds-button_brand" data-gl-inline-save>Save</button>
  </div>
</form>`;
}

function section(s: PageLayoutSection, index: number, ctx: FieldContext): Html {
  const headingId = `gl-details-s${index}`;
  return html`<section class="slds-section slds-is-open gl-details-section" aria-labelledby="${headingId}">
  <h3 class="slds-section__title slds-theme_shade${s.heading ? '' : ' slds-assistive-text'}" id="${headingId}"><span class="slds-p-horizontal_small">${s.label}</span></h3>
  <div class="slds-section__content slds-grid slds-wrap slds-gutters_small">
    ${detailCells(s.items).map((cell) => {
      const width = `slds-col slds-size_1-of-1${s.columns === 2 ? ' slds-medium-size_1-of-2' : ''} gl-details-cell`;
      if (cell.items.some((i) => i.editable)) {
        const controls = cell.items.map((i) => formField(i, ctx));
        return html`<div class="${width} slds-p-vertical_xx-small">${cell.items.length > 1 ? html`<fieldset class="slds-form-element slds-form-element_compound gl-compound"><legend class="slds-form-element__legend slds-form-element__label">${cell.label(ctx.object)}</legend>${controls}</fieldset>` : controls}</div>`;
      }
      return html`<div class="${width}"><div class="slds-form-element slds-form-element_readonly slds-form-element_stacked">
        <span class="slds-form-element__label">${cell.label(ctx.object)}</span>
        <div class="slds-form-element__control"><div class="slds-form-element__static">${cell.items.map((item, i) => html`${i > 0 ? html`<br>` : ''}${displayValue(item.field, ctx.values[item.field.name], ctx, (ref) => recordViewUrl(ref.objectName, ref.id))}`)}</div></div>
      </div></div>`;
    })}
  </div>
</section>`;
}
