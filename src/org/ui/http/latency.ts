import type { FastifyRequest } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Injected latency (ORG_LATENCY_MS / OrgOptions.latencyMs): every API and UI request waits this
 * long before it is handled, so UAT scenarios meet the slowness of a real org (and their waits
 * are proven to be web-first, not lucky). Static assets are exempt: a real org serves them from
 * a CDN, and delaying every stylesheet and sprite would only slow tests down.
 */
export function latencyHook(ms: number) {
  return async (req: FastifyRequest): Promise<void> => {
    if (req.url.startsWith('/assets/')) return;
    await sleep(ms);
  };
}
