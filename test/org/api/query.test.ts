import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { conformanceTarget, type ConformanceTarget } from '../../support/conformanceTarget.ts';
import { defaultOrgUser } from '../../support/testOrg.ts';

type Rec = Record<string, any>;

describe('query, queryAll and queryMore through jsforce', () => {
  let target: ConformanceTarget;
  let conn: Connection;
  const TOTAL = 4500;

  before(async () => {
    target = await conformanceTarget(defaultOrgUser('admin'));
    conn = await target.admin();
    const records = Array.from({ length: TOTAL }, (_, i) => ({
      LastName: `Batch${String(i).padStart(5, '0')}`,
      Company: 'Batch Co',
      Email: `batch${i}@example.com`,
    }));
    const results = await conn.sobject('Lead').create(records, { allowRecursive: true } as never);
    assert.ok(results.every((r) => r.success));
  });
  after(() => target.close());

  it('pages a large result in batches of 2,000 with query locators', async () => {
    const first = await conn.request<Rec>(`/services/data/v60.0/query?q=${encodeURIComponent("SELECT Id, LastName FROM Lead WHERE Company = 'Batch Co' ORDER BY LastName")}`);
    assert.equal(first.totalSize, TOTAL);
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000);
    assert.match(first.nextRecordsUrl, /^\/services\/data\/v60\.0\/query\/01g[0-9A-Za-z]{15}-2000$/);
    const second = await conn.request<Rec>(first.nextRecordsUrl);
    assert.equal(second.records.length, 2000);
    assert.equal(second.records[0].LastName, 'Batch02000');
    const third = await conn.request<Rec>(second.nextRecordsUrl);
    assert.deepEqual([third.records.length, third.done, third.nextRecordsUrl], [500, true, undefined]);
  });

  it("follows locators with jsforce's autoFetch, in order, without gaps", async () => {
    const records: Rec[] = [];
    await new Promise<void>((resolve, reject) => {
      conn
        .query("SELECT Id, LastName FROM Lead WHERE Company = 'Batch Co' ORDER BY LastName")
        .on('record', (r: Rec) => records.push(r))
        .on('end', () => resolve())
        .on('error', reject)
        .run({ autoFetch: true, maxFetch: 10_000 });
    });
    assert.equal(records.length, TOTAL);
    assert.equal(new Set(records.map((r) => r.Id)).size, TOTAL);
    assert.ok(records.every((r, i) => r.LastName === `Batch${String(i).padStart(5, '0')}`));
  });

  it('honours a batch size from Sforce-Query-Options', async () => {
    const res = await conn.request<Rec>({
      method: 'GET',
      url: `/services/data/v60.0/query?q=${encodeURIComponent("SELECT Id FROM Lead WHERE Company = 'Batch Co'")}`,
      headers: { 'Sforce-Query-Options': 'batchSize=500' },
    });
    assert.equal(res.records.length, 500);
  });

  it('an unknown locator is INVALID_QUERY_LOCATOR', async () => {
    await assert.rejects(conn.request('/services/data/v60.0/query/01g000000000000AAA-2000'), (e: Rec) => e.errorCode === 'INVALID_QUERY_LOCATOR');
  });

  it('queryAll sees deleted records; query does not', async () => {
    const { id } = await conn.sobject('Lead').create({ LastName: 'Gone', Company: 'Recycle Co' });
    await conn.sobject('Lead').destroy(id!);
    const live = await conn.query("SELECT Id FROM Lead WHERE Company = 'Recycle Co'");
    assert.equal(live.totalSize, 0);
    const all = await conn.request<Rec>(`/services/data/v60.0/queryAll?q=${encodeURIComponent("SELECT Id, IsDeleted FROM Lead WHERE Company = 'Recycle Co'")}`);
    assert.deepEqual(all.records.map((r: Rec) => [r.Id, r.IsDeleted]), [[id, true]]);
  });

  it('returns parent fields nested and child subqueries as query results', async () => {
    const { id: accountId } = await conn.sobject('Account').create({ Name: 'Parent Co' });
    await conn.sobject('Contact').create([
      { LastName: 'Child One', AccountId: accountId },
      { LastName: 'Child Two', AccountId: accountId },
    ]);
    const contacts = await conn.query<Rec>(`SELECT Name, Account.Name, Account.Owner.Username FROM Contact WHERE AccountId = '${accountId!.slice(0, 15)}' ORDER BY Name`);
    assert.equal(contacts.records[0].Account.Name, 'Parent Co');
    assert.equal(contacts.records[0].Account.Owner.Username, defaultOrgUser('admin').username);
    const accounts = await conn.query<Rec>(`SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Id = '${accountId}'`);
    const children = accounts.records[0].Contacts;
    assert.deepEqual([children.totalSize, children.done, children.records.map((c: Rec) => c.LastName)], [2, true, ['Child One', 'Child Two']]);
  });

  it('answers COUNT() and GROUP BY aggregates', async () => {
    const count = await conn.query("SELECT COUNT() FROM Lead WHERE Company = 'Batch Co'");
    assert.deepEqual([count.totalSize, count.records.length], [TOTAL, 0]);
    const grouped = await conn.query<Rec>("SELECT Company, COUNT(Id) n FROM Lead WHERE Company IN ('Batch Co') GROUP BY Company");
    assert.deepEqual(grouped.records.map((r) => [r.Company, r.n]), [['Batch Co', TOTAL]]);
  });

  it('uses describe casing whatever the query casing', async () => {
    const res = await conn.query<Rec>("select id, lastname, COMPANY from lead where company = 'batch co' limit 1");
    assert.deepEqual(Object.keys(res.records[0]).sort(), ['Company', 'Id', 'LastName', 'attributes']);
  });

  it('gives MALFORMED_QUERY, INVALID_FIELD and INVALID_TYPE with Salesforce messages', async () => {
    await assert.rejects(Promise.resolve(conn.query('SELECT Id FROM')), (e: Rec) => e.errorCode === 'MALFORMED_QUERY');
    await assert.rejects(Promise.resolve(conn.query('SELECT Id, Bogus FROM Lead')), (e: Rec) => e.errorCode === 'INVALID_FIELD' && /No such column 'Bogus' on entity 'Lead'/.test(e.message) && /ERROR at Row:1:Column:12/.test(e.message));
    await assert.rejects(Promise.resolve(conn.query('SELECT Id FROM Nothing__c')), (e: Rec) => e.errorCode === 'INVALID_TYPE' && /sObject type 'Nothing__c' is not supported/.test(e.message));
  });
});
