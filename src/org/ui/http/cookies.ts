import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The few cookies the UI sets (`sid`, the login form's nonce), read and written without a
 * dependency: names are fixed ASCII, values are base64url or Salesforce session ids, so no
 * encoding beyond what a session id needs is involved.
 */

export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly so page scripts never see a session id; SameSite=Lax so another site's form posts and
 * fetches arrive without it (the CSRF token is the second line of defence); Secure only when the
 * request came over HTTPS, since the local org usually runs on plain loopback HTTP.
 */
export function setCookie(req: FastifyRequest, reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number): void {
  const attributes = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) attributes.push(`Max-Age=${maxAgeSeconds}`);
  if (req.protocol === 'https') attributes.push('Secure');
  // fastify appends to an existing Set-Cookie header instead of replacing it.
  void reply.header('set-cookie', attributes.join('; '));
}

export function clearCookie(req: FastifyRequest, reply: FastifyReply, name: string): void {
  setCookie(req, reply, name, '', 0);
}
