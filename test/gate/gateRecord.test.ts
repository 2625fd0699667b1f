import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyGateRecord } from '../../src/gate/integrity/verifyGateRecord.ts';
import { renderGateHtml } from '../../src/gate/record/renderGateHtml.ts';
import { renderGateMarkdown } from '../../src/gate/record/renderGateMarkdown.ts';
import { writeGateRecord } from '../../src/gate/record/writeGateRecord.ts';
import { fixtureVerdict } from './verdictFixture.ts';

// The record's tests must not pick up a signing key from the shell that runs them.
const NO_ENV: NodeJS.ProcessEnv = {};
delete process.env.GOLIVE_GATE_SIGNING_KEY;

const root = mkdtempSync(path.join(tmpdir(), 'golive-gate-record-'));
after(() => rmSync(root, { recursive: true, force: true }));

let dirCount = 0;
async function freshRecord(options: { signingKeyFile?: string } = {}): Promise<string> {
  const dir = path.join(root, `record-${++dirCount}`);
  await writeGateRecord(dir, fixtureVerdict(), options);
  return dir;
}

function writeKeyPair(name: string): { privateFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privateFile = path.join(root, `${name}.pem`);
  const publicFile = path.join(root, `${name}.pub.pem`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateFile, publicFile };
}

describe('gate record: writing and sealing', () => {
  test('writes gate.json, gate.md, gate.html and gate.sha256, and verifies', async () => {
    const dir = path.join(root, 'plain');
    const { files } = await writeGateRecord(dir, fixtureVerdict(), {});
    assert.deepEqual(files.map((f) => path.basename(f)), ['gate.json', 'gate.md', 'gate.html', 'gate.sha256']);
    const json = JSON.parse(readFileSync(path.join(dir, 'gate.json'), 'utf8'));
    assert.deepEqual(json, fixtureVerdict(), 'gate.json holds the verdict unchanged');
    assert.match(readFileSync(path.join(dir, 'gate.sha256'), 'utf8'), /^[0-9a-f]{64} {2}gate\.json\n[0-9a-f]{64} {2}gate\.md\n[0-9a-f]{64} {2}gate\.html\n$/);
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.deepEqual(check.problems, []);
    assert.equal(check.ok, true);
    assert.equal(check.signed, false);
    // Anyone can check the seal without golive.
    assert.match(execFileSync('sha256sum', ['-c', 'gate.sha256'], { cwd: dir, encoding: 'utf8' }), /gate\.json: OK\ngate\.md: OK\ngate\.html: OK/);
    assert.match(check.digest, /^sha256:[0-9a-f]{64}$/);
  });

  test('gate.json is byte-identical for the same verdict built in another key order', async () => {
    const a = path.join(root, 'order-a');
    const b = path.join(root, 'order-b');
    const verdict = fixtureVerdict();
    const reordered = Object.fromEntries(Object.entries(verdict).reverse()) as unknown as typeof verdict;
    await writeGateRecord(a, verdict, {});
    await writeGateRecord(b, reordered, {});
    assert.equal(readFileSync(path.join(a, 'gate.json'), 'utf8'), readFileSync(path.join(b, 'gate.json'), 'utf8'));
    assert.match(readFileSync(path.join(a, 'gate.json'), 'utf8'), /^\{\n {2}"schema": "golive-gate\/1",\n {2}"decision": "NO-GO",\n {2}"generatedAt": "[^"]+",\n {2}"reasons": \[/);
  });

  test('one character changed in gate.json fails verification, naming gate.json', async () => {
    const dir = await freshRecord();
    const file = path.join(dir, 'gate.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"NO-GO"', '"NO_GO"'));
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, false);
    assert.equal(check.problems.length, 1);
    assert.match(check.problems[0], /^gate\.json: edited/);
  });

  test('an edited gate.html fails verification, naming gate.html', async () => {
    const dir = await freshRecord();
    const file = path.join(dir, 'gate.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('>NO-GO<', '>GO<'));
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, false);
    assert.deepEqual(check.problems.map((p) => p.split(':')[0]), ['gate.html']);
  });

  test('a deleted gate.md fails verification, naming gate.md', async () => {
    const dir = await freshRecord();
    unlinkSync(path.join(dir, 'gate.md'));
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, false);
    assert.deepEqual(check.problems, ['gate.md: missing (listed in gate.sha256).']);
  });

  test('a manifest that drops a file or lists a stranger is caught', async () => {
    const dir = await freshRecord();
    const manifest = path.join(dir, 'gate.sha256');
    const lines = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
    writeFileSync(manifest, `${lines.filter((l) => !l.endsWith('gate.md')).join('\n')}\n${'0'.repeat(64)}  notes.txt\n`);
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, false);
    assert.ok(check.problems.some((p) => p.startsWith('notes.txt: listed in gate.sha256 but not a file of a gate record')), check.problems.join('\n'));
    assert.ok(check.problems.some((p) => p.startsWith('gate.md: not listed in gate.sha256')), check.problems.join('\n'));
  });

  test('a folder without gate.sha256 is not a sealed record', async () => {
    const dir = await freshRecord();
    unlinkSync(path.join(dir, 'gate.sha256'));
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, false);
    assert.match(check.problems[0], /^gate\.sha256: missing/);
  });
});

