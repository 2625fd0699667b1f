import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiDeps } from '../UiDeps.ts';
import { FormBody } from '../http/formBody.ts';
import { safeRelativeUrl } from '../http/relativeUrl.ts';
import { HOME_URL } from './loginRoutes.ts';

/**
 * /secur/frontdoor.jsp: turns any live API session id into a browser session, the way the
 * harness (and `sf org open`) signs a browser in without the login form. POST is the form the
 * harness uses, so the session id never appears in a URL, a log line or the browser history.
 *
 * No CSRF token here: the session id itself is the credential, which a forging site does not
 * have. The browser gets a NEW session of type 'frontdoor' for the same user, so logging out of
 * the UI does not end the API session the harness keeps using.
 */
export function frontdoorRoutes(app: FastifyInstance, deps: UiDeps): void {
  const enter = (req: FastifyRequest, reply: FastifyReply, params: { sid?: string; retURL?: string }) => {
    const retUrl = safeRelativeUrl(params.retURL) ?? HOME_URL;
    const apiSession = params.sid ? deps.org.login.sessions.use(params.sid) : undefined;
    const user = apiSession ? deps.org.login.userById(apiSession.userId) : undefined;
    if (!apiSession || !user || user.IsActive !== 1) {
      // An invalid or expired sid lands on the login page, which then continues to retURL.
      return reply.redirect(`/?startURL=${encodeURIComponent(retUrl)}`, 302);
    }
    deps.sessions.start(req, reply, deps.org.login.openSession(user, 'frontdoor'));
    return reply.redirect(retUrl, 302);
  };

  app.get('/secur/frontdoor.jsp', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    return enter(req, reply, { sid: typeof q.sid === 'string' ? q.sid : undefined, retURL: typeof q.retURL === 'string' ? q.retURL : undefined });
  });

  app.post('/secur/frontdoor.jsp', async (req, reply) => {
    const form = FormBody.of(req);
    return enter(req, reply, { sid: form.get('sid'), retURL: form.get('retURL') });
  });
}
