import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';
import { allureEnvironment } from '../../src/gate/allure/allureEnvironment.ts';
import { generateAllureReport } from '../../src/gate/allure/generateAllureReport.ts';

/**
 * The Allure report from real allure-playwright output: a throwaway Playwright project (no
 * pages, four tests: one passing, three failing for each triage kind) runs once in a temp
 * folder; the report is generated twice from its results, as two runs would.
 */

const require = createRequire(import.meta.url);
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'golive-allure-'));
const resultsDir = path.join(dir, 'allure-results');
const reportDir = path.join(dir, 'allure-report');
const historyFile = path.join(dir, 'allure-history.jsonl');
after(() => rmSync(dir, { recursive: true, force: true }));

const environment = allureEnvironment(
  { runId: 'run-allure-test', seed: '7', startedAt: '2026-11-22T13:00:00.000Z', target: 'local', apiVersion: '62.0', commit: 'abc1234' },
  { orgId: '00D000000000001EAA', name: 'Acme <UAT>', instance: 'http://127.0.0.1:40111', isSandbox: true },
);

before(async () => {
  // The project lives in a temp folder, so it names golive's Playwright and reporter by path.
  const playwrightTest = path.join(path.dirname(require.resolve('@playwright/test')), 'index.mjs');
  const reporter = require.resolve('allure-playwright');
  const project = path.join(dir, 'project');
  const spec = (s: string): string => JSON.stringify(s);
  mkdirSync(project);
  writeFileSync(path.join(project, 'playwright.config.mjs'), `export default { testDir: '.', retries: 0, workers: 1, reporter: [[${spec(reporter)}, { resultsDir: ${spec(resultsDir)} }]] };\n`);
  writeFileSync(
    path.join(project, 'sample.spec.mjs'),
    `import { test, expect } from ${spec(playwrightTest)};
test('a lead converts', () => { expect(1).toBe(1); });
test('the opportunity is won', () => { expect('Closed Lost', 'stage').toBe('Closed Won'); });
test('the save button is found', { annotation: { type: 'triage', description: 'test-defect: the locator names a retired button' } }, () => { expect(2).toBe(3); });
test('the org answers', () => { throw new Error('connect ECONNREFUSED 127.0.0.1:1'); });
`,
  );
  const cli = path.join(path.dirname(require.resolve('@playwright/test')), 'cli.js');
  // Three of the four tests fail on purpose: the exit code says so, the results are what matter.
  await run(process.execPath, [cli, 'test', '-c', path.join(project, 'playwright.config.mjs')], { cwd: project }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error;
  });
  assert.equal(readdirSync(resultsDir).filter((f) => f.endsWith('-result.json')).length, 4);
});

function categoryNames(): Map<string, string[]> {
  const { roots, nodes } = JSON.parse(readFileSync(path.join(reportDir, 'widgets/categories.json'), 'utf8')) as {
    roots: string[];
    nodes: Record<string, { name: string; type: string; childrenIds?: string[] }>;
  };
  const testsUnder = (id: string): string[] => {
    const node = nodes[id];
    if (node.type === 'tr') return [node.name];
    return (node.childrenIds ?? []).flatMap(testsUnder);
  };
  return new Map(roots.map((id) => [nodes[id].name, testsUnder(id)]));
}

test('generates the Allure report offline with environment, triage categories and history across runs', { timeout: 180_000 }, async () => {
  const first = await generateAllureReport({ resultsDir, reportDir, historyFile, environment });
  assert.equal(first.historyEntries, 1);
  assert.equal(first.triaged, 3);
  const second = await generateAllureReport({ resultsDir, reportDir, historyFile, environment });
  assert.equal(second.historyEntries, 2);
  assert.equal(second.triaged, 0, 'labels from the first generation are kept, not doubled');
  assert.equal(readFileSync(historyFile, 'utf8').trim().split('\n').length, 2);

  assert.ok(existsSync(path.join(reportDir, 'index.html')));
  const variables = JSON.parse(readFileSync(path.join(reportDir, 'widgets/variables.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(variables, {
    Target: 'local',
    'Org id': '00D000000000001EAA',
    'Org name': 'Acme <UAT>',
    Instance: 'http://127.0.0.1:40111',
    'Org kind': 'sandbox',
    'API version': '62.0',
    'Run id': 'run-allure-test',
    Commit: 'abc1234',
    'Data seed': '7',
  });

  const categories = categoryNames();
  assert.deepEqual(categories.get('Product defect'), ['the opportunity is won']);
  assert.deepEqual(categories.get('Test defect'), ['the save button is found']);
  assert.deepEqual(categories.get('Environment problem'), ['the org answers']);

  const index = readFileSync(path.join(reportDir, 'index.html'), 'utf8');
  assert.doesNotMatch(index, /googletagmanager|gtag\(/);
});

test('the report opens in Chromium without a single request leaving the machine', { timeout: 120_000 }, async () => {
  if (!existsSync(path.join(reportDir, 'index.html'))) await generateAllureReport({ resultsDir, reportDir, historyFile, environment });
  const server = await serveFolder(reportDir);
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${origin}/index.html`);
    await page.getByText('the opportunity is won').first().waitFor({ state: 'visible' });
    assert.deepEqual(outside, []);
  } finally {
    await browser.close();
    server.close();
  }
});

test('refuses a report folder that holds its own results or history (it is replaced whole)', async () => {
  await assert.rejects(generateAllureReport({ resultsDir, reportDir: dir, historyFile, environment }), /would contain the results or the history/);
  assert.ok(existsSync(resultsDir), 'the results are still there');
});

test('says in one line when there are no results to report', async () => {
  await assert.rejects(
    generateAllureReport({ resultsDir: path.join(dir, 'nothing-here'), reportDir: path.join(dir, 'r2'), historyFile, environment }),
    /^Error: No Allure results in .*nothing-here: run the suite first/,
  );
});

async function serveFolder(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, relative);
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
