/**
 * Screenshots of the local org's main pages at desktop and phone sizes, so anyone can look at
 * the UI without starting it (issue "Local org, part 3").
 *
 *   npm run screenshots                     # into reports/screenshots/
 *   npm run screenshots -- --out /tmp/shots # elsewhere (or GOLIVE_SCREENSHOTS_OUT)
 *
 * An in-process local org (default org, fresh :memory: database, realism on, no latency) on an
 * ephemeral loopback port; Chromium from findChromium; signed in as the admin persona the
 * harness's way (an API session from LoginService, then a POST to /secur/frontdoor.jsp, so the
 * session id is never in a URL). Every page is captured once its lazy regions are loaded.
 * Writes <out>/<size>/<page>.png (CSS pixels: the viewport's width; the full page's height, or
 * the viewport's for dialogs) and <out>/index.html. Exit codes: 0 done, 2 bad option, 6 no
 * Chromium (as ensureChromium), 70 a page did not render as expected.
 */
import { chromium, devices, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/findChromium.ts';
import { buildOrgApp, type LocalOrg } from '../src/org/app.ts';
import type { UserContext } from '../src/org/service/UserContext.ts';
import { escapeHtml } from '../src/org/ui/render/html.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ORG_DIR = path.join(ROOT, 'orgs/default');
export const DEFAULT_OUT = path.join(ROOT, 'reports/screenshots');

const EXIT_USAGE = 2;
const EXIT_NO_BROWSER = 6;
const EXIT_FAILED = 70;

export interface ScreenSize {
  /** The folder name. */
  name: string;
  label: string;
  context: BrowserContextOptions;
}

// iPhone 14's viewport, scale and touch in Chromium (WebKit is not what golive installs).
const { defaultBrowserType: _webkit, ...iPhone14 } = devices['iPhone 14'];
const { defaultBrowserType: _chromium, ...pixel7 } = devices['Pixel 7'];

export const SIZES: readonly ScreenSize[] = [
  { name: 'desktop', label: 'Desktop 1280×800', context: { viewport: { width: 1280, height: 800 } } },
  { name: 'pixel-7', label: 'Pixel 7', context: pixel7 },
  { name: 'iphone-14', label: 'iPhone 14', context: iPhone14 },
];

/** What a page needs before it is captured, given the ids of the records shown. */
export interface Shot {
  name: string;
  label: string;
  /**
   * Only the viewport: a modal covers the viewport, and a full-page capture would show the page
   * beneath it past the backdrop.
   */
  modal?: boolean;
  /** Opens the page and waits until it shows what the screenshot is for; a string: why it cannot be shown (not built yet). */
  open(page: Page, records: ShotRecords): Promise<true | string>;
}

export interface ShotRecords {
  leadId: string;
  opportunityId: string;
}

/** Every lazy region loaded: no spinner left, nothing aria-busy. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.slds-spinner, [aria-busy="true"]').length === 0);
}

async function visit(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  if (!response || response.status() >= 400) throw new Error(`${url} answered HTTP ${response?.status() ?? 'nothing'}`);
  await settled(page);
}

async function dialogOpen(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('dialog', { name }).waitFor({ state: 'visible' });
}

export const SHOTS: readonly Shot[] = [
  {
    name: 'login',
    label: 'Login',
    async open(page) {
      await page.goto('/');
      await page.locator('#Login').waitFor({ state: 'visible' });
      return true;
    },
  },
  {
    name: 'home',
    label: 'Home',
    async open(page) {
      await visit(page, '/lightning/page/home');
      return true;
    },
  },
  {
    name: 'leads-list',
    label: 'Leads list view (All Open Leads)',
    async open(page) {
      await visit(page, '/lightning/o/Lead/list?filterName=AllOpenLeads');
      await page.getByRole('table', { name: 'All Open Leads' }).waitFor({ state: 'visible' });
      return true;
    },
  },
  {
    name: 'lead-record',
    label: 'Lead record page',
    async open(page, { leadId }) {
      await visit(page, `/lightning/r/Lead/${leadId}/view`);
      await page.getByRole('tabpanel', { name: 'Details' }).waitFor({ state: 'visible' });
      return true;
    },
  },
  {
    name: 'new-lead',
    modal: true,
    label: 'New Lead dialog',
    async open(page) {
      await visit(page, '/lightning/o/Lead/new');
      await dialogOpen(page, 'New Lead');
      return true;
    },
  },
  {
    name: 'edit-lead',
    modal: true,
    label: 'Edit Lead dialog',
    async open(page, { leadId }) {
      await visit(page, `/lightning/r/Lead/${leadId}/edit`);
      await dialogOpen(page, /^Edit /);
      return true;
    },
  },
  {
    name: 'search',
    label: 'Search results for "acme"',
    async open(page) {
      await visit(page, '/lightning/search?q=acme');
      return true;
    },
  },
  {
    name: 'app-launcher',
    modal: true,
    label: 'App Launcher open',
    async open(page) {
      await visit(page, '/lightning/page/home');
      await page.getByRole('button', { name: 'App Launcher' }).click();
      await dialogOpen(page, 'App Launcher');
      return true;
    },
  },
  {
    name: 'opportunity-record',
    label: 'Opportunity record page with Path',
    async open(page, { opportunityId }) {
      await visit(page, `/lightning/r/Opportunity/${opportunityId}/view`);
      await page.getByRole('listbox', { name: 'Stage' }).waitFor({ state: 'visible' });
      return true;
    },
  },
  {
    name: 'convert-lead',
    modal: true,
    label: 'Convert Lead dialog',
    async open(page, { leadId }) {
      await visit(page, `/lightning/r/Lead/${leadId}/view`);
      const convert = page.getByRole('list', { name: 'Record actions' }).getByRole('button', { name: 'Convert', exact: true });
      if ((await convert.count()) === 0) return 'the Lead record page has no Convert button yet';
      await convert.click();
      await dialogOpen(page, 'Convert Lead');
      await settled(page);
      return true;
    },
  },
];

export interface ScreenshotResult {
  size: ScreenSize;
  shot: Shot;
  /** Relative to the output folder, with forward slashes (as the index links it). */
  file: string;
}

