import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { ConnectedApp, ConnectedApps } from './connectedApps.ts';

/** The audiences every org accepts besides its own URL: Salesforce's production and sandbox login hosts. */
export const SALESFORCE_LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

/** Why an assertion was refused; the token endpoint turns each into Salesforce's OAuth error. */
export type JwtRejection = 'malformed' | 'unknown_client' | 'bad_signature' | 'wrong_audience' | 'expired';

export class JwtBearerRejected extends Error {
  constructor(readonly reason: JwtRejection) {
    super(`JWT bearer assertion refused: ${reason}`);
    this.name = 'JwtBearerRejected';
  }
}

export interface JwtBearerGrant {
  app: ConnectedApp;
  /** The `sub` claim: the username to log in, still to be checked against the User table. */
  username: string;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();
}

/**
 * Checks an OAuth 2.0 JWT bearer assertion as Salesforce does: RS256, signed with the key of the
 * certificate on the connected app whose consumer key is `iss`, `aud` one of the login URLs,
 * `exp` not passed. There is deliberately no upper bound on `exp`: Salesforce accepts far-future
 * expiries, and the Salesforce CLI long sent `exp` in milliseconds and relied on that.
 */
export async function verifyJwtBearer(
  assertion: string | undefined,
  options: { apps: ConnectedApps; audiences: readonly string[]; now: Date },
): Promise<JwtBearerGrant> {
  if (!assertion) throw new JwtBearerRejected('malformed');
  let claims: JWTPayload;
  try {
    if (decodeProtectedHeader(assertion).alg !== 'RS256') throw new JwtBearerRejected('malformed');
    claims = decodeJwt(assertion);
  } catch {
    throw new JwtBearerRejected('malformed');
  }

  const app = options.apps.byConsumerKey(typeof claims.iss === 'string' ? claims.iss : undefined);
  if (!app) throw new JwtBearerRejected('unknown_client');
  if (!app.publicKey) throw new JwtBearerRejected('bad_signature');
  try {
    await compactVerify(assertion, app.publicKey, { algorithms: ['RS256'] });
  } catch {
    throw new JwtBearerRejected('bad_signature');
  }

  const audiences = Array.isArray(claims.aud) ? claims.aud : claims.aud === undefined ? [] : [claims.aud];
  if (!audiences.some((aud) => options.audiences.some((ok) => sameUrl(aud, ok)))) throw new JwtBearerRejected('wrong_audience');

  if (typeof claims.exp !== 'number') throw new JwtBearerRejected('malformed');
  if (claims.exp * 1000 <= options.now.getTime()) throw new JwtBearerRejected('expired');

  // Salesforce's early JWT flow named the user `prn`; it still accepts that claim.
  const username = typeof claims.sub === 'string' ? claims.sub : typeof claims.prn === 'string' ? claims.prn : undefined;
  if (!username) throw new JwtBearerRejected('malformed');
  return { app, username };
}
