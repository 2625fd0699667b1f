import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { SESSION_EXPIRED, failureOf, restStatus, setActive, shippedGoliveApp } from './authTestSupport.ts';

async function postToken(org: TestOrg, params: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${org.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(init.headers ?? {}) },
    body: new URLSearchParams(params).toString(),
  });
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

describe('OAuth 2.0 username-password flow, revoke and userinfo through jsforce', () => {
  let org: TestOrg;
  const admin = defaultOrgUser('admin');
  const golive = shippedGoliveApp();
  const oauthConnection = (clientSecret = golive.consumerSecret, clientId = golive.consumerKey) =>
    new Connection({ oauth2: { clientId, clientSecret, loginUrl: org.url }, version: '60.0' });

  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('logs jsforce in with the connected app the default org ships', async () => {
    const conn = oauthConnection();
    const userInfo = await conn.login(admin.username, admin.password);
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    const orgId = org.org.services.login.orgId;
    assert.deepEqual(userInfo, { id: user.Id, organizationId: orgId, url: `${org.url}/id/${orgId}/${user.Id}` });
    assert.equal(conn.instanceUrl, org.url);
    assert.equal(conn.refreshToken, undefined, 'the password flow issues no refresh token');
    assert.equal((await restStatus(org, conn.accessToken)).status, 200);
    const identity = await conn.identity();
    assert.equal(identity.username, admin.username);
    assert.equal(identity.organization_id, orgId);
  });

  it('answers Salesforce token fields, signed with HMAC-SHA256 of id + issued_at under the client secret', async () => {
    const before = Date.now();
    const { status, body } = await postToken(org, {
      grant_type: 'password',
      client_id: golive.consumerKey,
      client_secret: golive.consumerSecret,
      username: admin.username,
      password: admin.password,
    });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'id', 'instance_url', 'issued_at', 'signature', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.instance_url, org.url);
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    assert.equal(body.id, `${org.url}/id/${org.org.services.login.orgId}/${user.Id}`);
    assert.match(body.issued_at, /^\d{13}$/);
    assert.ok(Number(body.issued_at) >= before && Number(body.issued_at) <= Date.now());
    assert.equal(body.signature, createHmac('sha256', golive.consumerSecret).update(body.id + body.issued_at).digest('base64'));
  });

  it('accepts the client credentials as HTTP Basic too', async () => {
    const basic = Buffer.from(`${golive.consumerKey}:${golive.consumerSecret}`).toString('base64');
    const { status } = await postToken(
      org,
      { grant_type: 'password', username: admin.username, password: admin.password },
      { headers: { Authorization: `Basic ${basic}` } },
    );
    assert.equal(status, 200);
  });

  it("refuses bad credentials, an inactive user, an unknown client and a wrong secret with Salesforce's errors", async () => {
    const authFailure = { name: 'invalid_grant', message: 'authentication failure', errorCode: undefined };
    assert.deepEqual(await failureOf(oauthConnection().login(admin.username, 'wrong-password')), authFailure);
    assert.deepEqual(await failureOf(oauthConnection().login('nobody@golive.local', admin.password)), authFailure);
    setActive(org, admin.username, false);
    try {
      assert.deepEqual(await failureOf(oauthConnection().login(admin.username, admin.password)), authFailure);
    } finally {
      setActive(org, admin.username, true);
    }
    assert.deepEqual(await failureOf(oauthConnection(golive.consumerSecret, 'unknown-client').login(admin.username, admin.password)), {
      name: 'invalid_client_id',
      message: 'client identifier invalid',
      errorCode: undefined,
    });
    assert.deepEqual(await failureOf(oauthConnection('wrong-secret').login(admin.username, admin.password)), {
      name: 'invalid_client',
      message: 'invalid client credentials',
      errorCode: undefined,
    });
    const raw = await postToken(org, { grant_type: 'password', client_id: golive.consumerKey, client_secret: golive.consumerSecret, username: admin.username, password: 'x' });
    assert.deepEqual(raw, { status: 400, body: { error: 'invalid_grant', error_description: 'authentication failure' } });
  });

  it('refuses grant types it does not support, and the ones that need a token it never issues', async () => {
    const unsupported = { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant type not supported' } };
    assert.deepEqual(await postToken(org, { grant_type: 'magic', client_id: golive.consumerKey }), unsupported);
    assert.deepEqual(await postToken(org, {}), unsupported);
    const client = { client_id: golive.consumerKey, client_secret: golive.consumerSecret };
    assert.deepEqual(await postToken(org, { grant_type: 'refresh_token', refresh_token: 'r', ...client }), {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
    });
    assert.deepEqual(await postToken(org, { grant_type: 'client_credentials', ...client }), {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'no client credentials user enabled' },
    });
  });

  it('revokes the session on jsforce logout; revoking an unknown token fails as on Salesforce', async () => {
    const conn = oauthConnection();
    await conn.login(admin.username, admin.password);
    const token = conn.accessToken!;
    await conn.logout();
    assert.equal(conn.accessToken, null);
    assert.deepEqual(await restStatus(org, token), { status: 401, body: SESSION_EXPIRED });
    assert.deepEqual(await failureOf(conn.oauth2.revokeToken(token)), {
      name: 'unsupported_token_type',
      message: 'this token type is not supported',
      errorCode: undefined,
    });
    const res = await fetch(`${org.url}/services/oauth2/revoke?token=nope`, { method: 'POST' });
    assert.equal(res.status, 400);
    assert.equal(await res.text(), 'error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported');
  });

  it('revokes a SOAP session id too, given as a query parameter', async () => {
    const conn = await org.login(admin.username, admin.password);
    const res = await fetch(`${org.url}/services/oauth2/revoke?token=${encodeURIComponent(conn.accessToken!)}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    assert.equal((await restStatus(org, conn.accessToken)).status, 401);
  });

  it('answers the OpenID userinfo for a bearer token, and Bad_OAuth_Token for a bad one', async () => {
    const conn = oauthConnection();
    await conn.login(admin.username, admin.password);
    const res = await fetch(`${org.url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${conn.accessToken}` } });
    assert.equal(res.status, 200);
    const info = (await res.json()) as Record<string, unknown>;
    assert.equal(info.sub, conn.userInfo!.url);
    assert.equal(info.user_id, conn.userInfo!.id);
    assert.equal(info.organization_id, conn.userInfo!.organizationId);
    assert.equal(info.preferred_username, admin.username);
    assert.equal(info.user_type, 'STANDARD');
    assert.equal(info.active, true);
    assert.equal((info.urls as Record<string, string>).rest, `${org.url}/services/data/v{version}/`);
    const bad = await fetch(`${org.url}/services/oauth2/userinfo`, { headers: { Authorization: 'Bearer nope' } });
    assert.equal(bad.status, 403);
    assert.equal(await bad.text(), 'Bad_OAuth_Token');
  });
});
