// The record page's own behaviour: Delete (after the confirmation dialog) posts the delete and
// goes to the object's list view with Lightning's toast; a refusal shows as an error toast.
import { closeDialog } from '../lib/dialogs.js';
import { postJson } from '../lib/http.js';
import { queueToast, showToast } from '../lib/toasts.js';

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-gl-record-delete]') : null;
  if (!button) return;
  button.disabled = true;
  const response = await postJson(button.getAttribute('data-gl-record-delete'), {});
  const result = await response.json();
  if (response.ok) {
    queueToast(result.toast);
    window.location.assign(result.url);
    return;
  }
  button.disabled = false;
  const wrapper = button.closest('[data-gl-dialog]');
  if (wrapper) closeDialog(wrapper);
  showToast((result.pageErrors || []).join(' ') || 'The record could not be deleted.', 'error');
});

// --- Path: select a step, then "Mark as Current <noun>"; or "Mark <noun> as Complete" ----------
function pathButtonText(path) {
  const noun = path.dataset.noun;
  const selected = path.querySelector('[role="option"][aria-selected="true"]');
  return selected && selected.dataset.value !== path.dataset.current ? `Mark as Current ${noun}` : `Mark ${noun} as Complete`;
}

function selectStep(option) {
  const path = option.closest('[data-gl-path]');
  for (const o of path.querySelectorAll('[role="option"]')) {
    o.setAttribute('aria-selected', String(o === option));
    o.tabIndex = o === option ? 0 : -1;
  }
  const button = path.querySelector('[data-gl-path-mark]');
  if (button) {
    button.textContent = pathButtonText(path);
    const options = [...path.querySelectorAll('[role="option"]')];
    const last = options[options.length - 1];
    // Complete is impossible on the last step; moving to another step always is.
    button.disabled = option.dataset.value === path.dataset.current && last.dataset.value === path.dataset.current;
  }
}

document.addEventListener('click', async (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const option = target ? target.closest('[data-gl-path] [role="option"]') : null;
  if (option) {
    event.preventDefault();
    selectStep(option);
    return;
  }
  const button = target ? target.closest('[data-gl-path-mark]') : null;
  if (!button) return;
  const path = button.closest('[data-gl-path]');
  const options = [...path.querySelectorAll('[role="option"]')];
  const selected = options.find((o) => o.getAttribute('aria-selected') === 'true');
  let value;
  if (selected && selected.dataset.value !== path.dataset.current) value = selected.dataset.value;
  else {
    const at = options.findIndex((o) => o.dataset.value === path.dataset.current);
    value = options[at + 1] ? options[at + 1].dataset.value : undefined;
  }
  if (!value) return;
  button.disabled = true;
  const response = await postJson(path.dataset.updateUrl, { fields: { [path.dataset.field]: value } });
  const result = await response.json();
  button.disabled = false;
  if (response.ok) {
    queueToast(`${path.dataset.noun} changed successfully.`);
    window.location.reload();
    return;
  }
  showToast((result.pageErrors || []).join(' ') || 'The change could not be saved.', 'error');
});

document.addEventListener('keydown', (event) => {
  const option = event.target instanceof Element ? event.target.closest('[data-gl-path] [role="option"]') : null;
  if (!option || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
  event.preventDefault();
  const options = [...option.closest('[role="listbox"]').querySelectorAll('[role="option"]')];
  const next = options[options.indexOf(option) + (event.key === 'ArrowRight' ? 1 : -1)];
  if (next) {
    selectStep(next);
    next.focus();
  }
});

// --- tabs (Details / Related): SLDS tabs, one panel shown ---------------------------------------
document.addEventListener('click', (event) => {
  const tab = event.target instanceof Element ? event.target.closest('[data-gl-tab]') : null;
  if (!tab) return;
  event.preventDefault();
  for (const t of tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]')) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    t.parentElement.classList.toggle('slds-is-active', selected);
    const panel = document.getElementById(t.getAttribute('aria-controls'));
    panel.hidden = !selected;
    panel.classList.toggle('slds-show', selected);
    panel.classList.toggle('slds-hide', !selected);
  }
});
