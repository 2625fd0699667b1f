import { buttonIcon } from '../components/icon.ts';
import { type Choice, checkboxElement, lookupField, picklistField, snagList, textField } from '../fields/fieldControls.ts';
import { type Html, html } from '../render/html.ts';
import { objectHomeUrl } from '../records/recordUrls.ts';

import { actionLookupUrl } from './actionLookup.ts';

/**
 * Lightning's Convert Lead dialog, rendered hidden on a lead's page and opened by its Convert
 * button. Three sections (Account, Contact, Opportunity), each "Create New" (prefilled from the
 * lead, editable) or "Choose Existing" (a lookup of records the user can see; contacts and
 * opportunities of the chosen account), "Don't create an opportunity upon conversion", Record
 * Owner and Converted Status. assets/record/convertLead.js posts it to `convertUrl` and, on
 * success, shows the hidden "Your lead has been converted" view with links to the records.
 */
export interface ConvertLeadDialog {
  convertUrl: string;
  company: string;
  firstName: string;
  lastName: string;
  owner?: { id: string; name: string };
  convertedStatuses: readonly Choice[];
  /** Without Create on Opportunity only "Don't create an opportunity" can succeed. */
  canCreateOpportunity: boolean;
}

export const CONVERT_DIALOG_ID = 'gl-convert-dialog';

function modeRadios(section: string): Html {
  // Native visible radios (as the dialogs' checkboxes): getByRole('radio').check() clicks them.
  const name = `gl-cv-${section}-mode`;
  return html`<div class="slds-form-element__control gl-convert-modes">
  <span class="gl-checkbox"><input type="radio" id="${name}-new" name="${name}" value="new" data-gl-convert-mode="${section}" checked><label class="slds-form-element__label" for="${name}-new">Create New</label></span>
  <span class="gl-checkbox"><input type="radio" id="${name}-existing" name="${name}" value="existing" data-gl-convert-mode="${section}"><label class="slds-form-element__label" for="${name}-existing">Choose Existing</label></span>
</div>`;
}

function sectionBox(section: string, label: string, createNew: Html, existing: Html, extra: Html | '' = ''): Html {
  return html`<fieldset class="slds-form-element slds-box slds-m-bottom_small gl-convert-section" data-gl-convert-section="${section}">
  <legend class="slds-form-element__legend slds-text-heading_small">${label}</legend>
  ${modeRadios(section)}
  <div class="slds-grid slds-wrap slds-gutters_small">
    <div class="slds-col slds-size_1-of-1 slds-medium-size_1-of-2" data-gl-convert-part="new">${createNew}</div>
    <div class="slds-col slds-size_1-of-1 slds-medium-size_1-of-2" data-gl-convert-part="existing">${existing}</div>
  </div>
  ${extra}
</fieldset>`;
}

export function convertLeadDialog(d: ConvertLeadDialog): Html {
  const defaultStatus = d.convertedStatuses[0]?.value ?? '';
  return html`<div class="gl-dialog gl-action-dialog" id="${CONVERT_DIALOG_ID}" hidden data-gl-dialog data-gl-convert-dialog>
  <section role="dialog" tabindex="-1" aria-modal="true" aria-labelledby="gl-cv-heading" class="slds-modal slds-fade-in-open slds-modal_medium">
    <div class="slds-modal__container">
      <button type="button" class="slds-button slds-button_icon slds-modal__close" data-gl-dialog-close>${buttonIcon('close', 'slds-button__icon_large')}<span class="slds-assistive-text">Close</span></button>
      <div class="slds-modal__header"><h2 id="gl-cv-heading" class="slds-modal__title">Convert Lead</h2></div>
      <form class="slds-modal__content slds-p-around_medium gl-action-form" novalidate data-gl-convert-form data-url="${d.convertUrl}">
        ${snagList()}
        ${sectionBox(
          'account',
          'Account',
          textField({ id: 'gl-cv-account-name', key: 'accountName', label: 'Account Name', value: d.company, required: true, maxLength: 255 }),
          lookupField({ id: 'gl-cv-account-id', key: 'accountId', label: 'Account Search', target: 'Account', url: actionLookupUrl('Account'), placeholder: 'Search for matching accounts', required: true }),
        )}
        ${sectionBox(
          'contact',
          'Contact',
          html`${textField({ id: 'gl-cv-contact-first', key: 'contactFirstName', label: 'First Name', value: d.firstName, required: false, maxLength: 40 })}${textField({ id: 'gl-cv-contact-last', key: 'contactLastName', label: 'Last Name', value: d.lastName, required: true, maxLength: 80 })}`,
          lookupField({ id: 'gl-cv-contact-id', key: 'contactId', label: 'Contact Search', target: 'Contact', url: actionLookupUrl('Contact'), placeholder: 'Search for matching contacts', required: true }),
        )}
        ${sectionBox(
          'opportunity',
          'Opportunity',
          textField({ id: 'gl-cv-opportunity-name', key: 'opportunityName', label: 'Opportunity Name', value: `${d.company}-`, required: true }),
          lookupField({ id: 'gl-cv-opportunity-id', key: 'opportunityId', label: 'Opportunity Search', target: 'Opportunity', url: actionLookupUrl('Opportunity'), placeholder: 'Search for matching opportunities', required: true }),
          checkboxElement({ id: 'gl-cv-no-opportunity', key: 'doNotCreateOpportunity', label: "Don't create an opportunity upon conversion", checked: !d.canCreateOpportunity, disabled: !d.canCreateOpportunity }),
        )}
        <div class="slds-grid slds-wrap slds-gutters_small">
          <div class="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">${lookupField({ id: 'gl-cv-owner', key: 'ownerId', label: 'Record Owner', target: 'User', url: actionLookupUrl('User'), placeholder: 'Search People...', selected: d.owner, required: true })}</div>
          <div class="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">${picklistField({ id: 'gl-cv-status', key: 'convertedStatus', label: 'Converted Status', choices: d.convertedStatuses, selected: defaultStatus, required: true })}</div>
        </div>
      </form>
      <div class="slds-modal__footer" data-gl-convert-footer>
        <button type="button" class="slds-button slds-button_neutral" data-gl-dialog-close>Cancel</button>
        <button type="button" class="slds-button slds-button_brand" data-gl-convert-submit>Convert</button>
      </div>
      ${convertedView()}
    </div>
  </section>
  <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
</div>`;
}

/** The success view, hidden until the conversion succeeds; the client fills in the links. */
function convertedView(): Html {
  const card = (object: string) => html`<li class="slds-col slds-size_1-of-1 slds-medium-size_1-of-3">
  <div class="slds-box gl-converted-card" data-gl-converted="${object}">
    <p class="slds-text-title_caps">${object}</p>
    <p><a href="#" data-gl-converted-link></a><span data-gl-converted-none hidden>None</span></p>
  </div>
</li>`;
  return html`<div class="gl-converted" data-gl-convert-done hidden>
  <div class="slds-modal__content slds-p-around_medium">
    <h3 class="slds-text-heading_medium slds-m-bottom_medium" tabindex="-1" data-gl-convert-done-heading>Your lead has been converted</h3>
    <ul class="slds-grid slds-wrap slds-gutters_small" aria-label="Converted records">${['Account', 'Contact', 'Opportunity'].map(card)}</ul>
  </div>
  <div class="slds-modal__footer">
    <a class="slds-button slds-button_brand" role="button" href="${objectHomeUrl('Lead')}">Go to Leads</a>
  </div>
</div>`;
}
