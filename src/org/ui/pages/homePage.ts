import type { FastifyInstance } from 'fastify';
import { type UiDeps, uiState } from '../UiDeps.ts';
import { card } from '../components/card.ts';
import { lazyRegion } from '../components/lazyRegion.ts';
import { renderRecentRecords } from '../home/recentRecords.ts';
import { renderTodaysTasks } from '../home/todaysTasks.ts';
import { html } from '../render/html.ts';
import { listViewUrl } from '../records/recordUrls.ts';
import { renderPage, sendFragment, sendHtml } from '../shell/pageShell.ts';

/**
 * /lightning/page/home: "Today's Tasks" and "Recent Records" cards, each a lazy region. Today's
 * Tasks comes first in the markup, which is what a phone shows first in its single column.
 */
export function homeRoutes(app: FastifyInstance, deps: UiDeps): void {
  // /lightning and /lightning/ open Home, as in Lightning.
  app.get('/', async (_req, reply) => reply.redirect('/lightning/page/home', 302));

  app.get('/page/home', async (req, reply) => {
    const ui = uiState(req);
    const body = html`<div class="gl-home">
  <h1 class="slds-assistive-text">Home</h1>
  <div class="gl-home__grid">
    ${card({
      title: "Today's Tasks",
      headingId: 'gl-home-tasks',
      icon: 'task',
      className: 'gl-home__tasks',
      action: { label: 'View All', href: listViewUrl('Task', { filterName: 'TodaysTasks' }) },
      body: lazyRegion(deps.settings.realism, { url: '/lightning/_ui/home/tasks', render: () => renderTodaysTasks(deps, ui) }),
    })}
    ${card({
      title: 'Recent Records',
      headingId: 'gl-home-recent',
      icon: 'record',
      className: 'gl-home__recent',
      body: lazyRegion(deps.settings.realism, { url: '/lightning/_ui/home/recent', render: () => renderRecentRecords(deps, ui) }),
    })}
  </div>
</div>`;
    return sendHtml(reply, renderPage(deps, ui, { title: 'Home', activeNav: 'home', body }));
  });

  app.get('/_ui/home/tasks', async (req, reply) => sendFragment(reply, renderTodaysTasks(deps, uiState(req))));
  app.get('/_ui/home/recent', async (req, reply) => sendFragment(reply, renderRecentRecords(deps, uiState(req))));
}