describe('gate record: signing', () => {
  let signer: { privateFile: string; publicFile: string };
  let stranger: { privateFile: string; publicFile: string };
  before(() => {
    signer = writeKeyPair('signer');
    stranger = writeKeyPair('stranger');
  });

  test('a signed record verifies with the signer’s public key and says so', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    const check = await verifyGateRecord(dir, { publicKeyFile: signer.publicFile, env: NO_ENV });
    assert.deepEqual(check.problems, []);
    assert.equal(check.ok, true);
    assert.equal(check.signed, true);
    assert.equal(check.keySource, 'trusted-key');
  });

  test('GOLIVE_GATE_SIGNING_KEY serves to verify when no public key is given', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    const check = await verifyGateRecord(dir, { env: { GOLIVE_GATE_SIGNING_KEY: signer.privateFile } });
    assert.equal(check.ok, true);
    assert.equal(check.keySource, 'signing-key');
  });

  test('a signed record fails with another key', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    const check = await verifyGateRecord(dir, { publicKeyFile: stranger.publicFile, env: NO_ENV });
    assert.equal(check.ok, false);
    assert.match(check.problems.join('\n'), /^gate\.sig: the signature does not match/m);
  });

  test('without a trusted key the record’s own gate.pub is used, and the result says it proves integrity only', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, true);
    assert.equal(check.keySource, 'record-key');
    assert.match(check.notes.join('\n'), /not who signed them/);
  });

  test('a re-hashed edit is caught by the signature', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    // Whoever edits gate.json and rewrites gate.sha256 to match still cannot sign.
    const jsonFile = path.join(dir, 'gate.json');
    writeFileSync(jsonFile, readFileSync(jsonFile, 'utf8').replace('"NO-GO"', '"GO"'));
    const manifest = path.join(dir, 'gate.sha256');
    const hash = createHash('sha256').update(readFileSync(jsonFile)).digest('hex');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^[0-9a-f]{64}(?= {2}gate\.json$)/m, hash));
    const check = await verifyGateRecord(dir, { publicKeyFile: signer.publicFile, env: NO_ENV });
    assert.equal(check.ok, false);
    assert.deepEqual(check.problems.map((p) => p.split(':')[0]), ['gate.sig']);
  });

  test('a signature stripped from a record is missed when a key is expected', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    unlinkSync(path.join(dir, 'gate.sig'));
    const check = await verifyGateRecord(dir, { publicKeyFile: signer.publicFile, env: NO_ENV });
    assert.equal(check.ok, false);
    assert.match(check.problems[0], /^gate\.sig: missing/);
  });

  test('an unsigned record written over a signed one leaves no stale signature behind', async () => {
    const dir = await freshRecord({ signingKeyFile: signer.privateFile });
    await writeGateRecord(dir, fixtureVerdict({ orgName: 'Second run' }), {});
    assert.equal(existsSync(path.join(dir, 'gate.sig')), false);
    assert.equal(existsSync(path.join(dir, 'gate.pub')), false);
    const check = await verifyGateRecord(dir, { env: NO_ENV });
    assert.equal(check.ok, true);
    assert.equal(check.signed, false);
  });

  test('a signing key that is not Ed25519 is refused in one line naming the file', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const file = path.join(root, 'ec.pem');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await assert.rejects(writeGateRecord(path.join(root, 'ec-record'), fixtureVerdict(), { signingKeyFile: file }), (error: Error) => {
      assert.match(error.message, /ec\.pem is a ec key; the gate's signing key must be Ed25519/);
      assert.doesNotMatch(error.message, /BEGIN/);
      return true;
    });
  });
});

