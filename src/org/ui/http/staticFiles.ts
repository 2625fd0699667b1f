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
    // Validators, so a `no-cache` asset is revalidated with a 304 rather than downloaded again on
    // every page (bench/ui.bench.ts: the record page's module graph was refetched each navigation).
    const etag = `W/"${stat.size.toString(16)}-${Math.trunc(stat.mtimeMs).toString(16)}"`;
    reply.header('cache-control', dir.cacheControl).header('etag', etag).header('last-modified', stat.mtime.toUTCString());
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(type!).header('content-length', stat.size).send(createReadStream(file));
  });
}
