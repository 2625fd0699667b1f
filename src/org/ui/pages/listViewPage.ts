import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type UiDeps, uiState } from '../UiDeps.ts';
import { lazyRegion } from '../components/lazyRegion.ts';
import { html } from '../render/html.ts';
import { listViewUrl } from '../records/recordUrls.ts';
import { renderPage, sendFragment, sendHtml } from '../shell/pageShell.ts';
import { listViewsOf } from '../listViews/listViewDefs.ts';
import { listFragmentUrl, listViewHeader, renderListRows, type ListState } from '../listViews/listViewRender.ts';
import { MAX_OFFSET, PAGE_SIZE } from '../listViews/listQuery.ts';
import { sendNotFoundPage } from './notFoundPage.ts';

type ListQuery = { filterName?: string; sortBy?: string; sortDir?: string; rows?: string; offset?: string; limit?: string };

/** The object and list view a request names; undefined when the user cannot read the object. */
function listState(deps: UiDeps, req: FastifyRequest): ListState | undefined {
  const { object: name } = req.params as { object: string };
  const object = deps.org.records.findObject(uiState(req).user.context, name);
  if (!object) return undefined;
  const q = req.query as ListQuery;
  const views = listViewsOf(object);
  const view = views.views.find((v) => v.filterName.toLowerCase() === (q.filterName ?? '').toLowerCase()) ?? views.views.find((v) => v.filterName === views.defaultFilter)!;
  return { object, views, view, sortBy: q.sortBy || undefined, sortDir: q.sortDir === 'desc' ? 'desc' : q.sortBy ? 'asc' : undefined };
}

/** A whole number in [min, max] from a query parameter, or the fallback. */
function boundedInt(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/**
 * Object homes and list views: /lightning/o/<Object>/home redirects to the default list view;
 * /lightning/o/<Object>/list?filterName=… renders the header at once and the rows through a lazy
 * region (fragment /lightning/_ui/list/<Object>).
 */
export function listViewRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/o/:object/home', async (req, reply) => {
    const state = listState(deps, req);
    if (!state) return sendNotFoundPage(deps, req, reply);
    return reply.redirect(listViewUrl(state.object.name, { filterName: state.views.defaultFilter }), 302);
  });

  app.get('/o/:object/list', async (req, reply) => {
    const state = listState(deps, req);
    if (!state) return sendNotFoundPage(deps, req, reply);
    const ui = uiState(req);
    // Without script, "Load more" is a link asking for more rows at once.
    const rows = boundedInt((req.query as ListQuery).rows, PAGE_SIZE, PAGE_SIZE, MAX_OFFSET);
    const body = html`<div class="gl-object-home">
  ${listViewHeader(deps, ui, state)}
  <div class="gl-object-home__list">${lazyRegion(deps.settings.realism, {
    url: listFragmentUrl(state, 0, rows),
    render: () => renderListRows(deps, ui, state, 0, rows),
    className: 'gl-list-region',
  })}</div>
</div>`;
    return sendHtml(reply, renderPage(deps, ui, { title: state.object.labelPlural, activeNav: state.object.name, body }));
  });

  app.get('/_ui/list/:object', async (req, reply) => {
    const state = listState(deps, req);
    if (!state) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    const q = req.query as ListQuery;
    const offset = boundedInt(q.offset, 0, 0, MAX_OFFSET);
    const limit = boundedInt(q.limit, PAGE_SIZE, 1, MAX_OFFSET);
    return sendFragment(reply, renderListRows(deps, uiState(req), state, offset, limit));
  });
}
