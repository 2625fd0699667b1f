// The field controls of src/org/ui/fields/fieldControls.ts, wherever they are drawn: the new/edit
// dialog, inline edit on the Details tab, the activity composer, the Convert Lead and Change Owner
// dialogs. Picklists (a button combobox and its listbox), lookups (type two characters, pick a
// record) and collecting the values; formSubmit.js posts them and shows a save's errors.
// Everything from the server is written with textContent, so a record value can never become markup.

function listboxOf(control) {
  return document.getElementById(control.getAttribute('aria-controls'));
}

// SLDS shows a dropdown through .slds-is-open on its trigger; `hidden` keeps it out of the
// accessibility tree while closed.
function showList(control, open) {
  const list = listboxOf(control);
  if (list) list.hidden = !open;
  control.setAttribute('aria-expanded', String(open));
  const trigger = control.closest('.slds-dropdown-trigger');
  if (trigger) trigger.classList.toggle('slds-is-open', open);
}

function recordOption(record) {
  const li = document.createElement('li');
  li.setAttribute('role', 'presentation');
  li.className = 'slds-listbox__item';
  const option = document.createElement('div');
  option.setAttribute('role', 'option');
  option.setAttribute('aria-selected', 'false');
  option.tabIndex = -1;
  option.className = 'slds-media slds-listbox__option slds-listbox__option_entity';
  option.dataset.id = record.id;
  option.textContent = record.name;
  li.appendChild(option);
  return li;
}

/**
 * Wires the controls of every form matching `scope` inside `root` (listeners delegated on root, so
 * forms inserted later work too). Escape with a listbox open closes it and goes no further
 * (preventDefault, stopPropagation), so a dialog's own Escape must skip a defaultPrevented event.
 * `lookupParams(input)` may add query parameters to a lookup's request (Convert Lead narrows
 * contacts and opportunities to the chosen account).
 */
export function installFieldControls(root, scope, { lookupParams = () => ({}) } = {}) {
  const openControls = () => root.querySelectorAll(`${scope} [data-gl-kind][aria-expanded="true"]`);
  function closeLists() {
    for (const c of openControls()) showList(c, false);
  }
  function openList(button) {
    closeLists();
    const list = listboxOf(button);
    showList(button, true);
    const selected = list.querySelector('[role="option"][aria-selected="true"]') || list.querySelector('[role="option"]');
    if (selected) selected.focus();
  }
  function choose(button, option) {
    button.dataset.value = option.dataset.value;
    button.querySelector('[data-gl-picklist-text]').textContent = option.textContent.trim();
    for (const o of listboxOf(button).querySelectorAll('[role="option"]')) o.setAttribute('aria-selected', String(o === option));
    closeLists();
    button.focus();
  }
  function chooseRecord(input, option) {
    const box = input.closest('[data-gl-lookup]');
    box.dataset.value = option.dataset.id;
    box.dataset.label = option.textContent;
    input.value = option.textContent;
    showList(input, false);
    input.focus();
  }
  const inScope = (target) => target instanceof Element && target.closest(scope) !== null;

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (!inScope(target)) {
      closeLists();
      return;
    }
    const button = target.closest('[data-gl-kind="picklist"]');
    if (button) {
      if (button.getAttribute('aria-expanded') === 'true') closeLists();
      else openList(button);
      return;
    }
    const option = target.closest('[role="option"]');
    if (option) {
      const list = option.closest('[role="listbox"]');
      const control = document.querySelector(`[aria-controls="${CSS.escape(list.id)}"]`);
      if (control && control.dataset.glKind === 'picklist') choose(control, option);
      else if (control) chooseRecord(control, option);
      return;
    }
    if (!target.closest('[role="listbox"]')) closeLists();
  });

  root.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || !inScope(target)) return;
    if (event.key === 'Escape') {
      if (closeOpenList(target.closest(scope))) {
        event.preventDefault();
        event.stopPropagation();
      }
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

  let lookupSeq = 0;
  root.addEventListener('input', async (event) => {
    const input = event.target instanceof Element ? event.target.closest('[data-gl-kind="lookup"]') : null;
    if (!input || !inScope(input)) return;
    const box = input.closest('[data-gl-lookup]');
    // Typing after a choice undoes it: what is saved is always a chosen record or nothing.
    if (input.value !== box.dataset.label) box.dataset.value = '';
    const term = input.value.trim();
    if (term.length < 2) {
      showList(input, false);
      return;
    }
    const seq = ++lookupSeq;
    const query = new URLSearchParams({ q: term, ...lookupParams(input) });
    const response = await fetch(`${box.dataset.url}?${query}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) return window.location.reload();
    const records = response.ok ? await response.json() : [];
    if (seq !== lookupSeq) return; // a later keystroke's answer wins
    listboxOf(input).querySelector('[data-gl-lookup-options]').replaceChildren(...records.map(recordOption));
    showList(input, records.length > 0);
  });
}

/** Closes the open listbox inside `container`, if any, and gives its control the focus back; true if one was open. */
function closeOpenList(container) {
  const open = container.querySelector('[data-gl-kind][aria-expanded="true"]');
  if (!open) return false;
  showList(open, false);
  open.focus();
  return true;
}

/** One control's value as the save endpoints take it: strings, checkboxes as booleans, lookups as the chosen id. */
export function controlValue(control) {
  switch (control.dataset.glKind) {
    case 'checkbox':
      return control.checked;
    case 'picklist':
      return control.dataset.value || '';
    case 'lookup':
      return control.value.trim() === '' ? '' : control.closest('[data-gl-lookup]').dataset.value || '';
    default:
      return control.value;
  }
}

/** `{ key: value }` of every control in the form (the key is the API name in layout-drawn forms). */
export function fieldValues(form) {
  const fields = {};
  for (const control of form.querySelectorAll('[data-gl-field]')) fields[control.dataset.glField] = controlValue(control);
  return fields;
}
