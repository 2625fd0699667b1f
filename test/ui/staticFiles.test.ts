import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildOrgApp, type LocalOrg } from '../../src/org/app.ts';
import { DEFAULT_ORG_DIR } from '../support/testOrg.ts';

/**
 * Assets carry validators, so a browser revalidates a `no-cache` module with a 304 instead of
 * downloading it again on every page (found by bench/ui.bench.ts).
 */

let org: LocalOrg;
before(async () => {
  org = await buildOrgApp({ metadataDir: DEFAULT_ORG_DIR, dbFile: ':memory:', latencyMs: 0 });
});
after(() => org.app.close());

for (const url of ['/assets/golive/app.js', '/assets/slds/styles/salesforce-lightning-design-system.min.css']) {
  test(`${url}: 200 with an ETag, 304 without a body for that ETag, 200 for another`, async () => {
    const first = await org.app.inject({ method: 'GET', url });
    assert.equal(first.statusCode, 200);
    const etag = first.headers.etag;
    assert.equal(typeof etag, 'string');
    assert.ok(first.headers['last-modified']);
    assert.ok(first.body.length > 0);

    const again = await org.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    assert.equal(again.headers['cache-control'], first.headers['cache-control']);

    const stale = await org.app.inject({ method: 'GET', url, headers: { 'if-none-match': 'W/"0-0"' } });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.body, first.body);
  });
}

test('a missing asset is still a 404, whatever validator is sent', async () => {
  const res = await org.app.inject({ method: 'GET', url: '/assets/golive/nope.js', headers: { 'if-none-match': '*' } });
  assert.equal(res.statusCode, 404);
});
