import type { FastifyInstance } from 'fastify';
import type { OrgServices } from '../OrgServices.ts';
import { requestParams } from './requestParams.ts';

/**
 * POST (or GET) /services/oauth2/revoke: ends the session the token names. Salesforce answers an
 * unknown token with a form-encoded body, not JSON, and jsforce's revokeToken parses it that way.
 */
export function revokeEndpoint(app: FastifyInstance, org: OrgServices): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/services/oauth2/revoke',
    handler: async (req, reply) => {
      const token = requestParams(req).token;
      if (token && org.login.sessions.revoke(token)) return reply.code(200).send();
      return reply
        .code(400)
        .type('application/x-www-form-urlencoded;charset=UTF-8')
        .send(new URLSearchParams({ error: 'unsupported_token_type', error_description: 'this token type is not supported' }).toString().replace(/\+/g, '%20'));
    },
  });
}
