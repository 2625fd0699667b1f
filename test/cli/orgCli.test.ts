import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GOLIVE = path.join(ROOT, 'bin/golive.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function golive(args: string[]) {
  const res = spawnSync(process.execPath, [GOLIVE, ...args], { cwd: tmp, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const children: Array<ReturnType<typeof spawn>> = [];
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `golive org start` and resolves once it has printed its whole banner. */
function startOrg(args: string[]): Promise<{ url: string; child: ReturnType<typeof spawn>; output: () => string }> {
  const child = spawn(process.execPath, [GOLIVE, 'org', 'start', ...args], { cwd: tmp });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`golive org start printed no banner within 60 s: ${out}`));
    }, 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m && out.includes('Stop with Ctrl+C.')) {
        clearTimeout(timer);
        resolve({ url: m[1], child, output: () => out });
      }
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`golive org start exited ${code}: ${out}`));
    });
  });
}

describe('golive org (CLI)', () => {
  it('starts on 127.0.0.1, answers the API, and stops cleanly on SIGTERM', async () => {
    const db = path.join(tmp, 'start.sqlite');
    const { url, child, output } = await startOrg(['--port', '0', '--db', db]);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(output(), /admin@golive\.local/);
    assert.doesNotMatch(output(), /golive-local|password:/i, 'no password is printed');
    const versions = await fetch(`${url}/services/data`).then((r) => r.json());
    assert.ok(Array.isArray(versions));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(fs.existsSync(db), 'the database file stays');
  });

  it('lists the seeded users, one JSON object a line', () => {
    const res = golive(['org', 'users', '--json']);
    assert.equal(res.code, 0, res.stderr);
    const users = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const admin = users.find((u) => u.persona === 'admin');
    assert.equal(admin.profile, 'System Administrator');
    assert.match(admin.id, /^005/);
    const junior = users.find((u) => u.persona === 'junior-rep');
    assert.ok(junior.manager, 'the junior rep reports to a manager');
    assert.ok(users.every((u) => !('password' in u)));
  });

  it('reset starts the database over from the metadata', async () => {
    const db = path.join(tmp, 'reset.sqlite');
    const first = golive(['org', 'reset', '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /\d+ User/);
    assert.ok(fs.existsSync(db));
  });

  it('an unknown option or command is a one-line usage error, exit 2', () => {
    const bad = golive(['org', 'start', '--prot', '1']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr.trim(), /^golive: .*--prot.*golive org --help/);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.equal(golive(['orgs']).code, 2);
    assert.equal(golive(['org', 'start', '--port', 'abc']).code, 2);
  });

  it('a database file that is not SQLite stops the start with exit 4, naming the file', () => {
    const db = path.join(tmp, 'garbage.sqlite');
    fs.writeFileSync(db, 'this is not a database, just text that is long enough to look like a header. '.repeat(20));
    const res = golive(['org', 'start', '--db', db, '--port', '0']);
    assert.equal(res.code, 4);
    assert.match(res.stderr, /garbage\.sqlite/);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  });

  it('invalid metadata XML stops the start with exit 3, naming the file and the line', () => {
    const project = path.join(tmp, 'broken');
    const fields = path.join(project, 'force-app/main/default/objects/Lead/fields');
    fs.mkdirSync(fields, { recursive: true });
    fs.writeFileSync(path.join(project, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
    fs.writeFileSync(path.join(fields, 'Broken__c.field-meta.xml'), '<?xml version="1.0"?>\n<CustomField>\n  <label>Broken\n</CustomField>\n');
    const res = golive(['org', 'start', '--metadata', project, '--port', '0', '--db', ':memory:']);
    assert.equal(res.code, 3);
    assert.match(res.stderr, /Broken__c\.field-meta\.xml/);
    assert.match(res.stderr, /line \d+/);
  });

  it('metadata it cannot emulate is listed loudly, and --strict refuses to start', () => {
    const project = path.join(tmp, 'flows');
    fs.mkdirSync(path.join(project, 'force-app/main/default/flows'), { recursive: true });
    fs.writeFileSync(path.join(project, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
    fs.writeFileSync(
      path.join(project, 'force-app/main/default/flows/Hot_Lead.flow-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><status>Active</status></Flow>\n',
    );
    const res = golive(['org', 'start', '--metadata', project, '--port', '0', '--db', ':memory:', '--strict']);
    assert.equal(res.code, 3);
    assert.match(res.stderr, /WARNING: \d+ metadata element/);
    assert.match(res.stderr, /Hot_Lead\.flow-meta\.xml/);
  });

  it('a port already in use is exit 5 with what to do', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const res = golive(['org', 'start', '--port', String(port), '--db', ':memory:']);
      assert.equal(res.code, 5);
      assert.match(res.stderr, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
