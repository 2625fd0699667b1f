import type { FastifyInstance } from 'fastify';
import type { OrgServices } from '../OrgServices.ts';

/** The versioned root: where each resource lives, and the caller's identity URL. */
export function resourceRoutes(app: FastifyInstance, org: OrgServices): void {
  app.get('/', async (req) => {
    const base = `/services/data/v${req.apiVersion}`;
    return {
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      composite: `${base}/composite`,
      limits: `${base}/limits`,
      identity: `${org.baseUrlOf(req.headers.host, req.protocol)}/id/${req.sfUser.orgId}/${req.sfUser.userId}`,
    };
  });
}
