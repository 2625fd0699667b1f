// The Convert Lead dialog (src/org/ui/recordActions/convertLeadDialog.ts): Create New / Choose
// Existing per section, "Don't create an opportunity", the post, its errors, and the "Your lead
// has been converted" view with links to the records.
import { controlValue, fieldValues, installFieldControls } from './fieldControls.js';
import { submitForm } from './formSubmit.js';

const wrapper = document.querySelector('[data-gl-convert-dialog]');
if (wrapper) install(wrapper);

function install(wrapper) {
  const dialog = wrapper.querySelector('[role="dialog"]');
  const form = wrapper.querySelector('[data-gl-convert-form]');
  const sections = ['account', 'contact', 'opportunity'];
  const noOpportunity = form.querySelector('[data-gl-field="doNotCreateOpportunity"]');
  let converted = false;

  const modeOf = (section) => form.querySelector(`[data-gl-convert-mode="${section}"]:checked`).value;
  const accountIdInput = () => form.querySelector('[data-gl-field="accountId"]');

  // The section's other choice is disabled, as Lightning greys it; no opportunity disables all three.
  function sync() {
    for (const section of sections) {
      const box = form.querySelector(`[data-gl-convert-section="${section}"]`);
      const off = section === 'opportunity' && noOpportunity.checked;
      for (const radio of box.querySelectorAll('[data-gl-convert-mode]')) radio.disabled = off;
      for (const part of box.querySelectorAll('[data-gl-convert-part]')) {
        const active = !off && part.dataset.glConvertPart === modeOf(section);
        for (const control of part.querySelectorAll('[data-gl-field]')) control.disabled = !active;
      }
    }
  }
  sync();
  form.addEventListener('change', (event) => {
    if (event.target instanceof Element && event.target.matches('[data-gl-convert-mode], [data-gl-field="doNotCreateOpportunity"]')) sync();
  });

  installFieldControls(dialog, '[data-gl-convert-form]', {
    // Contacts and opportunities of the chosen account only: LeadConverter refuses any other.
    lookupParams(input) {
      const key = input.dataset.glField;
      if ((key === 'contactId' || key === 'opportunityId') && modeOf('account') === 'existing') {
        const accountId = controlValue(accountIdInput());
        return accountId ? { accountId } : {};
      }
      return {};
    },
  });

  function body() {
    const values = fieldValues(form);
    return {
      ...values,
      accountMode: modeOf('account'),
      contactMode: modeOf('contact'),
      opportunityMode: modeOf('opportunity'),
      sendNotificationEmail: false,
    };
  }

  function showConverted(result) {
    converted = true;
    form.hidden = true;
    wrapper.querySelector('[data-gl-convert-footer]').hidden = true;
    const done = wrapper.querySelector('[data-gl-convert-done]');
    for (const [key, object] of [['account', 'Account'], ['contact', 'Contact'], ['opportunity', 'Opportunity']]) {
      const card = done.querySelector(`[data-gl-converted="${object}"]`);
      const link = card.querySelector('[data-gl-converted-link]');
      const record = result[key];
      link.hidden = !record;
      card.querySelector('[data-gl-converted-none]').hidden = !!record;
      if (record) {
        link.href = record.url;
        link.textContent = record.name;
      }
    }
    done.hidden = false;
    done.querySelector('[data-gl-convert-done-heading]').focus();
  }

  wrapper.addEventListener('keydown', (event) => {
    if (converted && event.key === 'Escape') window.location.reload();
  });

  wrapper.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    // After a conversion the lead's page is stale: closing the dialog shows it converted.
    if (converted && target && target.closest('[data-gl-dialog-close]')) {
      window.location.reload();
      return;
    }
    const submit = target ? target.closest('[data-gl-convert-submit]') : null;
    if (submit) submitForm(form, { url: form.dataset.url, body: body(), buttons: [submit] }, showConverted);
  });
}
