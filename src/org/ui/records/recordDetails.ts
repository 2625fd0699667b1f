import type { PageLayout, PageLayoutItem, PageLayoutSection } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { buttonIcon } from '../components/icon.ts';
import { displayValue } from '../recordForms/formFields.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type Html, html } from '../render/html.ts';
import type { ReferenceName } from './referenceNames.ts';
import { recordViewUrl } from './recordUrls.ts';

/**
 * The Details tab of a record page: the view layout's sections, each a two-column (or one)
 * grid of read-only label/value pairs. Values go through formatValue; lookups show the related
 * record's name as a link to it (never the raw id).
 *
 * With `editable` (the user may edit this record: inlineEdit/recordEditable.ts), every cell the
 * layout lets the user change (object Edit, field-level edit, not read-only on the layout) gets
 * Lightning's pencil button "Edit <label>", which assets/record/inlineEdit.js turns into the
 * Details' edit mode (inlineEdit/detailsEditForm.ts). Cells without edit access get none. The
 * name is an aria-label, so, as on Lightning, getByLabel('<label>') matches the pencil too: a
 * pitfall page objects must scope around.
 */
export function recordDetails(object: ObjectDef, layout: PageLayout, record: Record<string, unknown>, timeZone: string, references: Map<string, ReferenceName>, editable = false): Html {
  const ctx = { timeZone, references, editable };
  const id = String(record.Id);
  return html`<div class="gl-record-details" data-gl-details data-edit-url="${detailsEditUrl(object.name, id)}">${layout.sections.map((s, i) => section(object, s, i, record, ctx))}</div>`;
}

/** The Details in edit mode (pages/inlineEditPage.ts). */
export const detailsEditUrl = (objectName: string, id: string): string =>
  `/lightning/_ui/record/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}/details/edit`;

function section(object: ObjectDef, s: PageLayoutSection, index: number, record: Record<string, unknown>, ctx: { timeZone: string; references: Map<string, ReferenceName>; editable: boolean }): Html {
  const headingId = `gl-details-s${index}`;
  return html`<section class="slds-section slds-is-open gl-details-section" aria-labelledby="${headingId}">
  <h2 class="slds-section__title slds-theme_shade${s.heading ? '' : ' slds-assistive-text'}" id="${headingId}"><span class="slds-p-horizontal_small">${s.label}</span></h2>
  <div class="slds-section__content slds-grid slds-wrap slds-gutters_small">
    ${detailCells(s.items).map((cell) => {
      const label = cell.label(object);
      const pencil = ctx.editable ? cell.items.find((i) => i.editable) : undefined;
      return html`<div class="slds-col slds-size_1-of-1${s.columns === 2 ? ' slds-medium-size_1-of-2' : ''} gl-details-cell">
      <div class="slds-form-element slds-form-element_readonly slds-form-element_stacked${pencil ? ' slds-form-element_edit gl-details-editable' : ''}">
        <span class="slds-form-element__label">${label}</span>
        <div class="slds-form-element__control"><div class="slds-form-element__static" data-gl-value="${cell.items[0].compound?.name ?? cell.items[0].field.name}">${cell.items.map((item, i) =>
          html`${i > 0 ? html`<br>` : ''}${displayValue(item.field, record[item.field.name], ctx, (ref) => recordViewUrl(ref.objectName, ref.id))}`,
        )}</div>${pencil ? html`<button type="button" class="slds-button slds-button_icon gl-inline-edit__trigger" title="Edit ${label}" aria-label="Edit ${label}" data-gl-inline-edit="${pencil.field.name}">${buttonIcon('edit', 'slds-button__icon_hint')}</button>` : ''}</div>
      </div>
    </div>`;
    })}
  </div>
</section>`;
}

export interface DetailCell {
  items: PageLayoutItem[];
  label: (object: ObjectDef) => string;
}

/** An address's parts share one cell under the compound's label. */
export function detailCells(items: readonly PageLayoutItem[]): DetailCell[] {
  const out: DetailCell[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.compound && last?.items[0].compound?.name === item.compound.name && last.items[0].row === item.row && last.items[0].column === item.column) {
      last.items.push(item);
    } else {
      const compoundLabel = item.compound?.label;
      out.push({ items: [item], label: (object) => compoundLabel ?? uiFieldLabel(object, item.field) });
    }
  }
  return out;
}
