// Lightning's "Sorry to interrupt" dialog (#auraError), hidden in every page until a client
// request fails. Its Refresh button reloads the page.

export function showAuraError(detail) {
  const dialog = document.getElementById('auraError');
  if (!dialog) return;
  const message = document.getElementById('auraErrorMessage');
  if (message) message.textContent = detail || '';
  dialog.hidden = false;
  const refresh = dialog.querySelector('[data-gl-reload]');
  if (refresh) refresh.focus();
}

export function installAuraError(doc) {
  doc.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-gl-reload]')) window.location.reload();
  });
}
