import type { FastifyInstance } from 'fastify';
import type { UiDeps } from '../UiDeps.ts';
import { CsrfTokens } from '../http/csrf.ts';

/**
 * /secur/logout.jsp: revokes the browser's session, clears the cookie, back to the login page.
 *
 * POST (the user menu's "Log Out") must carry the session's CSRF token. GET is accepted without
 * one because it is Salesforce's own logout URL, which scenarios and people open directly; the
 * worst a forged GET can do is end the session (it cannot act as the user).
 */
export function logoutRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/secur/logout.jsp', async (req, reply) => {
    deps.sessions.end(req, reply);
    return reply.redirect('/', 302);
  });

  app.post('/secur/logout.jsp', async (req, reply) => {
    const state = deps.sessions.current(req);
    if (state && !CsrfTokens.matches(state.csrfToken, CsrfTokens.presented(req))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden: missing or invalid CSRF token.');
    }
    deps.sessions.end(req, reply);
    return reply.redirect('/', 302);
  });
}
