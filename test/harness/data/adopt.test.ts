import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { RecordFactory } from '../../../fixtures/data/RecordFactory.ts';
import { readLedger } from '../../../src/harness/ledger/Ledger.ts';
import { adminOnDefaultOrg } from './support/adminOnDefaultOrg.ts';

/**
 * records.adopt: a record a scenario saved through the UI is cleaned up like the factory's own.
 * Against the default local org, through the real jsforce over HTTP.
 */
describe('RecordFactory.adopt', () => {
  const env = adminOnDefaultOrg('golive-adopt-');

  const exists = async (object: string, id: string) => (await env.conn.query(`SELECT Id FROM ${object} WHERE Id = '${id}'`)).totalSize === 1;

  it('writes an adopted record to the ledger once and deletes it, with its conversion, at clean-up', async () => {
    const records = await RecordFactory.open(env.conn, { runId: '20261122T1300-adopts', seed: 5, ledgerDir: env.ledgerDir });
    // Made outside the factory, as a save in the New Lead dialog would make it.
    const made = await env.conn.sobject('Lead').create({ LastName: 'Adopted', Company: 'Adopt Co', LeadSource: 'Phone Inquiry' });
    assert.ok(made.success);
    const ref = records.adopt('Lead', made.id);
    records.adopt('Lead', made.id.slice(0, 15));
    assert.deepEqual(ref, { object: 'Lead', id: made.id });
    assert.deepEqual(records.created(), [{ object: 'Lead', id: made.id }]);
    const ledger = readLedger(path.join(env.ledgerDir, '20261122T1300-adopts.jsonl'));
    assert.deepEqual(ledger.map((e) => [e.object, e.id]), [['Lead', made.id]]);

    const conversion = await env.conn.soap.convertLead({ leadId: made.id, convertedStatus: 'Closed - Converted' });
    assert.equal(conversion.success, true, JSON.stringify(conversion.errors));

    const result = await records.cleanup();
    records.close();
    assert.equal(result.failures.length, 0);
    assert.equal(await exists('Lead', made.id), false);
    assert.equal(await exists('Account', conversion.accountId!), false);
    assert.equal(await exists('Contact', conversion.contactId!), false);
    assert.equal(await exists('Opportunity', conversion.opportunityId!), false);
  });

  it('refuses what is not a record reference, in one line naming the call', async () => {
    const records = await RecordFactory.open(env.conn, { runId: '20261122T1300-adoptx', seed: 5, ledgerDir: false });
    assert.throws(() => records.adopt('Lead', "00Q' OR Id != '"), /^Error: records\.adopt\('Lead', .*\): give an sObject name and a 15- or 18-character record id\.$/);
    assert.throws(() => records.adopt('Lead; DELETE', '00Q000000000001AAA'), /give an sObject name/);
    assert.deepEqual(records.created(), []);
  });
});
