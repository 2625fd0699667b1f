import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MetadataError } from './types.ts';

/**
 * Reading Metadata API XML. Values stay text (a picklist value "007" must not become 7); lists
 * are normalised where they are read (`many`), because a single child parses as an object and
 * several as an array.
 */

export type XmlNode = Record<string, unknown>;

export interface MetadataXml {
  /** Relative path, for messages. */
  file: string;
  text: string;
  root: string;
  body: XmlNode;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
});

/**
 * Parses a metadata file and checks its root element. Syntax errors and unexpected roots throw
 * a one-line MetadataError naming the file, line and column: a broken file must stop the
 * start, since guessing what it meant would make the local org differ from the real one.
 */
export function parseMetadataXml(text: string, file: string, expectedRoots: readonly string[]): MetadataXml {
  const valid = text.trim() === '' ? { err: { line: 1, col: 1, msg: 'the file is empty' } } : XMLValidator.validate(text);
  if (valid !== true) {
    const line = valid.err.line ?? 1;
    const col = valid.err.col ?? 1;
    const msg = valid.err.msg;
    throw new MetadataError(
      `Invalid metadata XML in ${file} at line ${line}, column ${col}: ${msg.replace(/\.$/, '')}. Fix the file or remove it.`,
      file,
      line,
      col,
    );
  }
  const doc = parser.parse(text) as XmlNode;
  const roots = Object.keys(doc);
  const root = roots[0];
  if (roots.length !== 1 || !expectedRoots.includes(root)) {
    const line = root ? lineOf(text, root) : 1;
    throw new MetadataError(
      `Invalid metadata XML in ${file} at line ${line ?? 1}, column 1: the root element is <${root ?? ''}>, expected <${expectedRoots.join('> or <')}>. Fix the file or remove it.`,
      file,
      line ?? 1,
      1,
    );
  }
  const body = doc[root];
  return { file, text, root, body: typeof body === 'object' && body !== null ? (body as XmlNode) : {} };
}

/** Every occurrence of a repeatable child, as a list. */
export function many(node: XmlNode | undefined, key: string): unknown[] {
  const v = node?.[key];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Child elements that have children of their own. */
export function manyNodes(node: XmlNode | undefined, key: string): XmlNode[] {
  return many(node, key).map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : {}));
}

export function child(node: XmlNode | undefined, key: string): XmlNode | undefined {
  const v = node?.[key];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'object' && first !== null ? (first as XmlNode) : undefined;
}

/** A leaf's text; undefined when absent. An empty element reads as ''. */
export function str(node: XmlNode | undefined, key: string): string | undefined {
  const v = node?.[key];
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  return typeof first === 'object' ? undefined : String(first);
}

export function bool(node: XmlNode | undefined, key: string): boolean | undefined {
  const s = str(node, key)?.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

export function int(node: XmlNode | undefined, key: string): number | undefined {
  const s = str(node, key)?.trim();
  if (s === undefined || s === '' || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
}

/** The line (1-based) of the first `<element` at or after `from`, for problems that point into a file. */
export function lineOf(text: string, element: string, from = 0): number | undefined {
  const re = new RegExp(`<${element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s>/]`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
