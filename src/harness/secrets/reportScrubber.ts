import fs from 'node:fs';
import path from 'node:path';
import type { Secret } from './SecretRegistry.ts';
import { UnsupportedZipError, looksLikeZip, readZip, writeZip } from './zipArchive.ts';

/**
 * Scrubbing and scanning report folders for secrets.
 *
 * What is looked at: every file's bytes; inside ZIP files (Playwright traces, whose network log
 * holds request headers and bodies) every entry, recursively; inside HTML files, ZIPs embedded
 * as `data:application/zip;base64,` (Playwright's HTML report); and file and entry names.
 * What is looked for: each registered secret as written, URL-encoded and JSON-escaped, plus
 * patterns that are secrets whoever made them (Salesforce session ids, PEM private keys).
 * What is NOT looked at: other encodings (base64 elsewhere, gzip, images of text). Register a
 * secret before it can reach a report; the pattern scan is a safety net, not a guarantee.
 *
 * A ZIP that cannot be read (ZIP64, encrypted) cannot be proven clean: the scan reports it, and
 * the scrubber replaces it with a short note saying why it was removed.
 */
export interface Finding {
  /** Relative to the scanned folder; `archive.zip!entry` for an archive member. */
  file: string;
  /** Which kind of secret: never the secret itself. */
  kind: string;
}

export interface ScrubSummary {
  changedFiles: string[];
  renamedFiles: string[];
  removedArchives: string[];
}

interface Needle {
  kind: string;
  /** The encoded form, as a latin1 string so that any bytes compare as they are. */
  text: string;
}

const PATTERNS: Array<{ kind: string; re: RegExp }> = [
  // An org id, '!' (maybe URL-encoded) and the opaque part: the form of every Salesforce session id.
  { kind: 'Salesforce session id (unregistered)', re: /00D[A-Za-z0-9]{12,15}(?:!|%21)[A-Za-z0-9._\-]{20,}/g },
  { kind: 'private key (unregistered)', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g },
];

const EMBEDDED_ZIP = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/g;
const MAX_ARCHIVE_DEPTH = 3;

function toLatin1(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

export function needlesFor(secrets: Secret[]): Needle[] {
  const needles = new Map<string, string>();
  for (const { kind, value } of secrets) {
    for (const form of [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)]) {
      if (!needles.has(form)) needles.set(form, kind);
    }
  }
  // Longest first: a whole PEM goes before the lines it contains.
  return [...needles].sort((a, b) => b[0].length - a[0].length).map(([form, kind]) => ({ kind, text: toLatin1(form) }));
}

const redaction = (kind: string) => `[REDACTED:${kind.replace(/ \(unregistered\)$/, '')}]`;

interface Outcome {
  /** The content after scrubbing (undefined when nothing changed). */
  scrubbed?: Buffer;
  findings: Array<{ where: string; kind: string }>;
  unreadable?: string;
}

function inspectText(text: string, needles: Needle[], scrub: boolean): { text: string; kinds: string[] } {
  const kinds: string[] = [];
  // Registered values are redacted before the patterns run (even when only scanning), so a
  // registered session id is reported once, as what it is, not again as "unregistered".
  let out = text;
  for (const needle of needles) {
    if (out.includes(needle.text)) {
      kinds.push(needle.kind);
      out = out.split(needle.text).join(redaction(needle.kind));
    }
  }
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    if (re.test(out)) {
      kinds.push(kind);
      out = out.replace(re, redaction(kind));
    }
  }
  return { text: scrub ? out : text, kinds };
}

function nameKinds(name: string, needles: Needle[]): string[] {
  return inspectText(toLatin1(name), needles, false).kinds;
}

function scrubName(name: string, needles: Needle[]): string {
  let out = name;
  for (const needle of needles) {
    const plain = Buffer.from(needle.text, 'latin1').toString('utf8');
    if (out.includes(plain)) out = out.split(plain).join('REDACTED');
  }
  for (const { re } of PATTERNS) out = out.replace(re, 'REDACTED');
  return out;
}

function inspectBuffer(buf: Buffer, needles: Needle[], scrub: boolean, depth: number): Outcome {
  if (looksLikeZip(buf) && depth < MAX_ARCHIVE_DEPTH) return inspectZip(buf, needles, scrub, depth);
  const original = buf.toString('latin1');
  const findings: Outcome['findings'] = [];
  let text = original;
  let unreadable: string | undefined;
  // Playwright's HTML report carries its data as a base64 ZIP inside index.html.
  text = text.replace(EMBEDDED_ZIP, (whole, b64: string) => {
    const inner = inspectZip(Buffer.from(b64, 'base64'), needles, scrub, depth);
    for (const f of inner.findings) findings.push({ where: `(embedded zip)${f.where}`, kind: f.kind });
    if (inner.unreadable) unreadable ??= `embedded zip: ${inner.unreadable}`;
    return inner.scrubbed ? `data:application/zip;base64,${inner.scrubbed.toString('base64')}` : whole;
  });
  const plain = inspectText(text, needles, scrub);
  for (const kind of plain.kinds) findings.push({ where: '', kind });
  text = plain.text;
  return { findings, unreadable, scrubbed: scrub && text !== original ? Buffer.from(text, 'latin1') : undefined };
}

