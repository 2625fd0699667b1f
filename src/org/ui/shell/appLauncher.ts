import { buttonIcon, standardIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import type { NavItem } from './navItems.ts';

/**
 * The App Launcher: an SLDS modal listing the items the user can open. Hidden until the waffle
 * button opens it (assets/lib/dialogs.js: focus moves in, Escape and the close button close it,
 * focus returns to the waffle).
 */
export function appLauncher(items: NavItem[]): Html {
  return html`<div class="gl-dialog" id="gl-app-launcher" hidden data-gl-dialog>
  <section role="dialog" tabindex="-1" aria-modal="true" aria-labelledby="gl-app-launcher-heading" class="slds-modal slds-fade-in-open">
    <div class="slds-modal__container">
      <button type="button" class="slds-button slds-button_icon slds-modal__close" data-gl-dialog-close>${buttonIcon('close', 'slds-button__icon_large')}<span class="slds-assistive-text">Close</span></button>
      <div class="slds-modal__header">
        <h2 id="gl-app-launcher-heading" class="slds-modal__title slds-hyphenate">App Launcher</h2>
      </div>
      <div class="slds-modal__content slds-p-around_medium">
        <h3 class="slds-text-heading_small slds-m-bottom_small" id="gl-app-launcher-items">All Items</h3>
        <ul class="gl-app-launcher__items" aria-labelledby="gl-app-launcher-items">
          ${items.map((item) => html`<li><a class="gl-app-launcher__item" href="${item.href}">${standardIcon(item.icon, { size: 'small' })}<span>${item.label}</span></a></li>`)}
        </ul>
      </div>
    </div>
  </section>
  <div class="slds-backdrop slds-backdrop_open" role="presentation" data-gl-dialog-close></div>
</div>`;
}
