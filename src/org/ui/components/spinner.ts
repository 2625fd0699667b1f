import { type Html, html } from '../render/html.ts';

/**
 * Lightning's loading spinner: `.slds-spinner` with role status and the accessible name
 * "Loading", inside a container that covers the region being loaded.
 */
export function spinner(): Html {
  return html`<div class="slds-spinner_container gl-spinner">
  <div role="status" aria-label="Loading" class="slds-spinner slds-spinner_medium slds-spinner_brand">
    <span class="slds-assistive-text">Loading</span>
    <div class="slds-spinner__dot-a"></div>
    <div class="slds-spinner__dot-b"></div>
  </div>
</div>`;
}