export interface ScreenshotRun {
  outDir: string;
  files: ScreenshotResult[];
  /** Shots not taken, with the reason (printed too). */
  skipped: Array<{ shot: string; reason: string }>;
}

function adminCredentials(org: LocalOrg): { username: string; password: string } {
  const admin = org.definition.users.find((u) => u.persona === 'admin') ?? org.definition.users[0];
  return { username: admin.username, password: admin.password };
}

/** The records the record pages show: the first open Lead and the first Opportunity by name. */
function pickRecords(org: LocalOrg, admin: UserContext): ShotRecords {
  const first = (soql: string): string => {
    const rows = org.services.query.query(admin, soql, { includeDeleted: false, apiVersion: '60.0' }).records;
    if (rows.length === 0) throw new Error(`the default org has no record for: ${soql}`);
    return String(rows[0].Id);
  };
  return {
    leadId: first('SELECT Id FROM Lead WHERE IsConverted = false ORDER BY Name LIMIT 1'),
    opportunityId: first('SELECT Id FROM Opportunity ORDER BY Name LIMIT 1'),
  };
}

export async function takeScreenshots(options: { outDir: string; log?: (line: string) => void }): Promise<ScreenshotRun> {
  const log = options.log ?? ((line: string) => console.log(line));
  const executablePath = findChromium();
  const org = await buildOrgApp({ metadataDir: DEFAULT_ORG_DIR, dbFile: ':memory:', uiRealism: true, latencyMs: 0 });
  let browser: Browser | undefined;
  try {
    await org.app.listen({ host: '127.0.0.1', port: 0 });
    const address = org.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the local org did not get a TCP port');
    const baseURL = `http://127.0.0.1:${address.port}`;
    const { username, password } = adminCredentials(org);
    const login = org.services.login;
    const records = pickRecords(org, login.contextFor(login.passwordLogin(username, password, 'oauth-password').session));

    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    // Screenshots of an earlier run must not linger in the index's folders.
    for (const size of SIZES) rmSync(path.join(options.outDir, size.name), { recursive: true, force: true });
    const files: ScreenshotResult[] = [];
    const skipped = new Map<string, string>();
    for (const size of SIZES) {
      mkdirSync(path.join(options.outDir, size.name), { recursive: true });
      const context = await browser.newContext({ ...size.context, baseURL });
      try {
        const page = await context.newPage();
        let signedIn = false;
        for (const shot of SHOTS) {
          if (shot.name !== 'login' && !signedIn) {
            // A fresh API session per context, exchanged at the frontdoor by POST.
            const { session } = login.passwordLogin(username, password, 'oauth-password');
            const response = await context.request.post('/secur/frontdoor.jsp', { form: { sid: session.id, retURL: '/lightning/page/home' }, maxRedirects: 0 });
            if (response.status() !== 302) throw new Error(`signing in through /secur/frontdoor.jsp answered HTTP ${response.status()}`);
            signedIn = true;
          }
          let outcome: true | string;
          try {
            outcome = await shot.open(page, records);
          } catch (err) {
            throw new Error(`${shot.label} (${size.label}) did not render: ${(err as Error).message.split('\n')[0]}`);
          }
          if (outcome !== true) {
            if (!skipped.has(shot.name)) log(`skipped ${shot.name}: ${outcome}`);
            skipped.set(shot.name, outcome);
            continue;
          }
          const file = `${size.name}/${shot.name}.png`;
          await page.screenshot({ path: path.join(options.outDir, file), fullPage: !shot.modal, scale: 'css', animations: 'disabled', caret: 'hide' });
          files.push({ size, shot, file });
        }
      } finally {
        await context.close();
      }
      log(`${size.label}: ${files.filter((f) => f.size === size).length} screenshots`);
    }
    writeFileSync(path.join(options.outDir, 'index.html'), indexHtml(files));
    log(`wrote ${files.length} screenshots and ${path.join(options.outDir, 'index.html')}`);
    return { outDir: options.outDir, files, skipped: [...skipped].map(([shot, reason]) => ({ shot, reason })) };
  } finally {
    await browser?.close();
    await org.app.close();
  }
}

