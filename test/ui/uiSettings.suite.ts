import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveUiSettings } from '../../src/org/ui/settings.ts';
import { startTestOrg, type TestOrg } from '../support/testOrg.ts';

describe('UI settings', () => {
  it('realism is on by default, off by ORG_UI_REALISM=off, and OrgOptions win over the environment', () => {
    assert.equal(resolveUiSettings({}, {}).realism, true);
    assert.equal(resolveUiSettings({}, { ORG_UI_REALISM: 'off' }).realism, false);
    assert.equal(resolveUiSettings({}, { ORG_UI_REALISM: 'on' }).realism, true);
    assert.equal(resolveUiSettings({ realism: true }, { ORG_UI_REALISM: 'off' }).realism, true);
  });

  it('latency comes from ORG_LATENCY_MS unless OrgOptions give it; nonsense is none', () => {
    assert.equal(resolveUiSettings({}, {}).latencyMs, 0);
    assert.equal(resolveUiSettings({}, { ORG_LATENCY_MS: '250' }).latencyMs, 250);
    assert.equal(resolveUiSettings({}, { ORG_LATENCY_MS: 'soon' }).latencyMs, 0);
    assert.equal(resolveUiSettings({ latencyMs: 0 }, { ORG_LATENCY_MS: '250' }).latencyMs, 0);
  });
});

/** Signs in through the frontdoor and returns the session cookie. */
async function uiCookie(t: TestOrg): Promise<string> {
  const { session } = t.org.services.login.passwordLogin('admin@golive.local', 'golive-local-1', 'oauth-password');
  const res = await t.org.app.inject({ method: 'POST', url: '/secur/frontdoor.jsp', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `sid=${encodeURIComponent(session.id)}` });
  const cookie = String(res.headers['set-cookie']).match(/sid=[^;]+/);
  assert.ok(cookie, 'frontdoor set no sid cookie');
  return cookie[0];
}

describe('realism off', () => {
  let t: TestOrg;
  before(async () => {
    t = await startTestOrg({ uiRealism: false, latencyMs: 0 });
  });
  after(() => t.close());

  it('renders list rows and home cards in the page, without spinners', async () => {
    const cookie = await uiCookie(t);
    const list = await t.org.app.inject({ url: '/lightning/o/Lead/list?filterName=AllOpenLeads', headers: { cookie } });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<table [^>]*aria-label="All Open Leads"/);
    assert.match(list.body, /Dana Scully/);
    assert.doesNotMatch(list.body, /data-gl-lazy|slds-spinner"/);
    const home = await t.org.app.inject({ url: '/lightning/page/home', headers: { cookie } });
    assert.match(home.body, /Nothing due today/);
    assert.doesNotMatch(home.body, /data-gl-lazy/);
    // The error dialog is there all the same.
    assert.match(home.body, /<div id="auraError" class="auraError[^"]*" role="dialog"[^>]* hidden>/);
  });
});

describe('injected latency', () => {
  let t: TestOrg;
  before(async () => {
    t = await startTestOrg({ latencyMs: 300 });
  });
  after(() => t.close());

  it('delays API and UI requests, not static assets', async () => {
    const timed = async (url: string) => {
      const start = performance.now();
      const res = await fetch(t.url + url, { redirect: 'manual' });
      await res.arrayBuffer();
      return performance.now() - start;
    };
    assert.ok((await timed('/services/data')) >= 290, 'API request not delayed');
    assert.ok((await timed('/')) >= 290, 'UI request not delayed');
    assert.ok((await timed('/assets/golive/app.js')) < 290, 'asset delayed');
  });
});
