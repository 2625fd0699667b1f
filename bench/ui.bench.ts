/**
 * UI benchmarks (issue "Local org, part 3"): on a 100,000-Lead org, the server's time to render a
 * Lead record page and a 50-row list view (fastify inject: routing, session, services, SOQL,
 * rendering; no socket), and in real Chromium the time from navigation to the last spinner gone
 * on a record page, with no injected latency.
 *
 *   npm run bench:ui              # all
 *   npm run bench:ui -- --quick   # 20,000 Leads, fewer repetitions: a smoke run
 *
 * Exit code 1 when a target is missed, 6 when no Chromium is found.
 */
import { chromium } from '@playwright/test';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, findChromium } from '../src/browser/findChromium.ts';
import { buildOrgApp, type LocalOrg } from '../src/org/app.ts';
import { seedLeads } from './seedLeads.ts';

const DEFAULT_ORG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../orgs/default');
const quick = process.argv.includes('--quick');
const LEADS = quick ? 20_000 : 100_000;
const SERVER_RUNS = quick ? 40 : 200;
const WARM_UP = 20;
const NAVIGATIONS = quick ? 10 : 30;
const SERVER_TARGET_MS = 20;
const BROWSER_TARGET_MS = 300;

const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

interface Timings {
  /** Wall-clock ms per iteration. */
  wall: number[];
  /** This process's CPU ms per iteration (server measures only): what the server did, whatever else the machine was running. */
  cpu?: number[];
}

const rows: Array<[string, string, string, string, string, string]> = [];
function report(name: string, times: Timings, target: number | undefined) {
  const m = median(times.wall);
  rows.push([
    name,
    fmt(m),
    fmt(percentile(times.wall, 95)),
    times.cpu ? fmt(median(times.cpu)) : '',
    target === undefined ? '' : `< ${target} ms`,
    target === undefined ? '' : m < target ? 'met' : 'MISSED',
  ]);
}

interface BenchOrg {
  org: LocalOrg;
  leadIds: string[];
  /** The `sid=…` cookie of a frontdoor session as the admin. */
  cookie: string;
  adminSessionId: () => string;
}

/** A default org with LEADS extra Leads loaded straight through the store, and an admin UI session. */
async function benchOrg(realism: boolean): Promise<BenchOrg> {
  const org = await buildOrgApp({ metadataDir: DEFAULT_ORG, dbFile: ':memory:', uiRealism: realism, latencyMs: 0 });
  const owners = org.store.select(`SELECT "Id" FROM "User" WHERE "IsActive" = 1`, []).map((r) => String(r.Id));
  const leadIds = seedLeads(org.store, {
    count: LEADS,
    owners,
    t0: Date.UTC(2025, 0, 1),
    // Every list column and the Details tab's phone fields have a value, as on a real org.
    extra: (i) => ({ Title: `Buyer ${i % 40}`, Phone: `(415) 555-${String(i % 10_000).padStart(4, '0')}`, MobilePhone: `+1 628 555 ${String(i % 10_000).padStart(4, '0')}`, Region__c: 'East' }),
  });
  const admin = org.definition.users.find((u) => u.persona === 'admin') ?? org.definition.users[0];
  const adminSessionId = () => org.services.login.passwordLogin(admin.username, admin.password, 'oauth-password').session.id;
  const res = await org.app.inject({
    method: 'POST',
    url: '/secur/frontdoor.jsp',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ sid: adminSessionId(), retURL: '/lightning/page/home' }).toString(),
  });
  const setCookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('sid='));
  if (res.statusCode !== 302 || !setCookie) throw new Error(`frontdoor answered ${res.statusCode} without a session cookie`);
  return { org, leadIds, cookie: setCookie.split(';')[0], adminSessionId };
}

/** Times GET requests through fastify inject after a warm-up; each answer is checked. */
async function timeGets(bench: BenchOrg, urls: (n: number) => string[], check: (body: string, url: string) => void): Promise<Timings> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let n = 0; n < WARM_UP + SERVER_RUNS; n++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const bodies: Array<[string, string]> = [];
    for (const url of urls(n)) {
      const res = await bench.org.app.inject({ method: 'GET', url, headers: { cookie: bench.cookie } });
      if (res.statusCode !== 200) throw new Error(`${url} answered HTTP ${res.statusCode}`);
      bodies.push([url, res.body]);
    }
    const elapsed = performance.now() - t;
    const used = process.cpuUsage(c);
    for (const [url, body] of bodies) check(body, url);
    if (n >= WARM_UP) {
      wall.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall, cpu };
}

// A different lead each time (stride coprime with the count), so nothing is served from a cache of the last one.
const leadAt = (bench: BenchOrg, n: number) => bench.leadIds[(n * 7919) % bench.leadIds.length];

const expectDetails = (body: string, url: string) => {
  if (!body.includes('Lead Information') || !body.includes('href="tel:')) throw new Error(`${url}: no Details with a phone link`);
};
const expectSpinner = (body: string, url: string) => {
  if (!body.includes('slds-spinner')) throw new Error(`${url}: expected the page to ship spinners (realism on)`);
};
const expectRows = (count: number) => (body: string, url: string) => {
  const rowsShown = body.split('<tr class="slds-hint-parent">').length - 1;
  if (rowsShown !== count) throw new Error(`${url}: ${rowsShown} rows, expected ${count}`);
};

