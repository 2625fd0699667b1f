// Links styled and announced as buttons (<a role="button">, Lightning's "New"): buttons answer
// Space as well as Enter.

export function installLinkButtons(doc) {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== ' ') return;
    const link = event.target instanceof Element ? event.target.closest('a[role="button"][href]') : null;
    if (!link) return;
    event.preventDefault();
    link.click();
  });
}
