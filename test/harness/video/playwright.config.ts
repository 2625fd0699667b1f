import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../../src/browser/findChromium.ts';
import { targetTheLocalOrgOnly } from '../../../fixtures/run/localOrgOnly.ts';
import { videoMode } from '../../../fixtures/run/videoRecording.ts';

/**
 * A small suite run by test/harness/video.test.ts, which reads its JSON report for the videos the
 * persona fixture kept: one test fails on purpose. `video` is decided exactly as the UAT suite's
 * playwright.config.ts decides it. Not part of any other suite (its files are *.scenario.ts).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
targetTheLocalOrgOnly();

const OUT = process.env.GOLIVE_VIDEO_TEST_OUT ?? path.join(ROOT, 'test-results/video');
export default defineConfig({
  globalSetup: path.join(ROOT, 'fixtures/run/globalSetup.ts'),
  outputDir: path.join(OUT, 'results'),
  reporter: [['json', { outputFile: path.join(OUT, 'report.json') }]],
  forbidOnly: true,
  // As the UAT suite: a failed test is run once more, on camera (fixtures/run/videoRecording.ts).
  retries: 1,
  workers: 1,
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
    video: videoMode(),
  },
  projects: [
    { name: 'sessions', testDir: path.join(ROOT, 'fixtures/run'), testMatch: 'sessions.setup.ts' },
    { name: 'video', testDir: '.', testMatch: '*.scenario.ts', dependencies: ['sessions'] },
  ],
});
