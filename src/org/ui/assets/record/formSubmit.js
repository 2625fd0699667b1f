// Posting a record form drawn with src/org/ui/fields/fieldControls.ts (the new/edit dialog, inline
// edit, the activity composer, Convert Lead, Change Owner): one post at a time per form, its
// buttons disabled meanwhile, earlier errors cleared, and a refusal (HTTP 400 with a FormFailure)
// shown in the form: the "We hit a snag." list, messages under the fields (their `<id>-help`
// divs) and, in the new/edit dialog, the duplicate warning. Messages are written with textContent.
import { postJson } from '../lib/http.js';

const posting = new WeakSet();

/**
 * Posts `body` to `url` as JSON and, when the server accepts it, awaits `onSaved(result)` before
 * the buttons come back (a reload or a refreshed region replaces them; a second click meanwhile
 * must not post twice).
 */
export async function submitForm(form, { url, body, buttons }, onSaved) {
  if (posting.has(form)) return;
  posting.add(form);
  for (const b of buttons) b.disabled = true;
  try {
    clearFieldErrors(form);
    const response = await postJson(url, body);
    const result = await response.json();
    if (response.ok) await onSaved(result);
    else showFieldErrors(form, result);
  } finally {
    posting.delete(form);
    for (const b of buttons) b.disabled = false;
  }
}

function clearFieldErrors(form) {
  const box = form.querySelector('[data-gl-form-errors]');
  if (box) box.hidden = true;
  const list = form.querySelector('[data-gl-form-error-list]');
  if (list) list.replaceChildren();
  const duplicates = form.querySelector('[data-gl-duplicates]');
  if (duplicates) duplicates.hidden = true;
  for (const control of form.querySelectorAll('[data-gl-field][aria-invalid="true"]')) {
    control.setAttribute('aria-invalid', 'false');
    control.removeAttribute('aria-describedby');
    const help = document.getElementById(`${control.id}-help`);
    if (help) {
      help.hidden = true;
      help.textContent = '';
    }
    const wrap = control.closest('[data-gl-field-wrap]');
    if (wrap) wrap.classList.remove('slds-has-error');
  }
}

/**
 * A FormFailure (recordForms/formSave.ts): every message in the page-level list, field messages
 * under their controls, the duplicate warning where the form has room for it; the list is
 * focused when it has messages.
 */
function showFieldErrors(form, failure) {
  const list = form.querySelector('[data-gl-form-error-list]');
  for (const message of failure.pageErrors || []) {
    const li = document.createElement('li');
    li.textContent = message;
    list.appendChild(li);
  }
  for (const [name, message] of Object.entries(failure.fieldErrors || {})) {
    const control = form.querySelector(`[data-gl-field="${CSS.escape(name)}"]`);
    const help = control && document.getElementById(`${control.id}-help`);
    if (!help) continue;
    help.textContent = message;
    help.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', help.id);
    const wrap = control.closest('[data-gl-field-wrap]');
    if (wrap) wrap.classList.add('slds-has-error');
  }
  const dup = form.querySelector('[data-gl-duplicates]');
  if (dup && failure.duplicates) {
    dup.querySelector('[data-gl-duplicates-message]').textContent = failure.duplicates.message;
    dup.querySelector('[data-gl-duplicates-list]').replaceChildren(
      ...failure.duplicates.records.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = r.url;
        a.textContent = r.name;
        li.appendChild(a);
        return li;
      }),
    );
    dup.hidden = false;
  }
  const box = form.querySelector('[data-gl-form-errors]');
  box.hidden = list.childElementCount === 0;
  // A dialog's form scrolls: bring the list into view before focusing it.
  form.scrollTop = 0;
  if (!box.hidden) box.focus();
}
