import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { makeId } from '../../../src/org/ids/salesforceId.ts';
import type { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import type { QueryResultPage } from '../../../src/org/soql/QueryEngine.ts';
import { createOrg, NOW, type TestOrg } from './fixture.ts';

const LOCATOR_URL = /^\/services\/data\/v60\.0\/query\/(01g[0-9A-Za-z]{15})-(\d+)$/;
const LEADS = 450;
const pad = (i: number) => String(i).padStart(4, '0');

let org: TestOrg;
const userA = makeId('005', 1);
const userB = makeId('005', 2);

before(() => {
  org = createOrg();
  org.store.transaction(() => {
    org.insert('User', { Id: userA, Name: 'User A' });
    for (let i = 0; i < LEADS; i++) org.insert('Lead', { LastName: `L${pad(i)}`, Name: `L${pad(i)}`, Status: i % 2 ? 'Open' : 'Working' });
    // Accounts with a contact each, to check child subqueries on later pages.
    for (let i = 0; i < 250; i++) {
      const a = org.insert('Account', { Name: `A${pad(i)}` });
      org.insert('Contact', { LastName: `C${pad(i)}`, AccountId: a });
    }
  });
});

const locatorOf = (page: QueryResultPage): string => {
  const m = LOCATOR_URL.exec(page.nextRecordsUrl ?? '');
  assert.ok(m, `not a query locator url: ${page.nextRecordsUrl}`);
  return `${m[1]}-${m[2]}`;
};

const invalidLocator = (fn: () => unknown) =>
  assert.throws(fn, (err: SalesforceError) => err.errorCode === 'INVALID_QUERY_LOCATOR' && err.message === 'invalid query locator');

describe('query cursors', () => {
  test('pages of batchSize, totalSize the full count, nextRecordsUrl until done', () => {
    const opts = org.options({ batchSize: 200 });
    const first = org.engine.query('SELECT Name FROM Lead ORDER BY Name DESC', opts);
    assert.equal(first.totalSize, LEADS);
    assert.equal(first.done, false);
    assert.equal(first.records.length, 200);
    assert.match(first.nextRecordsUrl ?? '', /-200$/);
    const second = org.engine.queryMore(locatorOf(first), { userId: opts.userId, now: NOW });
    assert.equal(second.records.length, 200);
    assert.match(second.nextRecordsUrl ?? '', /-400$/);
    const third = org.engine.queryMore(locatorOf(second), { userId: opts.userId, now: NOW });
    assert.deepEqual([third.totalSize, third.done, third.records.length, third.nextRecordsUrl], [LEADS, true, 50, undefined]);
    assert.equal('nextRecordsUrl' in third, false);
    const names = [...first.records, ...second.records, ...third.records].map((r) => r.Name);
    const expected = Array.from({ length: LEADS }, (_, i) => `L${pad(LEADS - 1 - i)}`);
    assert.deepEqual(names, expected);
  });

  test('the cursor is a snapshot of ids; later pages read current values', () => {
    const local = createOrg();
    const lead = local.schema.object('Lead');
    assert.ok(lead);
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push(local.insert('Lead', { LastName: `L${pad(i)}`, Name: `L${pad(i)}`, Status: 'Open' }));
    const first = local.query("SELECT Name, Status FROM Lead WHERE Status = 'Open' ORDER BY Name", { batchSize: 200 });
    // After the first page: a new match, a change to a record of page two, a purged record.
    local.insert('Lead', { LastName: 'L0000a', Name: 'L0000a', Status: 'Open' });
    local.store.update(lead, ids[250], { Status: 'Closed' });
    local.store.purge(lead, ids[251]);
    const rest = local.engine.queryMore(locatorOf(first), { userId: local.options().userId, now: NOW });
    assert.equal(rest.totalSize, 300);
    assert.equal(rest.records.length, 99);
    assert.equal(rest.records[50].Name, 'L0250');
    assert.equal(rest.records[50].Status, 'Closed');
    assert.equal(rest.records[51].Name, 'L0252');
  });

  test('LIMIT caps totalSize and the pages', () => {
    const first = org.query('SELECT Name FROM Lead ORDER BY Name LIMIT 300', { batchSize: 200 });
    assert.deepEqual([first.totalSize, first.records.length], [300, 200]);
    const rest = org.engine.queryMore(locatorOf(first), { userId: userA, now: NOW });
    assert.deepEqual([rest.done, rest.records.length, rest.records[99].Name], [true, 100, 'L0299']);
  });

  test('OFFSET shifts the snapshot', () => {
    const first = org.query('SELECT Name FROM Lead ORDER BY Name OFFSET 100', { batchSize: 200 });
    assert.equal(first.totalSize, LEADS - 100);
    assert.equal(first.records[0].Name, 'L0100');
  });

  test('child subqueries and parents are filled on every page', () => {
    const first = org.query('SELECT Name, Owner.Id, (SELECT LastName FROM Contacts) FROM Account ORDER BY Name', { batchSize: 200 });
    const rest = org.engine.queryMore(locatorOf(first), { userId: userA, now: NOW });
    const last = rest.records[rest.records.length - 1];
    assert.equal(last.Name, 'A0249');
    assert.deepEqual((last.Contacts as { records: { LastName: string }[] }).records.map((c) => c.LastName), ['C0249']);
    assert.equal((last.Owner as { Id: string }).Id, userA);
  });

  test('batchSize defaults to 2000 and is kept within 200..2000', () => {
    const big = createOrg();
    big.store.transaction(() => {
      for (let i = 0; i < 2001; i++) big.insert('Group', { Name: `G${i}` });
    });
    const first = big.query('SELECT Id FROM Group');
    assert.deepEqual([first.totalSize, first.records.length, first.done], [2001, 2000, false]);
    assert.match(first.nextRecordsUrl ?? '', /-2000$/);
    assert.equal(big.query('SELECT Id FROM Group', { batchSize: 5000 }).records.length, 2000);
    assert.equal(big.query('SELECT Id FROM Group', { batchSize: 10 }).records.length, 200);
    const rest = big.engine.queryMore(locatorOf(first), { userId: big.options().userId, now: NOW, batchSize: 500 });
    assert.deepEqual([rest.records.length, rest.done], [1, true]);
  });

  test('queryMore may jump to any offset of the cursor, and a page size can change per call', () => {
    const first = org.query('SELECT Name FROM Lead ORDER BY Name', { batchSize: 200 });
    const id = locatorOf(first).split('-')[0];
    const jump = org.engine.queryMore(`${id}-440`, { userId: userA, now: NOW });
    assert.deepEqual(jump.records.map((r) => r.Name), Array.from({ length: 10 }, (_, i) => `L${pad(440 + i)}`));
    assert.equal(jump.done, true);
  });
});

describe('invalid query locators', () => {
  const open = (userId = userA, now = NOW) => org.query('SELECT Id FROM Lead', { batchSize: 200, userId, now });

  test('unknown, malformed, beyond the end, another user', () => {
    const first = open();
    const [id] = locatorOf(first).split('-');
    invalidLocator(() => org.engine.queryMore('01g000000000000AAA-200', { userId: userA, now: NOW }));
    invalidLocator(() => org.engine.queryMore('garbage', { userId: userA, now: NOW }));
    invalidLocator(() => org.engine.queryMore(id, { userId: userA, now: NOW }));
    invalidLocator(() => org.engine.queryMore(`${id}-${LEADS}`, { userId: userA, now: NOW }));
    invalidLocator(() => org.engine.queryMore(`${id}-200`, { userId: userB, now: NOW }));
    assert.equal(org.engine.queryMore(`${id}-200`, { userId: userA, now: NOW }).records.length, 200);
  });

  test('a finished cursor is closed', () => {
    const first = org.query('SELECT Id FROM Lead LIMIT 300', { batchSize: 200 });
    const locator = locatorOf(first);
    org.engine.queryMore(locator, { userId: userA, now: NOW });
    invalidLocator(() => org.engine.queryMore(locator, { userId: userA, now: NOW }));
  });

  test('cursors expire after 15 minutes unused; each use restarts the clock', () => {
    const first = open();
    const [id] = locatorOf(first).split('-');
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    assert.equal(org.engine.queryMore(`${id}-200`, { userId: userA, now: at(14) }).records.length, 200);
    assert.equal(org.engine.queryMore(`${id}-200`, { userId: userA, now: at(28) }).records.length, 200);
    invalidLocator(() => org.engine.queryMore(`${id}-200`, { userId: userA, now: at(43.5) }));
  });

  test('at most 10 open cursors per user: the oldest is dropped', () => {
    const mine = Array.from({ length: 11 }, (_, i) => locatorOf(open(userA, new Date(NOW.getTime() + i))));
    const theirs = locatorOf(open(userB));
    invalidLocator(() => org.engine.queryMore(mine[0], { userId: userA, now: NOW }));
    for (const locator of mine.slice(1)) assert.equal(org.engine.queryMore(locator, { userId: userA, now: NOW }).records.length, 200);
    assert.equal(org.engine.queryMore(theirs, { userId: userB, now: NOW }).records.length, 200);
  });
});
