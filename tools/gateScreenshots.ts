/**
 * Looks at gate.html the way the release manager will: rendered in Chromium at desktop width
 * (1280) and phone width (390, Pixel 7 emulation: touch, mobile viewport, its scale), full page,
 * into gate-desktop.png and gate-phone.png beside it (issue #7: "gate.html is looked at").
 * At phone width the page must not scroll sideways (wide tables scroll inside their own frame);
 * if it does, the tool names the widest elements and exits non-zero.
 *
 *   npm run gate:screenshots                  # <reports>/gate (GOLIVE_REPORTS_DIR or reports/)
 *   npm run gate:screenshots -- --dir <gate>  # another record folder
 *
 * Exit codes: 0 done, 2 bad option or no gate.html, 6 no Chromium, 70 horizontal scroll at
 * phone width (the PNGs are still written, to show it).
 */
import { chromium, devices, type Browser, type BrowserContextOptions } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/findChromium.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXIT_USAGE = 2;
const EXIT_NO_BROWSER = 6;
const EXIT_OVERFLOW = 70;

const { defaultBrowserType: _webkitOrChromium, ...pixel7 } = devices['Pixel 7'];

interface GateView {
  name: 'desktop' | 'phone';
  file: string;
  context: BrowserContextOptions;
}

export const GATE_VIEWS: readonly GateView[] = [
  { name: 'desktop', file: 'gate-desktop.png', context: { viewport: { width: 1280, height: 900 } } },
  { name: 'phone', file: 'gate-phone.png', context: { ...pixel7, viewport: { width: 390, height: 844 } } },
];

export interface GateViewResult {
  view: GateView['name'];
  file: string;
  /** The page's scroll width beyond the viewport, in CSS pixels (0: no sideways scroll). */
  overflowPx: number;
  /** The elements that stick out, when overflowPx > 0. */
  culprits: string[];
}

export function defaultGateDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(ROOT, env.GOLIVE_REPORTS_DIR ?? 'reports'), 'gate');
}

async function captureView(browser: Browser, gateDir: string, view: GateView): Promise<GateViewResult> {
  const context = await browser.newContext(view.context);
  try {
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(gateDir, 'gate.html')).href);
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' });
    const { overflowPx, culprits } = await page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      const overflow = document.documentElement.scrollWidth - viewport;
      const wide = overflow > 0
        ? [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
            .filter((el) => !el.closest('.table-frame') || el.classList.contains('table-frame'))
            .slice(0, 5)
            .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${String(el.className)}"` : ''}> right edge ${Math.round(el.getBoundingClientRect().right)}px`)
        : [];
      return { overflowPx: overflow, culprits: wide };
    });
    const file = path.join(gateDir, view.file);
    // CSS pixels: the PNG is as wide as the viewport the page was laid out for.
    await page.screenshot({ path: file, fullPage: true, scale: 'css' });
    return { view: view.name, file, overflowPx, culprits };
  } finally {
    await context.close();
  }
}

export async function captureGateScreenshots(gateDir: string): Promise<GateViewResult[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const results: GateViewResult[] = [];
    for (const view of GATE_VIEWS) results.push(await captureView(browser, gateDir, view));
    return results;
  } finally {
    await browser.close();
  }
}

function parseArgs(argv: readonly string[]): { gateDir: string } | { error: string } {
  let gateDir = defaultGateDir();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir' && argv[i + 1]) gateDir = path.resolve(argv[++i]);
    else return { error: `Unknown option ${argv[i]}; use --dir <folder holding gate.html>.` };
  }
  return { gateDir };
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    console.error(args.error);
    return EXIT_USAGE;
  }
  if (!existsSync(path.join(args.gateDir, 'gate.html'))) {
    console.error(`No gate.html in ${args.gateDir}: run the gate first (npx golive gate) or pass --dir <folder>.`);
    return EXIT_USAGE;
  }
  try {
    findChromium();
  } catch (error) {
    console.error((error as Error).message);
    return EXIT_NO_BROWSER;
  }
  const results = await captureGateScreenshots(args.gateDir);
  for (const r of results) console.log(`${r.view}: ${path.relative(process.cwd(), r.file) || r.file}`);
  const phone = results.find((r) => r.view === 'phone');
  if (phone && phone.overflowPx > 0) {
    console.error(`gate.html scrolls sideways by ${phone.overflowPx}px at phone width; wide content must scroll inside its own frame. Widest: ${phone.culprits.join('; ') || 'unknown'}.`);
    return EXIT_OVERFLOW;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
