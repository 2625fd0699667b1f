import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';
import { targetTheLocalOrgOnly } from '../../fixtures/run/localOrgOnly.ts';

/**
 * The harness's own browser tests (`npm run test:harness`): the fixture library (fixtures/) driven
 * exactly as the UAT suite drives it, through the same global setup (a local org started by
 * `golive org start`, the persona preflight) and the same `sessions` setup project, against the
 * local org always, whatever .env says. GOLIVE_UI_TEST_OUT moves reports and test output (two
 * runs in one work tree).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
targetTheLocalOrgOnly();

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
