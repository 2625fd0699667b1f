import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { failureOf, restStatus, setActive } from './authTestSupport.ts';
import { makeSigningKeys, signAssertion } from './signingKeys.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describe('OAuth 2.0 JWT bearer flow through jsforce', () => {
  let org: TestOrg;
  const admin = defaultOrgUser('admin');
  const keys = makeSigningKeys();
  const intruder = makeSigningKeys();
  const inThreeMinutes = () => Math.floor(Date.now() / 1000) + 180;
  const claims = () => ({ iss: 'ci-pipeline-key', sub: admin.username, aud: 'https://test.salesforce.com', exp: inThreeMinutes() });
  const authorize = async (assertion: string) => {
    const conn = new Connection({ oauth2: { loginUrl: org.url }, version: '60.0' });
    const userInfo = await conn.authorize({ grant_type: JWT_BEARER, assertion });
    return { conn, userInfo };
  };

  before(async () => {
    org = await startTestOrg({ connectedApps: [{ name: 'CI_Pipeline', consumerKey: 'ci-pipeline-key', certificate: keys.certificate }] });
  });
  after(() => org.close());

  it('logs in with an assertion signed by the key of the connected app certificate', async () => {
    const { conn, userInfo } = await authorize(await signAssertion(keys.privateKey, claims()));
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    const orgId = org.org.services.login.orgId;
    assert.deepEqual(userInfo, { id: user.Id, organizationId: orgId, url: `${org.url}/id/${orgId}/${user.Id}` });
    assert.equal(conn.instanceUrl, org.url);
    assert.equal(conn.refreshToken, undefined);
    assert.equal((await restStatus(org, conn.accessToken)).status, 200);
    const identity = await conn.identity();
    assert.equal(identity.username, admin.username);
  });

  it('answers without refresh token or signature, and accepts every login audience', async () => {
    for (const aud of ['https://login.salesforce.com', 'https://test.salesforce.com', org.url]) {
      const assertion = await signAssertion(keys.privateKey, { ...claims(), aud });
      const res = await fetch(`${org.url}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
      });
      assert.equal(res.status, 200, aud);
      const body = (await res.json()) as Record<string, string>;
      assert.deepEqual(Object.keys(body).sort(), ['access_token', 'id', 'instance_url', 'scope', 'token_type']);
    }
  });

  it("refuses bad assertions with Salesforce's descriptions", async () => {
    const refused = async (assertion: string) => failureOf(authorize(assertion));
    const grantError = (message: string) => ({ name: 'invalid_grant', message, errorCode: undefined });
    assert.deepEqual(await refused(await signAssertion(intruder.privateKey, claims())), grantError('invalid assertion'));
    assert.deepEqual(await refused(await signAssertion(keys.privateKey, { ...claims(), exp: Math.floor(Date.now() / 1000) - 60 })), grantError('expired authorization code'));
    assert.deepEqual(await refused(await signAssertion(keys.privateKey, { ...claims(), aud: 'https://example.my.salesforce.com' })), grantError('audience is invalid'));
    assert.deepEqual(await refused(await signAssertion(keys.privateKey, { ...claims(), sub: 'nobody@golive.local' })), grantError("user hasn't approved this consumer"));
    assert.deepEqual(await refused(await signAssertion(keys.privateKey, { ...claims(), iss: 'unknown-key' })), {
      name: 'invalid_client_id',
      message: 'client identifier invalid',
      errorCode: undefined,
    });
    assert.deepEqual(await refused('garbage'), grantError('invalid assertion'));
  });

  it('refuses an inactive user', async () => {
    const assertion = await signAssertion(keys.privateKey, claims());
    setActive(org, admin.username, false);
    try {
      assert.deepEqual(await failureOf(authorize(assertion)), { name: 'invalid_grant', message: "user hasn't approved this consumer", errorCode: undefined });
    } finally {
      setActive(org, admin.username, true);
    }
  });
});
