import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { loadRegister } from '../../gate/register/requirementRegister.ts';
import { REPO_ROOT } from '../target/orgTarget.ts';

/**
 * The defect catalogue (orgs/defects/): copies of a correct org, each with one misconfiguration a
 * go-live could ship with, labelled with the one requirement it breaks. It exists to prove the
 * suite: run against a defect, the gate must say NO-GO on exactly that requirement.
 *
 * A defect is an overlay, not a copy: `<slug>/defect.yaml` plus the metadata files it changes, at
 * their paths in the base org (full replacement files), so a reviewer's diff against the base is
 * the misconfiguration and nothing else. Files the defect deletes are listed under `remove:`, new
 * files under `adds:`. Anything the overlay cannot mean (a replacement for a file the base lacks,
 * a removal of nothing, a requirement the register does not know) is refused with one line.
 */
export const DEFECTS_DIR = path.join(REPO_ROOT, 'orgs/defects');
export const BASE_ORG_DIR = path.join(REPO_ROOT, 'orgs/default');
export const DEFECT_FILE = 'defect.yaml';

export interface Defect {
  /** The folder name: what the run reports call the defect. */
  slug: string;
  /** In a release manager's words. */
  title: string;
  /** The requirement id (scenarios/requirements.yaml) that must fail, and only it. */
  breaks: string;
  /** Why a go-live could ship it: how the mistake gets made and past review. */
  why: string;
  /** What a user would notice once it is live. */
  symptom: string;
  /** Overlay files: path relative to the org root (forward slashes) → absolute source file. */
  replaces: Map<string, string>;
  /** Overlay files that the base does not have (declared under `adds:`). */
  adds: string[];
  /** Base files the defect deletes (relative to the org root). */
  remove: string[];
}

export interface CatalogueOptions {
  /** The catalogue folder (default orgs/defects). */
  defectsDir?: string;
  /** The correct org the overlays apply to (default orgs/default). */
  baseDir?: string;
  /** The requirement register's ids (default: loaded from scenarios/requirements.yaml). */
  requirementIds?: ReadonlySet<string>;
}

export class DefectError extends Error {
  override name = 'DefectError';
}

const KEYS = new Set(['title', 'breaks', 'why', 'symptom', 'remove', 'adds']);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/** The defects of the catalogue, by slug: every folder with a defect.yaml. */
export function listDefectSlugs(options: CatalogueOptions = {}): string[] {
  const dir = options.defectsDir ?? DEFECTS_DIR;
  if (!existsSync(dir)) throw new DefectError(`No defect catalogue at ${dir}: create it (see orgs/defects/README.md).`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, DEFECT_FILE)))
    .map((e) => e.name)
    .sort();
}

function stringList(value: unknown, key: string, at: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v.trim())) {
    throw new DefectError(`${at}: '${key}' must be a list of file paths relative to the org root (e.g. force-app/main/default/flows/X.flow-meta.xml).`);
  }
  return value.map((v: string) => v.trim());
}

function insideOrg(rel: string, key: string, at: string): string {
  const normal = path.posix.normalize(rel.replace(/\\/g, '/'));
  if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal)) {
    throw new DefectError(`${at}: '${key}' entry '${rel}' points outside the org; use a path relative to the org root.`);
  }
  return normal;
}

/** One defect, read and checked against its base org and the register. */
export function readDefect(slug: string, options: CatalogueOptions = {}): Defect {
  const defectsDir = options.defectsDir ?? DEFECTS_DIR;
  const baseDir = options.baseDir ?? BASE_ORG_DIR;
  const folder = path.join(defectsDir, slug);
  const shown = path.relative(REPO_ROOT, path.join(folder, DEFECT_FILE)) || DEFECT_FILE;
  if (!SLUG.test(slug)) throw new DefectError(`Defect '${slug}': name defects in lower-case words joined by hyphens (e.g. leads-public-read-write).`);
  if (!existsSync(path.join(folder, DEFECT_FILE))) {
    throw new DefectError(`No defect '${slug}' in ${path.relative(REPO_ROOT, defectsDir) || defectsDir}: run 'golive defects list' for the catalogue.`);
  }

  let doc: unknown;
  try {
    doc = parse(readFileSync(path.join(folder, DEFECT_FILE), 'utf8'));
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `:${error.linePos[0].line}:${error.linePos[0].col}` : '';
    throw new DefectError(`${shown}${where}: not valid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new DefectError(`${shown}: expected a mapping with title, breaks, why and symptom.`);
  const d = doc as Record<string, unknown>;
  const unknown = Object.keys(d).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) throw new DefectError(`${shown}: unknown key '${unknown[0]}'; a defect has ${[...KEYS].join(', ')}.`);
  const text = (key: string): string => {
    const value = d[key];
    if (typeof value !== 'string' || !value.trim()) throw new DefectError(`${shown}: '${key}' is missing; every defect needs title, breaks, why and symptom.`);
    return value.trim().replace(/\s+/g, ' ');
  };
  const title = text('title');
  const breaks = text('breaks');
  const why = text('why');
  const symptom = text('symptom');

  const ids = options.requirementIds ?? new Set(loadRegister().map((r) => r.id));
  if (!ids.has(breaks)) throw new DefectError(`${shown}: breaks '${breaks}', which is not in scenarios/requirements.yaml; use a requirement id from the register.`);

  const adds = stringList(d.adds, 'adds', shown).map((p) => insideOrg(p, 'adds', shown));
  const remove = stringList(d.remove, 'remove', shown).map((p) => insideOrg(p, 'remove', shown));
  const baseHas = (rel: string) => existsSync(path.join(baseDir, rel)) && statSync(path.join(baseDir, rel)).isFile();

  const replaces = new Map<string, string>();
  for (const rel of filesUnder(folder).filter((f) => f !== DEFECT_FILE)) {
    const source = path.join(folder, rel);
    if (adds.includes(rel)) {
      if (baseHas(rel)) throw new DefectError(`${shown}: '${rel}' is listed under adds but the base org already has it; drop it from adds (it replaces the base file).`);
    } else if (!baseHas(rel)) {
      throw new DefectError(`${shown}: overlay file '${rel}' replaces nothing in ${path.relative(REPO_ROOT, baseDir)}; fix its path, or list it under adds if the defect creates it.`);
    } else if (readFileSync(source).equals(readFileSync(path.join(baseDir, rel)))) {
      throw new DefectError(`${shown}: overlay file '${rel}' is identical to the base org's; delete it or make the change.`);
    }
    replaces.set(rel, source);
  }
  for (const rel of adds) {
    if (!replaces.has(rel)) throw new DefectError(`${shown}: '${rel}' is listed under adds but the defect folder has no such file; add the file or drop the entry.`);
  }
  for (const rel of remove) {
    if (!baseHas(rel)) throw new DefectError(`${shown}: remove lists '${rel}', which the base org does not have; fix the path.`);
    if (replaces.has(rel)) throw new DefectError(`${shown}: '${rel}' is both removed and replaced; keep one.`);
  }
  if (replaces.size === 0 && remove.length === 0) throw new DefectError(`${shown}: the defect changes nothing; add the changed metadata files or a remove: list.`);

  return { slug, title, breaks, why, symptom, replaces, adds, remove };
}

/** Every defect of the catalogue, checked; the first bad one stops with its one-line error. */
export function listDefects(options: CatalogueOptions = {}): Defect[] {
  const ids = options.requirementIds ?? new Set(loadRegister().map((r) => r.id));
  return listDefectSlugs(options).map((slug) => readDefect(slug, { ...options, requirementIds: ids }));
}
