// The controls of the record action dialogs (src/org/ui/recordActions/actionControls.ts renders
// them): picklist comboboxes, lookup typeaheads, values, and the errors a post returns ("We hit
// a snag." list, messages under fields). Everything from the server goes in with textContent.

function listboxOf(control) {
  return document.getElementById(control.getAttribute('aria-controls'));
}

// The listbox shows by its `hidden` attribute; SLDS's .slds-is-open on the trigger styles it.
function showList(control, open) {
  listboxOf(control).hidden = !open;
  control.setAttribute('aria-expanded', String(open));
  const trigger = control.closest('.slds-dropdown-trigger');
  if (trigger) trigger.classList.toggle('slds-is-open', open);
}

function option(record) {
  const li = document.createElement('li');
  li.setAttribute('role', 'presentation');
  li.className = 'slds-listbox__item';
  const div = document.createElement('div');
  div.setAttribute('role', 'option');
  div.setAttribute('aria-selected', 'false');
  div.tabIndex = -1;
  div.className = 'slds-media slds-listbox__option slds-listbox__option_entity';
  div.dataset.id = record.id;
  div.textContent = record.name;
  li.appendChild(div);
  return li;
}

/**
 * Wires the comboboxes of one dialog. `lookupParams(input)` may add query parameters to a
 * lookup's request (Convert Lead narrows contacts and opportunities to the chosen account).
 * `onChoose(control)` is told after a record or a value is chosen.
 */
export function installControls(dialog, { lookupParams = () => ({}), onChoose = () => {} } = {}) {
  function closeLists() {
    for (const c of dialog.querySelectorAll('[data-gl-kind][aria-expanded="true"]')) showList(c, false);
  }

  function openPicklist(button) {
    closeLists();
    showList(button, true);
    const list = listboxOf(button);
    const selected = list.querySelector('[role="option"][aria-selected="true"]') || list.querySelector('[role="option"]');
    if (selected) selected.focus();
  }

  function choose(control, opt) {
    if (control.dataset.glKind === 'picklist') {
      control.dataset.value = opt.dataset.value;
      control.querySelector('[data-gl-picklist-text]').textContent = opt.textContent.trim();
      for (const o of listboxOf(control).querySelectorAll('[role="option"]')) o.setAttribute('aria-selected', String(o === opt));
    } else {
      const box = control.closest('[data-gl-action-lookup]');
      box.dataset.value = opt.dataset.id;
      box.dataset.label = opt.textContent;
      control.value = opt.textContent;
    }
    showList(control, false);
    control.focus();
    onChoose(control);
  }

  dialog.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const picklist = target.closest('[data-gl-kind="picklist"]');
    if (picklist) {
      if (picklist.getAttribute('aria-expanded') === 'true') closeLists();
      else openPicklist(picklist);
      return;
    }
    const opt = target.closest('[role="option"]');
    if (opt) {
      const control = dialog.querySelector(`[aria-controls="${CSS.escape(opt.closest('[role="listbox"]').id)}"]`);
      if (control) choose(control, opt);
      return;
    }
    closeLists();
  });

  dialog.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (event.key === 'Escape') {
      const open = dialog.querySelector('[data-gl-kind][aria-expanded="true"]');
      if (!open) return; // the dialog's own Escape (lib/dialogs.js) closes it
      event.preventDefault();
      event.stopPropagation();
      closeLists();
      open.focus();
      return;
    }
    if (target.matches('[data-gl-kind="picklist"]') && (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      openPicklist(target);
      return;
    }
    const opt = target.closest('[role="option"]');
    if (opt && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const options = [...opt.closest('[role="listbox"]').querySelectorAll('[role="option"]')];
      const next = options[options.indexOf(opt) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
      return;
    }
    if (opt && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      opt.click();
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

  let seq = 0;
  dialog.addEventListener('input', async (event) => {
    const input = event.target instanceof Element ? event.target.closest('[data-gl-kind="lookup"]') : null;
    if (!input) return;
    const box = input.closest('[data-gl-action-lookup]');
    // Typing after a choice undoes it: what is posted is a chosen record or nothing.
    if (input.value !== box.dataset.label) box.dataset.value = '';
    const term = input.value.trim();
    if (term.length < 2) {
      showList(input, false);
      return;
    }
    const mine = ++seq;
    const query = new URLSearchParams({ q: term, ...lookupParams(input) });
    const response = await fetch(`${box.dataset.url}?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) return window.location.reload();
    const records = response.ok ? await response.json() : [];
    if (mine !== seq) return; // a later keystroke's answer wins
    listboxOf(input).querySelector('[data-gl-lookup-options]').replaceChildren(...records.map(option));
    showList(input, records.length > 0);
  });
}

/** A control's value: checkbox → boolean, picklist → its value, lookup → the chosen id (or ''). */
export function valueOf(control) {
  switch (control.dataset.glKind) {
    case 'checkbox':
      return control.checked;
    case 'picklist':
      return control.dataset.value || '';
    case 'lookup':
      return control.value.trim() === '' ? '' : control.closest('[data-gl-action-lookup]').dataset.value || '';
    default:
      return control.value.trim();
  }
}

/** Every control's value by its key. */
export function valuesOf(form) {
  const values = {};
  for (const control of form.querySelectorAll('[data-gl-action-field]')) values[control.dataset.glActionField] = valueOf(control);
  return values;
}

export function clearErrors(form) {
  const box = form.querySelector('[data-gl-form-errors]');
  box.hidden = true;
  form.querySelector('[data-gl-form-error-list]').replaceChildren();
  for (const control of form.querySelectorAll('[data-gl-action-field][aria-invalid="true"]')) {
    control.setAttribute('aria-invalid', 'false');
    control.removeAttribute('aria-describedby');
    const help = document.getElementById(`${control.id}-help`);
    if (help) {
      help.hidden = true;
      help.textContent = '';
    }
    const wrap = control.closest('[data-gl-action-wrap]');
    if (wrap) wrap.classList.remove('slds-has-error');
  }
}

/** A FormFailure ({ pageErrors, fieldErrors by key }) in the dialog, focus on the list. */
export function showErrors(form, failure) {
  const list = form.querySelector('[data-gl-form-error-list]');
  for (const message of failure.pageErrors || []) {
    const li = document.createElement('li');
    li.textContent = message;
    list.appendChild(li);
  }
  for (const [key, message] of Object.entries(failure.fieldErrors || {})) {
    const control = form.querySelector(`[data-gl-action-field="${CSS.escape(key)}"]`);
    const help = control && document.getElementById(`${control.id}-help`);
    if (!help) continue;
    help.textContent = message;
    help.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', help.id);
    const wrap = control.closest('[data-gl-action-wrap]');
    if (wrap) wrap.classList.add('slds-has-error');
  }
  const box = form.querySelector('[data-gl-form-errors]');
  box.hidden = list.childElementCount === 0;
  form.scrollTop = 0;
  if (!box.hidden) box.focus();
}
