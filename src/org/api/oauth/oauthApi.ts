import type { FastifyInstance } from 'fastify';
import { restErrorHandler } from '../restErrors.ts';
import { OAuthError } from './OAuthError.ts';
import { revokeEndpoint } from './revokeEndpoint.ts';
import { tokenEndpoint, type OAuthDeps } from './tokenEndpoint.ts';
import { userinfoEndpoint } from './userinfoEndpoint.ts';

/**
 * The OAuth 2.0 endpoints under /services/oauth2. They answer failures in OAuth's own shape
 * (`{error, error_description}`, HTTP 400), which is why they have their own error handler;
 * anything unexpected still goes through the REST handler's masking.
 */
export async function oauthApi(app: FastifyInstance, deps: OAuthDeps): Promise<void> {
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof OAuthError) {
      void reply.code(error.status).header('cache-control', 'no-cache,must-revalidate,max-age=0,no-store,private').type('application/json;charset=UTF-8').send(error.toBody());
      return;
    }
    restErrorHandler(error as Error, req, reply);
  });
  tokenEndpoint(app, deps);
  revokeEndpoint(app, deps.org);
  userinfoEndpoint(app, deps.org, deps.now);
}
