import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isExecutableFile } from './executableFile.ts';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Video of failed scenarios needs an ffmpeg, and Playwright only ever runs the one at a fixed
 * place: `<registry>/ffmpeg-<revision>/ffmpeg-linux`, where `npx playwright install ffmpeg` puts
 * its own build (registry: PLAYWRIGHT_BROWSERS_PATH, else ~/.cache/ms-playwright; revision:
 * playwright-core/browsers.json). Where that download is impossible, the system's ffmpeg
 * (Debian's `ffmpeg` 5.1 has everything Playwright 1.65 asks of it: an MJPEG-in-Matroska stream
 * on stdin, VP9 WebM out) is put in that place, as a two-line script that runs it.
 *
 * Why there, and not a golive folder named by PLAYWRIGHT_BROWSERS_PATH: that variable moves the
 * whole registry, so Playwright's own Chromium (findChromium's first choice) would vanish for
 * whichever process saw it, and the runner reads it before our config could set it. One file in
 * the folder Playwright already uses changes nothing else, and only when it has no ffmpeg of its
 * own: Playwright's build is never replaced.
 *
 * Why a script and not a symlink: `npx playwright install ffmpeg` (no INSTALLATION_COMPLETE
 * marker, so it downloads) unzips over that file and would write through a symlink onto the
 * system's ffmpeg. Over a script it simply replaces the script with Playwright's build.
 */

/** The first line after the shebang of the script we write: how we know a file is ours. */
const OURS = '# golive: the system ffmpeg for Playwright video (src/browser/ensureVideoEncoder.ts)';

/** What Playwright 1.65's recorder asks of ffmpeg (its args: -f matroska … -c:v libvpx-vp9). */
const NEEDED = [
  { list: '-encoders', name: 'libvpx-vp9' },
  { list: '-decoders', name: 'mjpeg' },
  { list: '-demuxers', name: 'matroska' },
] as const;

/** Playwright's name for its ffmpeg on each platform; Windows needs an .exe, which we cannot stand in for. */
const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = { linux: 'ffmpeg-linux', darwin: 'ffmpeg-mac' };

export type VideoEncoder =
  | { source: 'playwright'; path: string }
  | { source: 'system'; path: string; ffmpeg: string }
  | { source: 'none'; reason: string };

export interface VideoEncoderLookup {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}


function playwrightCoreRoot(): string {
  return path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
}

/** Playwright's registry folder, decided as playwright-core decides it (registryDirectory). */
export function playwrightRegistryDir(lookup: VideoEncoderLookup = {}): string {
  const env = lookup.env ?? process.env;
  const platform = lookup.platform ?? process.platform;
  const configured = env.PLAYWRIGHT_BROWSERS_PATH;
  let dir: string;
  if (configured === '0') dir = path.join(playwrightCoreRoot(), '.local-browsers');
  else if (configured) dir = configured;
  else if (platform === 'darwin') dir = path.join(os.homedir(), 'Library', 'Caches', 'ms-playwright');
  else if (platform === 'win32') dir = path.join(env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'ms-playwright');
  else dir = path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ms-playwright');
  return path.isAbsolute(dir) ? dir : path.resolve(env.INIT_CWD || process.cwd(), dir);
}

/** Where this Playwright runs ffmpeg from (undefined: a platform we cannot serve). */
export function playwrightFfmpegPath(lookup: VideoEncoderLookup = {}): string | undefined {
  const executable = EXECUTABLE[lookup.platform ?? process.platform];
  if (!executable) return undefined;
  const browsers = JSON.parse(readFileSync(path.join(playwrightCoreRoot(), 'browsers.json'), 'utf8')) as { browsers: Array<{ name: string; revision: string }> };
  const ffmpeg = browsers.browsers.find((b) => b.name === 'ffmpeg');
  if (!ffmpeg) return undefined;
  return path.join(playwrightRegistryDir(lookup), `ffmpeg-${ffmpeg.revision}`, executable);
}

/** The system ffmpeg our script at `file` runs, or undefined when `file` is not our script. */
function ourScriptTarget(file: string): string | undefined {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(512);
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const lines = head.split('\n');
  if (lines[1] !== OURS) return undefined;
  const exec = /^exec '((?:[^']|'\\'')*)' "\$@"$/.exec(lines[2] ?? '');
  return exec ? exec[1].replaceAll(`'\\''`, `'`) : '';
}

