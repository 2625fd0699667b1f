import { isExecutableFile } from './executableFile.ts';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Chromium for golive's browser work (the UI self-tests now, the Playwright UAT harness later).
 * Playwright's own download is often impossible (CI without internet, locked-down machines), so
 * a system Chromium is the normal case; order of preference:
 * 1. Playwright's own Chromium, when `npx playwright install chromium` has put it there;
 * 2. CHROMIUM_PATH, when set (an error if it names nothing executable: a typo must not fall
 *    back silently to another browser);
 * 3. the system's: chromium, chromium-browser, google-chrome, google-chrome-stable on PATH, then
 *    /usr/bin/chromium.
 */

/** Quiet, deterministic launches: no updaters, sync or first-run UI making requests of their own. */
export const CHROMIUM_ARGS: readonly string[] = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const CHROMIUM_MISSING =
  'No Chromium found: install one with `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to its executable.';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface ChromiumLookup {
  env?: NodeJS.ProcessEnv;
  /** Is this path an executable file? (Tests replace it.) */
  isExecutable?: (file: string) => boolean;
  /** Where Playwright keeps its own Chromium, whether or not it is installed. */
  playwrightChromium?: () => string | undefined;
}


/** Playwright's Chromium path from whichever Playwright package is installed (none → undefined). */
function playwrightChromiumPath(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const pkg of ['@playwright/test', 'playwright', 'playwright-core']) {
    try {
      const { chromium } = require(pkg) as { chromium?: { executablePath(): string } };
      if (chromium) return chromium.executablePath();
    } catch {
      // not installed: try the next one
    }
  }
  return undefined;
}

export function findChromium(lookup: ChromiumLookup = {}): string {
  const env = lookup.env ?? process.env;
  const isExecutable = lookup.isExecutable ?? isExecutableFile;

  const own = (lookup.playwrightChromium ?? playwrightChromiumPath)();
  if (own && isExecutable(own)) return own;

  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} is not an executable file. ${CHROMIUM_MISSING}`);
  }

  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  for (const candidate of SYSTEM_PATHS) if (isExecutable(candidate)) return candidate;
  throw new Error(CHROMIUM_MISSING);
}
