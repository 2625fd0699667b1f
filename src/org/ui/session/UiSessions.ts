import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoginService } from '../../auth/LoginService.ts';
import type { Session } from '../../auth/SessionStore.ts';
import type { UserContext } from '../../service/UserContext.ts';
import { clearCookie, readCookie, setCookie } from '../http/cookies.ts';
import type { CsrfTokens } from '../http/csrf.ts';

/** Salesforce's own name for the UI session cookie; tools that copy it around expect it. */
export const SESSION_COOKIE = 'sid';

/** The user of a UI request, with what pages show of them. */
export interface UiUser {
  context: UserContext;
  name: string;
  /** IANA zone (User.TimeZoneSidKey): dates and times are shown in it, as Lightning does. */
  timeZone: string;
}

/** What the /lightning scope knows about a request once its session is checked. */
export interface UiRequestState {
  user: UiUser;
  session: Session;
  /** The session's CSRF token, for hidden `_csrf` fields and the `csrf-token` meta tag. */
  csrfToken: string;
}

/**
 * UI sessions are ordinary SessionStore sessions (loginType 'ui' or 'frontdoor') carried in the
 * `sid` cookie, so they time out on inactivity exactly as API sessions do and a revoked session
 * is gone for both.
 */
export class UiSessions {
  constructor(
    private readonly login: LoginService,
    private readonly csrf: CsrfTokens,
  ) {}

  /** The live session of the request's cookie and its user; undefined when missing, expired or the user is inactive. */
  current(req: FastifyRequest): UiRequestState | undefined {
    const sid = readCookie(req, SESSION_COOKIE);
    const session = sid ? this.login.sessions.use(sid) : undefined;
    if (!session) return undefined;
    let context: UserContext;
    try {
      context = this.login.contextFor(session);
    } catch {
      return undefined;
    }
    const row = this.login.userById(session.userId);
    return {
      session,
      user: {
        context,
        name: String(row?.Name ?? context.username),
        timeZone: String(row?.TimeZoneSidKey ?? 'UTC'),
      },
      csrfToken: this.csrf.forSession(session.id),
    };
  }

  /** Puts a session in the browser: a session cookie, expiry being the server's inactivity timeout. */
  start(req: FastifyRequest, reply: FastifyReply, session: Session): void {
    setCookie(req, reply, SESSION_COOKIE, session.id);
  }

  /** Logout: the session is revoked server-side (a copied cookie is dead too) and the cookie cleared. */
  end(req: FastifyRequest, reply: FastifyReply): void {
    const sid = readCookie(req, SESSION_COOKIE);
    if (sid) this.login.sessions.revoke(sid);
    clearCookie(req, reply, SESSION_COOKIE);
  }
}
