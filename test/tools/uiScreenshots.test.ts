import { devices } from '@playwright/test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `npm run screenshots` end to end: the script as a child process (its own local org, real
 * Chromium) into a temporary folder, then the files it wrote are read back.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'tools/uiScreenshots.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, env, timeout: 180_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is not a PNG`);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR', `${file} has no IHDR first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const VIEWPORTS: Record<string, { width: number; height: number }> = {
  desktop: { width: 1280, height: 800 },
  'pixel-7': devices['Pixel 7'].viewport,
  'iphone-14': devices['iPhone 14'].viewport,
};
const PAGES = ['login', 'home', 'leads-list', 'lead-record', 'new-lead', 'edit-lead', 'search', 'app-launcher', 'opportunity-record'];
const DIALOGS = new Set(['new-lead', 'edit-lead', 'app-launcher', 'convert-lead']);

describe('npm run screenshots', () => {
  let out: string;
  let run: Run;

  before(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'golive-screenshots-'));
    run = await runScript(['--out', out]);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  test('exits 0 and says what it wrote', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /wrote \d+ screenshots/);
  });

  test('every main page at every size is a PNG of the viewport width', () => {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const convert = existsSync(path.join(out, size, 'convert-lead.png')) ? ['convert-lead'] : [];
      for (const page of [...PAGES, ...convert]) {
        const file = path.join(out, size, `${page}.png`);
        assert.ok(existsSync(file), `${size}/${page}.png missing`);
        const { width, height } = pngSize(file);
        assert.equal(width, viewport.width, `${size}/${page}.png width`);
        if (DIALOGS.has(page)) assert.equal(height, viewport.height, `${size}/${page}.png height (viewport only)`);
        else assert.ok(height >= viewport.height, `${size}/${page}.png is ${height}px high, less than the viewport`);
      }
    }
  });

  test('the Convert Lead dialog is either captured or reported as skipped, never silently missing', () => {
    const captured = Object.keys(VIEWPORTS).every((size) => existsSync(path.join(out, size, 'convert-lead.png')));
    const skipped = /skipped convert-lead: /.test(run.stdout);
    assert.ok(captured !== skipped, `captured: ${captured}, skipped line: ${skipped}`);
  });

  test('file names are the page names only (nothing from the session)', () => {
    for (const size of Object.keys(VIEWPORTS)) {
      for (const name of readdirSync(path.join(out, size))) assert.ok([...PAGES, 'convert-lead'].includes(name.replace(/\.png$/, '')), `unexpected file ${size}/${name}`);
    }
  });

  test('index.html shows every screenshot it wrote', () => {
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    const listed = [...index.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]).sort();
    const written = Object.keys(VIEWPORTS)
      .flatMap((size) => readdirSync(path.join(out, size)).map((f) => `${size}/${f}`))
      .sort();
    assert.deepEqual(listed, written);
    assert.ok(written.length >= PAGES.length * 3);
  });
});

test('no Chromium: the finder\'s one-line message and exit code 6, nothing written', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'golive-screenshots-'));
  try {
    // Playwright's own Chromium pointed at nothing, and a CHROMIUM_PATH that names nothing.
    const env = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: path.join(out, 'no-browsers'), CHROMIUM_PATH: path.join(out, 'no-chromium') };
    const run = await runScript(['--out', out], env);
    assert.equal(run.code, 6, run.stderr);
    assert.match(run.stderr.trim(), /^golive: CHROMIUM_PATH=.* is not an executable file\. No Chromium found: /);
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.deepEqual(readdirSync(out), []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('an unknown option is a usage error (exit 2)', async () => {
  const run = await runScript(['--outt', '/tmp/x']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^golive: unknown option '--outt'/);
});
