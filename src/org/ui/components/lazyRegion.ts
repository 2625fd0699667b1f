import { type Html, html } from '../render/html.ts';
import { spinner } from './spinner.ts';

export interface LazyRegion {
  /** The fragment endpoint (GET, under /lightning/_ui/) that renders the region's content. */
  url: string;
  /** Renders the same content inline, for pages served with realism off. */
  render: () => Html;
  /** Extra classes of the region's wrapper. */
  className?: string;
}

/**
 * A region whose content Lightning loads after the page: with realism on, the page carries a
 * spinner and `data-gl-lazy` (the client script, assets/lib/lazyRegions.js, fetches the URL and
 * swaps the spinner for the fragment); with realism off the content is rendered in place.
 * Either way the content comes from one render function, so both modes show the same thing.
 */
export function lazyRegion(realism: boolean, region: LazyRegion): Html {
  const className = `gl-region ${region.className ?? ''}`.trim();
  if (!realism) return html`<div class="${className}">${region.render()}</div>`;
  return html`<div class="${className} gl-region_loading" data-gl-lazy="${region.url}" aria-busy="true">${spinner()}</div>`;
}
