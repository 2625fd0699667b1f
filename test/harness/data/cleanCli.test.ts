import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GOLIVE = path.join(ROOT, 'bin/golive.mjs');
const HERE = import.meta.dirname;

/** `golive clean` against a running local org, with the ledgers a run left. */
describe('golive clean', () => {
  let org: TestOrg;
  let conn: Connection;
  let tmp: string;

  before(async () => {
    org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-clean-'));
  });
  after(async () => {
    await org.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  // Asynchronous: the org answers from this process while the command runs.
  function golive(args: string[]) {
    return node([GOLIVE, ...args]);
  }
  function node(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env = { ...process.env, GOLIVE_LOCAL_ORG_URL: org.url, GOLIVE_LEDGER_DIR: path.join(tmp, 'ledger') };
    // The command runs from a scratch folder (no .env there); tsx is resolved from the repository.
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), ...args], { cwd: tmp, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('lists with --dry-run without deleting, then deletes and removes the ledger', async () => {
    // An earlier run, finished without its teardown: its ledger stays behind.
    const admin = defaultOrgUser('admin');
    const run = await node([path.join(HERE, 'support/createThenHang.ts'), org.url, admin.username, admin.password, path.join(tmp, 'ledger'), '20261122T0700-leftov', 'exit']);
    assert.equal(run.code, 0, run.stderr);
    const created = JSON.parse(run.stdout) as { account: string; leads: string[]; opportunity: string };
    const ids = [created.account, created.opportunity, ...created.leads];
    const inList = ids.map((id) => `'${id}'`).join(',');
    const count = async () =>
      (await conn.query(`SELECT Id FROM Lead WHERE Id IN (${inList})`)).totalSize +
      (await conn.query(`SELECT Id FROM Account WHERE Id IN (${inList})`)).totalSize +
      (await conn.query(`SELECT Id FROM Opportunity WHERE Id IN (${inList})`)).totalSize +
      (await conn.query(`SELECT Id FROM Task WHERE WhoId IN (${inList})`)).totalSize;
    assert.equal(await count(), 1 + 5 + 1 + 5);

    const dry = await golive(['clean', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^run 20261122T0700-leftov: would delete 12 record\(s\)$/m);
    for (const id of ids) assert.ok(dry.stdout.includes(id), `the dry run lists ${id}`);
    assert.match(dry.stdout, /^ {2}Account \(1\): /m);
    assert.match(dry.stdout, /^ {2}Task \(5\): /m, 'the flow tasks of the hot leads are listed');
    assert.equal(await count(), 12, 'the dry run deleted nothing');
    assert.ok(fs.existsSync(path.join(tmp, 'ledger/20261122T0700-leftov.jsonl')));

    const real = await golive(['clean']);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /^run 20261122T0700-leftov: deleted 12 record\(s\), ledger removed$/m);
    assert.equal(await count(), 0);
    assert.equal(fs.existsSync(path.join(tmp, 'ledger/20261122T0700-leftov.jsonl')), false);

    const again = await golive(['clean']);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /no ledgers in .*; nothing to clean\./);
  });

  it('says in one line when the target cannot be logged in to', async () => {
    fs.mkdirSync(path.join(tmp, 'ledger'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'ledger/20261122T0600-nologn.jsonl'), '');
    // The org's users as .env says they are (GOLIVE_ORG_METADATA), with a password the org does not know.
    const users = JSON.parse(fs.readFileSync(path.join(ROOT, 'orgs/default/golive/users.json'), 'utf8')) as { defaultPassword: string; users: Array<{ password?: string }> };
    users.defaultPassword = 'wrong-password';
    for (const user of users.users) delete user.password;
    fs.mkdirSync(path.join(tmp, 'metadata/golive'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'metadata/golive/users.json'), JSON.stringify(users));
    const child = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [GOLIVE, 'clean'], {
        cwd: tmp,
        env: { ...process.env, GOLIVE_LOCAL_ORG_URL: org.url, GOLIVE_LEDGER_DIR: path.join(tmp, 'ledger'), GOLIVE_ORG_METADATA: path.join(tmp, 'metadata') },
      });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => resolve({ code, stderr }));
    });
    assert.equal(child.code, 6);
    assert.match(child.stderr.trim(), /^golive: could not log in to http:\/\/127\.0\.0\.1:\d+ as 'admin@golive\.local': invalid_grant: authentication failure\./);
    assert.doesNotMatch(child.stderr, /wrong-password/);
    assert.equal(child.stderr.trim().split('\n').length, 1);
  });
});
