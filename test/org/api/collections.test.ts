import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { conformanceTarget, type ConformanceTarget } from '../../support/conformanceTarget.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/orgs/api-conformance');

describe('sObject Collections and upsert through jsforce', () => {
  let target: ConformanceTarget;
  let conn: Connection;

  before(async () => {
    target = await conformanceTarget({ metadataDir: FIXTURE, username: 'admin@conformance.local', password: 'conformance-local-1' });
    conn = await target.admin();
  });
  after(() => target.close());

  const invoices = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ Name: `${prefix}-${i}`, External_Id__c: `${prefix}-${i}`, Due_Date__c: '2026-12-31', Amount__c: i }));
  const countOf = async (prefix: string) =>
    (await conn.query(`SELECT COUNT() FROM Invoice__c WHERE Name LIKE '${prefix}-%'`)).totalSize;

  it('creates 200 records in one call, in order', async () => {
    const results = await conn.sobject('Invoice__c').create(invoices(200, 'bulk'));
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r.success && /^a[0-9A-Za-z]{17}$/.test(r.id!)));
    const first = await conn.sobject('Invoice__c').retrieve(results[0].id!);
    assert.equal(first.Name, 'bulk-0');
    assert.equal(first.Status__c, 'Draft');
    assert.equal(first.Paid__c, false);
    assert.equal(await countOf('bulk'), 200);
  });

  it('refuses more than 200 records a call with EXCEEDED_ID_LIMIT', async () => {
    const records = invoices(201, 'over').map((r) => ({ attributes: { type: 'Invoice__c' }, ...r }));
    await assert.rejects(
      conn.request({ method: 'POST', url: '/services/data/v60.0/composite/sobjects', body: JSON.stringify({ records }), headers: { 'content-type': 'application/json' } }),
      (err: { errorCode?: string }) => err.errorCode === 'EXCEEDED_ID_LIMIT',
    );
    assert.equal(await countOf('over'), 0);
  });

  it('with allOrNone, one bad record rolls back the whole call', async () => {
    const records = invoices(5, 'aon');
    (records[3] as Record<string, unknown>).Status__c = 'Overdue';
    const results = await conn.sobject('Invoice__c').create(records, { allOrNone: true });
    assert.equal(results.length, 5);
    assert.ok(results.every((r) => !r.success && r.id === null));
    assert.equal((results[3] as { errors: Array<{ statusCode: string }> }).errors[0].statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    assert.equal((results[0] as { errors: Array<{ statusCode: string }> }).errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(await countOf('aon'), 0, 'nothing is left behind');
  });

  it('without allOrNone, good records are saved and bad ones report their error', async () => {
    const records = invoices(4, 'part');
    delete (records[1] as Record<string, unknown>).Due_Date__c;
    const results = await conn.sobject('Invoice__c').create(records);
    assert.deepEqual(results.map((r) => r.success), [true, false, true, true]);
    const error = (results[1] as { errors: Array<{ statusCode: string; fields: string[]; message: string }> }).errors[0];
    assert.deepEqual([error.statusCode, error.fields], ['REQUIRED_FIELD_MISSING', ['Due_Date__c']]);
    assert.equal(await countOf('part'), 3);
  });

  it('updates, retrieves and deletes many records', async () => {
    const created = await conn.sobject('Invoice__c').create(invoices(3, 'many'));
    const ids = created.map((r) => r.id!);
    const updated = await conn.sobject('Invoice__c').update(ids.map((Id) => ({ Id, Status__c: 'Sent' })));
    assert.ok(updated.every((r) => r.success));
    const fetched = await conn.sobject('Invoice__c').retrieve(ids, { fields: ['Status__c', 'Name'] } as never);
    assert.deepEqual(fetched.map((r) => r!.Status__c), ['Sent', 'Sent', 'Sent']);
    const deleted = await conn.sobject('Invoice__c').destroy(ids);
    assert.ok(deleted.every((r) => r.success));
    assert.equal(await countOf('many'), 0);
    const after = await conn.sobject('Invoice__c').retrieve(ids, { fields: ['Name'] } as never);
    assert.deepEqual(after, [null, null, null], 'deleted records come back as null');
  });

  it('upserts by external id: creates, then updates the match', async () => {
    const first = await conn.sobject('Invoice__c').upsert({ External_Id__c: 'UP-1', Name: 'Up one', Due_Date__c: '2027-01-15' }, 'External_Id__c');
    assert.deepEqual([first.success, (first as { created?: boolean }).created], [true, true]);
    const second = await conn.sobject('Invoice__c').upsert({ External_Id__c: 'UP-1', Amount__c: 99.5 }, 'External_Id__c');
    assert.deepEqual([second.success, (second as { created?: boolean }).created, second.id], [true, false, first.id]);
    const record = await conn.sobject('Invoice__c').retrieve(first.id!);
    assert.deepEqual([record.Name, record.Amount__c], ['Up one', 99.5]);
  });

  it('upserts many through the collection endpoint', async () => {
    await conn.sobject('Invoice__c').create({ Name: 'pre', External_Id__c: 'COL-1', Due_Date__c: '2027-02-01' });
    const results = await conn.sobject('Invoice__c').upsert(
      [
        { External_Id__c: 'COL-1', Amount__c: 10 },
        { External_Id__c: 'COL-2', Name: 'new', Due_Date__c: '2027-02-01' },
      ],
      'External_Id__c',
    );
    assert.deepEqual(results.map((r) => [r.success, (r as { created?: boolean }).created]), [
      [true, false],
      [true, true],
    ]);
  });

  it('links a parent by its external id', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Keyed', Account_Key__c: 'K-42' });
    const invoice = await conn.sobject('Invoice__c').create({ Name: 'linked', Due_Date__c: '2027-03-01', Account__r: { Account_Key__c: 'K-42' } });
    const record = await conn.sobject('Invoice__c').retrieve(invoice.id!);
    assert.equal(record.Account__c, account.id);
  });

  it('deletes master-detail children with their master', async () => {
    const { id: invoiceId } = await conn.sobject('Invoice__c').create({ Name: 'master', Due_Date__c: '2027-04-01' });
    const lines = await conn.sobject('Invoice_Line__c').create([
      { Name: 'line 1', Invoice__c: invoiceId },
      { Name: 'line 2', Invoice__c: invoiceId },
    ]);
    assert.ok(lines.every((l) => l.success));
    const withLines = await conn.query<{ Lines: { totalSize: number } }>(`SELECT Id, (SELECT Id FROM Lines__r) FROM Invoice__c WHERE Id = '${invoiceId}'`);
    assert.equal((withLines.records[0] as unknown as { Lines__r: { totalSize: number } }).Lines__r.totalSize, 2);
    await conn.sobject('Invoice__c').destroy(invoiceId!);
    const left = await conn.query(`SELECT COUNT() FROM Invoice_Line__c WHERE Invoice__c = '${invoiceId}'`);
    assert.equal(left.totalSize, 0);
  });

  it('refuses a duplicate value in a unique field', async () => {
    await conn.sobject('Invoice__c').create({ Name: 'u1', External_Id__c: 'UNIQ-1', Due_Date__c: '2027-01-01' });
    await assert.rejects(
      conn.sobject('Invoice__c').create({ Name: 'u2', External_Id__c: 'UNIQ-1', Due_Date__c: '2027-01-01' }),
      (err: { errorCode?: string }) => err.errorCode === 'DUPLICATE_VALUE',
    );
  });
});
