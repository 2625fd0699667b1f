import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionIdFromAuthorization } from '../auth/LoginService.ts';
import { profileOfUser, standardUtcOffsetMs, type UserProfile } from '../auth/userProfile.ts';
import { isSalesforceError } from '../errors/SalesforceError.ts';
import { toId15, toId18 } from '../ids/salesforceId.ts';
import type { UserContext } from '../service/UserContext.ts';
import { LATEST_API_VERSION } from './apiVersions.ts';
import type { OrgServices } from './OrgServices.ts';

/**
 * The identity service: GET /id/<orgId>/<userId>, the URL every OAuth token response (and
 * jsforce after a SOAP login) names as `id`. Its failures are one word of plain text with a 403
 * or 404, not the REST API's JSON array: clients match on the word.
 */

/** The identity URL of a user, always with 18-character ids, as Salesforce issues it. */
export function identityUrl(baseUrl: string, orgId: string, userId: string): string {
  return `${baseUrl}/id/${orgId}/${userId}`;
}

/** The access token of an identity-service call: the Authorization header, else `oauth_token` or `access_token` in the query. */
export function accessTokenOf(req: FastifyRequest): string | undefined {
  const fromHeader = sessionIdFromAuthorization(req.headers.authorization);
  if (fromHeader) return fromHeader;
  const query = (req.query ?? {}) as Record<string, unknown>;
  const fromQuery = query.oauth_token ?? query.access_token;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
}

/** Sends one of the identity service's plain-text failures. */
export function identityFailure(reply: FastifyReply, status: 403 | 404 | 406, word: string): FastifyReply {
  return reply.code(status).type('text/plain;charset=UTF-8').send(word);
}

/** The caller of an identity-service call, or undefined after a failure has been sent. */
export function identityCaller(req: FastifyRequest, reply: FastifyReply, org: OrgServices): UserContext | undefined {
  const token = accessTokenOf(req);
  if (!token) {
    identityFailure(reply, 403, 'Missing_OAuth_Token');
    return undefined;
  }
  try {
    return org.login.authenticate(token);
  } catch (err) {
    if (!isSalesforceError(err)) throw err;
    identityFailure(reply, 403, 'Bad_OAuth_Token');
    return undefined;
  }
}

/**
 * The API endpoints the identity service advertises. `{version}` stays literal unless the caller
 * asks for a version, exactly as Salesforce answers.
 */
export function apiUrls(baseUrl: string, orgId: string, userId: string, version = '{version}'): Record<string, string> {
  const org15 = toId15(orgId);
  const data = `${baseUrl}/services/data/v${version}`;
  return {
    enterprise: `${baseUrl}/services/Soap/c/${version}/${org15}`,
    metadata: `${baseUrl}/services/Soap/m/${version}/${org15}`,
    partner: `${baseUrl}/services/Soap/u/${version}/${org15}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    tooling_soap: `${baseUrl}/services/Soap/T/${version}/${org15}`,
    tooling_rest: `${data}/tooling/`,
    profile: `${baseUrl}/${userId}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    feed_elements: `${data}/chatter/feed-elements`,
    custom_domain: baseUrl,
  };
}

/** The `version` query parameter: a version number, `latest`, or absent; undefined when it is none of those. */
export function requestedVersion(req: FastifyRequest): string | null | undefined {
  const v = ((req.query ?? {}) as Record<string, unknown>).version;
  if (v === undefined || v === '') return null;
  if (v === 'latest') return `${LATEST_API_VERSION}.0`;
  return typeof v === 'string' && /^\d{2}\.0$/.test(v) && Number(v) <= LATEST_API_VERSION ? v : undefined;
}

/** Salesforce reports datetimes here in seconds with a Z. */
export function identityDate(iso: string | null): string | null {
  return iso ? iso.replace(/\.\d{3}Z$/, 'Z') : null;
}

export function photoUrls(baseUrl: string): { picture: string; thumbnail: string } {
  return { picture: `${baseUrl}/profilephoto/005/F`, thumbnail: `${baseUrl}/profilephoto/005/T` };
}

export function identityDocument(profile: UserProfile, baseUrl: string, version: string | null, now: Date): Record<string, unknown> {
  return {
    id: identityUrl(baseUrl, profile.org.orgId, profile.userId),
    asserted_user: true,
    user_id: profile.userId,
    organization_id: profile.org.orgId,
    username: profile.username,
    nick_name: profile.nickname,
    display_name: profile.fullName,
    email: profile.email,
    email_verified: true,
    first_name: profile.firstName,
    last_name: profile.lastName,
    timezone: profile.timeZone,
    photos: photoUrls(baseUrl),
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: profile.mobilePhone,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: apiUrls(baseUrl, profile.org.orgId, profile.userId, version ?? undefined),
    active: profile.active,
    user_type: profile.userType.toUpperCase(),
    language: profile.language,
    locale: profile.locale,
    utcOffset: standardUtcOffsetMs(profile.timeZone, now.getUTCFullYear()),
    last_modified_date: identityDate(profile.lastModified),
    is_app_installed: true,
  };
}

export async function identityApi(app: FastifyInstance, opts: { org: OrgServices; now: () => Date }): Promise<void> {
  const { org, now } = opts;
  app.route({
    method: ['GET', 'POST'],
    url: '/id/:orgId/:userId',
    handler: async (req, reply) => {
      const caller = identityCaller(req, reply, org);
      if (!caller) return reply;
      const params = req.params as { orgId: string; userId: string };
      const orgId = toId18(params.orgId);
      const userId = toId18(params.userId);
      if (!orgId || !userId || !orgId.startsWith('00D') || !userId.startsWith('005')) return identityFailure(reply, 404, 'Bad_Id');
      if (orgId !== caller.orgId) return identityFailure(reply, 403, 'Wrong_Org');
      // Internal users may read each other's identity with an API token, as on Salesforce.
      const user = org.login.userById(userId);
      if (!user || user.IsDeleted === 1) return identityFailure(reply, 404, 'Bad_Id');
      if (user.IsActive !== 1) return identityFailure(reply, 404, 'Inactive');
      const version = requestedVersion(req);
      if (version === undefined) return identityFailure(reply, 406, 'Invalid_Version');
      const baseUrl = org.baseUrlOf(req.headers.host, req.protocol);
      return reply.type('application/json;charset=UTF-8').send(identityDocument(profileOfUser(org.store, user), baseUrl, version, now()));
    },
  });
}
