import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../src/harness/target/orgTarget.ts';

/**
 * The UAT suite's wall time, as issue #6 measures it: the whole suite (every project) on the local
 * org with 2 workers, the span of each project, and the slowest ten tests. Target: under 3 minutes
 * for all projects.
 *
 *   npm run bench:suite                       runs `golive uat --workers=2` into a temp folder
 *   npm run bench:suite -- --results <file>   reads a run's results.json instead
 *
 * Exit code 1 when the target is missed or the run did not pass.
 */
interface JsonResult { startTime: string; duration: number; status: string; retry: number }
interface JsonTest { projectName: string; results: JsonResult[] }
interface JsonSpec { title: string; file: string; tests: JsonTest[] }
interface JsonSuite { title: string; specs?: JsonSpec[]; suites?: JsonSuite[] }
interface JsonReport { stats: { startTime: string; duration: number; expected: number; unexpected: number; flaky: number; skipped: number }; suites: JsonSuite[] }

const TARGET_MS = 3 * 60_000;

const { values } = parseArgs({ options: { results: { type: 'string' } } });
let resultsFile = values.results;
if (!resultsFile) {
  const reports = mkdtempSync(path.join(os.tmpdir(), 'golive-bench-suite-'));
  console.log(`running the whole suite: golive uat --workers=2 (reports in ${reports}) …`);
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/golive.mjs'), 'uat', '--workers=2'], { cwd: REPO_ROOT, env: { ...process.env, GOLIVE_REPORTS_DIR: reports }, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`golive uat exited ${run.status}`);
  resultsFile = path.join(reports, 'results.json');
}
const report = JSON.parse(readFileSync(resultsFile, 'utf8')) as JsonReport;

const tests: Array<{ title: string; project: string; startMs: number; durationMs: number; status: string }> = [];
const walk = (suite: JsonSuite, titles: string[]) => {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      for (const result of test.results) {
        tests.push({ title: [...titles, spec.title].filter(Boolean).join(' › '), project: test.projectName, startMs: Date.parse(result.startTime), durationMs: result.duration, status: result.status });
      }
    }
  }
  for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
};
for (const suite of report.suites) walk(suite, []);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const wall = report.stats.duration;
console.log(`\nwhole suite: ${seconds(wall)} wall (${tests.length} test runs: ${report.stats.expected} passed, ${report.stats.unexpected} failed, ${report.stats.flaky} flaky, ${report.stats.skipped} skipped); target < ${seconds(TARGET_MS)}: ${wall < TARGET_MS ? 'met' : 'MISSED'}`);
console.log('\n| project | tests | span (first start → last end) | sum of test times |\n|---|---|---|---|');
for (const project of [...new Set(tests.map((t) => t.project))]) {
  const mine = tests.filter((t) => t.project === project);
  const span = Math.max(...mine.map((t) => t.startMs + t.durationMs)) - Math.min(...mine.map((t) => t.startMs));
  console.log(`| ${project} | ${mine.length} | ${seconds(span)} | ${seconds(mine.reduce((sum, t) => sum + t.durationMs, 0))} |`);
}
console.log('\nslowest ten:\n| test | project | time |\n|---|---|---|');
for (const t of [...tests].sort((a, b) => b.durationMs - a.durationMs).slice(0, 10)) console.log(`| ${t.title} | ${t.project} | ${seconds(t.durationMs)} |`);
process.exitCode = wall < TARGET_MS && report.stats.unexpected === 0 ? 0 : 1;
