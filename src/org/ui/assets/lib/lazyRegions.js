// Lightning realism: regions rendered as a spinner with data-gl-lazy="<fragment URL>" are
// fetched once the page has loaded and replaced by the fragment. aria-busy is cleared when done.
import { fetchFragment } from './http.js';

async function load(region) {
  const url = region.getAttribute('data-gl-lazy');
  region.removeAttribute('data-gl-lazy');
  const html = await fetchFragment(url);
  region.innerHTML = html;
  region.classList.remove('gl-region_loading');
  region.setAttribute('aria-busy', 'false');
  // A fragment may itself hold lazy regions.
  loadLazyRegions(region);
}

export function loadLazyRegions(root) {
  for (const region of root.querySelectorAll('[data-gl-lazy]')) {
    load(region).catch(() => {
      region.classList.remove('gl-region_loading');
      region.setAttribute('aria-busy', 'false');
    });
  }
}
