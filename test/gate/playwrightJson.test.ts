import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRegister } from '../../src/gate/register/requirementRegister.ts';
import { parsePlaywrightReport, readPlaywrightReport, ResultsError, type PlaywrightRun } from '../../src/gate/results/playwrightJson.ts';
import type { ScenarioResult } from '../../src/gate/results/scenarioResult.ts';
import { classifyFailure, parseTriageAnnotation } from '../../src/gate/results/triage.ts';
import { decideGoLive } from '../../src/gate/verdict/decideGoLive.ts';
import { NOW, ORG, policy, RUN } from './scenarioFactory.ts';

/**
 * The reader against Playwright's real JSON report: a throwaway project (no browser: the tests
 * use no page) with passing, failing, flaky, skipped, expected-to-fail and timed-out tests, static
 * and runtime annotations, tags and file attachments, run by this repository's Playwright. Its
 * JSON report is read, and so is the same run merged from blobs with `merge-reports --reporter
 * json` (what a sharded CI run produces).
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLAYWRIGHT_CLI = path.join(REPO, 'node_modules/@playwright/test/cli.js');
const PLAYWRIGHT_TEST = path.join(REPO, 'node_modules/@playwright/test/index.mjs');

const CONFIG = `
import { defineConfig } from ${JSON.stringify(PLAYWRIGHT_TEST)};
export default defineConfig({
  outputDir: './reports/test-results',
  reporter: [['json', { outputFile: './reports/results.json' }], ['blob', { outputDir: './blobs' }]],
  retries: 1,
  workers: 1,
  projects: [
    // Independent of the scenarios here, so a failing setup and the scenarios are in one report.
    { name: 'sessions', testDir: './fixtures', testMatch: 'sessions.setup.mjs' },
    { name: 'desktop-chrome', testDir: './scenarios' },
  ],
});
`;

const SETUP = `
import { test } from ${JSON.stringify(PLAYWRIGHT_TEST)};
test('sign in admin', async () => {
  throw new Error("INVALID_LOGIN: persona 'admin' could not sign in");
});
`;

const SPEC = `
import { test, expect } from ${JSON.stringify(PLAYWRIGHT_TEST)};
import { writeFileSync } from 'node:fs';

const covers = (...ids) => ({ annotation: ids.map((id) => ({ type: 'requirement', description: id })), tag: ids.map((id) => '@' + id) });

async function evidence(testInfo) {
  const shot = testInfo.outputPath('page.png');
  writeFileSync(shot, 'not really a png');
  await testInfo.attach('screenshot', { path: shot, contentType: 'image/png' });
  const trace = testInfo.outputPath('trace.zip');
  writeFileSync(trace, 'not really a zip');
  await testInfo.attach('trace', { path: trace, contentType: 'application/zip' });
  await testInfo.attach('inline note', { body: 'no file', contentType: 'text/plain' });
}

test.describe('Leads', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test.describe('Convert', () => {
    test('a rep converts a lead @smoke', covers('LTO-01'), async ({}, testInfo) => {
      testInfo.annotations.push({ type: 'persona', description: 'junior-rep' });
    });
  });

  test('reps do not see Commission', covers('PERM-04'), async ({}, testInfo) => {
    testInfo.annotations.push({ type: 'persona', description: 'junior-rep' });
    testInfo.annotations.push({ type: 'triage', description: 'product-defect: the Commission field is visible to the rep' });
    await evidence(testInfo);
    expect(1, 'Commission should be hidden from reps').toBe(2);
  });

  test('the lead is routed East', covers('AUT-01'), async ({}, testInfo) => {
    testInfo.annotations.push({ type: 'persona', description: 'admin' });
    if (testInfo.retry === 0) {
      await evidence(testInfo);
      throw new Error('connect ECONNREFUSED 127.0.0.1:4711');
    }
  });

  test('duplicates are blocked', covers('DQ-04'), async () => {
    test.skip(true, 'no duplicate rule in this org');
  });

  test('known bug stays failing', covers('DQ-02'), async () => {
    test.fail();
    expect('a@b').toBe('valid');
  });

  test('the page answers in time', covers('MOB-04'), async () => {
    test.setTimeout(300);
    await new Promise(() => {});
  });
});
`;

let dir = '';
let run: PlaywrightRun;
let merged: PlaywrightRun;
let report: { suites: unknown[] };

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gate-pw-json-'));
  mkdirSync(path.join(dir, 'fixtures'));
  mkdirSync(path.join(dir, 'scenarios'));
  writeFileSync(path.join(dir, 'pw.config.mjs'), CONFIG);
  writeFileSync(path.join(dir, 'fixtures/sessions.setup.mjs'), SETUP);
  writeFileSync(path.join(dir, 'scenarios/leads.spec.mjs'), SPEC);
  const env = { ...process.env, CI: '', FORCE_COLOR: '0' };
  const ran = spawnSync(process.execPath, [PLAYWRIGHT_CLI, 'test', '-c', 'pw.config.mjs'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(ran.status, 1, `the throwaway run fails (it has failures): ${ran.stderr}`);
  const reportsDir = path.join(dir, 'reports');
  report = JSON.parse(readFileSync(path.join(reportsDir, 'results.json'), 'utf8'));
  run = readPlaywrightReport(path.join(reportsDir, 'results.json'));
  const merging = spawnSync(process.execPath, [PLAYWRIGHT_CLI, 'merge-reports', '--reporter', 'json', 'blobs'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(merging.status, 0, merging.stderr);
  merged = parsePlaywrightReport(JSON.parse(merging.stdout), { reportsDir });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function byTitle(title: string, from: ScenarioResult[] = run.scenarios): ScenarioResult {
  const found = from.find((s) => s.title === title);
  assert.ok(found, `no scenario '${title}' in ${from.map((s) => s.title).join(', ')}`);
  return found;
}

test('every test of the scenario project is a scenario; the setup project is apart', () => {
  assert.deepEqual(run.scenarios.map((s) => s.title).sort(), ['a rep converts a lead @smoke', 'duplicates are blocked', 'known bug stays failing', 'reps do not see Commission', 'the lead is routed East', 'the page answers in time']);
  assert.deepEqual(run.setup.map((s) => [s.title, s.project, s.status]), [['sign in admin', 'sessions', 'failed']]);
  assert.deepEqual(run.setup[0]!.triage, { kind: 'environment', reason: 'the org refused the login (INVALID_LOGIN)' });
  assert.deepEqual(run.runErrors, []);
  assert.match(run.startTime ?? '', /^\d{4}-\d\d-\d\dT/);
});

test('a passing scenario: key, title path, file, requirement, runtime persona, tags', () => {
  const s = byTitle('a rep converts a lead @smoke');
  assert.equal(s.key, 'desktop-chrome › scenarios/leads.spec.mjs › Leads › Convert › a rep converts a lead @smoke');
  assert.deepEqual(s.titlePath, ['Leads', 'Convert', 'a rep converts a lead @smoke']);
  assert.equal(s.file, 'scenarios/leads.spec.mjs');
  assert.equal(s.line, 19);
  assert.equal(s.project, 'desktop-chrome');
  assert.deepEqual(s.requirements, ['LTO-01']);
  assert.deepEqual(s.personas, ['junior-rep']);
  assert.deepEqual(s.tags.sort(), ['@LTO-01', '@smoke']);
  assert.equal(s.status, 'passed');
  assert.equal(s.attempts, 1);
  assert.equal(s.error, undefined);
  assert.equal(s.triage, undefined);
});

test('runtime annotations: on the test and on each attempt in the report; read once', () => {
  // Where Playwright puts an annotation pushed during the test: the test's list and the attempt's.
  const failing = (report.suites as any[]).flatMap(function all(s: any): any[] { return [...(s.specs ?? []), ...(s.suites ?? []).flatMap(all)]; }).find((s: any) => s.title === 'reps do not see Commission');
  assert.ok(failing.tests[0].annotations.some((a: any) => a.type === 'persona'));
  assert.ok(failing.tests[0].results.every((r: any) => r.annotations.some((a: any) => a.type === 'persona')));
  assert.deepEqual(byTitle('reps do not see Commission').personas, ['junior-rep']);
});

test('a failing scenario: last attempt, error first line and place, triage annotation, evidence relative to the reports folder', () => {
  const s = byTitle('reps do not see Commission');
  assert.equal(s.status, 'failed');
  assert.equal(s.attempts, 2);
  assert.deepEqual(s.requirements, ['PERM-04']);
  assert.equal(s.error?.message.split('\n')[0], 'Error: Commission should be hidden from reps');
  assert.equal(s.error?.location, 'scenarios/leads.spec.mjs:28');
  assert.deepEqual(s.triage, { kind: 'product-defect', reason: 'the Commission field is visible to the rep' });
  assert.deepEqual(s.evidence.map((e) => [e.name, e.contentType]).filter(([name]) => name !== 'error-context'), [['screenshot', 'image/png'], ['trace', 'application/zip']]);
  for (const e of s.evidence) {
    assert.ok(!path.isAbsolute(e.path) && e.path.startsWith('test-results/'), e.path);
    assert.match(e.path, /retry1/, 'evidence of the last attempt');
    assert.ok(existsSync(path.join(dir, 'reports', e.path)), e.path);
  }
});

test('a flaky scenario: failed first, passed on the retry; the failed attempt tells why', () => {
  const s = byTitle('the lead is routed East');
  assert.equal(s.status, 'flaky');
  assert.equal(s.attempts, 2);
  assert.equal(s.error?.message, 'Error: connect ECONNREFUSED 127.0.0.1:4711');
  assert.deepEqual(s.triage, { kind: 'environment', reason: 'the org could not be reached (ECONNREFUSED)' });
  assert.ok(s.evidence.some((e) => e.name === 'screenshot' && !e.path.includes('retry')));
});

test('skipped, expected-to-fail and timed-out scenarios', () => {
  assert.equal(byTitle('duplicates are blocked').status, 'skipped');
  assert.equal(byTitle('known bug stays failing').status, 'passed');
  const slow = byTitle('the page answers in time');
  assert.equal(slow.status, 'timedOut');
  assert.match(slow.error?.message ?? '', /Test timeout of 300ms exceeded/);
  assert.equal(slow.triage?.kind, 'product-defect');
});

test('merge-reports --reporter json gives the same scenarios', () => {
  const summary = (r: PlaywrightRun) => [...r.scenarios, ...r.setup].map((s) => [s.key, s.status, s.requirements.join(), s.personas.join(), s.triage?.kind ?? '']).sort();
  assert.deepEqual(summary(merged), summary(run));
});

test('the real report through the gate: NO-GO, the failed sign-in first as an environment problem', () => {
  const verdict = decideGoLive({ results: run.scenarios, setup: run.setup, runErrors: run.runErrors, register: loadRegister(), policy: policy(), runFacts: RUN, org: ORG, now: NOW });
  assert.equal(verdict.decision, 'NO-GO');
  assert.equal(verdict.reasons[0]!.rule, 'environment');
  assert.ok(verdict.reasons.some((r) => r.requirement === 'PERM-04' && r.rule === 'pass-rate'));
  assert.ok(verdict.reasons.some((r) => r.requirement === 'AUT-01' && r.rule === 'flaky'));
  assert.equal(verdict.requirements.find((r) => r.id === 'LTO-01')!.status, 'proven');
  assert.equal(verdict.requirements.find((r) => r.id === 'DQ-04')!.status, 'not-run');
});

test('what is not a Playwright JSON report is one clear line', () => {
  assert.throws(() => parsePlaywrightReport({ tests: [] }, { reportsDir: '.', source: 'x.json' }), (err: unknown) => err instanceof ResultsError && /^x\.json is not a Playwright JSON report/.test(err.message));
  assert.throws(() => readPlaywrightReport(path.join(tmpdir(), 'no-such-results.json')), /no results at .*no-such-results\.json: run the UAT suite first/);
  const bad = path.join(dir, 'truncated.json');
  writeFileSync(bad, '{"suites": [');
  assert.throws(() => readPlaywrightReport(bad), (err: unknown) => err instanceof ResultsError && /truncated\.json is not valid JSON/.test(err.message) && !err.message.includes('\n'));
});

test('triage from the error text, and the annotation form', () => {
  const cases: [string, string][] = [
    ['INVALID_SESSION_ID: Session expired or invalid', 'environment'],
    ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/', 'environment'],
    ['REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', 'environment'],
    ['read ECONNRESET', 'environment'],
    ['connect ETIMEDOUT 10.0.0.1:443', 'environment'],
    ['locator.click: Target page, context or browser has been closed', 'environment'],
    ['page.goto: redirected to the login page', 'environment'],
    ["Could not log in as persona 'admin': bad password", 'environment'],
    ['expect(page).toHaveText("Login page title") failed', 'product-defect'],
    ["locator.click: Error: strict mode violation: getByRole('button') resolved to 2 elements", 'test-defect'],
    ["TypeError: Cannot read properties of undefined (reading 'Id')", 'test-defect'],
    ['expect(locator).toBeHidden() failed', 'product-defect'],
  ];
  for (const [text, kind] of cases) assert.equal(classifyFailure(text, 'failed').kind, kind, text);
  assert.equal(classifyFailure('anything', 'interrupted').kind, 'environment');
  assert.deepEqual(parseTriageAnnotation('test-defect: the locator changed'), { kind: 'test-defect', reason: 'the locator changed' });
  assert.equal(parseTriageAnnotation('bug: whatever'), undefined);
});

test('a setup failure is an environment problem whatever its error says', () => {
  const setupTest = (message: string) => ({
    title: 'sign in admin',
    file: 'fixtures/run/sessions.setup.ts',
    line: 14,
    tags: [],
    tests: [{ annotations: [], expectedStatus: 'passed', projectName: 'sessions', status: 'unexpected', results: [{ status: 'failed', duration: 5, retry: 0, error: { message }, attachments: [] }] }],
  });
  const parsed = parsePlaywrightReport({ suites: [{ title: 'sessions.setup.ts', file: 'fixtures/run/sessions.setup.ts', specs: [setupTest("Error: persona 'admin' should land on Home, not the login page")] }] }, { reportsDir: '.' });
  assert.deepEqual(parsed.scenarios, []);
  assert.deepEqual(parsed.setup[0]!.triage, { kind: 'environment', reason: "setup failed: Error: persona 'admin' should land on Home, not the login page" });
});
