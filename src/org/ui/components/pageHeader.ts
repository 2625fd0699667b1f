import { type Html, html } from '../render/html.ts';
import { objectIconName, standardIcon } from './icon.ts';

/**
 * SLDS's page header as the object home (list views) and the record home draw it: the object's
 * icon, the level-1 heading (the object's label above the list view's or the record's name), an
 * optional switcher beside it (the list view picker), the actions at the right, and rows below
 * (the record's highlights).
 */
export function pageHeader(o: { variant: 'object-home' | 'record-home'; objectName: string; heading: Html; switcher?: Html; actions: Html; below?: Html }): Html {
  return html`<div class="slds-page-header slds-page-header_${o.variant} gl-page-header">
  <div class="slds-page-header__row">
    <div class="slds-page-header__col-title">
      <div class="slds-media">
        <div class="slds-media__figure">${standardIcon(objectIconName(o.objectName), { size: 'small' })}</div>
        <div class="slds-media__body">
          <div class="slds-page-header__name">
            <div class="slds-page-header__name-title">${o.heading}</div>
            ${o.switcher ? html`<div class="slds-page-header__name-switcher">${o.switcher}</div>` : ''}
          </div>
        </div>
      </div>
    </div>
    <div class="slds-page-header__col-actions">
      <div class="slds-page-header__controls">${o.actions}</div>
    </div>
  </div>
  ${o.below ?? ''}
</div>`;
}
