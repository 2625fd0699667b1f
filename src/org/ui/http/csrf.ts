import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { FormBody } from './formBody.ts';

/** Where a token travels: a hidden form field for posts, a header for the client scripts' fetches. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * CSRF tokens derived, not stored: HMAC(per-process secret, purpose + session id). A token is
 * valid for exactly one session (or one login-form nonce) and cannot be computed without the
 * secret, so nothing needs to be kept per session. The cost: pages opened before a restart of
 * the org carry tokens the new process refuses (403); reloading the page fixes it.
 */
export class CsrfTokens {
  private readonly secret: Buffer;

  constructor(secret: Buffer = randomBytes(32)) {
    this.secret = secret;
  }

  /** The token of a UI session: hidden `_csrf` fields and the `csrf-token` meta tag carry it. */
  forSession(sessionId: string): string {
    return this.sign(`session:${sessionId}`);
  }

  /** The token of the login form, bound to the nonce cookie the login page set (no session exists yet). */
  forLoginNonce(nonce: string): string {
    return this.sign(`login:${nonce}`);
  }

  /** The token a request presents: the `X-CSRF-Token` header, else the `_csrf` form field. */
  static presented(req: FastifyRequest): string | undefined {
    const header = req.headers[CSRF_HEADER];
    if (typeof header === 'string' && header !== '') return header;
    return FormBody.of(req).get(CSRF_FIELD);
  }

  static matches(expected: string, presented: string | undefined): boolean {
    if (!presented) return false;
    const a = Buffer.from(expected);
    const b = Buffer.from(presented);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private sign(message: string): string {
    return createHmac('sha256', this.secret).update(message).digest('base64url');
  }
}

/** Methods that change state and so must carry a token. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
