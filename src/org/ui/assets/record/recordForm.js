// The new/edit record dialog (src/org/ui/recordForms/recordDialog.ts renders it, open): Save /
// Save & New, focus, Tab kept inside, Escape. The field controls (picklists, lookups) are
// fieldControls.js's and the post and its errors formSubmit.js's, shared with inline edit, the
// activity composer and the action dialogs.
import { keepTabInside } from '../lib/dialogs.js';
import { queueToast } from '../lib/toasts.js';
import { fieldValues, installFieldControls } from './fieldControls.js';
import { submitForm } from './formSubmit.js';

const form = document.querySelector('[data-gl-record-form]');
if (form) install(form);

function install(form) {
  const dialog = form.closest('[role="dialog"]');
  const first = form.querySelector('[data-gl-field]');
  if (first) first.focus();
  installFieldControls(dialog, '[data-gl-record-form]');

  dialog.addEventListener('click', (event) => {
    const save = event.target instanceof Element ? event.target.closest('[data-gl-form-save]') : null;
    if (!save) return;
    save.blur();
    submit(save.getAttribute('data-gl-form-save'));
  });

  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Tab') {
      keepTabInside(dialog, event);
      return;
    }
    // An open listbox takes Escape first (fieldControls.js); otherwise Escape cancels.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      window.location.assign(form.dataset.cancelUrl);
    }
  });

  function submit(then) {
    const rule = form.querySelector('[data-gl-assign-rule]');
    const body = { fields: fieldValues(form), useAssignmentRules: rule ? rule.checked : false };
    return submitForm(form, { url: form.dataset.saveUrl, body, buttons: dialog.querySelectorAll('[data-gl-form-save]') }, (result) => {
      queueToast(result.toast);
      // Save & New: a fresh dialog (this URL again); Save: the record page.
      if (then === 'new') window.location.reload();
      else window.location.assign(result.url);
    });
  }
}
