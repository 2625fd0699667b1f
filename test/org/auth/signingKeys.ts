import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';

export interface SigningKeys {
  privateKey: KeyObject;
  /** What goes into the connected app: an X.509 certificate when openssl exists, else a public key PEM. */
  certificate: string;
  kind: 'x509' | 'spki';
}

/**
 * A fresh RSA key and the certificate a Salesforce admin would upload for it, made the way the
 * JWT bearer docs say (`openssl req -x509 …`). Without openssl, a bare public key PEM, which the
 * local org also accepts.
 */
export function makeSigningKeys(): SigningKeys {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-jwt-'));
  try {
    const keyFile = path.join(dir, 'server.key');
    const certFile = path.join(dir, 'server.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=golive', '-days', '1', '-keyout', keyFile, '-out', certFile], {
      stdio: 'ignore',
    });
    return { privateKey: createPrivateKey(readFileSync(keyFile)), certificate: readFileSync(certFile, 'utf8'), kind: 'x509' };
  } catch {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { privateKey, certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString(), kind: 'spki' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A JWT bearer assertion as Salesforce's docs describe it; `claims` overrides any default. */
export function signAssertion(
  key: KeyObject,
  claims: { iss?: string; sub?: string; aud?: string | string[]; exp?: number },
  alg = 'RS256',
): Promise<string> {
  const { exp, ...rest } = claims;
  const jwt = new SignJWT(rest).setProtectedHeader({ alg });
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(key);
}
