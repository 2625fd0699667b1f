import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { utilityIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';

/**
 * Lightning's Path on the record page, for the two standard picklists that have one: Lead Status
 * and Opportunity Stage. Stages are the field's active values in picklist order; Lead statuses
 * marked converted are left out (Lightning's last Lead step opens the Convert dialog, which is not
 * built here). Opportunity shows every stage, Closed Won and Closed Lost included, instead of
 * Lightning's single "Closed" step with its own dialog.
 *
 * The path is a listbox of options (the record's value selected at first). With edit access to the
 * field, "Mark Status as Complete" moves to the next step, and selecting another step turns the
 * button into "Mark as Current Status". assets/record/recordPage.js posts the change through the
 * dialog's update endpoint (RecordService.update), so validation rules answer as in the dialog.
 */
const PATH_FIELDS: Record<string, { field: string; noun: string }> = {
  Lead: { field: 'Status', noun: 'Status' },
  Opportunity: { field: 'StageName', noun: 'Stage' },
};

export function recordPath(object: ObjectDef, layout: PageLayout, record: Record<string, unknown>, updateUrl: string): Html {
  const spec = PATH_FIELDS[object.name];
  const item = spec ? layout.sections.flatMap((s) => s.items).find((i) => i.field.name === spec.field) : undefined;
  if (!spec || !item) return html``;
  const steps = (item.field.picklistValues ?? []).filter((p) => p.active && !(object.name === 'Lead' && p.attributes?.converted === true));
  const current = steps.findIndex((p) => p.value === record[spec.field]);
  const label = item.label;
  return html`<div class="slds-path slds-m-top_small gl-path" data-gl-path data-field="${spec.field}" data-noun="${spec.noun}" data-update-url="${updateUrl}" data-current="${current >= 0 ? steps[current].value : ''}">
  <div class="slds-grid slds-path__track">
    <div class="slds-grid slds-path__scroller-container">
      <div class="slds-path__scroller"><div class="slds-path__scroller_inner">
        <ul class="slds-path__nav" role="listbox" aria-orientation="horizontal" aria-label="${label}">
          ${steps.map((p, i) => {
            const state = i < current ? 'slds-is-complete' : i === current ? 'slds-is-current slds-is-active' : 'slds-is-incomplete';
            return html`<li class="slds-path__item ${state}" role="presentation"><a class="slds-path__link" href="#" role="option" aria-selected="${i === current ? 'true' : 'false'}" tabindex="${i === current ? '0' : '-1'}" data-value="${p.value}"${i === current ? html` aria-current="step"` : ''}><span class="slds-path__stage">${i < current ? utilityIcon('check', 'slds-icon slds-icon_x-small') : ''}<span class="slds-assistive-text">${i < current ? 'Stage Complete' : i === current ? 'Current Stage:' : ''}</span></span><span class="slds-path__title">${p.label ?? p.value}</span></a></li>`;
          })}
        </ul>
      </div></div>
    </div>
    ${item.editable
      ? html`<div class="slds-grid slds-path__action"><button type="button" class="slds-button slds-button_brand slds-path__mark-complete" data-gl-path-mark${current === steps.length - 1 ? html` disabled` : ''}>Mark ${spec.noun} as Complete</button></div>`
      : ''}
  </div>
</div>`;
}
