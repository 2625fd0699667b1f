import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import dotenv from 'dotenv';
import { CHROMIUM_ARGS, findChromium } from './src/browser/findChromium.ts';
import { videoMode } from './fixtures/run/videoRecording.ts';
import { dropProxyVariables } from './src/harness/target/proxyVariables.ts';

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
const REPORTS = path.resolve(ROOT, process.env.GOLIVE_REPORTS_DIR ?? 'reports');
// The HTML and JUnit reporters replace their output each run; allure-playwright only adds to its
// folder, which would mix earlier runs' results into this run's Allure report. The runner clears
// it once (workers load this file too).
if (!process.env.TEST_WORKER_INDEX) rmSync(path.join(REPORTS, 'allure-results'), { recursive: true, force: true });

export default defineConfig({
  globalSetup: './fixtures/run/globalSetup.ts',
  outputDir: path.join(REPORTS, 'test-results'),
  reporter: [
    ['list'],
    ['html', { outputFolder: path.join(REPORTS, 'html'), open: 'never' }],
    ['junit', { outputFile: path.join(REPORTS, 'junit.xml') }],
    ['allure-playwright', { resultsDir: path.join(REPORTS, 'allure-results') }],
    // Last: it scrubs the run's secrets from everything the reporters above wrote (the HTML
    // report is written in their onEnd, after global teardown), rescans, and fails the run if any
    // remain: one line per finding, never the value.
    ['./src/harness/secrets/SecretScrubReporter.ts', { dirs: [REPORTS] }],
  ],
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    // Kept for failures when Playwright's ffmpeg is installed (fixtures/run/videoRecording.ts).
    video: videoMode(),
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'sessions', testDir: './fixtures/run', testMatch: 'sessions.setup.ts' },
    {
      name: 'desktop-chrome',
      testDir: './scenarios',
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
