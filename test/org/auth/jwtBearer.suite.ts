import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { ConnectedApps } from '../../../src/org/auth/connectedApps.ts';
import { JwtBearerRejected, SALESFORCE_LOGIN_AUDIENCES, verifyJwtBearer } from '../../../src/org/auth/jwtBearer.ts';
import { makeSigningKeys, signAssertion } from './signingKeys.ts';

const keys = makeSigningKeys();
const other = makeSigningKeys();
const apps = new ConnectedApps([
  { name: 'CI', consumerKey: 'ci-key', certificate: keys.certificate },
  { name: 'NoCert', consumerKey: 'plain-key', consumerSecret: 's' },
]);
const NOW = new Date('2026-03-02T10:00:00.000Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);
const audiences = [...SALESFORCE_LOGIN_AUDIENCES, 'http://127.0.0.1:4321'];
const good = { iss: 'ci-key', sub: 'admin@golive.local', aud: 'https://test.salesforce.com', exp: nowSeconds + 180 };

async function reason(assertion: string | undefined): Promise<string> {
  try {
    await verifyJwtBearer(assertion, { apps, audiences, now: NOW });
  } catch (err) {
    assert.ok(err instanceof JwtBearerRejected, String(err));
    return err.reason;
  }
  assert.fail('expected the assertion to be refused');
}

describe('JWT bearer assertions', () => {
  it('accepts an RS256 assertion signed with the key of the connected app certificate', async () => {
    const grant = await verifyJwtBearer(await signAssertion(keys.privateKey, good), { apps, audiences, now: NOW });
    assert.equal(grant.app.name, 'CI');
    assert.equal(grant.username, 'admin@golive.local');
  });

  it("accepts the org's own URL (any trailing slash), an audience array and the older prn claim", async () => {
    const { sub, ...noSub } = good;
    const grant = await verifyJwtBearer(
      await signAssertion(keys.privateKey, { ...noSub, aud: ['https://elsewhere', 'http://127.0.0.1:4321/'], prn: sub } as never),
      { apps, audiences, now: NOW },
    );
    assert.equal(grant.username, sub);
  });

  it('accepts a far-future exp, as Salesforce does (old Salesforce CLIs sent milliseconds)', async () => {
    const grant = await verifyJwtBearer(await signAssertion(keys.privateKey, { ...good, exp: NOW.getTime() + 300 }), { apps, audiences, now: NOW });
    assert.equal(grant.username, good.sub);
  });

  it('refuses each kind of bad assertion with its own reason', async () => {
    assert.equal(await reason(undefined), 'malformed');
    assert.equal(await reason('not.a.jwt'), 'malformed');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, iss: 'nobody' })), 'unknown_client');
    assert.equal(await reason(await signAssertion(other.privateKey, good)), 'bad_signature');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, iss: 'plain-key' })), 'bad_signature');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, aud: 'https://login.salesforce.com.evil' })), 'wrong_audience');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, aud: undefined })), 'wrong_audience');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, exp: nowSeconds })), 'expired');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, exp: undefined })), 'malformed');
    assert.equal(await reason(await signAssertion(keys.privateKey, { ...good, sub: undefined })), 'malformed');
  });

  it('refuses any algorithm but RS256, even with the right key', async () => {
    assert.equal(await reason(await signAssertion(keys.privateKey, good, 'RS512')), 'malformed');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    assert.equal(await reason(await signAssertion(ec.privateKey, good, 'ES256')), 'malformed');
  });
});
