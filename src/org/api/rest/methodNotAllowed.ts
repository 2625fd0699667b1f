import type { FastifyInstance, HTTPMethods } from 'fastify';
import { SfErrors } from '../../errors/SfErrors.ts';

const ALL: HTTPMethods[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/**
 * Answers the methods a resource does not support with Salesforce's 405 METHOD_NOT_ALLOWED and
 * the list of allowed ones, instead of a 404 that would suggest the resource does not exist.
 * Call after the resource's own routes are registered.
 */
export function refuseOtherMethods(app: FastifyInstance, routes: Record<string, HTTPMethods[]>): void {
  for (const [url, allowed] of Object.entries(routes)) {
    const others = ALL.filter((m) => !allowed.includes(m));
    const shown = allowed.includes('GET') ? ['HEAD', ...allowed] : allowed;
    app.route({
      method: others,
      url,
      handler: async (req) => {
        throw SfErrors.methodNotAllowed(req.method, shown);
      },
    });
  }
}