describe('gate record: rendering', () => {
  test('gate.html escapes a scenario title carrying markup', () => {
    const page = renderGateHtml(fixtureVerdict({ scenarioTitle: '<script>alert("x")</script> & <img src=x onerror=alert(1)>', orgName: 'Acme "<b>Bold</b>"' }));
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(page, /<img/i);
    assert.doesNotMatch(page, /<b>Bold/);
    assert.match(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('gate.html is self-contained and accessible by construction', () => {
    const page = renderGateHtml(fixtureVerdict());
    assert.match(page, /^<!doctype html>\n<html lang="en">/);
    assert.doesNotMatch(page, /<script|<link|src="http|url\(/i);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    const headings = [...page.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    assert.equal(headings[0], 1);
    headings.forEach((level, i) => assert.ok(i === 0 || level <= headings[i - 1] + 1, `heading h${level} follows h${headings[i - 1]}`));
    const headerCells = [...page.matchAll(/<th(?=[\s>])([^>]*)>/g)];
    assert.ok(headerCells.length > 10);
    for (const [, attributes] of headerCells) assert.match(attributes, /scope="(col|row|rowgroup)"/);
  });

  test('gate.html puts the verdict and its reasons first, then the traceability matrix, then the rest', () => {
    const page = renderGateHtml(fixtureVerdict());
    const at = (needle: string): number => {
      const index = page.indexOf(needle);
      assert.ok(index > 0, `${needle} is on the page`);
      return index;
    };
    const order = [
      at('<span class="decision">NO-GO</span>'),
      at('PERM-04 (blocker) failed'),
      at('MOB-02 (critical) has no executed scenario'),
      at('id="trace-heading"'),
      at('id="failures-heading"'),
      at('id="severity-heading"'),
      at('id="matrix-heading"'),
      at('id="waivers-heading"'),
      at('id="regression-heading"'),
      at('id="run-heading"'),
      at('id="policy-heading"'),
    ];
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
  });

  test('gate.html links evidence relative to the reports folder, with the triage beside it', () => {
    const page = renderGateHtml(fixtureVerdict());
    assert.match(page, /<a href="\.\.\/test-results\/perm-visibility\/test-failed-1\.png"[^>]*>Screenshot<\/a>/);
    assert.match(page, /<a href="\.\.\/test-results\/perm-visibility\/trace\.zip"[^>]*>Trace<\/a>/);
    assert.match(page, /<a href="\.\.\/test-results\/perm-visibility\/video\.webm"[^>]*>Video<\/a>/);
    assert.match(page, /Product defect<\/strong><span class="small">the API shows the record shared with the rep/);
  });

  test('a GO verdict says GO in words, in both documents', () => {
    const verdict = { ...fixtureVerdict(), decision: 'GO' as const, reasons: [] };
    const page = renderGateHtml(verdict);
    assert.match(page, /<section class="verdict verdict-go"[^>]*>\n<h2 id="verdict-heading"><span class="decision">GO<\/span><span>Go live<\/span><\/h2>/);
    assert.match(page, /<h3>Reasons<\/h3><p>None: every rule of the policy is met.<\/p>/);
    const md = renderGateMarkdown(verdict);
    assert.match(md, /^# Go-live gate: GO\n\n\*\*GO\*\* for Acme Corp \(UAT\)/);
    assert.match(md, /- None: every rule of the policy is met\./);
  });

  test('gate.md is short, starts with the verdict and links to gate.html', () => {
    const md = renderGateMarkdown(fixtureVerdict());
    const lines = md.split('\n');
    assert.ok(lines.length <= 60, `gate.md has ${lines.length} lines`);
    assert.equal(lines[0], '# Go-live gate: NO-GO');
    assert.match(md, /PERM-04 \(blocker\) failed/);
    assert.match(md, /\| PERM-04 Sales reps see only their own region’s opportunities \| blocker \| Failing \| 1 of 2 not passed \| Product defect \|/);
    assert.match(md, /\[gate\.html\]\(gate\.html\)/);
  });

  test('gate.md stays under 60 lines for a large failing run and escapes markup', () => {
    const verdict = fixtureVerdict({ orgName: 'Evil <img src=x> | org' });
    const template = verdict.requirements[1];
    verdict.requirements = Array.from({ length: 40 }, (_, i) => ({ ...template, id: `PERM-${i + 10}` }));
    verdict.reasons = Array.from({ length: 30 }, (_, i) => ({ rule: 'pass-rate' as const, message: `PERM-${i + 10} | failed` }));
    const md = renderGateMarkdown(verdict);
    assert.ok(md.split('\n').length <= 60, `gate.md has ${md.split('\n').length} lines`);
    assert.match(md, /…and 22 more reasons in gate\.html/);
    assert.match(md, /…and 28 more requirements in gate\.html/);
    assert.match(md, /Evil \\<img src=x\\> \\\| org/);
    assert.doesNotMatch(md, /(?<!\\)<img/);
  });
});
