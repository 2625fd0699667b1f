import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TestInfo } from '@playwright/test';
import { attachAutomationLog } from '../../fixtures/evidence/automationLog.ts';

/**
 * The evidence the fixtures attach (fixtures/evidence/), seen the way a report sees it: a small
 * suite (evidence/evidence.scenario.ts) runs in its own Playwright process against a local org,
 * and its JSON report is read here. A nested run, because the automation log is attached after
 * the test has ended, where no test code of the same run can look.
 */

interface Attachment { name: string; contentType: string; path?: string; body?: string }
interface Result { status: string; attachments: Attachment[] }
interface Spec { title: string; tests: Array<{ projectName: string; results: Result[] }> }
interface Report { suites: Array<{ specs: Spec[]; suites?: Report['suites'] }>; stats: { expected: number; unexpected: number } }

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCENARIO = path.join(import.meta.dirname, 'evidence/evidence.scenario.ts');

describe('evidence attached to tests', () => {
  let out: string;
  let report: Report;
  const result = (title: string): Result => {
    const specs = report.suites.flatMap(function all(s): Spec[] { return [...s.specs, ...(s.suites ?? []).flatMap(all)]; });
    const spec = specs.find((s) => s.title === title);
    assert.ok(spec, `the report has '${title}'`);
    return spec.tests[0].results[0];
  };
  const read = (a: Attachment) => (a.path ? fs.readFileSync(a.path) : Buffer.from(a.body ?? '', 'base64'));

  before(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-evidence-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'test/harness/evidence/playwright.config.ts'], {
      cwd: ROOT,
      env: { ...process.env, GOLIVE_EVIDENCE_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(fs.existsSync(path.join(out, 'report.json')), `the nested run wrote its report (exit ${code}):\n${output}`);
    report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    assert.equal(code, 1, 'the nested run fails: one test fails on purpose');
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('every step has a screenshot of each persona page, named after the step, at the scenario line', () => {
    const r = result('two personas, a hot lead: step screenshots and the automation log');
    assert.equal(r.status, 'passed');
    const shots = r.attachments.filter((a) => a.contentType === 'image/png');
    assert.deepEqual(shots.map((a) => a.name), [
      'the rep and the manager open the open leads (junior-rep)',
      'the rep and the manager open the open leads (sales-manager)',
      'a hot lead arrives (junior-rep)',
      'a hot lead arrives (sales-manager)',
    ]);
    for (const shot of shots) assert.equal(read(shot).subarray(1, 4).toString('latin1'), 'PNG');
    const steps = JSON.parse(fs.readFileSync(path.join(out, 'steps.json'), 'utf8')) as Array<{ title: string; file?: string; line?: number }>;
    const step = steps.find((s) => s.title === 'the rep and the manager open the open leads');
    assert.deepEqual(step, { title: 'the rep and the manager open the open leads', file: SCENARIO, line: 10 }, 'the report points at the scenario line, not at the harness');
  });

  it('a test during which automation ran gets the automation log, as JSON and as text', () => {
    const r = result('two personas, a hot lead: step screenshots and the automation log');
    const json = r.attachments.find((a) => a.name === 'automation-log.json');
    const text = r.attachments.find((a) => a.name === 'automation-log.txt');
    assert.ok(json && text, `attachments: ${r.attachments.map((a) => a.name).join(', ')}`);
    const entries = JSON.parse(read(json).toString('utf8')) as Array<{ kind: string; object: string; outcome: string }>;
    assert.ok(entries.some((e) => e.kind === 'flow' && e.object === 'Lead' && e.outcome === 'fired'), JSON.stringify(entries));
    const summary = read(text).toString('utf8');
    assert.match(summary, /^\d+ automation entr(y|ies) on the local org during this test \(since .*\), oldest first:\n/);
    assert.match(summary, /^\d\d:\d\d:\d\d\.\d{3} {2}flow Hot_Lead_Call_Task on Lead \w{18}: fired; /m);
  });

  it('a passed test during which nothing ran gets no automation log', () => {
    const r = result('nothing ran on the org: no automation log on a pass');
    assert.equal(r.status, 'passed');
    assert.deepEqual(r.attachments.map((a) => a.name), ['the rep looks at Home (junior-rep)', 'the rep remembers [secret] (junior-rep)']);
  });

  it('a registered secret in a step title never reaches an attachment name or file', () => {
    const files = fs.readdirSync(out, { recursive: true }).map(String);
    assert.ok(files.length > 0);
    for (const file of files) assert.doesNotMatch(file, /golive-local-1/);
  });

  it('a failed test gets the automation log always, and a screenshot of the failing step', () => {
    const r = result('a failing step');
    assert.equal(r.status, 'failed');
    const names = r.attachments.map((a) => a.name);
    assert.ok(names.includes('the rep expects a lead that is not there (step failed) (junior-rep)'), names.join(', '));
    assert.ok(names.includes('automation-log.json'), names.join(', '));
    const text = read(r.attachments.find((a) => a.name === 'automation-log.txt')!).toString('utf8');
    assert.match(text, /^No flow, validation, duplicate or assignment rule ran on the local org during this test/);
  });

});

describe('the automation log against a real Salesforce org', () => {
  const attachmentsOf = async (status: 'passed' | 'failed') => {
    const attached: Array<{ name: string; body: string }> = [];
    const testInfo = { status, expectedStatus: 'passed', config: { workers: 1 }, attach: async (name: string, { body }: { body: string }) => void attached.push({ name, body }) };
    await attachAutomationLog({
      testInfo: testInfo as unknown as TestInfo,
      targetKind: 'salesforce',
      apiVersion: '62.0',
      since: new Date(),
      connection: () => Promise.reject(new Error('a real org is never asked: it has no such log')),
    });
    return attached;
  };

  it('a failed test says in one line that the log is local-org only, never nothing', async () => {
    const attached = await attachmentsOf('failed');
    assert.deepEqual(attached.map((a) => a.name), ['automation-log.txt']);
    assert.match(attached[0].body, /^No automation log: it is a local-org diagnostic \(GOLIVE_TARGET=salesforce has none\); see the org's debug logs instead\.\n$/);
  });

  it('a passed test gets nothing', async () => {
    assert.deepEqual(await attachmentsOf('passed'), []);
  });
});
