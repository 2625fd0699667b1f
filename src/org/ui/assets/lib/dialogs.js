// Modal dialogs ([data-gl-dialog] wrappers holding an SLDS .slds-modal with role=dialog):
// opened by any [data-gl-dialog-open="<wrapper id>"] control, closed by [data-gl-dialog-close]
// or Escape. Focus moves into the dialog, Tab stays inside it, and returns to the opener.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
let opener = null;

/**
 * A modal keeps focus inside it (aria-modal): Tab wraps from the last visible control to the
 * first and Shift+Tab the other way. Controls inside an open listbox are not tab stops.
 */
export function keepTabInside(container, event) {
  const focusable = [...container.querySelectorAll(FOCUSABLE)].filter((el) => el.offsetParent !== null && !el.closest('[role="listbox"]'));
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export function openDialog(wrapper, from) {
  opener = from || document.activeElement;
  wrapper.hidden = false;
  const dialog = wrapper.querySelector('[role="dialog"]') || wrapper;
  const first = dialog.querySelector('.slds-modal__content ' + FOCUSABLE) || dialog.querySelector(FOCUSABLE);
  (first || dialog).focus();
}

export function closeDialog(wrapper) {
  wrapper.hidden = true;
  if (opener && document.contains(opener)) opener.focus();
  opener = null;
}

function openWrapper() {
  return document.querySelector('[data-gl-dialog]:not([hidden])');
}

export function installDialogs(doc) {
  doc.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const openControl = target.closest('[data-gl-dialog-open]');
    if (openControl) {
      const wrapper = document.getElementById(openControl.getAttribute('data-gl-dialog-open'));
      if (wrapper) openDialog(wrapper, openControl);
      return;
    }
    const closeControl = target.closest('[data-gl-dialog-close]');
    const wrapper = closeControl ? closeControl.closest('[data-gl-dialog]') : null;
    if (wrapper) closeDialog(wrapper);
  });

  doc.addEventListener('keydown', (event) => {
    const wrapper = openWrapper();
    if (!wrapper) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      closeDialog(wrapper);
    } else if (event.key === 'Tab') {
      keepTabInside(wrapper, event);
    }
  });
}
