import { buttonIcon } from '../components/icon.ts';
import { checkboxElement, lookupField, snagList } from '../fields/fieldControls.ts';
import { type Html, html } from '../render/html.ts';
import { actionLookupUrl } from './actionLookup.ts';

/**
 * Lightning's Change Owner dialog: a user lookup (active users the user can see), "Send
 * notification email" (accepted and ignored: the local org sends no email), Cancel and Change
 * Owner. assets/record/changeOwner.js posts `{ ownerId }` to `saveUrl`; the server saves OwnerId
 * through RecordService.update as the user, so sharing and the transfer rules decide.
 */
export const CHANGE_OWNER_DIALOG_ID = 'gl-change-owner-dialog';

export function changeOwnerDialog(d: { saveUrl: string }): Html {
  return html`<div class="gl-dialog gl-action-dialog" id="${CHANGE_OWNER_DIALOG_ID}" hidden data-gl-dialog data-gl-change-owner-dialog>
  <section role="dialog" tabindex="-1" aria-modal="true" aria-labelledby="gl-co-heading" class="slds-modal slds-fade-in-open">
    <div class="slds-modal__container">
      <button type="button" class="slds-button slds-button_icon slds-modal__close" data-gl-dialog-close>${buttonIcon('close', 'slds-button__icon_large')}<span class="slds-assistive-text">Close</span></button>
      <div class="slds-modal__header"><h2 id="gl-co-heading" class="slds-modal__title">Change Owner</h2></div>
      <form class="slds-modal__content slds-p-around_medium gl-action-form" novalidate data-gl-change-owner-form data-url="${d.saveUrl}">
        ${snagList()}
        ${lookupField({ id: 'gl-co-owner', key: 'ownerId', label: 'Search Users', target: 'User', url: actionLookupUrl('User'), placeholder: 'Search Users...', required: true })}
        ${checkboxElement({ id: 'gl-co-notify', key: 'sendNotificationEmail', label: 'Send notification email', checked: false })}
      </form>
      <div class="slds-modal__footer">
        <button type="button" class="slds-button slds-button_neutral" data-gl-dialog-close>Cancel</button>
        <button type="button" class="slds-button slds-button_brand" data-gl-change-owner-submit>Change Owner</button>
      </div>
    </div>
  </section>
  <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
</div>`;
}
