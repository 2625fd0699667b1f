import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../../src/browser/findChromium.ts';
import { targetTheLocalOrgOnly } from '../../../fixtures/run/localOrgOnly.ts';

/**
 * A small suite run by test/harness/evidence.test.ts, whose JSON report shows what evidence the
 * fixtures attach: one of its tests fails on purpose. Not part of any other suite (its files are
 * *.scenario.ts). The same global setup and `sessions` project as the UAT suite, on a local org.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
targetTheLocalOrgOnly();

const OUT = process.env.GOLIVE_EVIDENCE_OUT ?? path.join(ROOT, 'test-results/evidence');
export default defineConfig({
  globalSetup: path.join(ROOT, 'fixtures/run/globalSetup.ts'),
  outputDir: path.join(OUT, 'results'),
  reporter: [
    ['json', { outputFile: path.join(OUT, 'report.json') }],
    ['./stepLocationReporter.ts', { outputFile: path.join(OUT, 'steps.json') }],
  ],
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    { name: 'sessions', testDir: path.join(ROOT, 'fixtures/run'), testMatch: 'sessions.setup.ts' },
    { name: 'evidence', testDir: '.', testMatch: '*.scenario.ts', dependencies: ['sessions'] },
  ],
});
