import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Ledger, listLedgers, readLedger } from '../../../src/harness/ledger/Ledger.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-ledger-unit-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const target = { orgId: '00D5g0000000001EAA', instanceUrl: 'http://127.0.0.1:1', createdDate: '2026-11-22T10:00:00.000+0000' };

describe('the ledger file', () => {
  it('appends one line per record, readable while the writer still has it open', () => {
    const ledger = new Ledger(dir, '20261122T1000-append', target);
    ledger.append([{ object: 'Lead', id: '00Q5g0000000001EAA' }]);
    ledger.append([
      { object: 'Account', id: '0015g0000000001EAA' },
      { object: 'Task', id: '00T5g0000000001EAA' },
    ]);
    const entries = readLedger(ledger.file);
    ledger.close();
    assert.deepEqual(entries.map((e) => `${e.object} ${e.id}`), ['Lead 00Q5g0000000001EAA', 'Account 0015g0000000001EAA', 'Task 00T5g0000000001EAA']);
    assert.equal(entries[0].orgId, '00D5g0000000001');
    assert.equal(entries[0].orgCreated, target.createdDate);
    assert.equal(entries[0].pid, process.pid);
    assert.equal(fs.statSync(ledger.file).mode & 0o777, 0o600);
  });

  it('skips a last line cut short by a kill, and refuses a damaged line in the middle', () => {
    const file = path.join(dir, '20261122T1001-cutoff.jsonl');
    const line = JSON.stringify({ v: 1, runId: 'x', object: 'Lead', id: '00Q5g0000000001EAA', orgId: '00D5g0000000001', orgCreated: 'd', instanceUrl: 'u', at: 't', host: 'h', pid: 1 });
    fs.writeFileSync(file, `${line}\n{"v":1,"runId":"x","obj`);
    assert.equal(readLedger(file).length, 1);
    fs.writeFileSync(file, `${line}\nnot json\n${line}\n`);
    assert.throws(() => readLedger(file), /line 2 is not JSON; fix or delete the file after checking the org by hand\./);
  });

  it('lists ledgers oldest run first', () => {
    assert.deepEqual(listLedgers(dir).map((l) => l.runId), ['20261122T1000-append', '20261122T1001-cutoff']);
    assert.deepEqual(listLedgers(path.join(dir, 'missing')), []);
  });
});
