// "Show more actions" (a data-gl-menu menu on the record page): a menu item opens its dialog.
// The menu closes first and focus later returns to the menu button, not to a hidden item.
import { openDialog } from '../lib/dialogs.js';

document.addEventListener('click', (event) => {
  const item = event.target instanceof Element ? event.target.closest('[data-gl-action-open]') : null;
  if (!item) return;
  const menu = item.closest('[data-gl-menu]');
  const button = menu ? menu.querySelector('[aria-haspopup]') : null;
  if (menu) {
    menu.classList.remove('slds-is-open');
    if (button) button.setAttribute('aria-expanded', 'false');
  }
  const wrapper = document.getElementById(item.getAttribute('data-gl-action-open'));
  if (wrapper) openDialog(wrapper, button || item);
});
