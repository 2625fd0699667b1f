import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The module graph of a page's client scripts, for `<link rel="modulepreload">`. Without it the
 * browser finds the graph one level at a time (page script → lib/*.js → record/*.js …), a round
 * trip per level, before lazyRegions.js can ask for the page's data; with every module listed in
 * the <head> it fetches them all in one wave.
 *
 * Only static relative imports (`import … from './x.js'`, `import './x.js'`) are followed, which
 * is all assets/ uses (no dynamic import, no bare specifiers). A module's imports are read once
 * and read again only when its file changes, so an edited asset's new imports show on the next
 * page, as the asset itself does (http/staticFiles.ts).
 */

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const ASSETS_URL = '/assets/golive/';
const STATIC_IMPORT = /^\s*import\s+(?:[\w*{}\s,$]+\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

const importsByUrl = new Map<string, { mtimeMs: number; imports: readonly string[] }>();

function importsOf(url: string): readonly string[] {
  if (!url.startsWith(ASSETS_URL)) return [];
  const file = path.join(ASSETS_DIR, url.slice(ASSETS_URL.length));
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return [];
  const cached = importsByUrl.get(url);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.imports;
  const source = readFileSync(file, 'utf8');
  const imports = [...source.matchAll(STATIC_IMPORT)].map((m) => new URL(m[1], `http://ui${url}`).pathname);
  importsByUrl.set(url, { mtimeMs: stat.mtimeMs, imports });
  return imports;
}

/** The scripts and every module they import, directly or not, each once, scripts first. */
export function moduleGraph(scripts: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...scripts];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    queue.push(...importsOf(url));
  }
  return [...seen];
}
