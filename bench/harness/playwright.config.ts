import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';
import { targetTheLocalOrgOnly } from '../../fixtures/run/localOrgOnly.ts';

/**
 * The suite `npm run bench:harness` runs (bench/harness.bench.ts reads its JSON report): the same
 * global setup and `sessions` project as the UAT suite, on a fresh local org, one worker, no
 * traces, screenshots or video, so only the fixtures and the scenario's own work are timed.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
targetTheLocalOrgOnly();

const OUT = process.env.GOLIVE_BENCH_OUT ?? path.join(ROOT, 'test-results/bench-harness');
export default defineConfig({
  globalSetup: path.join(ROOT, 'fixtures/run/globalSetup.ts'),
  outputDir: path.join(OUT, 'results'),
  reporter: [['json', { outputFile: path.join(OUT, 'report.json') }]],
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    { name: 'sessions', testDir: path.join(ROOT, 'fixtures/run'), testMatch: 'sessions.setup.ts' },
    { name: 'bench', testDir: '.', testMatch: 'overhead.timing.ts', dependencies: ['sessions'] },
  ],
});
