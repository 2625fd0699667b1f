import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticDirectory {
  /** URL prefix ending in '/': `/assets/slds/`. */
  prefix: string;
  /** The folder served under it. */
  root: string;
  cacheControl: string;
}

/**
 * Serves a folder read-only: GET only, known file types only (anything else is a 404, so no
 * source map, README or package.json leaks), and no path may leave the folder.
 */
export function serveDirectory(app: FastifyInstance, dir: StaticDirectory): void {
  const root = path.resolve(dir.root);
  app.get(`${dir.prefix}*`, async (req, reply) => {
    const relative = (req.params as { '*': string })['*'];
    const file = path.resolve(root, relative);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    const inside = file.startsWith(root + path.sep);
    const stat = inside && type ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) {
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    }
    return reply
      .type(type!)
      .header('cache-control', dir.cacheControl)
      .header('content-length', stat.size)
      .send(createReadStream(file));
  });
}
