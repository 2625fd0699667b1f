// The Change Owner dialog (src/org/ui/recordActions/changeOwnerDialog.ts): the user lookup, the
// post, its errors; success → toast on the reloaded page.
import { postJson } from '../lib/http.js';
import { queueToast } from '../lib/toasts.js';
import { clearErrors, installControls, showErrors, valuesOf } from './actionControls.js';

const wrapper = document.querySelector('[data-gl-change-owner-dialog]');
if (wrapper) install(wrapper);

function install(wrapper) {
  const form = wrapper.querySelector('[data-gl-change-owner-form]');
  installControls(wrapper.querySelector('[role="dialog"]'));
  let posting = false;
  wrapper.addEventListener('click', async (event) => {
    const submit = event.target instanceof Element ? event.target.closest('[data-gl-change-owner-submit]') : null;
    if (!submit || posting) return;
    posting = true;
    submit.disabled = true;
    try {
      clearErrors(form);
      const response = await postJson(form.dataset.url, valuesOf(form));
      const result = await response.json();
      if (response.ok) {
        queueToast(result.toast);
        window.location.reload();
        return;
      }
      showErrors(form, result);
    } finally {
      posting = false;
      submit.disabled = false;
    }
  });
}
