import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { INVALID_LOGIN, SESSION_EXPIRED, failureOf, restStatus, setActive } from './authTestSupport.ts';

function envelope(body: string, sessionId?: string): string {
  return (
    '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/">' +
    (sessionId ? `<se:Header><SessionHeader xmlns="urn:partner.soap.sforce.com"><sessionId>${sessionId}</sessionId></SessionHeader></se:Header>` : '<se:Header/>') +
    `<se:Body>${body}</se:Body></se:Envelope>`
  );
}

async function soapCall(org: TestOrg, body: string, sessionId?: string, version = '60.0'): Promise<{ status: number; xml: string }> {
  const res = await fetch(`${org.url}/services/Soap/u/${version}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml', SOAPAction: '""' },
    body: envelope(body, sessionId),
  });
  return { status: res.status, xml: await res.text() };
}

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

describe('SOAP partner login, getUserInfo and logout through jsforce', () => {
  let org: TestOrg;
  const admin = defaultOrgUser('admin');

  before(async () => {
    org = await startTestOrg();
  });
  after(() => org.close());

  it('logs in: jsforce gets the instance URL, a session id and the user and org ids', async () => {
    const conn = org.connection();
    const userInfo = await conn.login(admin.username, admin.password);
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    const orgId = org.org.services.login.orgId;
    assert.deepEqual(userInfo, { id: user.Id, organizationId: orgId, url: `${org.url}/id/${orgId}/${user.Id}` });
    assert.equal(conn.instanceUrl, org.url);
    assert.ok(conn.accessToken?.startsWith(`${orgId.slice(0, 15)}!`), 'a session id starts with the 15-character org id');
    assert.equal((await restStatus(org, conn.accessToken)).status, 200);
  });

  it('answers a LoginResult with the URLs, flags and the full userInfo of the user', async () => {
    const { status, xml } = await soapCall(
      org,
      `<login xmlns="urn:partner.soap.sforce.com"><username>${admin.username}</username><password>${admin.password}</password></login>`,
    );
    assert.equal(status, 200);
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    const orgId = org.org.services.login.orgId;
    const orgRow = org.org.store.selectOne('SELECT * FROM "Organization"', [])!;
    assert.equal(tag(xml, 'serverUrl'), `${org.url}/services/Soap/u/60.0/${orgId.slice(0, 15)}`);
    assert.equal(tag(xml, 'metadataServerUrl'), `${org.url}/services/Soap/m/60.0/${orgId.slice(0, 15)}`);
    assert.equal(tag(xml, 'passwordExpired'), 'false');
    assert.equal(tag(xml, 'sandbox'), 'true');
    assert.match(tag(xml, 'sessionId')!, /^00D[0-9A-Za-z]{12}!/);
    // The top-level userId comes first: jsforce takes the first match.
    assert.ok(xml.indexOf(`<userId>${user.Id}</userId>`) < xml.indexOf('<userInfo>'));
    const info = /<userInfo>(.*)<\/userInfo>/.exec(xml)![1];
    assert.equal(tag(info, 'userId'), user.Id);
    assert.equal(tag(info, 'userName'), admin.username);
    assert.equal(tag(info, 'userFullName'), `${user.FirstName} ${user.LastName}`);
    assert.equal(tag(info, 'userEmail'), user.Email);
    assert.equal(tag(info, 'organizationId'), orgId);
    assert.equal(tag(info, 'organizationName'), orgRow.Name);
    assert.equal(tag(info, 'profileId'), user.ProfileId);
    assert.ok(user.UserRoleId ? tag(info, 'roleId') === user.UserRoleId : info.includes('<roleId xsi:nil="true"/>'));
    assert.equal(tag(info, 'userTimeZone'), user.TimeZoneSidKey);
    assert.equal(tag(info, 'userLocale'), user.LocaleSidKey);
    assert.equal(tag(info, 'userLanguage'), user.LanguageLocaleKey);
    assert.equal(tag(info, 'currencySymbol'), '$');
    assert.equal(tag(info, 'orgDefaultCurrencyIsoCode'), 'USD');
    assert.equal(tag(info, 'sessionSecondsValid'), '7200');
    assert.equal(tag(info, 'accessibilityMode'), 'false');
    assert.equal(tag(info, 'userType'), 'Standard');
    assert.ok(info.includes('<userDefaultCurrencyIsoCode xsi:nil="true"/>'));
  });

  it('refuses a wrong password, an unknown user and an inactive user with the same INVALID_LOGIN', async () => {
    assert.deepEqual(await failureOf(org.login(admin.username, 'wrong-password')), { name: 'Error', message: INVALID_LOGIN, errorCode: undefined });
    assert.equal((await failureOf(org.login('nobody@golive.local', admin.password))).message, INVALID_LOGIN);
    setActive(org, admin.username, false);
    try {
      assert.equal((await failureOf(org.login(admin.username, admin.password))).message, INVALID_LOGIN);
    } finally {
      setActive(org, admin.username, true);
    }
    const { status, xml } = await soapCall(org, `<login xmlns="urn:partner.soap.sforce.com"><username>${admin.username}</username><password>x</password></login>`);
    assert.equal(status, 500);
    assert.equal(tag(xml, 'faultcode'), 'sf:INVALID_LOGIN');
    assert.ok(xml.includes('xsi:type="sf:LoginFault"'));
  });

  it('matches the username case-insensitively, but never the password', async () => {
    await org.login(admin.username.toUpperCase(), admin.password);
    assert.equal((await failureOf(org.login(admin.username, admin.password.toUpperCase()))).message, INVALID_LOGIN);
  });

  it('has no login() from API version 65.0 on, as Salesforce', async () => {
    assert.equal(
      (await failureOf(org.login(admin.username, admin.password, '65.0'))).message,
      'INVALID_OPERATION: The SOAP Login operation is not available in the API version specified (65.0). Refer to the documentation for supported versions.',
    );
    const conn = await org.login(admin.username, admin.password, '64.0');
    assert.ok(conn.accessToken);
  });

  it('answers getUserInfo for the session, and the identity URL after a SOAP login', async () => {
    const conn = await org.login(admin.username, admin.password);
    const info = await conn.soap.getUserInfo();
    assert.equal(info.userName, admin.username);
    assert.equal(info.userId, conn.userInfo!.id);
    assert.equal(info.organizationId, conn.userInfo!.organizationId);
    assert.equal(info.sessionSecondsValid, 7200);
    assert.equal(info.accessibilityMode, false);
    const identity = await conn.identity();
    assert.equal(identity.user_id, conn.userInfo!.id);
    assert.equal(identity.username, admin.username);
  });

  it('ends the session on logout; the old session id then fails everywhere', async () => {
    const conn = await org.login(admin.username, admin.password);
    const sessionId = conn.accessToken!;
    await conn.logout();
    assert.equal(conn.accessToken, null);
    assert.deepEqual(await restStatus(org, sessionId), { status: 401, body: SESSION_EXPIRED });
    const { status, xml } = await soapCall(org, '<getUserInfo xmlns="urn:partner.soap.sforce.com"/>', sessionId);
    assert.equal(status, 500);
    assert.equal(tag(xml, 'faultcode'), 'sf:INVALID_SESSION_ID');
    assert.match(
      tag(xml, 'faultstring')!,
      /^INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session\. Session not found, missing session hash: [A-Za-z0-9+/]{43}=\nThis error usually occurs after a session expires or a user logs out\.$/,
    );
    assert.ok(!xml.includes(sessionId), 'the fault never echoes the session id');
  });

  it('faults a logout or getUserInfo without a session header, or with a session it does not know', async () => {
    const noHeader = await soapCall(org, '<getUserInfo xmlns="urn:partner.soap.sforce.com"/>');
    assert.equal(noHeader.status, 500);
    assert.equal(tag(noHeader.xml, 'faultstring'), 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session');
    const conn = org.connection();
    conn.accessToken = 'not-a-session';
    const failure = await failureOf(conn.logoutBySoap());
    assert.match(failure.message, /^INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session\. Session not found/);
  });

  it('answers getServerTimestamp for a session', async () => {
    const conn = await org.login(admin.username, admin.password);
    const { timestamp } = await conn.soap.getServerTimestamp();
    assert.ok(Math.abs(Date.parse(timestamp) - Date.now()) < 60_000);
  });
});