const LIST_URL = '/lightning/o/Lead/list?filterName=AllOpenLeads';
const LIST_FRAGMENT = '/lightning/_ui/list/Lead?filterName=AllOpenLeads&offset=0&limit=50';

async function serverTimes(): Promise<void> {
  const plain = await benchOrg(false);
  try {
    report(
      `record page /lightning/r/Lead/<id>/view, realism off (Details inline), ${LEADS} Leads`,
      await timeGets(plain, (n) => [`/lightning/r/Lead/${leadAt(plain, n)}/view`], expectDetails),
      SERVER_TARGET_MS,
    );
    report(`list view All Open Leads, 50 rows, realism off (rows inline), ${LEADS} Leads`, await timeGets(plain, () => [LIST_URL], expectRows(50)), SERVER_TARGET_MS);
  } finally {
    await plain.org.app.close();
  }

  const lazy = await benchOrg(true);
  try {
    const page = (n: number) => `/lightning/r/Lead/${leadAt(lazy, n)}/view`;
    report('  realism on: the page (spinners)', await timeGets(lazy, (n) => [page(n)], expectSpinner), undefined);
    report('  realism on: its Details fragment', await timeGets(lazy, (n) => [`/lightning/_ui/record/Lead/${leadAt(lazy, n)}/details`], expectDetails), undefined);
    report(
      '  realism on: page + Details fragment',
      await timeGets(lazy, (n) => [page(n), `/lightning/_ui/record/Lead/${leadAt(lazy, n)}/details`], (body, url) => (url.endsWith('/details') ? expectDetails(body, url) : expectSpinner(body, url))),
      SERVER_TARGET_MS,
    );
    // What the browser asks for in all (the hidden tabs load at once too): no target of its own.
    report(
      '  realism on: page + Details + Related + Activity fragments',
      await timeGets(lazy, (n) => {
        const base = `/lightning/_ui/record/Lead/${leadAt(lazy, n)}`;
        return [page(n), `${base}/details`, `${base}/related`, `${base}/activity`];
      }, () => undefined),
      undefined,
    );
    report('  realism on: list page + its 50-row fragment', await timeGets(lazy, () => [LIST_URL, LIST_FRAGMENT], () => undefined), SERVER_TARGET_MS);
  } finally {
    await lazy.org.app.close();
  }
}

async function browserTimes(executablePath: string): Promise<void> {
  const bench = await benchOrg(true);
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    await bench.org.app.listen({ host: '127.0.0.1', port: 0 });
    const address = bench.org.app.server.address();
    if (!address || typeof address === 'string') throw new Error('the bench org did not get a TCP port');
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${address.port}`, viewport: { width: 1280, height: 800 } });
    const signIn = await context.request.post('/secur/frontdoor.jsp', { form: { sid: bench.adminSessionId(), retURL: '/lightning/page/home' }, maxRedirects: 0 });
    if (signIn.status() !== 302) throw new Error(`frontdoor answered HTTP ${signIn.status()}`);
    const page = await context.newPage();
    const times: number[] = [];
    for (let n = 0; n < 3 + NAVIGATIONS; n++) {
      await page.goto(`/lightning/r/Lead/${leadAt(bench, n)}/view`, { waitUntil: 'commit' });
      // Checked on every animation frame; the page's own clock (ms since navigation start) at the
      // first frame with no spinner left and the Details tab filled in.
      const done = await page.waitForFunction(() => {
        const details = document.querySelector('.gl-details-region');
        const ready = details !== null && details.getAttribute('aria-busy') !== 'true' && details.textContent!.includes('Lead Information') && document.querySelector('.slds-spinner') === null;
        return ready ? performance.now() : false;
      });
      const ms = (await done.jsonValue()) as number;
      if (n >= 3) times.push(ms);
    }
    report(`record page in Chromium: navigation start → every spinner gone, Details shown (median of ${NAVIGATIONS})`, { wall: times }, BROWSER_TARGET_MS);
  } finally {
    await browser.close();
    await bench.org.app.close();
  }
}

let executablePath: string;
try {
  executablePath = findChromium();
} catch (err) {
  console.error(`golive: ${(err as Error).message}`);
  process.exit(6);
}
const loadBefore = os.loadavg()[0];
await serverTimes();
await browserTimes(executablePath);
const loadAfter = os.loadavg()[0];

console.log(`\nUI benchmarks (${quick ? 'quick' : 'full'}; node ${process.version}, ${new Date().toISOString().slice(0, 10)}; server: fastify inject, median of ${SERVER_RUNS} after ${WARM_UP} warm-up)\n`);
// The machine's load travels with the figures: wall-clock medians on a busy machine measure the queue for a core.
console.log(`Load average (1 min): ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end, on ${os.availableParallelism()} cores.\n`);
console.log('| measure | median | p95 | server CPU (median) | target | |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(rows.some((r) => r[5] === 'MISSED') ? 1 : 0);
