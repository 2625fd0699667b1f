// The header search combobox ([data-gl-search]): as the user types (2+ characters) it fetches
// suggestion options from /lightning/_ui/search/suggest and shows them in the listbox.
// ArrowDown/ArrowUp move the active option (aria-activedescendant), Enter on an active option
// opens its record, otherwise Enter submits the form to the results page. Escape closes.
import { fetchFragment } from './http.js';

const MIN_LENGTH = 2;
let pending = 0;

function parts(combobox) {
  return { input: combobox.querySelector('[role="combobox"]'), listbox: combobox.querySelector('[role="listbox"]') };
}

function options(listbox) {
  return [...listbox.querySelectorAll('[role="option"]')];
}

function setExpanded(combobox, open) {
  const { input } = parts(combobox);
  combobox.classList.toggle('slds-is-open', open);
  input.setAttribute('aria-expanded', String(open));
  if (!open) input.removeAttribute('aria-activedescendant');
}

function activate(combobox, option) {
  const { input, listbox } = parts(combobox);
  for (const o of options(listbox)) {
    const active = o === option;
    o.classList.toggle('slds-has-focus', active);
    o.setAttribute('aria-selected', String(active));
  }
  if (option) input.setAttribute('aria-activedescendant', option.id);
}

async function suggest(combobox) {
  const { input, listbox } = parts(combobox);
  const term = input.value.trim();
  const ticket = ++pending;
  if (term.length < MIN_LENGTH) {
    listbox.innerHTML = '';
    return setExpanded(combobox, false);
  }
  const html = await fetchFragment(`/lightning/_ui/search/suggest?q=${encodeURIComponent(term)}`);
  // Answers to earlier keystrokes arriving late are dropped.
  if (ticket !== pending) return;
  listbox.innerHTML = html;
  setExpanded(combobox, options(listbox).length > 0);
}

export function installSearchBox(doc) {
  doc.addEventListener('input', (event) => {
    const combobox = event.target instanceof Element ? event.target.closest('[data-gl-search]') : null;
    if (combobox) suggest(combobox).catch(() => setExpanded(combobox, false));
  });

  doc.addEventListener('keydown', (event) => {
    const combobox = event.target instanceof Element ? event.target.closest('[data-gl-search]') : null;
    if (!combobox) return;
    const { input, listbox } = parts(combobox);
    const list = options(listbox);
    const current = list.findIndex((o) => o.id === input.getAttribute('aria-activedescendant'));
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && list.length > 0) {
      event.preventDefault();
      setExpanded(combobox, true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      activate(combobox, list[(current + step + list.length) % list.length]);
    } else if (event.key === 'Enter' && current >= 0 && combobox.classList.contains('slds-is-open')) {
      event.preventDefault();
      window.location.assign(list[current].getAttribute('data-gl-href'));
    } else if (event.key === 'Escape') {
      setExpanded(combobox, false);
    }
  });

  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const option = target ? target.closest('[data-gl-search] [role="option"]') : null;
    if (option) {
      window.location.assign(option.getAttribute('data-gl-href'));
      return;
    }
    for (const open of document.querySelectorAll('[data-gl-search].slds-is-open')) {
      if (!target || !open.contains(target)) setExpanded(open, false);
    }
  });
}