/** An ffmpeg on PATH (or Debian's usual place) that can do what Playwright's recorder asks. */
export function findSystemFfmpeg(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, 'ffmpeg')), '/usr/bin/ffmpeg'];
  const found = candidates.find(isExecutableFile);
  if (!found) return undefined;
  const supports = NEEDED.every(({ list, name }) => {
    const res = spawnSync(found, ['-hide_banner', list], { encoding: 'utf8', timeout: 15_000 });
    // Lines like ` V....D libvpx-vp9   libvpx VP9 (codec vp9)` and ` D  matroska,webm   Matroska / WebM`.
    return res.status === 0 && new RegExp(`^ \\S+\\s+${name}[,\\s]`, 'm').test(res.stdout);
  });
  return supports ? found : undefined;
}

function writeScript(file: string, ffmpeg: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const quoted = `'${ffmpeg.replaceAll(`'`, `'\\''`)}'`;
  // Written aside and renamed: other runs (and this run's workers) may look at it meanwhile.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `#!/bin/sh\n${OURS}\nexec ${quoted} "$@"\n`);
  chmodSync(temp, 0o755);
  renameSync(temp, file);
}

/**
 * Makes sure Playwright finds an ffmpeg where it looks, without installing anything: its own
 * build if there, else the system's (our script, refreshed when the ffmpeg it ran is gone).
 * Cheap once done: the config calls it in the runner and in every worker.
 */
export function provideVideoEncoder(lookup: VideoEncoderLookup & { systemFfmpeg?: () => string | undefined } = {}): VideoEncoder {
  const target = playwrightFfmpegPath(lookup);
  if (!target) return { source: 'none', reason: `Playwright cannot record video with a system ffmpeg on ${lookup.platform ?? process.platform}` };
  const scriptTarget = ourScriptTarget(target);
  if (scriptTarget === undefined && existsSync(target)) {
    // Playwright's own build (or something else someone put there): never ours to replace.
    return isExecutableFile(target) ? { source: 'playwright', path: target } : { source: 'none', reason: `${target} is there but not executable` };
  }
  if (scriptTarget && isExecutableFile(scriptTarget)) return { source: 'system', path: target, ffmpeg: scriptTarget };
  const ffmpeg = (lookup.systemFfmpeg ?? (() => findSystemFfmpeg(lookup.env)))();
  if (!ffmpeg) {
    // Our script running an ffmpeg that is gone would fail every recording test: better none.
    if (scriptTarget !== undefined) rmSync(target, { force: true });
    return { source: 'none', reason: 'no ffmpeg with VP9 (libvpx-vp9) found' };
  }
  try {
    writeScript(target, ffmpeg);
  } catch (err) {
    return { source: 'none', reason: `cannot write ${target} (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  return { source: 'system', path: target, ffmpeg };
}

function canApt(): boolean {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstallFfmpeg(): boolean {
  console.log("golive: no ffmpeg for video of failures; installing Debian's ffmpeg with apt-get (a minute or two)…");
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'ffmpeg']]) {
    const res = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (res.status !== 0) return false;
  }
  return true;
}

/**
 * Before a UAT run (`golive uat`, `npm run uat`): an ffmpeg for video of failures, found, or on
 * Debian/Ubuntu as root installed with apt (as ensureChromium does for the browser). Never stops
 * the run: without one, failures keep their trace and screenshots, and global setup says so.
 */
export function ensureVideoEncoder(): VideoEncoder {
  let encoder = provideVideoEncoder();
  if (encoder.source === 'none' && process.platform === 'linux' && canApt() && aptInstallFfmpeg()) encoder = provideVideoEncoder();
  if (encoder.source === 'playwright') console.log(`golive: video of failures with Playwright's ffmpeg (${encoder.path})`);
  else if (encoder.source === 'system') console.log(`golive: video of failures with ${encoder.ffmpeg} (run by ${encoder.path})`);
  else console.log(`golive: no video of failures: ${encoder.reason}; install one with \`apt-get install -y ffmpeg\` (Debian/Ubuntu) or \`npx playwright install ffmpeg\`.`);
  return encoder;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureVideoEncoder();
