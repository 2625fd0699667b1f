// The new/edit record dialog (src/org/ui/recordForms/recordDialog.ts renders it, open): the
// picklist and lookup comboboxes, Save / Save & New, and the errors a save returns. Everything
// from the server is written with textContent, so a record value can never become markup.
import { keepTabInside } from '../lib/dialogs.js';
import { postJson } from '../lib/http.js';
import { queueToast } from '../lib/toasts.js';

const form = document.querySelector('[data-gl-record-form]');
if (form) install(form);

function install(form) {
  const dialog = form.closest('[role="dialog"]');
  const first = form.querySelector('[data-gl-field]');
  if (first) first.focus();

  // --- picklists: a button combobox and its listbox ------------------------------------------
  function listboxOf(button) {
    return document.getElementById(button.getAttribute('aria-controls'));
  }
  // SLDS shows a dropdown through .slds-is-open on its trigger; `hidden` keeps it out of the
  // accessibility tree while closed.
  function showList(control, open) {
    listboxOf(control).hidden = !open;
    control.setAttribute('aria-expanded', String(open));
    const trigger = control.closest('.slds-dropdown-trigger');
    if (trigger) trigger.classList.toggle('slds-is-open', open);
  }
  function openList(button) {
    closeLists();
    const list = listboxOf(button);
    showList(button, true);
    const selected = list.querySelector('[role="option"][aria-selected="true"]') || list.querySelector('[role="option"]');
    if (selected) selected.focus();
  }
  function closeLists(except) {
    for (const b of dialog.querySelectorAll('[aria-expanded="true"]')) {
      if (b === except) continue;
      showList(b, false);
    }
  }
  function choose(button, option) {
    button.dataset.value = option.dataset.value;
    button.querySelector('[data-gl-picklist-text]').textContent = option.textContent.trim();
    for (const o of listboxOf(button).querySelectorAll('[role="option"]')) o.setAttribute('aria-selected', String(o === option));
    closeLists();
    button.focus();
  }

  dialog.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const button = target.closest('[data-gl-kind="picklist"]');
    if (button) {
      if (button.getAttribute('aria-expanded') === 'true') closeLists();
      else openList(button);
      return;
    }
    const option = target.closest('[role="option"]');
    if (option) {
      const list = option.closest('[role="listbox"]');
      const control = dialog.querySelector(`[aria-controls="${list.id}"]`);
      if (control && control.dataset.glKind === 'picklist') choose(control, option);
      else if (control) chooseRecord(control, option);
      return;
    }
    const save = target.closest('[data-gl-form-save]');
    if (save) {
      save.blur();
      submit(save.getAttribute('data-gl-form-save'));
      return;
    }
    if (!target.closest('[role="listbox"]')) closeLists();
  });

  dialog.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (event.key === 'Tab') {
      keepTabInside(dialog, event);
      return;
    }
    if (event.key === 'Escape') {
      const open = dialog.querySelector('[aria-expanded="true"]');
      event.preventDefault();
      if (open) {
        closeLists();
        open.focus();
      } else window.location.assign(form.dataset.cancelUrl);
      return;
    }
    if (target.matches('[data-gl-kind="picklist"]') && (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openList(target);
      return;
    }
    const option = target.closest('[role="option"]');
    if (option && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const options = [...option.closest('[role="listbox"]').querySelectorAll('[role="option"]')];
      const next = options[options.indexOf(option) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
      return;
    }
    if (option && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      option.click();
      return;
    }
    if (target.matches('[data-gl-kind="lookup"]') && event.key === 'ArrowDown') {
      const first = listboxOf(target).querySelector('[role="option"]');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });

  // --- lookups: type two characters, pick a record ---------------------------------------------
  let lookupSeq = 0;
  dialog.addEventListener('input', async (event) => {
    const input = event.target instanceof Element ? event.target.closest('[data-gl-kind="lookup"]') : null;
    if (!input) return;
    const box = input.closest('[data-gl-lookup]');
    // Typing after a choice undoes it: what is saved is always a chosen record or nothing.
    if (input.value !== box.dataset.label) box.dataset.value = '';
    const term = input.value.trim();
    const list = listboxOf(input);
    const ul = list.querySelector('[data-gl-lookup-options]');
    if (term.length < 2) {
      showList(input, false);
      return;
    }
    const seq = ++lookupSeq;
    const url = `/lightning/_ui/lookup/${encodeURIComponent(form.dataset.object)}/${encodeURIComponent(input.dataset.glField)}?q=${encodeURIComponent(term)}`;
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) return window.location.reload();
    const records = response.ok ? await response.json() : [];
    if (seq !== lookupSeq) return; // a later keystroke's answer wins
    ul.replaceChildren(
      ...records.map((r) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'presentation');
        li.className = 'slds-listbox__item';
        const option = document.createElement('div');
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.tabIndex = -1;
        option.className = 'slds-media slds-listbox__option slds-listbox__option_entity';
        option.dataset.id = r.id;
        option.textContent = r.name;
        li.appendChild(option);
        return li;
      }),
    );
    showList(input, records.length > 0);
  });

  function chooseRecord(input, option) {
    const box = input.closest('[data-gl-lookup]');
    box.dataset.value = option.dataset.id;
    box.dataset.label = option.textContent;
    input.value = option.textContent;
    showList(input, false);
    input.focus();
  }

  // --- save ----------------------------------------------------------------------------------
  function values() {
    const fields = {};
    for (const control of form.querySelectorAll('[data-gl-field]')) {
      const name = control.dataset.glField;
      switch (control.dataset.glKind) {
        case 'checkbox':
          fields[name] = control.checked;
          break;
        case 'picklist':
          fields[name] = control.dataset.value || '';
          break;
        case 'lookup':
          fields[name] = control.value.trim() === '' ? '' : control.closest('[data-gl-lookup]').dataset.value || '';
          break;
        default:
          fields[name] = control.value;
      }
    }
    return fields;
  }

  function clearErrors() {
    const box = form.querySelector('[data-gl-form-errors]');
    box.hidden = true;
    form.querySelector('[data-gl-form-error-list]').replaceChildren();
    form.querySelector('[data-gl-duplicates]').hidden = true;
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

  function showErrors(failure) {
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
    if (failure.duplicates) {
      const dup = form.querySelector('[data-gl-duplicates]');
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
    form.scrollTop = 0;
    if (!box.hidden) box.focus();
  }

  let saving = false;
  async function submit(then) {
    if (saving) return;
    saving = true;
    const buttons = dialog.querySelectorAll('[data-gl-form-save]');
    for (const b of buttons) b.disabled = true;
    try {
      clearErrors();
      const rule = form.querySelector('[data-gl-assign-rule]');
      const response = await postJson(form.dataset.saveUrl, { fields: values(), useAssignmentRules: rule ? rule.checked : false });
      const result = await response.json();
      if (response.ok) {
        queueToast(result.toast);
        // Save & New: a fresh dialog (this URL again); Save: the record page.
        if (then === 'new') window.location.reload();
        else window.location.assign(result.url);
        return;
      }
      showErrors(result);
    } finally {
      saving = false;
      for (const b of buttons) b.disabled = false;
    }
  }
}
