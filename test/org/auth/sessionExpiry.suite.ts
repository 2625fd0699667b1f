import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { SESSION_EXPIRED, restStatus, shippedGoliveApp } from './authTestSupport.ts';

const LIFETIME_SECONDS = 15 * 60;

describe('session expiry and jsforce re-login', () => {
  let org: TestOrg;
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const admin = defaultOrgUser('admin');
  const golive = shippedGoliveApp();
  const pass = (seconds: number) => {
    clock += seconds * 1000;
  };
  /** Counts the sessions the org opens, that is the logins jsforce makes. */
  let logins = 0;

  before(async () => {
    org = await startTestOrg({ now: () => new Date(clock), sessionLifetimeSeconds: LIFETIME_SECONDS });
    const sessions = org.org.sessions;
    const create = sessions.create.bind(sessions);
    sessions.create = (...args) => {
      logins++;
      return create(...args);
    };
  });
  after(() => org.close());

  it('times a session out after the inactivity lifetime, and activity keeps it alive', async () => {
    const conn = await org.login(admin.username, admin.password);
    pass(LIFETIME_SECONDS - 60);
    assert.equal((await restStatus(org, conn.accessToken)).status, 200, 'used before the timeout');
    pass(LIFETIME_SECONDS - 60);
    assert.equal((await restStatus(org, conn.accessToken)).status, 200, 'the last call extended it');
    pass(LIFETIME_SECONDS);
    assert.deepEqual(await restStatus(org, conn.accessToken), { status: 401, body: SESSION_EXPIRED });
  });

  it('logs a SOAP-login connection in again when its session expired, for REST and SOAP calls', async () => {
    const conn = await org.login(admin.username, admin.password);
    const first = conn.accessToken;
    pass(LIFETIME_SECONDS);
    logins = 0;
    const result = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Username = '${admin.username}'`);
    assert.equal(result.records[0].Username, admin.username);
    assert.equal(logins, 1, 'one login, then the query was retried');
    assert.notEqual(conn.accessToken, first);

    org.org.sessions.revokeAll();
    const info = await conn.soap.getUserInfo();
    assert.equal(info.userName, admin.username);
    assert.equal(logins, 2, 'the SOAP fault INVALID_SESSION_ID made jsforce log in again too');
  });

  it('logs an OAuth password-flow connection in again when its session expired', async () => {
    const conn = new Connection({ oauth2: { clientId: golive.consumerKey, clientSecret: golive.consumerSecret, loginUrl: org.url }, version: '60.0' });
    await conn.login(admin.username, admin.password);
    const first = conn.accessToken;
    pass(LIFETIME_SECONDS + 1);
    logins = 0;
    const result = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Username = '${admin.username}'`);
    assert.equal(result.totalSize, 1);
    assert.equal(logins, 1);
    assert.notEqual(conn.accessToken, first);
    assert.deepEqual(await restStatus(org, first), { status: 401, body: SESSION_EXPIRED });
    assert.equal((await restStatus(org, conn.accessToken)).status, 200);
  });

  it('keeps the old session dead for a connection that cannot log in again', async () => {
    const conn = await org.login(admin.username, admin.password);
    const bare = new Connection({ instanceUrl: org.url, accessToken: conn.accessToken!, version: '60.0' });
    pass(LIFETIME_SECONDS);
    await assert.rejects(async () => bare.query('SELECT Id FROM User'), { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' });
  });
});
