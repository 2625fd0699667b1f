import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Connection } from 'jsforce';
import { loginPersona } from '../../fixtures/session/apiLogin.ts';
import { PersonaSessions } from '../../fixtures/session/personaConnection.ts';
import { resolveTarget } from '../../fixtures/target/orgTarget.ts';
import { startTestOrg } from '../support/testOrg.ts';

const SESSION_SECONDS = 60;

test("a persona's API connection renews its session when the org has timed it out", async (t) => {
  // The org's clock is the test's to move: the session really times out, without waiting for it.
  let offsetMs = 0;
  const org = await startTestOrg({ sessionLifetimeSeconds: SESSION_SECONDS, now: () => new Date(Date.now() + offsetMs) });
  t.after(() => org.close());
  const sessions = new PersonaSessions(resolveTarget({ GOLIVE_LOCAL_ORG_URL: org.url }));
  const api = await sessions.connection('junior-rep');

  const before = await api.query<{ Name: string }>("SELECT Name FROM Lead WHERE Name = 'Dana Scully'");
  assert.equal(before.totalSize, 1);
  const firstToken = api.accessToken;

  offsetMs += (SESSION_SECONDS + 1) * 1000;
  // The old session is really gone: a connection that cannot renew gets the org's 401.
  const stale = new Connection({ instanceUrl: org.url, accessToken: firstToken!, version: '62.0' });
  await assert.rejects(async () => stale.query('SELECT Id FROM Lead LIMIT 1'), (err: { errorCode?: string }) => err.errorCode === 'INVALID_SESSION_ID');

  const after = await api.query<{ Name: string }>("SELECT Name FROM Lead WHERE Name = 'Dana Scully'");
  assert.equal(after.totalSize, 1);
  assert.notEqual(api.accessToken, firstToken, 'the connection carries a new session');
  assert.equal((await sessions.current('junior-rep')).accessToken, api.accessToken, "the worker's other connections get the new session too");
});

test('a persona logs in with the JWT bearer flow: connected app, private key file, username', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'golive-jwt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const keyFile = path.join(dir, 'server.key');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const org = await startTestOrg({
    connectedApps: [{ name: 'ci', consumerKey: 'ci-consumer-key', certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() }],
  });
  t.after(() => org.close());

  const target = resolveTarget({
    GOLIVE_TARGET: 'salesforce',
    SF_LOGIN_URL: org.url,
    SF_JWT_AUDIENCE: org.url,
    SF_CLIENT_ID: 'ci-consumer-key',
    SF_JWT_KEY_FILE: keyFile,
    SF_SENIOR_REP_USERNAME: 'senior.rep@golive.local',
  });
  const session = await loginPersona(target, 'senior-rep');
  assert.equal(session.username, 'senior.rep@golive.local');
  const api = await new PersonaSessions(target).connection('senior-rep');
  const me = await api.query<{ Username: string }>(`SELECT Username FROM User WHERE Id = '${session.userId}'`);
  assert.equal(me.records[0].Username, 'senior.rep@golive.local');

  const wrongUser = resolveTarget({ GOLIVE_TARGET: 'salesforce', SF_LOGIN_URL: org.url, SF_JWT_AUDIENCE: org.url, SF_CLIENT_ID: 'ci-consumer-key', SF_JWT_KEY_FILE: keyFile, SF_ADMIN_USERNAME: 'nobody@golive.local' });
  await assert.rejects(loginPersona(wrongUser, 'admin'), /^PersonaLoginError: Could not log in as persona 'admin' \(nobody@golive\.local\): /);
});
