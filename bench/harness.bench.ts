/**
 * Fixture overhead (issue "Harness core", how it is checked): the median time a test spends on
 * the harness's fixtures (the persona's page from saved browser state, its API connection, the
 * records factory creating and cleaning up 10 leads, and the automation-log evidence) against the
 * same start done the way a plain script would (login form, 10 leads through the New Lead dialog,
 * 10 deletes on the record page), as a ratio.
 *
 *   npm run bench:harness                                   # 20 fixture tests, 5 UI tests
 *   GOLIVE_BENCH_TESTS=40 GOLIVE_BENCH_UI_TESTS=10 npm run bench:harness
 *
 * Runs bench/harness/playwright.config.ts (its own local org, one worker, no traces) and reads
 * each test's duration from the JSON report: everything Playwright counts for the test, fixture
 * setup and teardown included. The first test of each kind also launches the worker's browser and
 * logs the personas in, so it is left out. Exit code 1 when the target is missed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 150;

interface Spec { title: string; tests: Array<{ results: Array<{ status: string; duration: number }> }> }
interface Suite { specs: Spec[]; suites?: Suite[] }

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-bench-harness-'));
try {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'bench/harness/playwright.config.ts'], {
    cwd: ROOT,
    env: { ...process.env, GOLIVE_BENCH_OUT: out },
    encoding: 'utf8',
  });
  const reportFile = path.join(out, 'report.json');
  if (run.status !== 0 || !fs.existsSync(reportFile)) {
    console.error(`bench:harness: the timed suite failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
    process.exit(2);
  }
  const suites = (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { suites: Suite[] }).suites;
  const specs = suites.flatMap(function all(s): Spec[] {
    return [...s.specs, ...(s.suites ?? []).flatMap(all)];
  });
  const durations = (kind: string) =>
    specs
      .filter((s) => s.title.startsWith(`${kind} `))
      .sort((a, b) => Number(a.title.split(' ')[1]) - Number(b.title.split(' ')[1]))
      .map((s) => s.tests[0].results[0].duration)
      .slice(1);
  const fixtures = durations('fixtures');
  const ui = durations('ui');
  const fixturesMedian = median(fixtures);
  const uiMedian = median(ui);
  const met = fixturesMedian < TARGET_MS;
  console.log(`Harness fixtures, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log('| measure | median | target | |');
  console.log('|---|---|---|---|');
  console.log(`| per-test overhead: persona page from saved state + API connection + 10 leads created and cleaned up (${fixtures.length} tests) | ${fixturesMedian.toFixed(0)} ms | < ${TARGET_MS} ms | ${met ? 'met' : 'MISSED'} |`);
  console.log(`|   same start through the UI: login form + 10 leads in the New Lead dialog + 10 deletes (${ui.length} tests) | ${uiMedian.toFixed(0)} ms | UI = ${(uiMedian / fixturesMedian).toFixed(1)}x slower | |`);
  console.log(`fixture tests (ms): ${fixtures.join(' ')}\nUI tests (ms): ${ui.join(' ')}`);
  process.exitCode = met ? 0 : 1;
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
