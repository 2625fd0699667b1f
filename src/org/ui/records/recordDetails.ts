import type { PageLayout, PageLayoutItem, PageLayoutSection } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { displayValue } from '../recordForms/formFields.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type Html, html } from '../render/html.ts';
import type { ReferenceName } from './referenceNames.ts';
import { recordViewUrl } from './recordUrls.ts';

/**
 * The Details tab of a record page: the view layout's sections, each a two-column (or one)
 * grid of read-only label/value pairs. Values go through formatValue; lookups show the related
 * record's name as a link to it (never the raw id).
 */
export function recordDetails(object: ObjectDef, layout: PageLayout, record: Record<string, unknown>, timeZone: string, references: Map<string, ReferenceName>): Html {
  const ctx = { timeZone, references };
  return html`<div class="gl-record-details">${layout.sections.map((s, i) => section(object, s, i, record, ctx))}</div>`;
}

function section(object: ObjectDef, s: PageLayoutSection, index: number, record: Record<string, unknown>, ctx: { timeZone: string; references: Map<string, ReferenceName> }): Html {
  const headingId = `gl-details-s${index}`;
  return html`<section class="slds-section slds-is-open gl-details-section" aria-labelledby="${headingId}">
  <h3 class="slds-section__title slds-theme_shade${s.heading ? '' : ' slds-assistive-text'}" id="${headingId}"><span class="slds-p-horizontal_small">${s.label}</span></h3>
  <div class="slds-section__content slds-grid slds-wrap slds-gutters_small">
    ${cells(s.items).map(
      (cell) => html`<div class="slds-col slds-size_1-of-1${s.columns === 2 ? ' slds-medium-size_1-of-2' : ''} gl-details-cell">
      <div class="slds-form-element slds-form-element_readonly slds-form-element_stacked">
        <span class="slds-form-element__label">${cell.label(object)}</span>
        <div class="slds-form-element__control"><div class="slds-form-element__static" data-gl-value="${cell.items[0].compound?.name ?? cell.items[0].field.name}">${cell.items.map((item, i) =>
          html`${i > 0 ? html`<br>` : ''}${displayValue(item.field, record[item.field.name], ctx, (ref) => recordViewUrl(ref.objectName, ref.id))}`,
        )}</div></div>
      </div>
    </div>`,
    )}
  </div>
</section>`;
}

interface Cell {
  items: PageLayoutItem[];
  label: (object: ObjectDef) => string;
}

/** An address's parts share one cell under the compound's label. */
function cells(items: readonly PageLayoutItem[]): Cell[] {
  const out: Cell[] = [];
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
