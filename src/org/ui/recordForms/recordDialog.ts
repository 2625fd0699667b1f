import type { PageLayout, PageLayoutItem, PageLayoutSection } from '../../layouts/pageLayout.ts';
import { buttonIcon } from '../components/icon.ts';
import { snagList } from '../fields/fieldControls.ts';
import { type Html, html } from '../render/html.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type FieldContext, formField } from './formFields.ts';

/**
 * The new/edit record dialog (Lightning's record-edit modal), open as soon as the page loads:
 * Lightning gives New and Edit their own URLs (/lightning/o/Lead/new, /lightning/r/…/edit), so
 * the dialog is that page's content and closing it navigates to `cancelUrl`.
 * assets/record/recordForm.js drives it: the picklist and lookup comboboxes, Save / Save & New
 * (a JSON post to `saveUrl`), and the errors the save returns (the "We hit a snag." list at the
 * top, messages under fields, the duplicate warning), which it writes into the empty regions
 * rendered here.
 */
export interface RecordDialog {
  mode: 'create' | 'edit';
  /** "New Lead" / "Edit Acme". */
  title: string;
  layout: PageLayout;
  ctx: FieldContext;
  saveUrl: string;
  cancelUrl: string;
}

const HEADING_ID = 'gl-record-dialog-heading';

export function recordDialog(d: RecordDialog): Html {
  return html`<div class="gl-dialog gl-record-dialog" id="gl-record-dialog" data-gl-record-dialog>
  <section role="dialog" tabindex="-1" aria-modal="true" aria-labelledby="${HEADING_ID}" class="slds-modal slds-fade-in-open slds-modal_medium">
    <div class="slds-modal__container">
      <a class="slds-button slds-button_icon slds-modal__close" href="${d.cancelUrl}" data-gl-form-cancel>${buttonIcon('close', 'slds-button__icon_large')}<span class="slds-assistive-text">Cancel and close</span></a>
      <div class="slds-modal__header">
        <h2 id="${HEADING_ID}" class="slds-modal__title slds-hyphenate">${d.title}</h2>
      </div>
      <form class="slds-modal__content slds-p-around_medium gl-record-form" id="gl-record-form" novalidate data-gl-record-form="${d.mode}" data-save-url="${d.saveUrl}" data-cancel-url="${d.cancelUrl}">
        ${snagList()}
        <div class="gl-duplicates slds-box slds-theme_warning slds-m-bottom_medium" data-gl-duplicates role="alert" hidden>
          <p class="slds-text-heading_small" data-gl-duplicates-message></p>
          <ul class="gl-duplicates__list" data-gl-duplicates-list></ul>
        </div>
        <p class="slds-text-align_right slds-m-bottom_small"><abbr class="slds-required" title="required">*</abbr> = Required Information</p>
        ${d.layout.sections.map((s) => section(s, d.ctx))}
        ${d.layout.assignmentRuleCheckbox ? assignmentRule(d.layout.assignmentRuleCheckbox.defaultChecked) : ''}
      </form>
      <div class="slds-modal__footer gl-record-dialog__footer">
        <a class="slds-button slds-button_neutral" role="button" href="${d.cancelUrl}" data-gl-form-cancel>Cancel</a>
        ${d.mode === 'create' ? html`<button type="button" class="slds-button slds-button_neutral" data-gl-form-save="new">Save &amp; New</button>` : ''}
        <button type="button" class="slds-button slds-button_brand" data-gl-form-save="close">Save</button>
      </div>
    </div>
  </section>
  <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
</div>`;
}

/**
 * "Assign using active assignment rule", when the layout shows it (showRunAssignmentRulesCheckbox).
 * Lightning runs the lead assignment rule on a save from the dialog only when it is checked.
 */
function assignmentRule(checked: boolean): Html {
  return html`<fieldset class="slds-form slds-m-bottom_medium gl-form-section" aria-labelledby="gl-s-optional">
  <h3 class="slds-section__title slds-theme_shade" id="gl-s-optional"><span class="slds-p-horizontal_small">Optional</span></h3>
  <div class="slds-form-element"><div class="slds-form-element__control gl-checkbox">
    <input type="checkbox" id="gl-assign-rule" data-gl-assign-rule${checked ? html` checked` : ''}>
    <label class="slds-form-element__label" for="gl-assign-rule">Assign using active assignment rule</label>
  </div></div>
</fieldset>`;
}

/** One layout section: its heading (when the layout shows it) and its fields in one or two columns. */
function section(s: PageLayoutSection, ctx: FieldContext): Html {
  const headingId = `gl-s-${s.label.replace(/[^A-Za-z0-9]/g, '')}-${Math.abs(hash(s.label))}`;
  return html`<fieldset class="slds-form slds-m-bottom_medium gl-form-section" aria-labelledby="${headingId}">
  <h3 class="slds-section__title slds-theme_shade gl-form-section__title${s.heading ? '' : ' slds-assistive-text'}" id="${headingId}"><span class="slds-p-horizontal_small">${s.label}</span></h3>
  <div class="slds-grid slds-wrap slds-gutters_small gl-form-grid${s.columns === 2 ? ' gl-form-grid_2' : ''}">
    ${cells(s.items).map((cell) => html`<div class="slds-col slds-size_1-of-1${s.columns === 2 ? ' slds-medium-size_1-of-2' : ''} slds-p-vertical_xx-small">${cell.compound ? compound(cell.compound, cell.items, ctx) : formField(cell.items[0], ctx)}</div>`)}
  </div>
</fieldset>`;
}

interface Cell {
  compound?: string;
  items: PageLayoutItem[];
}

/** Items in layout order, with the parts of a compound (Name, Address) kept in one cell. */
function cells(items: readonly PageLayoutItem[]): Cell[] {
  const out: Cell[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.compound && last?.compound === item.compound.name && last.items[0].row === item.row && last.items[0].column === item.column) last.items.push(item);
    else out.push(item.compound ? { compound: item.compound.name, items: [item] } : { items: [item] });
  }
  return out;
}

function compound(compoundName: string, items: PageLayoutItem[], ctx: FieldContext): Html {
  // Name of a person is "Name" on the form (uiFieldLabel), not describe's "Full Name".
  const own = ctx.object.fieldsByLowerName.get(compoundName.toLowerCase());
  const label = own ? uiFieldLabel(ctx.object, own) : (items[0].compound?.label ?? compoundName);
  return html`<fieldset class="slds-form-element slds-form-element_compound gl-compound"><legend class="slds-form-element__legend slds-form-element__label">${label}</legend>${items.map((i) => formField(i, ctx))}</fieldset>`;
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
