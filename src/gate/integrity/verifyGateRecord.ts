import { verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GateKeyError, loadVerifyingKey, SIGNING_KEY_VARIABLE } from './gateKeys.ts';
import { MANIFEST_FILE, parseManifest, PUBLIC_KEY_FILE, RECORD_FILES, recordDigest, sha256Hex, SIGNATURE_FILE } from './recordManifest.ts';

/**
 * Which key checked the signature. `trusted-key`: the one the caller gave (proves who signed);
 * `signing-key`: derived from GOLIVE_GATE_SIGNING_KEY (the same); `record-key`: the record's own
 * gate.pub, which proves the files match what was signed but not who signed (anyone who edits
 * the record can re-sign it with a key of their own).
 */
export type KeySource = 'trusted-key' | 'signing-key' | 'record-key';

export interface GateRecordCheck {
  ok: boolean;
  /** One line each, naming the file concerned. Empty when ok. */
  problems: string[];
  signed: boolean;
  /** `sha256:<hex>` of gate.sha256; empty when there is no manifest. */
  digest: string;
  keySource?: KeySource;
  /** What the reader should know even when ok (e.g. the signature was checked with the record's own key). */
  notes: string[];
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const RECORD_NAMES: ReadonlySet<string> = new Set(RECORD_FILES);

async function checkFiles(dir: string, manifestText: string, problems: string[]): Promise<void> {
  const { entries, malformed } = parseManifest(manifestText);
  for (const bad of malformed) problems.push(`${MANIFEST_FILE}: line ${bad.line} is not "<sha256>  <file>": the manifest was edited.`);
  const listed = new Set<string>();
  for (const entry of entries) {
    if (!RECORD_NAMES.has(entry.file)) {
      problems.push(`${entry.file}: listed in ${MANIFEST_FILE} but not a file of a gate record (${RECORD_FILES.join(', ')}).`);
      continue;
    }
    if (listed.has(entry.file)) {
      problems.push(`${entry.file}: listed twice in ${MANIFEST_FILE}.`);
      continue;
    }
    listed.add(entry.file);
    const content = await readOptional(path.join(dir, entry.file));
    if (!content) problems.push(`${entry.file}: missing (listed in ${MANIFEST_FILE}).`);
    else if (sha256Hex(content) !== entry.sha256) problems.push(`${entry.file}: edited after the record was sealed (its SHA-256 differs from ${MANIFEST_FILE}).`);
  }
  for (const file of RECORD_FILES) if (!listed.has(file)) problems.push(`${file}: not listed in ${MANIFEST_FILE}; the record's seal does not cover it.`);
}

interface ChosenKey {
  key: KeyObject;
  source: KeySource;
}

function chooseKey(dir: string, options: { publicKeyFile?: string }, env: NodeJS.ProcessEnv, storedPublicKey: boolean): ChosenKey | undefined {
  if (options.publicKeyFile) return { key: loadVerifyingKey(options.publicKeyFile), source: 'trusted-key' };
  const signingKeyFile = env[SIGNING_KEY_VARIABLE]?.trim();
  if (signingKeyFile) return { key: loadVerifyingKey(signingKeyFile), source: 'signing-key' };
  if (storedPublicKey) return { key: loadVerifyingKey(path.join(dir, PUBLIC_KEY_FILE)), source: 'record-key' };
  return undefined;
}

/**
 * Checks a gate record folder: every hash in gate.sha256 recomputed, every record file listed,
 * and the signature when there is one (or when a key says there should be). Never throws for a
 * broken record: every finding is a problem line; a key that cannot be read is one too.
 */
export async function verifyGateRecord(
  dir: string,
  options: { publicKeyFile?: string; env?: NodeJS.ProcessEnv },
): Promise<GateRecordCheck> {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const notes: string[] = [];
  const manifest = await readOptional(path.join(dir, MANIFEST_FILE));
  if (!manifest) {
    return { ok: false, problems: [`${MANIFEST_FILE}: missing; the record was never sealed or its seal was removed.`], signed: false, digest: '', notes };
  }
  const digest = recordDigest(manifest);
  await checkFiles(dir, manifest.toString('utf8'), problems);

  const signature = await readOptional(path.join(dir, SIGNATURE_FILE));
  const storedPublicKey = (await readOptional(path.join(dir, PUBLIC_KEY_FILE))) !== undefined;
  let chosen: ChosenKey | undefined;
  let keyUnreadable = false;
  try {
    chosen = chooseKey(dir, options, env, storedPublicKey);
  } catch (error) {
    if (!(error instanceof GateKeyError)) throw error;
    problems.push(error.message);
    keyUnreadable = true;
  }

  if (!signature) {
    if (chosen && chosen.source !== 'record-key') problems.push(`${SIGNATURE_FILE}: missing, but a ${chosen.source === 'trusted-key' ? 'public key was given' : `signing key is configured (${SIGNING_KEY_VARIABLE})`}; the record is not signed.`);
    else notes.push('The record is not signed: its hashes prove it is unchanged since sealing, not who sealed it.');
    return { ok: problems.length === 0, problems, signed: false, digest, keySource: undefined, notes };
  }

  if (chosen) {
    const valid = verify(null, manifest, chosen.key, Buffer.from(signature.toString('utf8').trim(), 'base64'));
    if (!valid) problems.push(`${SIGNATURE_FILE}: the signature does not match ${MANIFEST_FILE} with the ${describeKey(chosen.source)}.`);
    if (chosen.source === 'record-key') {
      notes.push(`Signature checked with the record's own ${PUBLIC_KEY_FILE}: this proves the files are as signed, not who signed them. Give the signer's public key (--public-key) to prove authorship.`);
    }
  } else if (!keyUnreadable) {
    problems.push(`${SIGNATURE_FILE}: present but there is no key to check it (no public key given, ${SIGNING_KEY_VARIABLE} not set, no ${PUBLIC_KEY_FILE}).`);
  }
  return { ok: problems.length === 0, problems, signed: true, digest, keySource: chosen?.source, notes };
}

function describeKey(source: KeySource): string {
  if (source === 'trusted-key') return 'public key given';
  if (source === 'signing-key') return `key of ${SIGNING_KEY_VARIABLE}`;
  return `record's own ${PUBLIC_KEY_FILE}`;
}
