import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Keys for signing a gate record: GOLIVE_GATE_SIGNING_KEY names an Ed25519 private key in PEM
 * (`openssl genpkey -algorithm ed25519 -out gate-signing.pem`). A wrong path or a key of another
 * kind stops with one line naming the file; the key's content is never printed.
 */

export const SIGNING_KEY_VARIABLE = 'GOLIVE_GATE_SIGNING_KEY';

export class GateKeyError extends Error {
  override name = 'GateKeyError';
}

function readKeyFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new GateKeyError(`Cannot read the ${what} ${file}: check the path (${SIGNING_KEY_VARIABLE} or --public-key).`);
  }
}

function requireEd25519(key: KeyObject, file: string, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new GateKeyError(`${file} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; the gate's ${what} must be Ed25519 (openssl genpkey -algorithm ed25519).`);
  }
  return key;
}

export function loadSigningKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'signing key');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new GateKeyError(`${file} is not a PEM private key; ${SIGNING_KEY_VARIABLE} must name an Ed25519 private key in PEM.`);
  }
  return requireEd25519(key, file, 'signing key');
}

/** A public key in PEM, or the public half of a private key PEM (what GOLIVE_GATE_SIGNING_KEY names). */
export function loadVerifyingKey(file: string): KeyObject {
  const pem = readKeyFile(file, 'public key');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new GateKeyError(`${file} is not a PEM public or private key; give the Ed25519 public key (gate.pub of a trusted record, or the signer's).`);
  }
  return requireEd25519(key, file, 'public key');
}

export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}
