import { type Html, html } from '../render/html.ts';
import { standardIcon } from './icon.ts';

export interface CardOptions {
  title: string;
  /** id of the heading, so the card can be a named region (`getByRole('region', { name })`). */
  headingId: string;
  icon?: string;
  /** A link in the card's header ("View All"). */
  action?: { label: string; href: string };
  body: Html;
  className?: string;
}

/** An SLDS card, exposed as a region named by its heading. */
export function card(options: CardOptions): Html {
  return html`<section class="slds-card ${options.className ?? ''}" aria-labelledby="${options.headingId}">
  <div class="slds-card__header slds-grid">
    <header class="slds-media slds-media_center slds-has-flexi-truncate">
      ${options.icon ? html`<div class="slds-media__figure">${standardIcon(options.icon)}</div>` : ''}
      <div class="slds-media__body">
        <h2 class="slds-card__header-title" id="${options.headingId}">${options.title}</h2>
      </div>
    </header>
    ${options.action ? html`<div class="slds-no-flex"><a class="slds-button slds-button_neutral" href="${options.action.href}">${options.action.label}</a></div>` : ''}
  </div>
  <div class="slds-card__body slds-card__body_inner">${options.body}</div>
</section>`;
}
