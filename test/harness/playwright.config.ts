import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';

/**
 * The harness's own browser tests (`npm run test:harness`): the fixture library (fixtures/) driven
 * exactly as the UAT suite drives it, through the same global setup (a local org started by
 * `golive org start`, the persona preflight) and the same `sessions` setup project, against the
 * local org always, whatever .env says. GOLIVE_UI_TEST_OUT moves reports and test output (two
 * runs in one work tree).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
process.env.GOLIVE_TARGET = 'local';
delete process.env.GOLIVE_PERSONAS;
// Workers load this file too, after global setup has set the org's URL: only the runner clears it.
if (!process.env.TEST_WORKER_INDEX) delete process.env.GOLIVE_LOCAL_ORG_URL;
for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[v];

const OUT = process.env.GOLIVE_UI_TEST_OUT;
export default defineConfig({
  globalSetup: path.join(ROOT, 'fixtures/run/globalSetup.ts'),
  outputDir: OUT ? `${OUT}/harness-results` : path.join(ROOT, 'test-results/harness'),
  reporter: [['list'], ['html', { outputFolder: OUT ? `${OUT}/harness-report` : path.join(ROOT, 'reports/harness'), open: 'never' }]],
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'sessions', testDir: path.join(ROOT, 'fixtures/run'), testMatch: 'sessions.setup.ts' },
    { name: 'harness', testDir: '.', testMatch: '*.spec.ts', dependencies: ['sessions'] },
  ],
});
