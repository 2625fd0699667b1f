import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConnectedApp, ConnectedApps } from '../../auth/connectedApps.ts';
import { JwtBearerRejected, SALESFORCE_LOGIN_AUDIENCES, verifyJwtBearer, type JwtRejection } from '../../auth/jwtBearer.ts';
import type { Session } from '../../auth/SessionStore.ts';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { identityUrl } from '../identity.ts';
import type { OrgServices } from '../OrgServices.ts';
import { OAuthError, OAuthErrors } from './OAuthError.ts';
import { basicClientCredentials, requestParams } from './requestParams.ts';

export interface OAuthDeps {
  org: OrgServices;
  connectedApps: ConnectedApps;
  now: () => Date;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const JWT_ERRORS: Record<JwtRejection, () => OAuthError> = {
  malformed: OAuthErrors.invalidAssertion,
  unknown_client: OAuthErrors.invalidClientId,
  bad_signature: OAuthErrors.invalidAssertion,
  wrong_audience: OAuthErrors.audienceInvalid,
  expired: OAuthErrors.expiredAssertion,
};

/** Compares secrets in constant time whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHmac('sha256', 'golive-secret-compare').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

interface TokenRequest {
  params: Record<string, string>;
  baseUrl: string;
  req: FastifyRequest;
}

/** The connected app named by client_id, its secret checked: what every grant but JWT needs first. */
function authenticatedClient({ params, req }: TokenRequest, apps: ConnectedApps): ConnectedApp {
  const basic = basicClientCredentials(req);
  const clientId = params.client_id ?? basic?.clientId;
  const clientSecret = params.client_secret ?? basic?.clientSecret;
  const app = apps.byConsumerKey(clientId);
  if (!app) throw OAuthErrors.invalidClientId();
  if (!app.consumerSecret || clientSecret === undefined || !sameSecret(clientSecret, app.consumerSecret)) throw OAuthErrors.invalidClientCredentials();
  return app;
}

function tokenBody(session: Session, baseUrl: string): { access_token: string; instance_url: string; id: string; token_type: 'Bearer' } {
  return {
    access_token: session.id,
    instance_url: baseUrl,
    id: identityUrl(baseUrl, session.orgId, session.userId),
    token_type: 'Bearer',
  };
}

/**
 * Username-password flow. The answer is signed as Salesforce signs it: base64 HMAC-SHA256 of
 * `id + issued_at` keyed with the consumer secret, so a client can check it came from the org.
 */
function passwordGrant(request: TokenRequest, deps: OAuthDeps): Record<string, string> {
  const app = authenticatedClient(request, deps.connectedApps);
  let session: Session;
  try {
    session = deps.org.login.passwordLogin(request.params.username ?? '', request.params.password ?? '', 'oauth-password').session;
  } catch (err) {
    if (isSalesforceError(err) && err.errorCode === 'INVALID_LOGIN') throw OAuthErrors.authenticationFailure();
    throw err;
  }
  const body = tokenBody(session, request.baseUrl);
  const issuedAt = String(deps.now().getTime());
  const signature = createHmac('sha256', app.consumerSecret!).update(body.id + issuedAt).digest('base64');
  return { ...body, issued_at: issuedAt, signature };
}

/** JWT bearer flow: no client secret, no refresh token; the assertion's signature proves the client. */
async function jwtBearerGrant(request: TokenRequest, deps: OAuthDeps): Promise<Record<string, string>> {
  let username: string;
  try {
    ({ username } = await verifyJwtBearer(request.params.assertion, {
      apps: deps.connectedApps,
      audiences: [...SALESFORCE_LOGIN_AUDIENCES, request.baseUrl],
      now: deps.now(),
    }));
  } catch (err) {
    if (err instanceof JwtBearerRejected) throw JWT_ERRORS[err.reason]();
    throw err;
  }
  // An unknown or inactive user looks like one that never approved the app: Salesforce tells no more.
  const user = deps.org.login.findUserByUsername(username);
  if (!user || user.IsActive !== 1) throw OAuthErrors.userNotApproved();
  const session = deps.org.login.openSession(user, 'oauth-jwt');
  return { ...tokenBody(session, request.baseUrl), scope: 'api' };
}

async function grant(request: TokenRequest, deps: OAuthDeps): Promise<Record<string, string>> {
  switch (request.params.grant_type) {
    case 'password':
      return passwordGrant(request, deps);
    case JWT_BEARER:
      return jwtBearerGrant(request, deps);
    // The local org issues neither refresh tokens nor authorization codes, and runs no app as a
    // client-credentials user: these grants can only fail, with Salesforce's words.
    case 'refresh_token':
      authenticatedClient(request, deps.connectedApps);
      throw OAuthErrors.expiredRefreshToken();
    case 'authorization_code':
      authenticatedClient(request, deps.connectedApps);
      throw OAuthErrors.invalidAuthorizationCode();
    case 'client_credentials':
      authenticatedClient(request, deps.connectedApps);
      throw OAuthErrors.noClientCredentialsUser();
    default:
      throw OAuthErrors.unsupportedGrantType();
  }
}

/** POST /services/oauth2/token. */
export function tokenEndpoint(app: FastifyInstance, deps: OAuthDeps): void {
  app.post('/services/oauth2/token', async (req, reply) => {
    const request: TokenRequest = { params: requestParams(req), baseUrl: deps.org.baseUrlOf(req.headers.host, req.protocol), req };
    const body = await grant(request, deps);
    return reply.header('cache-control', 'no-cache,must-revalidate,max-age=0,no-store,private').type('application/json;charset=UTF-8').send(body);
  });
}
