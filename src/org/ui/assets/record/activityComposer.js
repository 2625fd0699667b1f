// The activity publisher on the Activity tab (src/org/ui/activity/activityComposer.ts renders it
// inside the lazily loaded timeline, so every listener is delegated on the document): "Log a Call"
// and "New Task" open their composer, Save posts it, a refusal shows in the form as the new/edit
// dialog shows it, success toasts Lightning's "Task "Call" was created." and reloads the timeline.
import { fetchFragment } from '../lib/http.js';
import { showToast } from '../lib/toasts.js';
import { fieldValues, installFieldControls } from './fieldControls.js';
import { submitForm } from './formSubmit.js';

installFieldControls(document, '[data-gl-activity-form]');

function toggleComposer(button) {
  const open = button.getAttribute('aria-expanded') !== 'true';
  const publisher = button.closest('.gl-activity-publisher');
  // One composer at a time, as Lightning's publisher tabs.
  for (const other of publisher.querySelectorAll('[data-gl-composer-toggle]')) {
    const show = other === button && open;
    other.setAttribute('aria-expanded', String(show));
    other.classList.toggle('slds-button_brand', show);
    other.classList.toggle('slds-button_neutral', !show);
    document.getElementById(other.getAttribute('aria-controls')).hidden = !show;
  }
  if (open) {
    const first = document.getElementById(button.getAttribute('aria-controls')).querySelector('[data-gl-field]');
    if (first) first.focus();
  }
}

async function refreshTimeline(timeline) {
  const html = await fetchFragment(timeline.dataset.glActivityTimeline);
  const region = timeline.parentElement;
  region.innerHTML = html;
}

function save(form) {
  const buttons = form.querySelectorAll('[data-gl-composer-save]');
  return submitForm(form, { url: form.dataset.saveUrl, body: { fields: fieldValues(form) }, buttons }, async (result) => {
    showToast(result.toast);
    await refreshTimeline(form.closest('[data-gl-activity-timeline]'));
  });
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const toggle = target ? target.closest('[data-gl-composer-toggle]') : null;
  if (toggle) {
    toggleComposer(toggle);
    return;
  }
  const saveButton = target ? target.closest('[data-gl-composer-save]') : null;
  if (saveButton) save(saveButton.closest('[data-gl-activity-form]'));
});

// Enter in a text field saves the composer rather than submitting the form natively.
document.addEventListener('submit', (event) => {
  const form = event.target instanceof Element ? event.target.closest('[data-gl-activity-form]') : null;
  if (!form) return;
  event.preventDefault();
  save(form);
});
