import type { FastifyInstance } from 'fastify';
import type { UiDeps } from './UiDeps.ts';
import { CsrfTokens, isStateChanging } from './http/csrf.ts';
import { UI_PAGES } from './pages/index.ts';
import { sendNotFoundPage } from './pages/notFoundPage.ts';
import { isFragmentRequest } from './uiErrors.ts';

/**
 * Everything under /lightning: signed-in pages and their fragment endpoints. Two hooks guard
 * every route here, so page modules cannot forget them:
 * 1. onRequest: the `sid` cookie must name a live session (SessionStore inactivity timeout, user
 *    active); otherwise a page request goes to the login page with `startURL` set to where it was
 *    going, and a fragment request (/lightning/_ui/…) gets 401 so the client script reloads.
 * 2. preHandler: any state-changing method needs the session's CSRF token (`_csrf` field or
 *    `X-CSRF-Token` header), else 403.
 */
export async function lightningScope(app: FastifyInstance, opts: { deps: UiDeps }): Promise<void> {
  const { deps } = opts;

  app.addHook('onRequest', async (req, reply) => {
    const state = deps.sessions.current(req);
    if (state) {
      req.ui = state;
      return;
    }
    if (isFragmentRequest(req)) return reply.code(401).type('text/plain; charset=utf-8').send('Session expired or invalid');
    return reply.redirect(`/?startURL=${encodeURIComponent(req.url)}`, 302);
  });

  app.addHook('preHandler', async (req, reply) => {
    if (!isStateChanging(req.method)) return;
    if (!CsrfTokens.matches(req.ui!.csrfToken, CsrfTokens.presented(req))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden: missing or invalid CSRF token.');
    }
  });

  app.setNotFoundHandler(async (req, reply) => sendNotFoundPage(deps, req, reply));

  for (const routes of UI_PAGES) routes(app, deps);
}
