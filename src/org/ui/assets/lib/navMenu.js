// Phones: the navigation bar collapses behind the header's "Show Navigation Menu" button
// ([data-gl-nav-toggle]); the button toggles .gl-nav-open on the app root and aria-expanded.
// Escape closes the menu and returns focus to the button.

function setOpen(button, open) {
  const app = document.querySelector('[data-gl-app]');
  if (app) app.classList.toggle('gl-nav-open', open);
  button.setAttribute('aria-expanded', String(open));
}

export function installNavMenu(doc) {
  doc.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-gl-nav-toggle]') : null;
    if (!button) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    setOpen(button, open);
    if (open) {
      const first = document.querySelector('#gl-global-nav a');
      if (first) first.focus();
    }
  });
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const button = document.querySelector('[data-gl-nav-toggle][aria-expanded="true"]');
    if (!button) return;
    setOpen(button, false);
    button.focus();
  });
}
