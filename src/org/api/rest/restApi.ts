import type { FastifyInstance } from 'fastify';
import { sessionIdFromAuthorization } from '../../auth/LoginService.ts';
import { checkApiVersion } from '../apiVersions.ts';
import type { OrgServices } from '../OrgServices.ts';
import { automationLogRoutes } from './automationLog.ts';
import { collectionRoutes } from './collections.ts';
import { limitsRoutes } from './limits.ts';
import { refuseOtherMethods } from './methodNotAllowed.ts';
import { queryRoutes } from './query.ts';
import { resourceRoutes } from './resources.ts';
import { sobjectRoutes } from './sobjects.ts';

/**
 * The versioned REST API, /services/data/vNN.N/…. Hooks run in this order for every call:
 * 1. version check (unknown version → NOT_FOUND, before auth, as Salesforce answers),
 * 2. authentication from the Authorization header (INVALID_SESSION_ID → 401, which is what
 *    makes jsforce re-login transparently),
 * 3. API usage count for /limits.
 */
export async function restApi(app: FastifyInstance, opts: { org: OrgServices }): Promise<void> {
  const { org } = opts;
  app.addHook('onRequest', async (req) => {
    req.apiVersion = checkApiVersion((req.params as { version: string }).version);
    req.sfUser = org.login.authenticate(sessionIdFromAuthorization(req.headers.authorization));
    org.apiUsage.record();
  });
  resourceRoutes(app, org);
  sobjectRoutes(app, org);
  collectionRoutes(app, org);
  queryRoutes(app, org);
  limitsRoutes(app, org);
  automationLogRoutes(app, org);
  refuseOtherMethods(app, {
    '/sobjects': ['GET'],
    '/sobjects/:type': ['GET', 'POST'],
    '/sobjects/:type/describe': ['GET'],
    '/sobjects/:type/:id': ['GET', 'PATCH', 'DELETE'],
    '/sobjects/:type/:field/:value': ['GET', 'PATCH', 'DELETE'],
    '/composite/sobjects': ['POST', 'PATCH', 'DELETE'],
    '/composite/sobjects/:type': ['GET', 'POST'],
    '/composite/sobjects/:type/:field': ['PATCH'],
    '/query': ['GET'],
    '/queryAll': ['GET'],
    '/limits': ['GET'],
    '/golive/automation-log': ['GET'],
  });
}
