import { createHash } from 'node:crypto';

/**
 * The seal of a gate record: gate.sha256, one `<sha256>  <file>` line per record file (the
 * format `sha256sum -c gate.sha256` checks), in a fixed order. gate.json itself holds no digest
 * (a file cannot contain its own hash); the record's digest is the SHA-256 of this manifest, so
 * one value pins all three files, and the signature (gate.sig) is over the manifest too.
 */

/** What a gate record is made of, in the order they are written and listed. */
export const RECORD_FILES = ['gate.json', 'gate.md', 'gate.html'] as const;
export const MANIFEST_FILE = 'gate.sha256';
export const SIGNATURE_FILE = 'gate.sig';
export const PUBLIC_KEY_FILE = 'gate.pub';

export interface ManifestEntry {
  sha256: string;
  file: string;
}

export function sha256Hex(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export function formatManifest(entries: readonly ManifestEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.file}\n`).join('');
}

/** The record's digest: what a release note or a ticket quotes to pin this exact record. */
export function recordDigest(manifestText: Buffer | string): string {
  return `sha256:${sha256Hex(manifestText)}`;
}

export interface ParsedManifest {
  entries: ManifestEntry[];
  /** Lines that are not `<64 hex>  <name>`, with their line number. */
  malformed: { line: number; text: string }[];
}

const LINE = /^([0-9a-f]{64}) [ *](.+)$/;

export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const malformed: ParsedManifest['malformed'] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line === '') return;
    const match = LINE.exec(line);
    if (match) entries.push({ sha256: match[1], file: match[2] });
    else malformed.push({ line: index + 1, text: line.slice(0, 80) });
  });
  return { entries, malformed };
}
