import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { OrgServices } from '../OrgServices.ts';

/** `Sforce-Query-Options: batchSize=500`: Salesforce honours 200–2000 and treats it as a hint. */
function batchSizeOf(req: FastifyRequest): number | undefined {
  const header = req.headers['sforce-query-options'];
  const m = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header[0] : (header ?? ''));
  return m ? Math.min(2000, Math.max(200, Number(m[1]))) : undefined;
}

/** query and queryAll (which also sees deleted records), and the next batches through a locator. */
export function queryRoutes(app: FastifyInstance, org: OrgServices): void {
  for (const [path, includeDeleted] of [
    ['/query', false],
    ['/queryAll', true],
  ] as const) {
    app.get(path, async (req) => {
      const q = (req.query as { q?: string }).q;
      if (!q || q.trim() === '') throw SfErrors.malformedQuery('A query string has to be specified');
      return org.query.query(req.sfUser, q, { includeDeleted, apiVersion: req.apiVersion, batchSize: batchSizeOf(req) });
    });
    app.get(`${path}/:locator`, async (req) => org.query.queryMore(req.sfUser, (req.params as { locator: string }).locator, req.apiVersion));
  }
}
