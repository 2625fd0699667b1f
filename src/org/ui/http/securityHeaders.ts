import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every UI response. Scripts and styles come only from this
 * server's /assets files: no inline <script>, no on* attributes, no style="" attributes (so the
 * markup must use classes, and client scripts toggle classes or the `hidden` attribute). Images
 * may be data: URLs because the SLDS stylesheet embeds a few. Forms may only post here, and no
 * other site may frame the UI (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** onSend hook of the UI scope: the headers every UI response carries, redirects and errors included. */
export async function uiSecurityHeaders(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('referrer-policy', 'same-origin');
  // Pages are per user and per session: never cached (static assets set their own policy).
  if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
}
