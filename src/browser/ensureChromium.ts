import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING, findChromium } from './findChromium.ts';

/**
 * Makes sure a Chromium is there before browser work starts, so the README's commands hold on a
 * fresh machine: finds one (findChromium), or on Debian/Ubuntu as root installs Debian's
 * `chromium` with apt (Playwright's own download is impossible where there is no internet).
 * Anywhere else it says, in one line, how to install one. Exit codes: 0 found or installed,
 * 6 none and none could be installed.
 */
const EXIT_NO_BROWSER = 6;

function tryFind(): string | undefined {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

function canApt(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstall(): boolean {
  console.log('golive: no Chromium found; installing Debian\'s chromium with apt-get (about a minute)…');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const res = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (res.status !== 0) return false;
  }
  return true;
}

export function ensureChromium(): number {
  let found = tryFind();
  if (!found && canApt() && aptInstall()) found = tryFind();
  if (found) {
    console.log(`golive: using Chromium at ${found}`);
    return 0;
  }
  console.error(`golive: ${CHROMIUM_MISSING}`);
  return EXIT_NO_BROWSER;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = ensureChromium();
