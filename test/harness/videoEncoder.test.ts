import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { playwrightFfmpegPath, playwrightRegistryDir, provideVideoEncoder } from '../../src/browser/ensureVideoEncoder.ts';

/**
 * Where Playwright's ffmpeg goes and what provideVideoEncoder does there, in a registry of our own
 * (PLAYWRIGHT_BROWSERS_PATH, as a user would set it) with stand-in ffmpegs: small scripts that say
 * who they are. The real recording is video.test.ts's.
 */

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-video-encoder-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function standIn(name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `#!/bin/sh\necho "${name.replaceAll('"', '')} $*"\n`, { mode: 0o755 });
  return file;
}

const run = (file: string, ...args: string[]) => spawnSync(file, args, { encoding: 'utf8' }).stdout.trim();

describe('the ffmpeg Playwright runs', () => {
  let registry: string;
  let env: NodeJS.ProcessEnv;
  let target: string;
  beforeEach(() => {
    registry = fs.mkdtempSync(path.join(tmp, 'registry-'));
    env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: registry };
    target = playwrightFfmpegPath({ env, platform: 'linux' })!;
  });

  it("is found where Playwright's own registry is: its Chromium and ffmpeg share the folder", () => {
    const { chromium } = createRequire(import.meta.url)('playwright-core') as { chromium: { executablePath(): string } };
    // <registry>/chromium-<rev>/chrome-linux64/chrome, decided by playwright-core from the same environment.
    assert.equal(playwrightRegistryDir(), path.resolve(chromium.executablePath(), '../../..'));
    const revision = (JSON.parse(fs.readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'browsers.json'), 'utf8')) as { browsers: Array<{ name: string; revision: string }> }).browsers.find((b) => b.name === 'ffmpeg')!.revision;
    assert.equal(target, path.join(registry, `ffmpeg-${revision}`, 'ffmpeg-linux'));
    assert.equal(playwrightFfmpegPath({ env, platform: 'darwin' }), path.join(registry, `ffmpeg-${revision}`, 'ffmpeg-mac'));
  });

  it("puts the system's ffmpeg there when Playwright has none, as a script that runs it", () => {
    const system = standIn("system ffmpeg (it's here)");
    const encoder = provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => system });
    assert.deepEqual(encoder, { source: 'system', path: target, ffmpeg: system });
    assert.equal(run(target, '-i', 'pipe:0', 'out.webm'), "system ffmpeg (it's here) -i pipe:0 out.webm");
    assert.ok(!fs.lstatSync(target).isSymbolicLink(), "a file: Playwright's installer may unzip over it without writing through to the system's ffmpeg");
    assert.deepEqual(provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => assert.fail('not asked again') }), encoder);
  });

  it("leaves Playwright's own ffmpeg alone", () => {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(standIn('playwright ffmpeg'), target);
    const encoder = provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => assert.fail('no system ffmpeg is needed') });
    assert.deepEqual(encoder, { source: 'playwright', path: target });
    assert.equal(run(target), 'playwright ffmpeg');
  });

  it('points at another system ffmpeg when the one it ran is gone, and removes itself when there is none', () => {
    const first = standIn('first ffmpeg');
    provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => first });
    fs.rmSync(first);
    const second = standIn('second ffmpeg');
    assert.deepEqual(provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => second }), { source: 'system', path: target, ffmpeg: second });
    assert.equal(run(target), 'second ffmpeg');
    fs.rmSync(second);
    const none = provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => undefined });
    assert.equal(none.source, 'none');
    assert.ok(!fs.existsSync(target), 'no script left that would fail every recording');
  });

  it('reports none, without failing, where it cannot help', () => {
    assert.equal(provideVideoEncoder({ env, platform: 'linux', systemFfmpeg: () => undefined }).source, 'none');
    assert.equal(provideVideoEncoder({ env, platform: 'win32', systemFfmpeg: () => assert.fail('Windows needs an .exe') }).source, 'none');
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    const unwritable = provideVideoEncoder({ env: { ...env, PLAYWRIGHT_BROWSERS_PATH: path.join(blocked, 'registry') }, platform: 'linux', systemFfmpeg: () => standIn('unused ffmpeg') });
    assert.equal(unwritable.source, 'none');
    assert.match(unwritable.source === 'none' ? unwritable.reason : '', /^cannot write .*ffmpeg-linux \(ENOTDIR\)$/);
  });
});
