import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MetadataError } from './types.ts';

/**
 * Finding an SFDX project's files. Like `sf`, the loader does not insist on the
 * `main/default` layout: it walks each package directory and recognises metadata by file
 * suffix and parent folder, so `force-app/main/default/objects/...` and
 * `force-app/objects/...` both work.
 */

export interface ProjectLayout {
  /** Absolute. */
  projectDir: string;
  /** Relative to the project, with forward slashes ('.' for a bare metadata folder). */
  packageDirectories: string[];
}

export interface ProjectFile {
  /** Relative to the project, with forward slashes: what messages show. */
  rel: string;
  abs: string;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export function relativePath(projectDir: string, abs: string): string {
  return toPosix(path.relative(projectDir, abs)) || '.';
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads sfdx-project.json, or recognises a project without one. */
export function locateProject(projectDirInput: string): ProjectLayout {
  const projectDir = path.resolve(projectDirInput);
  if (!isDirectory(projectDir)) {
    throw new MetadataError(
      `The org metadata folder ${projectDir} does not exist. Point --metadata at an SFDX project folder (with sfdx-project.json), or leave it out to use the bundled default org.`,
      projectDir,
    );
  }
  const projectFile = path.join(projectDir, 'sfdx-project.json');
  if (fs.existsSync(projectFile)) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(projectFile, 'utf8'));
    } catch (err) {
      throw new MetadataError(
        `sfdx-project.json in ${projectDir} is not valid JSON: ${(err as Error).message.split('\n')[0]}. Fix the file.`,
        'sfdx-project.json',
      );
    }
    const dirs = (json as { packageDirectories?: unknown }).packageDirectories;
    const paths = Array.isArray(dirs)
      ? dirs.map((d) => (typeof d === 'object' && d !== null ? (d as { path?: unknown }).path : undefined))
      : [];
    if (dirs !== undefined && (!Array.isArray(dirs) || paths.some((p) => typeof p !== 'string' || p.trim() === ''))) {
      throw new MetadataError(
        `sfdx-project.json in ${projectDir}: packageDirectories must be a list of { "path": "<folder>" } entries. Fix the file.`,
        'sfdx-project.json',
      );
    }
    const packageDirectories = (paths.length > 0 ? (paths as string[]) : ['force-app']).map((p) => toPosix(path.normalize(p)));
    for (const p of packageDirectories) {
      const abs = path.resolve(projectDir, p);
      const inside = path.relative(projectDir, abs);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        throw new MetadataError(`The package directory '${p}' in sfdx-project.json is outside the project ${projectDir}. Keep package directories inside the project.`, 'sfdx-project.json');
      }
      if (!isDirectory(abs)) {
        throw new MetadataError(
          `The package directory '${p}' named in ${path.join(projectDir, 'sfdx-project.json')} does not exist. Create it or remove it from packageDirectories.`,
          'sfdx-project.json',
        );
      }
    }
    return { projectDir, packageDirectories };
  }
  // Without sfdx-project.json: a project that just lacks the file, or a bare metadata folder.
  if (isDirectory(path.join(projectDir, 'force-app'))) return { projectDir, packageDirectories: ['force-app'] };
  if (isDirectory(path.join(projectDir, 'objects'))) return { projectDir, packageDirectories: ['.'] };
  throw new MetadataError(
    `${projectDir} is not an SFDX project: it has neither sfdx-project.json nor an objects/ folder. Point --metadata at the folder that holds sfdx-project.json (see orgs/README.md), or copy orgs/default to start one.`,
    projectDir,
  );
}

/** Every file under a folder, sorted; hidden entries and node_modules are not part of a project. */
export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) out.push(p);
    }
  };
  if (isDirectory(dir)) visit(dir);
  return out;
}

/** The metadata files of all package directories, each once, in path order. */
export function packageFiles(layout: ProjectLayout): ProjectFile[] {
  const seen = new Map<string, ProjectFile>();
  for (const p of layout.packageDirectories) {
    for (const abs of walkFiles(path.resolve(layout.projectDir, p))) {
      const rel = relativePath(layout.projectDir, abs);
      // A bare metadata folder also holds golive/; that is not metadata.
      if (p === '.' && rel.startsWith('golive/')) continue;
      seen.set(rel, { rel, abs });
    }
  }
  return [...seen.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * A fingerprint of everything the definition comes from (metadata, sfdx-project.json and
 * golive/), so a server can tell that a database was seeded from other metadata.
 */
export function fingerprint(layout: ProjectLayout, metadataFiles: ProjectFile[]): string {
  const files = new Map(metadataFiles.map((f) => [f.rel, f.abs]));
  const projectFile = path.join(layout.projectDir, 'sfdx-project.json');
  if (fs.existsSync(projectFile)) files.set('sfdx-project.json', projectFile);
  for (const abs of walkFiles(path.join(layout.projectDir, 'golive'))) files.set(relativePath(layout.projectDir, abs), abs);
  const hash = createHash('sha256');
  for (const rel of [...files.keys()].sort()) {
    hash.update(rel);
    hash.update('\0');
    hash.update(fs.readFileSync(files.get(rel)!));
    hash.update('\0');
  }
  return hash.digest('hex');
}
