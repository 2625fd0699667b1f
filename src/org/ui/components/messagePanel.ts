import { type Html, html } from '../render/html.ts';

/**
 * Lightning's full-page message (an SLDS illustration block without the picture): the heading
 * is the page's h1 so scenarios can assert on it by role.
 */
export function messagePanel(heading: string, text: string, extra: Html = html``): Html {
  return html`<div class="slds-illustration slds-illustration_small gl-message-panel">
  <div class="slds-text-longform">
    <h1 class="slds-text-heading_medium">${heading}</h1>
    <p class="slds-text-body_regular">${text}</p>
    ${extra}
  </div>
</div>`;
}
