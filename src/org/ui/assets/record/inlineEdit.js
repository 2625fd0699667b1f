// Inline edit on the Details tab (src/org/ui/records/recordDetails.ts draws the pencils,
// inlineEdit/detailsEditForm.ts the edit mode). A pencil "Edit <label>" swaps the Details for the
// edit form and focuses that field; Save posts the fields that changed to the new/edit dialog's
// update endpoint, then toasts and reloads the page; errors go under the fields and into the
// page-level list; Cancel brings the Details back as they were. The Details arrive lazily, so the
// listeners are delegated on the document.
import { fetchFragment } from '../lib/http.js';
import { queueToast } from '../lib/toasts.js';
import { controlValue, fieldValues, installFieldControls } from './fieldControls.js';
import { submitForm } from './formSubmit.js';

installFieldControls(document, '[data-gl-inline-form]');

/** What each control held when the edit mode opened: Save sends only what the user changed. */
const initial = new WeakMap();

async function startEditing(pencil) {
  const details = pencil.closest('[data-gl-details]');
  const region = details.parentElement;
  const html = await fetchFragment(details.dataset.editUrl);
  region.innerHTML = html;
  const form = region.querySelector('[data-gl-inline-form]');
  initial.set(form, fieldValues(form));
  const control = form.querySelector(`[data-gl-field="${CSS.escape(pencil.dataset.glInlineEdit)}"]`) || form.querySelector('[data-gl-field]');
  if (control) control.focus();
}

async function cancel(form) {
  const region = form.parentElement;
  region.innerHTML = await fetchFragment(form.dataset.viewUrl);
}

function save(form) {
  const before = initial.get(form) || {};
  const fields = {};
  for (const control of form.querySelectorAll('[data-gl-field]')) {
    const name = control.dataset.glField;
    const value = controlValue(control);
    if (value !== before[name]) fields[name] = value;
  }
  const buttons = form.querySelectorAll('[data-gl-inline-save], [data-gl-inline-cancel]');
  return submitForm(form, { url: form.dataset.saveUrl, body: { fields }, buttons }, (result) => {
    queueToast(result.toast);
    window.location.reload();
  });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const pencil = target.closest('[data-gl-inline-edit]');
  if (pencil) {
    startEditing(pencil);
    return;
  }
  const form = target.closest('[data-gl-inline-form]');
  if (!form) return;
  if (target.closest('[data-gl-inline-cancel]')) cancel(form);
  else if (target.closest('[data-gl-inline-save]')) save(form);
});

document.addEventListener('submit', (event) => {
  const form = event.target instanceof Element ? event.target.closest('[data-gl-inline-form]') : null;
  if (!form) return;
  event.preventDefault();
  save(form);
});
