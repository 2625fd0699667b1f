// List views: "Load more" ([data-gl-load-more]) fetches the next page of rows as a list
// fragment and appends its rows to the table shown; the status line ("50+ items") and the
// Load more control are replaced by the new fragment's. Without script the link itself loads
// the page with more rows.
import { fetchFragment, parseFragment } from './http.js';

async function loadMore(link) {
  const list = link.closest('[data-gl-list]');
  if (!list || link.getAttribute('aria-disabled') === 'true') return;
  link.setAttribute('aria-disabled', 'true');
  const next = parseFragment(await fetchFragment(link.getAttribute('data-gl-load-more')));
  const tbody = list.querySelector('tbody');
  const rows = next.querySelectorAll('tbody > tr');
  if (tbody) for (const row of rows) tbody.appendChild(row);
  for (const part of ['[data-gl-list-status]', '[data-gl-list-more]']) {
    const current = list.querySelector(part);
    const replacement = next.querySelector(part);
    if (current && replacement) current.replaceWith(replacement);
  }
}

export function installListViews(doc) {
  doc.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('[data-gl-load-more]') : null;
    if (!link) return;
    event.preventDefault();
    loadMore(link).catch(() => link.removeAttribute('aria-disabled'));
  });
}
