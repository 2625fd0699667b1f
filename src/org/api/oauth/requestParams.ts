import type { FastifyRequest } from 'fastify';

/**
 * The parameters of an OAuth endpoint call. Salesforce reads them from a form-encoded body and
 * also from the query string (some clients post `?grant_type=…&assertion=…` with no body); the
 * body wins when both name a parameter.
 */
export function requestParams(req: FastifyRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>)) {
    if (typeof v === 'string') params[k] = v;
  }
  const contentType = String(req.headers['content-type'] ?? '');
  if (typeof req.body === 'string' && contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(req.body)) params[k] = v;
  }
  return params;
}

/** Client credentials sent as HTTP Basic (`client_id:client_secret`), which Salesforce also accepts. */
export function basicClientCredentials(req: FastifyRequest): { clientId: string; clientSecret: string } | undefined {
  const m = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: formDecoded(decoded.slice(0, colon)), clientSecret: formDecoded(decoded.slice(colon + 1)) };
}

/** RFC 6749 form-encodes both parts before base64; clients that skip it send them raw. */
function formDecoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}
