// The new/edit record dialog (src/org/ui/recordForms/recordDialog.ts renders it, open): Save /
// Save & New, focus, Tab kept inside, Escape. The field controls (picklists, lookups) and the
// errors a save returns are fieldControls.js's, shared with inline edit and the activity composer.
import { keepTabInside } from '../lib/dialogs.js';
import { postJson } from '../lib/http.js';
import { queueToast } from '../lib/toasts.js';
import { clearFieldErrors, closeOpenList, fieldValues, installFieldControls, showFieldErrors } from './fieldControls.js';

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
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!closeOpenList(dialog)) window.location.assign(form.dataset.cancelUrl);
    }
  });

  let saving = false;
  async function submit(then) {
    if (saving) return;
    saving = true;
    const buttons = dialog.querySelectorAll('[data-gl-form-save]');
    for (const b of buttons) b.disabled = true;
    try {
      clearFieldErrors(form);
      const rule = form.querySelector('[data-gl-assign-rule]');
      const response = await postJson(form.dataset.saveUrl, { fields: fieldValues(form), useAssignmentRules: rule ? rule.checked : false });
      const result = await response.json();
      if (response.ok) {
        queueToast(result.toast);
        // Save & New: a fresh dialog (this URL again); Save: the record page.
        if (then === 'new') window.location.reload();
        else window.location.assign(result.url);
        return;
      }
      showFieldErrors(form, result);
      form.scrollTop = 0;
    } finally {
      saving = false;
      for (const b of buttons) b.disabled = false;
    }
  }
}
