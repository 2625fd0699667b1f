import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readLedger } from '../../../src/harness/ledger/Ledger.ts';
import { sweepLeftoverLedgers } from '../../../src/harness/sweep/sweepLedgers.ts';
import { sweepAfterRun } from '../../../src/harness/sweep/runSweeps.ts';
import { RecordFactory } from '../../../fixtures/data/RecordFactory.ts';
import { defaultOrgUser } from '../../support/testOrg.ts';
import { adminOnDefaultOrg } from './support/adminOnDefaultOrg.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** A run killed with SIGKILL leaves its ledger; the next run's leftover sweep deletes its records. */
describe('a killed run', () => {
  const env = adminOnDefaultOrg('golive-killed-');

  it('is swept by the next run, flow tasks included', async () => {
    const admin = defaultOrgUser('admin');
    const runId = '20261122T0900-killed';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(HERE, 'support/createThenHang.ts'), env.org.url, admin.username, admin.password, env.ledgerDir, runId],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let stdout = '';
    const created = await new Promise<{ account: string; leads: string[]; opportunity: string }>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        const line = stdout.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.on('exit', (code) => reject(new Error(`the child exited (${code}) before creating records: ${stderr}`)));
    });
    child.kill('SIGKILL');
    const [, signal] = await once(child, 'exit');
    assert.equal(signal, 'SIGKILL');

    const file = path.join(env.ledgerDir, `${runId}.jsonl`);
    assert.equal(readLedger(file).length, 1 + 5 + 1, 'the ledger survived the kill with every created record');
    const hotTasks = await env.conn.query(`SELECT Id FROM Task WHERE WhoId IN (${created.leads.map((id) => `'${id}'`).join(',')})`);
    assert.equal(hotTasks.totalSize, 5);

    const sweeps = await sweepLeftoverLedgers(env.conn, { dir: env.ledgerDir, currentRunId: '20261122T1000-nextrn' });
    assert.equal(sweeps.length, 1);
    assert.equal(sweeps[0].skipped, undefined);
    assert.deepEqual(sweeps[0].failures, []);
    assert.equal(sweeps[0].deleted, 1 + 5 + 1 + 5);
    assert.equal(sweeps[0].removed, true);
    assert.equal(fs.existsSync(file), false);

    const ids = [created.account, created.opportunity, ...created.leads].map((id) => `'${id}'`).join(',');
    for (const object of ['Account', 'Lead', 'Opportunity']) {
      assert.equal((await env.conn.query(`SELECT Id FROM ${object} WHERE Id IN (${ids})`)).totalSize, 0, object);
    }
    assert.equal((await env.conn.query(`SELECT Id FROM Task WHERE WhoId IN (${created.leads.map((id) => `'${id}'`).join(',')})`)).totalSize, 0);
  });

  it("the run's teardown sweeps what its tests left, once", async () => {
    const runId = '20261122T1005-teardn';
    const records = await RecordFactory.open(env.conn, { runId, seed: 8, ledgerDir: env.ledgerDir });
    const leads = await records.leads(4, { LeadSource: 'Other', Rating: 'Cold' });
    records.close();
    const lines: string[] = [];
    await sweepAfterRun(env.conn, runId, { dir: env.ledgerDir, log: (l) => lines.push(l) });
    assert.deepEqual(lines, [`golive: teardown deleted 4 record(s) of run ${runId} that tests left`]);
    assert.equal((await env.conn.query(`SELECT Id FROM Lead WHERE Id IN (${leads.map((l) => `'${l.Id}'`).join(',')})`)).totalSize, 0);
    assert.equal(fs.existsSync(path.join(env.ledgerDir, `${runId}.jsonl`)), false);
    // Nothing of this run left: the teardown is a no-op the second time.
    await sweepAfterRun(env.conn, runId, { dir: env.ledgerDir, log: (l) => lines.push(l) });
    assert.equal(lines.length, 1);
  });

  it('leaves ledgers of another org, of another database of this org, and of a run still alive here', async () => {
    const foreign = path.join(env.ledgerDir, '20261122T0800-foreig.jsonl');
    const line = { v: 1, runId: '20261122T0800-foreig', object: 'Lead', id: '00Q000000000001AAA', orgId: '00D000000000999', orgCreated: '2025-01-01T00:00:00.000+0000', instanceUrl: 'https://x.example.com', at: new Date().toISOString(), host: os.hostname(), pid: 999999 };
    fs.writeFileSync(foreign, JSON.stringify(line) + '\n');
    const me = (await env.conn.query<{ Id: string; CreatedDate: string }>('SELECT Id, CreatedDate FROM Organization')).records[0];
    const orgId = me.Id.slice(0, 15);
    const alive = path.join(env.ledgerDir, '20261122T0801-alivex.jsonl');
    // process.ppid: the test runner, a live process other than this one.
    fs.writeFileSync(alive, JSON.stringify({ ...line, runId: '20261122T0801-alivex', orgId, orgCreated: me.CreatedDate, instanceUrl: env.org.url, pid: process.ppid }) + '\n');
    // Same org id, another database (a local org started afresh): its ids mean other records here.
    const earlierDb = path.join(env.ledgerDir, '20261122T0802-olddbx.jsonl');
    fs.writeFileSync(earlierDb, JSON.stringify({ ...line, runId: '20261122T0802-olddbx', orgId, orgCreated: '2026-01-01T00:00:00.000+0000', instanceUrl: env.org.url }) + '\n');

    const sweeps = await sweepLeftoverLedgers(env.conn, { dir: env.ledgerDir });
    assert.match(sweeps.find((s) => s.runId === '20261122T0800-foreig')?.skipped ?? '', /written for org 00D000000000999/);
    assert.match(sweeps.find((s) => s.runId === '20261122T0801-alivex')?.skipped ?? '', /still in progress/);
    assert.match(sweeps.find((s) => s.runId === '20261122T0802-olddbx')?.skipped ?? '', /another incarnation of org 00D\w{12} \(created 2026-01-01/);
    assert.ok(fs.existsSync(foreign) && fs.existsSync(alive) && fs.existsSync(earlierDb));
  });
});
