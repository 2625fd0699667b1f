import { type Html, html } from '../render/html.ts';

/**
 * Lightning's framework error dialog ("Sorry to interrupt"): always in the DOM and hidden, as in
 * Lightning, so UAT scenarios can assert it never appeared. The client script shows it when a
 * fragment or action request fails (assets/lib/auraError.js).
 */
export function auraErrorDialog(): Html {
  return html`<div id="auraError" class="auraError gl-aura-error" role="dialog" aria-modal="true" aria-labelledby="auraErrorTitle" hidden>
  <div class="slds-modal slds-fade-in-open" role="presentation">
    <div class="slds-modal__container">
      <div class="slds-modal__header"><h2 class="slds-modal__title" id="auraErrorTitle">Sorry to interrupt</h2></div>
      <div class="slds-modal__content slds-p-around_medium">
        <p>This page has an error. You might just need to refresh it.</p>
        <p class="slds-text-body_small slds-m-top_small" id="auraErrorMessage"></p>
      </div>
      <div class="slds-modal__footer">
        <button type="button" class="slds-button slds-button_brand" data-gl-reload>Refresh</button>
      </div>
    </div>
  </div>
  <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
</div>`;
}
