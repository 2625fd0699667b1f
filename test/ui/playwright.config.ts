import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';

/**
 * The UI's self-tests: real Chromium against an in-process local org (fixtures.ts). Two
 * projects: desktop (1280×800) runs every spec but the phone one; phone (Pixel 7 emulation in
 * Chromium) runs phone.spec.ts, which also checks an iPhone 14 viewport, and accessibility.spec.ts,
 * so axe sees the phone layout too, and contactLinks.spec.ts (tel:/mailto: matter most on a
 * phone). Reports go to
 * reports/ui and failure traces to test-results/ui (both gitignored). GOLIVE_UI_TEST_OUT moves both
 * under another folder, so two runs in one work tree do not clear each other's output.
 */
const OUT = process.env.GOLIVE_UI_TEST_OUT;
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: OUT ? `${OUT}/test-results` : '../../test-results/ui',
  reporter: [['list'], ['html', { outputFolder: OUT ? `${OUT}/report` : '../../reports/ui', open: 'never' }]],
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: '**/phone.spec.ts', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', testMatch: ['**/phone.spec.ts', '**/accessibility.spec.ts', '**/contactLinks.spec.ts'], use: { ...devices['Pixel 7'] } },
  ],
});
