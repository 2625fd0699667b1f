import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { connectTarget, targetFromEnv } from '../../src/harness/target/connectTarget.ts';
import { SecretRegistry } from '../../src/harness/secrets/SecretRegistry.ts';
import { startTestOrg } from '../support/testOrg.ts';

/**
 * `golive clean`'s way in: the same .env target as the suite (src/harness/target/orgTarget.ts),
 * as the admin persona, with either login flow.
 */

test('outside a run, a local target is the org `golive org start` runs on GOLIVE_ORG_PORT', () => {
  assert.equal(targetFromEnv({ GOLIVE_ORG_PORT: '4321' }).loginUrl, 'http://127.0.0.1:4321');
  assert.equal(targetFromEnv({}).loginUrl, 'http://127.0.0.1:4100');
  assert.equal(targetFromEnv({ GOLIVE_LOCAL_ORG_URL: 'http://127.0.0.1:4999' }).loginUrl, 'http://127.0.0.1:4999');
  assert.equal(targetFromEnv({}).credentials('admin').username, 'admin@golive.local');
});

test('the admin connects with the JWT bearer flow, and the key and session are registered as secrets', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'golive-clean-jwt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const keyFile = path.join(dir, 'server.key');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(keyFile, pem);
  const org = await startTestOrg({
    connectedApps: [{ name: 'ci', consumerKey: 'ci-consumer-key', certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
  });
  t.after(() => org.close());

  const target = targetFromEnv({ GOLIVE_TARGET: 'salesforce', SF_LOGIN_URL: org.url, SF_JWT_AUDIENCE: org.url, SF_CLIENT_ID: 'ci-consumer-key', SF_JWT_KEY_FILE: keyFile, SF_ADMIN_USERNAME: 'admin@golive.local' });
  const secrets = SecretRegistry.inMemory();
  const conn = await connectTarget(target, secrets);
  const me = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Id = '${(await conn.identity()).user_id}'`);
  assert.equal(me.records[0].Username, 'admin@golive.local');
  const kinds = new Map(secrets.all().map((s) => [s.value, s.kind]));
  assert.equal(kinds.get(pem.trim()), 'private key');
  assert.equal(kinds.get(conn.accessToken!), 'access token');
});
