import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BASE_ORG_DIR, type CatalogueOptions, type Defect, DefectError, readDefect } from './defectCatalogue.ts';

/**
 * A defect made real: the base org copied into a folder of its own and the overlay applied
 * (replacement and added files copied over, listed files deleted), ready for
 * `GOLIVE_ORG_METADATA=<dir>` or `golive org start --metadata <dir>`. The base is never touched.
 */
export function materializeDefect(slug: string, intoDir: string, options: CatalogueOptions = {}): { dir: string; defect: Defect } {
  const defect = readDefect(slug, options);
  const dir = path.resolve(intoDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new DefectError(`${dir} is not empty: materialize a defect into a new or empty folder.`);
  }
  mkdirSync(dir, { recursive: true });
  cpSync(options.baseDir ?? BASE_ORG_DIR, dir, { recursive: true });
  for (const [rel, source] of defect.replaces) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    cpSync(source, path.join(dir, rel));
  }
  for (const rel of defect.remove) rmSync(path.join(dir, rel));
  return { dir, defect };
}
