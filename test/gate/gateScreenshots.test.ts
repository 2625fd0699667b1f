import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../src/browser/findChromium.ts';
import { writeGateRecord } from '../../src/gate/record/writeGateRecord.ts';
import { fixtureVerdict } from './verdictFixture.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'golive-gate-shots-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('npm run gate:screenshots renders gate.html at desktop and phone width without sideways scroll', { timeout: 120_000 }, async () => {
  delete process.env.GOLIVE_GATE_SIGNING_KEY;
  await writeGateRecord(dir, fixtureVerdict(), {});
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/gateScreenshots.ts'), '--dir', dir], { cwd: ROOT });
  assert.match(stdout, /desktop: .*gate-desktop\.png/);
  assert.match(stdout, /phone: .*gate-phone\.png/);
  const desktop = pngSize(path.join(dir, 'gate-desktop.png'));
  const phone = pngSize(path.join(dir, 'gate-phone.png'));
  assert.equal(desktop.width, 1280);
  assert.equal(phone.width, 390);
  // Full page: taller than one screen, and the phone's narrower layout is the taller one.
  assert.ok(desktop.height > 900 && desktop.height < 20_000, `desktop height ${desktop.height}`);
  assert.ok(phone.height > desktop.height, `phone height ${phone.height} vs desktop ${desktop.height}`);
});

test('gate:screenshots refuses a folder without gate.html in one line', async () => {
  const empty = mkdtempSync(path.join(dir, 'empty-'));
  await assert.rejects(
    run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/gateScreenshots.ts'), '--dir', empty], { cwd: ROOT }),
    (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr ?? '', /^No gate\.html in .*: run the gate first/);
      return true;
    },
  );
});

test('gate:screenshots exits 70 naming the culprit when a page scrolls sideways at phone width', { timeout: 120_000 }, async () => {
  const wide = mkdtempSync(path.join(dir, 'wide-'));
  writeFileSync(path.join(wide, 'gate.html'), '<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><style>.banner{width:900px}</style></head><body><h1>Wide</h1><div class="banner">x</div></body></html>');
  await assert.rejects(
    run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools/gateScreenshots.ts'), '--dir', wide], { cwd: ROOT }),
    (error: { code?: number; stderr?: string }) => {
      assert.equal(error.code, 70);
      assert.match(error.stderr ?? '', /scrolls sideways by \d+px at phone width.*<div class="banner">/);
      return true;
    },
  );
});

test('gate.html has no axe accessibility violations at desktop or phone width', { timeout: 120_000 }, async () => {
  const record = mkdtempSync(path.join(dir, 'axe-'));
  await writeGateRecord(record, fixtureVerdict({ scenarioTitle: 'A rep <em>cannot</em> see another region' }), {});
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(record, 'gate.html')).href);
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `at ${viewport.width}px`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});
