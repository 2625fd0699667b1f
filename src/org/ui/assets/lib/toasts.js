// Lightning's toasts: an SLDS toast in the notify container at the top of the page. A toast
// raised just before a navigation (Save → record page, Delete → list view) is queued in
// sessionStorage and shown by the next page, as Lightning shows it across its own navigation.

const KEY = 'gl-toast';

function container() {
  let box = document.querySelector('.gl-toasts');
  if (!box) {
    box = document.createElement('div');
    box.className = 'slds-notify_container slds-is-relative gl-toasts';
    document.body.appendChild(box);
  }
  return box;
}

/** Shows a toast now; variant success | error | warning | info. Text only (textContent). */
export function showToast(message, variant = 'success') {
  const toast = document.createElement('div');
  toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
  // Errors interrupt (alert); confirmations are polite (status), as Lightning's toasts.
  toast.setAttribute('role', variant === 'error' ? 'alert' : 'status');
  const body = document.createElement('div');
  body.className = 'slds-notify__content';
  const text = document.createElement('h2');
  text.className = 'slds-text-heading_small';
  text.textContent = message;
  body.appendChild(text);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'slds-button slds-button_icon slds-button_icon-inverse slds-notify__close gl-toast__close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  close.addEventListener('click', () => toast.remove());
  toast.append(body, close);
  container().appendChild(toast);
  return toast;
}

/** Queues a toast for the page the browser is about to open. */
export function queueToast(message, variant = 'success') {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ message, variant }));
  } catch {
    // Storage disabled: the toast is lost, the navigation still happens.
  }
}

export function showQueuedToast() {
  let queued = null;
  try {
    queued = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    sessionStorage.removeItem(KEY);
  } catch {
    queued = null;
  }
  if (queued && typeof queued.message === 'string') showToast(queued.message, queued.variant || 'success');
}
