import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Local-org passwords are stored as scrypt hashes, never as given: the SQLite file is a test
 * artefact that gets copied around, attached to bug reports and left in CI workspaces.
 */
const KEY_LENGTH = 32;
// Low cost on purpose: the local org logs in every persona at every run start, and the threat
// model is a leaked test database, not an offline cracking rig.
const COST = 2 ** 12;

export function hashPassword(plain: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(plain, salt, KEY_LENGTH, { N: COST });
  return `scrypt$${COST}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(plain: string, stored: string): boolean {
  const [scheme, cost, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(plain, Buffer.from(salt, 'base64url'), expected.length, { N: Number(cost) });
  return timingSafeEqual(expected, actual);
}
