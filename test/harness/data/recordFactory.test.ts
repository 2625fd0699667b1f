import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RecordFactory } from '../../../fixtures/data/RecordFactory.ts';
import { readLedger } from '../../../src/harness/ledger/Ledger.ts';
import { adminOnDefaultOrg } from './support/adminOnDefaultOrg.ts';

/** The record factory against the default local org, through the real jsforce over HTTP. */
describe('RecordFactory', () => {
  const env = adminOnDefaultOrg('golive-ledger-');

  const open = (runId: string, seed: number) => RecordFactory.open(env.conn, { runId, seed, ledgerDir: env.ledgerDir });

  it('creates valid records of every type, in batches over 200, with the run tag and ledger lines', async () => {
    const records = await open('20261122T1000-batchs', 11);
    const account = await records.account();
    const leads = await records.leads(230);
    const contacts = await records.contacts(3, { AccountId: account.Id });
    const opportunity = await records.opportunity({ AccountId: account.Id, StageName: 'Proposal/Price Quote' });
    const task = await records.task({ WhatId: opportunity.Id });

    assert.equal(leads.length, 230);
    assert.equal(new Set(leads.map((l) => l.Id)).size, 230);
    const stored = await env.conn.query<{ Id: string; Description: string; Phone: string; Email: string; Status: string }>(
      `SELECT Id, Description, Phone, Email, Status FROM Lead WHERE Id IN (${leads.slice(0, 50).map((l) => `'${l.Id}'`).join(',')})`,
    );
    assert.equal(stored.totalSize, 50);
    for (const lead of stored.records) {
      assert.ok(lead.Description.startsWith('[golive:20261122T1000-batchs] '), lead.Description);
      assert.match(lead.Phone, /^\(\d{3}\) 555-01\d{2}$/);
      assert.match(lead.Email, /@example\.com$/);
      assert.equal(lead.Status, 'Open - Not Contacted');
    }
    const contact = await env.conn.sobject('Contact').retrieve(contacts[0].Id);
    assert.equal((contact as { AccountId: string }).AccountId.slice(0, 15), account.Id.slice(0, 15));
    const opp = (await env.conn.sobject('Opportunity').retrieve(opportunity.Id)) as { StageName: string; Amount: number };
    assert.equal(opp.StageName, 'Proposal/Price Quote');
    assert.ok(opp.Amount > 0);
    assert.ok(task.Id.startsWith('00T'));

    const ledger = readLedger(path.join(env.ledgerDir, '20261122T1000-batchs.jsonl'));
    assert.equal(ledger.length, 1 + 230 + 3 + 1 + 1);
    assert.deepEqual(new Set(ledger.map((e) => e.object)), new Set(['Account', 'Lead', 'Contact', 'Opportunity', 'Task']));

    const result = await records.cleanup();
    assert.equal(result.failures.length, 0);
    const left = await env.conn.query(`SELECT Id FROM Lead WHERE Id IN ('${leads[0].Id}', '${leads[229].Id}')`);
    assert.equal(left.totalSize, 0);
    records.close();
  });

  it('gives the same data for the same seed, and run-specific tags and emails across runs', async () => {
    const first = await open('20261122T1001-seedaa', 4242);
    const second = await open('20261122T1002-seedbb', 4242);
    const a = await first.build('Lead');
    const b = await second.build('Lead');
    const stable = ({ Email, Description, ...rest }: Record<string, unknown>) => ({
      ...rest,
      emailName: String(Email).split('.').slice(0, 2).join('.'),
      text: String(Description).replace(/^\[golive:[^\]]+\] /, ''),
    });
    assert.deepEqual(stable(a), stable(b));
    assert.notEqual(a.Email, b.Email);
    assert.notEqual(a.Description, b.Description);

    const other = await open('20261122T1001-seedaa', 4243);
    assert.notDeepEqual(stable(await other.build('Lead')), stable(a));

    // Two runs' leads with the same seed both save: the duplicate rule (same email) never fires.
    const [x, y] = [await first.lead(), await second.lead()];
    assert.notEqual(x.Email, y.Email);
    await first.cleanup();
    await second.cleanup();
  });

  it('uses org picklist values and accepts overrides by API name', async () => {
    const records = await open('20261122T1003-pickls', 7);
    const regions = new Set<string>();
    const leads = await records.leads(20, (i) => ({ Region__c: i === 0 ? 'Central' : undefined, Company: i === 1 ? 'Acme Corp' : undefined }));
    for (const lead of leads) regions.add(String(lead.Region__c));
    assert.ok([...regions].every((r) => ['East', 'West', 'Central'].includes(r)), [...regions].join());
    assert.equal(leads[0].Region__c, 'Central');
    assert.equal(leads[1].Company, 'Acme Corp');
    await assert.rejects(records.lead({ Region__c: 'North' }), /could not create 1 of 1 Lead record\(s\); first error: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/);
    await records.cleanup();
  });
});
