import { sign } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSigningKey, publicKeyPem } from './gateKeys.ts';
import { formatManifest, MANIFEST_FILE, PUBLIC_KEY_FILE, RECORD_FILES, recordDigest, sha256Hex, SIGNATURE_FILE } from './recordManifest.ts';

export interface Seal {
  /** The files the seal wrote (names inside the record folder). */
  files: string[];
  digest: string;
  signed: boolean;
}

/**
 * Seals the record files already written in `dir`: gate.sha256, and with a signing key gate.sig
 * (base64 Ed25519 signature over gate.sha256) and gate.pub (the signer's public key, so a
 * reader without the key can still check integrity). Without a key, a signature left from an
 * earlier record in the same folder is removed: it would not match and would only mislead.
 */
export async function sealGateRecord(dir: string, options: { signingKeyFile?: string }): Promise<Seal> {
  const signingKey = options.signingKeyFile ? loadSigningKey(options.signingKeyFile) : undefined;
  const entries = await Promise.all(
    RECORD_FILES.map(async (file) => ({ file, sha256: sha256Hex(await readFile(path.join(dir, file))) })),
  );
  const manifest = formatManifest(entries);
  await writeFile(path.join(dir, MANIFEST_FILE), manifest);
  if (!signingKey) {
    await rm(path.join(dir, SIGNATURE_FILE), { force: true });
    await rm(path.join(dir, PUBLIC_KEY_FILE), { force: true });
    return { files: [MANIFEST_FILE], digest: recordDigest(manifest), signed: false };
  }
  const signature = sign(null, Buffer.from(manifest), signingKey).toString('base64');
  await writeFile(path.join(dir, SIGNATURE_FILE), `${signature}\n`);
  await writeFile(path.join(dir, PUBLIC_KEY_FILE), publicKeyPem(signingKey));
  return { files: [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE], digest: recordDigest(manifest), signed: true };
}
