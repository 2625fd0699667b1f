import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { makeProject, removeProjects } from '../metadata/sfdxProject.ts';
import { duplicateRuleFile, matchingRulesFile } from './duplicateFixture.ts';

/**
 * The REST DuplicateRuleHeader (`Sforce-Duplicate-Rule-Header`) through jsforce, against an
 * org whose lead rule is Allow with Alert: refused without the header, saved with allowSave=true.
 */

let org: TestOrg;
const ADMIN = { username: 'admin@test.local', password: 'pw-local-1' };

async function connect(version = '60.0'): Promise<Connection> {
  return org.login(ADMIN.username, ADMIN.password, version);
}

async function createError(conn: Connection, record: Record<string, unknown>, headers?: Record<string, string>): Promise<{ errorCode: string; data: { duplicateResult: { allowSave: boolean; matchResults: Array<{ matchRecords: Array<{ record: Record<string, unknown> }> }> } } }> {
  try {
    await conn.sobject('Lead').create(record, headers ? { headers } : {});
  } catch (err) {
    return err as never;
  }
  assert.fail('the duplicate was saved');
}

describe('Sforce-Duplicate-Rule-Header', () => {
  before(async () => {
    const dir = makeProject({
      'golive/users.json': JSON.stringify({ orgName: 'Header Org', defaultPassword: ADMIN.password, users: [{ username: ADMIN.username, lastName: 'Admin', email: ADMIN.username, profile: 'System Administrator' }] }),
      ...matchingRulesFile('Lead', [{ name: 'Lead_Email', items: [{ field: 'Email', method: 'Exact' }] }]),
      ...duplicateRuleFile({ name: 'Alert_On_Dupes', onInsert: 'Allow', operationsOnInsert: ['Alert'], matchRules: [{ object: 'Lead', rule: 'Lead_Email' }] }),
    });
    org = await startTestOrg({ metadataDir: dir, connectedApps: [] });
  });
  after(async () => {
    await org?.close();
    removeProjects();
  });

  it('refuses an alerting duplicate without the header, with allowSave true in the result', async () => {
    const conn = await connect();
    await conn.sobject('Lead').create({ LastName: 'First', Company: 'Co', Email: 'alert@x.example' });
    const err = await createError(conn, { LastName: 'Second', Company: 'Co', Email: 'alert@x.example' });
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
    assert.equal(err.data.duplicateResult.allowSave, true);
  });

  it('saves it with allowSave=true, and returns record details when asked', async () => {
    const conn = await connect();
    const err = await createError(conn, { LastName: 'Third', Company: 'Co', Email: 'alert@x.example' }, { 'Sforce-Duplicate-Rule-Header': 'allowSave=false; includeRecordDetails=true' });
    assert.equal(err.data.duplicateResult.matchResults[0].matchRecords[0].record.LastName, 'First');
    const res = await conn.sobject('Lead').create({ LastName: 'Fourth', Company: 'Co', Email: 'alert@x.example' }, { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } });
    assert.equal(res.success, true);
  });

  it('ignores the header before API version 52.0, which introduced it', async () => {
    const conn = await connect('51.0');
    const err = await createError(conn, { LastName: 'Fifth', Company: 'Co', Email: 'alert@x.example' }, { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' });
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
  });
});
