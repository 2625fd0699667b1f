import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

describe('the identity URL', () => {
  let org: TestOrg;
  let conn: Connection;
  let orgId: string;
  let userId: string;
  const admin = defaultOrgUser('admin');

  const get = async (url: string, token: string | undefined = conn.accessToken!) => {
    const res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as Record<string, any> };
  };

  before(async () => {
    org = await startTestOrg();
    conn = await org.login(admin.username, admin.password);
    orgId = conn.userInfo!.organizationId;
    userId = conn.userInfo!.id;
  });
  after(() => org.close());

  it("answers Salesforce's identity document, with {version} placeholders in the API URLs", async () => {
    const res = await get(`${org.url}/id/${orgId}/${userId}`);
    assert.equal(res.status, 200);
    assert.match(res.type, /^application\/json/);
    const doc = res.json();
    const user = org.org.services.login.findUserByUsername(admin.username)!;
    const org15 = orgId.slice(0, 15);
    assert.equal(doc.id, `${org.url}/id/${orgId}/${userId}`);
    assert.equal(doc.asserted_user, true);
    assert.equal(doc.user_id, userId);
    assert.equal(doc.organization_id, orgId);
    assert.equal(doc.username, admin.username);
    assert.equal(doc.display_name, `${user.FirstName} ${user.LastName}`);
    assert.equal(doc.first_name, user.FirstName);
    assert.equal(doc.last_name, user.LastName);
    assert.equal(doc.email, user.Email);
    assert.equal(doc.timezone, user.TimeZoneSidKey);
    assert.equal(doc.active, true);
    assert.equal(doc.user_type, 'STANDARD');
    assert.equal(doc.language, user.LanguageLocaleKey);
    assert.equal(doc.locale, user.LocaleSidKey);
    assert.equal(doc.utcOffset, user.TimeZoneSidKey === 'America/Los_Angeles' ? -28_800_000 : doc.utcOffset);
    assert.match(doc.last_modified_date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(doc.photos, { picture: `${org.url}/profilephoto/005/F`, thumbnail: `${org.url}/profilephoto/005/T` });
    assert.deepEqual(doc.status, { created_date: null, body: null });
    assert.equal(doc.urls.partner, `${org.url}/services/Soap/u/{version}/${org15}`);
    assert.equal(doc.urls.enterprise, `${org.url}/services/Soap/c/{version}/${org15}`);
    assert.equal(doc.urls.metadata, `${org.url}/services/Soap/m/{version}/${org15}`);
    assert.equal(doc.urls.rest, `${org.url}/services/data/v{version}/`);
    assert.equal(doc.urls.sobjects, `${org.url}/services/data/v{version}/sobjects/`);
    assert.equal(doc.urls.query, `${org.url}/services/data/v{version}/query/`);
    assert.equal(doc.urls.profile, `${org.url}/${userId}`);
    assert.equal(doc.urls.feed_items, `${org.url}/services/data/v{version}/chatter/feed-items`);
    assert.equal(doc.urls.custom_domain, org.url);
  });

  it('fills the version in when asked, and accepts 15-character ids and a token in the query', async () => {
    const withVersion = (await get(`${org.url}/id/${orgId}/${userId}?version=58.0`)).json();
    assert.equal(withVersion.urls.rest, `${org.url}/services/data/v58.0/`);
    const latest = (await get(`${org.url}/id/${orgId}/${userId}?version=latest`)).json();
    assert.match(latest.urls.partner, /\/services\/Soap\/u\/\d\d\.0\//);
    const short = await get(`${org.url}/id/${orgId.slice(0, 15)}/${userId.slice(0, 15)}?format=json&oauth_token=${encodeURIComponent(conn.accessToken!)}`, undefined);
    assert.equal(short.status, 200);
    assert.equal(short.json().id, `${org.url}/id/${orgId}/${userId}`, 'the answer always carries 18-character ids');
    assert.equal((await get(`${org.url}/id/${orgId}/${userId}?version=9`)).status, 406);
  });

  it('refuses a bad or missing token, another org and an id that is not a user, in plain words', async () => {
    const bad = await get(`${org.url}/id/${orgId}/${userId}`, 'nope');
    assert.deepEqual([bad.status, bad.text], [403, 'Bad_OAuth_Token']);
    assert.match(bad.type, /^text\/plain/);
    const missing = await get(`${org.url}/id/${orgId}/${userId}`, '');
    assert.deepEqual([missing.status, missing.text], [403, 'Missing_OAuth_Token']);
    const otherOrg = await get(`${org.url}/id/00D000000000001/${userId}`);
    assert.deepEqual([otherOrg.status, otherOrg.text], [403, 'Wrong_Org']);
    const notAUser = await get(`${org.url}/id/${orgId}/001000000000001`);
    assert.deepEqual([notAUser.status, notAUser.text], [404, 'Bad_Id']);
    const unknownUser = await get(`${org.url}/id/${orgId}/005000000000001`);
    assert.deepEqual([unknownUser.status, unknownUser.text], [404, 'Bad_Id']);
  });

  it('makes jsforce identity() fail with the 403 once the session is gone', async () => {
    const other = await org.login(admin.username, admin.password);
    org.org.sessions.revoke(other.accessToken!);
    await assert.rejects(other.identity(), (err: Error & { errorCode?: string }) => err.message === 'Bad_OAuth_Token' && err.errorCode === 'ERROR_HTTP_403');
  });
});
