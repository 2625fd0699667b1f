import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import dotenv from 'dotenv';
import { CHROMIUM_ARGS, findChromium } from './src/browser/findChromium.ts';
import { videoMode } from './fixtures/run/videoRecording.ts';
import { dropProxyVariables } from './src/harness/target/proxyVariables.ts';
import { reportsDir } from './src/harness/run/reportsDir.ts';
import { RUN_FACTS_FILE } from './src/harness/run/runFacts.ts';

/**
 * The UAT suite: `npm run uat` (ensures a Chromium, then `playwright test` with this file).
 *
 * Target (.env): GOLIVE_TARGET=local (default): global setup starts the embedded local org on
 * 127.0.0.1, a free port and a fresh database under .golive/runs/; nothing else is needed.
 * GOLIVE_TARGET=salesforce: SF_LOGIN_URL and the personas' users (fixtures/README.md).
 *
 * Order of a run: global setup (org, persona preflight; a difference stops the run) → `sessions`
 * (each persona signed in through the frontdoor, browser state saved) → the scenario projects:
 * desktop Chrome runs every scenario; the phone projects (Pixel 7, iPhone 14, both emulated in
 * Chromium) run the scenarios tagged @mobile.
 */
const ROOT = path.dirname(fileURLToPath(import.meta.url));
dotenv.config({ path: path.join(ROOT, '.env'), quiet: true });

// jsforce sends every call through HTTP(S)_PROXY when one is set and ignores NO_PROXY; the local
// org is on loopback, where a proxy can only get in the way. Workers inherit this environment.
if ((process.env.GOLIVE_TARGET?.trim() || 'local').toLowerCase() === 'local') {
  dropProxyVariables();
}

/** Reports and test evidence; GOLIVE_REPORTS_DIR moves them (two runs in one work tree). */
const REPORTS = reportsDir();
// The HTML and JUnit reporters replace their output each run; allure-playwright only adds to its
// folder, which would mix earlier runs' results into this run's Allure report. The results and
// run facts the gate reads go too: a run that dies before writing its own must leave the gate
// nothing to judge, never the previous run's. The runner clears them once (workers load this
// file too).
if (!process.env.TEST_WORKER_INDEX) {
  for (const stale of ['allure-results', 'results.json', RUN_FACTS_FILE, 'access-drift.json']) rmSync(path.join(REPORTS, stale), { recursive: true, force: true });
}

/**
 * GOLIVE_BLOB_DIR=<dir>: also write a blob report there, for runs split with --shard; merge the
 * shards' blobs with `npx playwright merge-reports --reporter json <dirs>` and gate the merge.
 */
const BLOB_DIR = process.env.GOLIVE_BLOB_DIR?.trim();

export default defineConfig({
  globalSetup: './fixtures/run/globalSetup.ts',
  outputDir: path.join(REPORTS, 'test-results'),
  reporter: [
    ['list'],
    ['html', { outputFolder: path.join(REPORTS, 'html'), open: 'never' }],
    ['junit', { outputFile: path.join(REPORTS, 'junit.xml') }],
    ['allure-playwright', { resultsDir: path.join(REPORTS, 'allure-results') }],
    // What the go-live gate reads (golive gate; src/gate/README.md).
    ['json', { outputFile: path.join(REPORTS, 'results.json') }],
    ...(BLOB_DIR ? [['blob', { outputDir: path.resolve(BLOB_DIR) }] as const] : []),
    // Last: it scrubs the run's secrets from everything the reporters above wrote (the HTML
    // report is written in their onEnd, after global teardown), rescans, and fails the run if any
    // remain: one line per finding, never the value.
    ['./src/harness/secrets/SecretScrubReporter.ts', { dirs: [REPORTS] }],
  ],
  forbidOnly: true,
  // Playwright's default, half the cores, is one worker on a 2-core CI machine; the scenarios
  // spend much of their time waiting on the org, so two share even two cores well (bench/README.md).
  // `--workers` overrides.
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  // One retry, for evidence: a failed scenario runs again with video (fixtures/run/videoRecording.ts).
  // The gate counts a pass on the retry (flaky) as a failure for blockers and criticals.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    // Video of a failed scenario's retry, when an ffmpeg is there (fixtures/run/videoRecording.ts).
    video: videoMode(),
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'sessions', testDir: './fixtures/run', testMatch: 'sessions.setup.ts' },
    {
      name: 'desktop-chrome',
      testDir: './scenarios',
      // Scenarios about working on a phone (MOB-*) prove nothing on a desktop screen.
      grepInvert: /@phone-only/,
      dependencies: ['sessions'],
      use: { ...devices['Desktop Chrome'] },
    },
    {
      name: 'pixel-7',
      testDir: './scenarios',
      grep: /@mobile/,
      dependencies: ['sessions'],
      use: { ...devices['Pixel 7'] },
    },
    {
      name: 'iphone-14',
      testDir: './scenarios',
      grep: /@mobile/,
      dependencies: ['sessions'],
      // Emulated in Chromium (viewport, touch, user agent): WebKit is not available here.
      use: { ...devices['iPhone 14'], browserName: 'chromium' },
    },
  ],
});
