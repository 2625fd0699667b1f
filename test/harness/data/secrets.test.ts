import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from '@playwright/test';
import type { Connection } from 'jsforce';
import { CHROMIUM_ARGS, findChromium } from '../../../src/browser/findChromium.ts';
import { scrubAndScanReports, SecretsLeftError } from '../../../src/harness/secrets/afterRun.ts';
import SecretScrubReporter from '../../../src/harness/secrets/SecretScrubReporter.ts';
import { scanForSecrets } from '../../../src/harness/secrets/reportScrubber.ts';
import { SecretRegistry } from '../../../src/harness/secrets/SecretRegistry.ts';
import { readZip, writeZip } from '../../../src/harness/secrets/zipArchive.ts';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

const GOLIVE = path.resolve(import.meta.dirname, '../../../bin/golive.mjs');

/**
 * Secrets in reports: a real session id of a real login, planted in a text file, in a real
 * Playwright trace (its network log records the Authorization header), in the HTML report's
 * embedded ZIP and in a file name. The scan finds each without printing it; scrubbing removes them.
 */
describe('secret scrubbing and scan', () => {
  let org: TestOrg;
  let conn: Connection;
  let tmp: string;
  let reports: string;
  let secretsDir: string;
  const runId = '20261122T1300-secret';
  const admin = defaultOrgUser('admin');

  before(async () => {
    org = await startTestOrg();
    conn = await org.login(admin.username, admin.password);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-secrets-'));
    reports = path.join(tmp, 'reports');
    secretsDir = path.join(tmp, 'secrets');
    fs.mkdirSync(path.join(reports, 'traces'), { recursive: true });

    const registry = SecretRegistry.forRun(runId, secretsDir);
    registry.add('password', admin.password);
    registry.addConnection(conn);

    const token = conn.accessToken!;
    fs.writeFileSync(
      path.join(reports, 'error-context.md'),
      `Login failed.\nAuthorization: Bearer ${token}\nRetry: ${org.url}/secur/frontdoor.jsp?sid=${encodeURIComponent(token)}\n`,
    );
    fs.writeFileSync(path.join(reports, `stdout-${admin.password}.txt`), 'nothing secret inside\n');

    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
    try {
      const context = await browser.newContext();
      await context.tracing.start({ snapshots: true, screenshots: false });
      const page = await context.newPage();
      // The session bridged into the UI, as a harness does: the sid lands in the network log.
      await page.goto(`${org.url}/secur/frontdoor.jsp?sid=${encodeURIComponent(token)}`);
      await page.setExtraHTTPHeaders({ Authorization: `Bearer ${token}` });
      const res = await page.goto(`${org.url}/services/data/v60.0/limits`);
      assert.equal(res?.status(), 200);
      await context.tracing.stop({ path: path.join(reports, 'traces/trace.zip') });
      await context.close();
    } finally {
      await browser.close();
    }

    const reportData = writeZip([{ name: 'report.json', data: Buffer.from(JSON.stringify({ stdout: `session ${token}` })), time: 0, date: 33 }]);
    fs.writeFileSync(path.join(reports, 'index.html'), `<html><script id="playwrightReportBase64" type="application/zip">data:application/zip;base64,${reportData.toString('base64')}</script></html>`);
  });
  after(async () => {
    await org.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function golive(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, [GOLIVE, ...args], { cwd: tmp, env: { ...process.env, GOLIVE_SECRETS_DIR: secretsDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('finds the planted token in the text file, inside the trace zip, in the HTML report and in a file name', async () => {
    const secrets = SecretRegistry.forRun(runId, secretsDir).all();
    const findings = scanForSecrets(reports, secrets);
    const lines = findings.map((f) => `${f.file}: ${f.kind}`);
    assert.ok(lines.includes('error-context.md: access token'), lines.join('\n'));
    assert.ok(lines.some((l) => /^traces\/trace\.zip!\S+: access token$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^index\.html\(embedded zip\)!report\.json: access token$/.test(l)), lines.join('\n'));
    assert.ok(lines.includes('stdout-REDACTED.txt (name): password'), lines.join('\n'));

    const cli = await golive(['scan-secrets', 'reports']);
    assert.equal(cli.code, 7);
    assert.match(cli.stderr, /^reports\/error-context\.md: access token$/m);
    assert.match(cli.stderr, /^golive: \d+ secret\(s\) found in reports/m);
    for (const secret of [conn.accessToken!, encodeURIComponent(conn.accessToken!), admin.password]) {
      assert.ok(!cli.stderr.includes(secret) && !cli.stdout.includes(secret), 'the scan never prints a secret');
    }
  });

  it('passes after scrubbing, with the trace still a readable zip and the registry gone', async () => {
    const { scrubbed } = scrubAndScanReports({ dir: reports, runId, secretsDir, env: {}, log: () => {} });
    assert.ok(scrubbed.changedFiles.includes(path.join('traces', 'trace.zip')));
    assert.deepEqual(scrubbed.renamedFiles, ['stdout-REDACTED.txt']);
    assert.equal(fs.existsSync(path.join(secretsDir, `${runId}.jsonl`)), false);

    const trace = readZip(fs.readFileSync(path.join(reports, 'traces/trace.zip')));
    const all = trace.map((e) => e.data.toString('utf8')).join('\n');
    assert.ok(all.includes('[REDACTED:access token]'));
    assert.ok(!all.includes(conn.accessToken!));
    assert.match(fs.readFileSync(path.join(reports, 'error-context.md'), 'utf8'), /Bearer \[REDACTED:access token\]\n.*sid=\[REDACTED:access token\]/);

    const cli = await golive(['scan-secrets', 'reports']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /no secrets found in reports/);
  });

  it('fails on an unregistered session id, and replaces an archive it cannot read with a note', () => {
    const dir = path.join(tmp, 'more');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'log.txt'), 'sid=00D5g000004ZxYz!AQ4AQFakeButShapedLikeASessionId1234567890\n');
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('x'), time: 0, date: 33 }]);
    // Flag the entry encrypted in the central directory: the reader must refuse it, not skip it.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    fs.writeFileSync(path.join(dir, 'odd.zip'), zip);

    const before = scanForSecrets(dir, []).map((f) => `${f.file}: ${f.kind}`);
    assert.ok(before.includes('log.txt: Salesforce session id (unregistered)'), before.join('\n'));
    assert.ok(before.some((l) => l.startsWith('odd.zip: archive that cannot be checked')), before.join('\n'));
    assert.throws(() => scanAndFail(dir), SecretsLeftError);

    scrubAndScanReports({ dir, env: {}, secretsDir: path.join(tmp, 'none'), log: () => {} });
    assert.equal(fs.existsSync(path.join(dir, 'odd.zip')), false);
    assert.match(fs.readFileSync(path.join(dir, 'odd.zip.removed-by-golive.txt'), 'utf8'), /could not be checked for secrets/);
    assert.match(fs.readFileSync(path.join(dir, 'log.txt'), 'utf8'), /sid=\[REDACTED:Salesforce session id\]/);
  });

  it('fails the Playwright run from the reporter when a secret survives, and not when none does', async () => {
    const dir = path.join(tmp, 'reporter');
    fs.mkdirSync(dir);
    const fakeSession = '00D5g000004ZxYz!AQ4AQAnotherFakeSessionIdShape0987654321';
    fs.writeFileSync(path.join(dir, 'clean.txt'), 'nothing here\n');
    const reporter = new SecretScrubReporter({ dirs: [dir] });
    const env = { GOLIVE_RUN_ID: '20261122T1301-report', GOLIVE_SEED: '1', GOLIVE_RUN_ANNOUNCED: '20261122T1301-report', GOLIVE_SECRETS_DIR: path.join(tmp, 'none') };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      assert.equal(await reporter.onEnd({ status: 'passed', startTime: new Date(), duration: 1 }), undefined);
      fs.mkdirSync(path.join(dir, fakeSession));
      fs.writeFileSync(path.join(dir, fakeSession, 'x.txt'), `sid=${fakeSession}`);
      // Scan-only: the secret stays, and the run fails.
      const scanOnly = new SecretScrubReporter({ dirs: [dir], scrub: false });
      const printed: string[] = [];
      const consoleError = console.error;
      console.error = (line: string) => printed.push(line);
      try {
        assert.deepEqual(await scanOnly.onEnd({ status: 'passed', startTime: new Date(), duration: 1 }), { status: 'failed' });
      } finally {
        console.error = consoleError;
      }
      assert.ok(printed.some((l) => l.includes('REDACTED/x.txt (name): Salesforce session id (unregistered)')), printed.join('\n'));
      assert.ok(printed.some((l) => l.includes('REDACTED/x.txt: Salesforce session id (unregistered)')), printed.join('\n'));
      assert.ok(printed.every((l) => !l.includes(fakeSession)), 'not even inside a path');
      // Scrubbing removes it from the content and from the folder name; the run passes.
      assert.equal(await reporter.onEnd({ status: 'passed', startTime: new Date(), duration: 1 }), undefined);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['REDACTED', 'clean.txt']);
      assert.equal(fs.readFileSync(path.join(dir, 'REDACTED/x.txt'), 'utf8'), 'sid=[REDACTED:Salesforce session id]');
    } finally {
      for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    }
  });

  /** A scan that throws like the teardown does, without scrubbing first. */
  function scanAndFail(dir: string): void {
    const findings = scanForSecrets(dir, []);
    if (findings.length > 0) throw new SecretsLeftError(findings.map((f) => `${f.file}: ${f.kind}`));
  }
});