/** A page listing every screenshot, grouped by size, linking to the full-size image. */
export function indexHtml(files: readonly ScreenshotResult[]): string {
  const sections = SIZES.map((size) => {
    const mine = files.filter((f) => f.size === size);
    if (mine.length === 0) return '';
    const items = mine
      .map(
        (f) =>
          `<figure><a href="${escapeHtml(f.file)}"><img src="${escapeHtml(f.file)}" alt="${escapeHtml(`${f.shot.label}, ${size.label}`)}" loading="lazy"></a><figcaption>${escapeHtml(f.shot.label)}</figcaption></figure>`,
      )
      .join('\n');
    return `<section><h2>${escapeHtml(size.label)}</h2>\n<div class="grid">\n${items}\n</div></section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>golive local org: screenshots</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; }
.grid { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
figure { margin: 0; width: 320px; }
img { width: 100%; border: 1px solid #ccc; }
</style>
</head>
<body>
<h1>golive local org: screenshots</h1>
<p>Generated ${escapeHtml(new Date().toISOString())} by <code>npm run screenshots</code>.</p>
${sections}
</body>
</html>
`;
}

function parseArgs(argv: readonly string[]): { outDir: string } | { help: true } {
  let outDir = process.env.GOLIVE_SCREENSHOTS_OUT?.trim() || DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new UsageError('--out needs a folder: npm run screenshots -- --out <folder>');
      outDir = path.resolve(value);
    } else {
      throw new UsageError(`unknown option '${arg}'. Usage: npm run screenshots [-- --out <folder>]`);
    }
  }
  return { outDir };
}

class UsageError extends Error {}

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    console.error(`golive: ${(err as Error).message}`);
    return EXIT_USAGE;
  }
  if ('help' in args) {
    console.log('Usage: npm run screenshots [-- --out <folder>]  (default reports/screenshots; or GOLIVE_SCREENSHOTS_OUT)');
    return 0;
  }
  try {
    findChromium();
  } catch (err) {
    console.error(`golive: ${(err as Error).message}`);
    return EXIT_NO_BROWSER;
  }
  try {
    await takeScreenshots({ outDir: args.outDir });
    return 0;
  } catch (err) {
    console.error(`golive: screenshots failed: ${(err as Error).message}`);
    return EXIT_FAILED;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