function inspectZip(buf: Buffer, needles: Needle[], scrub: boolean, depth: number): Outcome {
  let entries;
  try {
    entries = readZip(buf);
  } catch (err) {
    if (err instanceof UnsupportedZipError) return { findings: [], unreadable: err.message };
    throw err;
  }
  const findings: Outcome['findings'] = [];
  let changed = false;
  let unreadable: string | undefined;
  for (const entry of entries) {
    for (const kind of nameKinds(entry.name, needles)) findings.push({ where: `!${entry.name} (name)`, kind });
    const inner = inspectBuffer(entry.data, needles, scrub, depth + 1);
    for (const f of inner.findings) findings.push({ where: `!${entry.name}${f.where}`, kind: f.kind });
    if (inner.unreadable) unreadable ??= `${entry.name}: ${inner.unreadable}`;
    if (inner.scrubbed) {
      entry.data = inner.scrubbed;
      changed = true;
    }
    if (scrub) {
      const renamed = scrubName(entry.name, needles);
      if (renamed !== entry.name) {
        entry.name = renamed;
        changed = true;
      }
    }
  }
  return { findings, unreadable, scrubbed: changed ? writeZip(entries) : undefined };
}

function* walk(dir: string): Generator<string> {
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) yield* walk(full);
    else if (dirent.isFile()) yield full;
  }
}

/** Sub-folders, deepest first, so renaming one never moves a folder still to be visited. */
function* foldersDeepestFirst(dir: string): Generator<string> {
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!dirent.isDirectory()) continue;
    const full = path.join(dir, dirent.name);
    yield* foldersDeepestFirst(full);
    yield full;
  }
}

/** Every remaining secret under `dir`: one finding per file (or archive member) and kind. */
export function scanForSecrets(dir: string, secrets: Secret[]): Finding[] {
  if (!fs.existsSync(dir)) return [];
  const needles = needlesFor(secrets);
  const findings = new Map<string, Finding>();
  // Names are shown scrubbed: a secret in a folder or entry name must not reach the output either.
  const add = (where: string, kind: string) => {
    const file = scrubName(where, needles);
    findings.set(`${file}\u0000${kind}`, { file, kind });
  };
  for (const file of walk(dir)) {
    const rel = path.relative(dir, file);
    for (const kind of nameKinds(rel, needles)) add(`${rel} (name)`, kind);
    const outcome = inspectBuffer(fs.readFileSync(file), needles, false, 0);
    for (const f of outcome.findings) add(`${rel}${f.where}`, f.kind);
    if (outcome.unreadable) add(rel, `archive that cannot be checked (${outcome.unreadable})`);
  }
  return [...findings.values()];
}

/**
 * Removes every registered secret (and pattern match) from the files under `dir`, in place,
 * archives included; renames files whose names contain one; replaces archives that cannot be
 * read with a note. Run `scanForSecrets` afterwards: this function does not prove anything.
 */
export function scrubSecrets(dir: string, secrets: Secret[]): ScrubSummary {
  const summary: ScrubSummary = { changedFiles: [], renamedFiles: [], removedArchives: [] };
  if (!fs.existsSync(dir)) return summary;
  const needles = needlesFor(secrets);
  for (const file of [...walk(dir)]) {
    const rel = path.relative(dir, file);
    const outcome = inspectBuffer(fs.readFileSync(file), needles, true, 0);
    let current = file;
    if (outcome.unreadable) {
      fs.rmSync(file);
      current = `${file}.removed-by-golive.txt`;
      fs.writeFileSync(
        current,
        `golive removed ${path.basename(file)} after the run: it is an archive golive cannot read (${outcome.unreadable}), so it could not be checked for secrets.\n`,
      );
      summary.removedArchives.push(rel);
    } else if (outcome.scrubbed) {
      // Write beside and rename, so a crash mid-write never leaves half a trace.
      const tmp = `${file}.golive-scrub.tmp`;
      fs.writeFileSync(tmp, outcome.scrubbed);
      fs.renameSync(tmp, file);
      summary.changedFiles.push(rel);
    }
    const renamed = path.join(path.dirname(current), scrubName(path.basename(current), needles));
    if (renamed !== current) {
      fs.renameSync(current, renamed);
      summary.renamedFiles.push(path.relative(dir, renamed));
    }
  }
  for (const folder of [...foldersDeepestFirst(dir)]) {
    const renamed = path.join(path.dirname(folder), scrubName(path.basename(folder), needles));
    if (renamed !== folder) {
      fs.renameSync(folder, renamed);
      summary.renamedFiles.push(path.relative(dir, renamed));
    }
  }
  return summary;
}

/** The lines a scan prints: file and kind, never the value. */
export function formatFindings(findings: Finding[], base = ''): string[] {
  return findings.map((f) => `${path.join(base, f.file)}: ${f.kind}`);
}
