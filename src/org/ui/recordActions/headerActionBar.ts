import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { buttonIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import { recordEditUrl } from '../records/recordUrls.ts';
import { CHANGE_OWNER_DIALOG_ID } from './changeOwnerDialog.ts';
import { CONVERT_DIALOG_ID } from './convertLeadDialog.ts';
import type { HeaderActions } from './headerActions.ts';

/**
 * The record page's header actions, in the layout's order: Edit, Convert and Delete as buttons,
 * the rest (Change Owner) behind "Show more actions" as Lightning puts them, a data-gl-menu menu
 * button. On phones golive.css turns the same list into an action bar fixed at the bottom of the
 * screen, so the actions need no sideways scrolling and no separate markup.
 */
const BUTTONS = ['Edit', 'Convert', 'Delete'] as const;

export function headerActionBar(object: ObjectDef, id: string, layout: PageLayout, allowed: HeaderActions): Html {
  const order = layout.actions ?? [];
  const buttons = order.filter((a): a is (typeof BUTTONS)[number] => (BUTTONS as readonly string[]).includes(a) && isAllowed(a, allowed));
  const more = allowed.changeOwner;
  return html`<ul class="slds-button-group-list gl-record-actions" aria-label="Record actions">
  ${buttons.map((a) => html`<li>${button(a, object, id)}</li>`)}
  ${more ? moreActions() : ''}
</ul>`;
}

function isAllowed(action: string, allowed: HeaderActions): boolean {
  if (action === 'Edit') return allowed.edit;
  if (action === 'Delete') return allowed.delete;
  if (action === 'Convert') return allowed.convert;
  return false;
}

function button(action: (typeof BUTTONS)[number], object: ObjectDef, id: string): Html {
  switch (action) {
    case 'Edit':
      return html`<a class="slds-button slds-button_neutral" role="button" href="${recordEditUrl(object.name, id)}">Edit</a>`;
    case 'Convert':
      return html`<button type="button" class="slds-button slds-button_neutral" data-gl-dialog-open="${CONVERT_DIALOG_ID}">Convert</button>`;
    case 'Delete':
      return html`<button type="button" class="slds-button slds-button_neutral" data-gl-dialog-open="gl-delete-dialog">Delete</button>`;
  }
}

function moreActions(): Html {
  return html`<li><div class="slds-dropdown-trigger slds-dropdown-trigger_click gl-more-actions" data-gl-menu>
  <button type="button" class="slds-button slds-button_icon slds-button_icon-border-filled gl-more-actions__button" aria-haspopup="menu" aria-expanded="false" aria-controls="gl-more-actions-menu" title="Show more actions">${buttonIcon('down')}<span class="slds-assistive-text">Show more actions</span></button>
  <div class="slds-dropdown slds-dropdown_right slds-dropdown_actions gl-more-actions__menu" id="gl-more-actions-menu">
    <ul class="slds-dropdown__list" role="menu" aria-label="More actions">
      <li class="slds-dropdown__item" role="presentation"><button type="button" role="menuitem" tabindex="-1" class="slds-button gl-menuitem" data-gl-action-open="${CHANGE_OWNER_DIALOG_ID}">Change Owner</button></li>
    </ul>
  </div>
</div></li>`;
}
