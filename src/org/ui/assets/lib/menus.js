// SLDS click-triggered dropdown menus ([data-gl-menu] around a button with aria-haspopup and a
// .slds-dropdown): the menu-button pattern. Click or Enter/Space/ArrowDown opens and focuses the
// first item; arrows move; Escape closes and returns focus; a click outside closes.

function items(trigger) {
  return [...trigger.querySelectorAll('[role="menuitem"]')];
}

function setOpen(trigger, open, focusFirst) {
  const button = trigger.querySelector('[aria-haspopup]');
  trigger.classList.toggle('slds-is-open', open);
  if (button) button.setAttribute('aria-expanded', String(open));
  if (open && focusFirst) {
    const first = items(trigger)[0];
    if (first) first.focus();
  }
}

function closeAll(except) {
  for (const open of document.querySelectorAll('[data-gl-menu].slds-is-open')) {
    if (open !== except) setOpen(open, false, false);
  }
}

export function installMenus(doc) {
  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const trigger = target ? target.closest('[data-gl-menu]') : null;
    const button = target ? target.closest('[data-gl-menu] > [aria-haspopup]') : null;
    closeAll(trigger);
    if (button && trigger) setOpen(trigger, !trigger.classList.contains('slds-is-open'), true);
  });

  doc.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const trigger = target ? target.closest('[data-gl-menu]') : null;
    if (!trigger) return;
    const list = items(trigger);
    const index = list.indexOf(target);
    if (event.key === 'Escape') {
      setOpen(trigger, false, false);
      const button = trigger.querySelector('[aria-haspopup]');
      if (button) button.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!trigger.classList.contains('slds-is-open')) return setOpen(trigger, true, true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = list[(index + step + list.length) % list.length];
      if (next) next.focus();
    }
  });
}
