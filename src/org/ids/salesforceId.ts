/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix that names the
 * object, then an instance part and a sequence), plus a 3-character suffix that makes the
 * 18-character form safe for case-insensitive systems. The API always returns 18 characters and
 * accepts both forms, so the store keeps 18 and every entry point normalises through here.
 */

// ASCII order, so fixed-width sequences compare as strings in SQLite in creation order.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{18}$/;
/** The local org's "pod" marker, in the instance part of every id it issues. */
const INSTANCE_PART = '5g0';
const SEQUENCE_WIDTH = 9;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return suffix;
}

/** Turns a 15- or 18-character id into the 18-character form, or returns undefined if it is not an id. */
export function toId18(id: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  if (ID18.test(id)) {
    const id15 = id.slice(0, 15);
    // A suffix that does not match is still accepted by Salesforce if it matches case-insensitively;
    // we are strict in the sense of recomputing it from the case-sensitive part.
    return checksumSuffix(id15).toUpperCase() === id.slice(15).toUpperCase() ? id15 + checksumSuffix(id15) : undefined;
  }
  if (ID15.test(id)) return id + checksumSuffix(id);
  return undefined;
}

export function toId15(id: string): string {
  return id.slice(0, 15);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

export function isIdShaped(value: unknown): value is string {
  return typeof value === 'string' && (ID15.test(value) || ID18.test(value));
}

export function encodeSequence(n: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < SEQUENCE_WIDTH; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

export function decodeSequence(seq: string): number {
  let n = 0;
  for (const ch of seq) n = n * 62 + BASE62.indexOf(ch);
  return n;
}

/** Builds the 18-character id for a key prefix and a sequence number. */
export function makeId(keyPrefix: string, sequence: number): string {
  const id15 = keyPrefix + INSTANCE_PART + encodeSequence(sequence);
  return id15 + checksumSuffix(id15);
}

/** The sequence number inside an id this org issued, or undefined for ids from elsewhere. */
export function sequenceOf(id: string): number | undefined {
  if (id.slice(3, 6) !== INSTANCE_PART) return undefined;
  return decodeSequence(id.slice(6, 15));
}
