import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { RecordFactory } from '../../../fixtures/data/RecordFactory.ts';
import { assertScenarioAllowed, writeModeFor } from '../../../src/harness/guard/productionGuard.ts';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/** The production guard against a local org that reports Organization.IsSandbox = false. */
describe('the production guard', () => {
  let production: TestOrg;
  let sandbox: TestOrg;
  let prodConn: Connection;
  let sandboxConn: Connection;

  before(async () => {
    const admin = defaultOrgUser('admin');
    [production, sandbox] = await Promise.all([startTestOrg({ isSandbox: false }), startTestOrg({ isSandbox: true })]);
    prodConn = await production.login(admin.username, admin.password);
    sandboxConn = await sandbox.login(admin.username, admin.password);
  });
  after(async () => {
    await production.close();
    await sandbox.close();
  });

  const leadCount = async (conn: Connection) => (await conn.query('SELECT count() FROM Lead')).totalSize;

  it('refuses a non-sandbox org without the override, with one line saying what to do', async () => {
    await assert.rejects(writeModeFor(prodConn, {}), (err: Error) => {
      assert.match(err.message, /^refusing to run against production org 00D\w{12} \(http:\/\/127\.0\.0\.1:\d+\): Organization\.IsSandbox is false\./);
      assert.match(err.message, /GOLIVE_ALLOW_PRODUCTION=read-only/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
    await assert.rejects(RecordFactory.open(prodConn, { runId: '20261122T1200-produc', seed: 1, ledgerDir: false, env: {} }), /refusing to run against production org/);
    await assert.rejects(writeModeFor(prodConn, { GOLIVE_ALLOW_PRODUCTION: 'yes' }), /the only accepted value is 'read-only'/);
  });

  it('with GOLIVE_ALLOW_PRODUCTION=read-only, allows only @readonly scenarios and refuses every create', async () => {
    const env = { GOLIVE_ALLOW_PRODUCTION: 'read-only' };
    assert.equal(await writeModeFor(prodConn, env), 'read-only');
    assert.doesNotThrow(() => assertScenarioAllowed('read-only', ['@readonly', '@sales'], 'list view shows open leads'));
    assert.throws(() => assertScenarioAllowed('read-only', ['@sales'], 'convert a lead'), /'convert a lead' is not tagged @readonly/);

    const before = await leadCount(prodConn);
    const records = await RecordFactory.open(prodConn, { runId: '20261122T1201-produc', seed: 1, ledgerDir: false, env });
    await assert.rejects(records.lead(), /^ProductionGuardError: refusing to create Lead records: this is a production org opened with GOLIVE_ALLOW_PRODUCTION=read-only/);
    await assert.rejects(records.accounts(3), /refusing to create Account records/);
    assert.equal(await leadCount(prodConn), before, 'nothing was written');
  });

  it('lets a sandbox be written, override or not', async () => {
    assert.equal(await writeModeFor(sandboxConn, {}), 'read-write');
    assert.equal(await writeModeFor(sandboxConn, { GOLIVE_ALLOW_PRODUCTION: 'read-only' }), 'read-write');
    assert.doesNotThrow(() => assertScenarioAllowed('read-write', [], 'anything'));
    const records = await RecordFactory.open(sandboxConn, { runId: '20261122T1202-sandbx', seed: 1, ledgerDir: false, env: {} });
    await records.lead();
    await records.cleanup();
  });
});
