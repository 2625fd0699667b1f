import type { FastifyInstance } from 'fastify';
import { profileOfUser, standardUtcOffsetMs } from '../../auth/userProfile.ts';
import { apiUrls, identityCaller, identityDate, identityFailure, identityUrl, photoUrls, requestedVersion } from '../identity.ts';
import type { OrgServices } from '../OrgServices.ts';

/**
 * GET or POST /services/oauth2/userinfo: the OpenID Connect UserInfo of the token's user, with
 * Salesforce's additions (ids, urls, user_type…). Token failures answer like the identity service.
 */
export function userinfoEndpoint(app: FastifyInstance, org: OrgServices, now: () => Date): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/services/oauth2/userinfo',
    handler: async (req, reply) => {
      const caller = identityCaller(req, reply, org);
      if (!caller) return reply;
      const user = org.login.userById(caller.userId);
      if (!user) return identityFailure(reply, 403, 'Bad_OAuth_Token');
      const version = requestedVersion(req);
      if (version === undefined) return identityFailure(reply, 406, 'Invalid_Version');
      const baseUrl = org.baseUrlOf(req.headers.host, req.protocol);
      const p = profileOfUser(org.store, user);
      const photos = photoUrls(baseUrl);
      return reply.type('application/json;charset=UTF-8').send({
        sub: identityUrl(baseUrl, p.org.orgId, p.userId),
        user_id: p.userId,
        organization_id: p.org.orgId,
        preferred_username: p.username,
        nickname: p.nickname,
        name: p.fullName,
        email: p.email,
        email_verified: true,
        given_name: p.firstName,
        family_name: p.lastName,
        zoneinfo: p.timeZone,
        photos,
        profile: `${baseUrl}/${p.userId}`,
        picture: photos.picture,
        address: {},
        is_salesforce_integration_user: false,
        urls: apiUrls(baseUrl, p.org.orgId, p.userId, version ?? undefined),
        active: p.active,
        user_type: p.userType.toUpperCase(),
        language: p.language,
        locale: p.locale,
        utcOffset: standardUtcOffsetMs(p.timeZone, now().getUTCFullYear()),
        updated_at: identityDate(p.lastModified),
        is_app_installed: true,
      });
    },
  });
}
