// The Change Owner dialog (src/org/ui/recordActions/changeOwnerDialog.ts): the user lookup, the
// post, its errors; success → toast on the reloaded page.
import { queueToast } from '../lib/toasts.js';
import { fieldValues, installFieldControls } from './fieldControls.js';
import { submitForm } from './formSubmit.js';

const wrapper = document.querySelector('[data-gl-change-owner-dialog]');
if (wrapper) install(wrapper);

function install(wrapper) {
  const form = wrapper.querySelector('[data-gl-change-owner-form]');
  installFieldControls(wrapper.querySelector('[role="dialog"]'), '[data-gl-change-owner-form]');
  wrapper.addEventListener('click', (event) => {
    const submit = event.target instanceof Element ? event.target.closest('[data-gl-change-owner-submit]') : null;
    if (!submit) return;
    submitForm(form, { url: form.dataset.url, body: fieldValues(form), buttons: [submit] }, (result) => {
      queueToast(result.toast);
      window.location.reload();
    });
  });
}
