import type { UserContext } from '../../service/UserContext.ts';
import type { UiDeps } from '../UiDeps.ts';
import { formatValue } from '../fields/formatValue.ts';
import { type Html, html } from '../render/html.ts';
import { namesOfIds } from '../records/referenceNames.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import type { ObjectDef } from '../../schema/types.ts';

/**
 * A converted lead's page says so, with links to the records it became (those the user can see;
 * the others by object name only), and offers nothing that edits: Salesforce refuses every
 * update of a converted lead, for every user. Salesforce shows converted leads only to users with
 * "View and Edit Converted Leads"; the local org shows them read-only to whoever may read the lead.
 */
export function convertedLeadNotice(deps: UiDeps, user: UserContext, lead: ObjectDef, record: Record<string, unknown>, timeZone: string): Html {
  const targets: Array<[string, unknown]> = [
    ['Account', record.ConvertedAccountId],
    ['Contact', record.ConvertedContactId],
    ['Opportunity', record.ConvertedOpportunityId],
  ];
  const names = namesOfIds(deps, user, targets.map(([, id]) => id));
  const dateField = lead.fieldsByLowerName.get('converteddate');
  const date = dateField && record.ConvertedDate ? html` on ${formatValue(dateField, record.ConvertedDate, timeZone)}` : '';
  return html`<section class="slds-box slds-theme_shade slds-m-bottom_small gl-converted-notice" aria-labelledby="gl-converted-notice-heading">
  <h2 id="gl-converted-notice-heading" class="slds-text-heading_small">This lead was converted${date}.</h2>
  <p class="slds-m-bottom_x-small">Converted leads are read-only.</p>
  <ul class="gl-converted-notice__list">
    ${targets
      .filter(([, id]) => typeof id === 'string' && id !== '')
      .map(([objectName, id]) => {
        const ref = names.get(String(id));
        return html`<li><span class="slds-text-title">${objectName}: </span>${ref ? html`<a href="${recordViewUrl(objectName, ref.id)}">${ref.name}</a>` : html`<span>not visible to you</span>`}</li>`;
      })}
  </ul>
</section>`;
}
