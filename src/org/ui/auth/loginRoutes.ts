import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import type { UiDeps } from '../UiDeps.ts';
import { clearCookie, readCookie, setCookie } from '../http/cookies.ts';
import { CsrfTokens } from '../http/csrf.ts';
import { FormBody } from '../http/formBody.ts';
import { safeRelativeUrl } from '../http/relativeUrl.ts';
import { sendHtml } from '../shell/pageShell.ts';
import { LOGIN_FAILED_MESSAGE, renderLoginPage } from './loginPage.ts';

/** Where a login lands when no (valid) startURL was given. */
export const HOME_URL = '/lightning/page/home';

/**
 * The login form has no session to bind a CSRF token to, so the page sets a random nonce cookie
 * and the form carries HMAC(nonce): a forged cross-site post has neither (login CSRF, which
 * would sign the victim in as the attacker).
 */
const LOGIN_NONCE_COOKIE = 'golive_login';

export function loginRoutes(app: FastifyInstance, deps: UiDeps): void {
  const page = (req: FastifyRequest, reply: FastifyReply, model: { username?: string; startUrl?: string; error?: string }) => {
    const nonce = randomBytes(18).toString('base64url');
    setCookie(req, reply, LOGIN_NONCE_COOKIE, nonce);
    return sendHtml(reply, renderLoginPage({ ...model, csrfToken: deps.csrf.forLoginNonce(nonce) }));
  };

  app.get('/', async (req, reply) => {
    const startUrl = safeRelativeUrl((req.query as Record<string, unknown>).startURL);
    // Already signed in: straight on, as Salesforce does.
    if (deps.sessions.current(req)) return reply.redirect(startUrl ?? HOME_URL, 302);
    return page(req, reply, { startUrl });
  });

  app.post('/login', async (req, reply) => {
    const form = FormBody.of(req);
    const nonce = readCookie(req, LOGIN_NONCE_COOKIE);
    if (!nonce || !CsrfTokens.matches(deps.csrf.forLoginNonce(nonce), CsrfTokens.presented(req))) {
      return reply.code(403).type('text/plain; charset=utf-8').send('Forbidden: the login form expired. Reload the page and log in again.');
    }
    const username = form.get('username') ?? '';
    const startUrl = safeRelativeUrl(form.get('startURL'));
    try {
      const { session } = deps.org.login.passwordLogin(username, form.get('pw') ?? '', 'ui');
      clearCookie(req, reply, LOGIN_NONCE_COOKIE);
      deps.sessions.start(req, reply, session);
      return reply.redirect(startUrl ?? HOME_URL, 302);
    } catch (err) {
      if (!isSalesforceError(err)) throw err;
      // HTTP 200 and the same page, everything kept but the password, as Salesforce answers.
      return page(req, reply, { username, startUrl, error: LOGIN_FAILED_MESSAGE });
    }
  });
}
