/**
 * Local org benchmarks (issue "Local org, part 1"): everything through the real jsforce client
 * over HTTP on loopback, beside the same work straight on SQLite so the API's overhead is a
 * measured ratio rather than a guess.
 *
 *   npm run bench            # all
 *   npm run bench -- --quick # fewer repetitions, for a smoke run
 */
import { performance } from 'node:perf_hooks';
import { Connection } from 'jsforce';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalOrg } from '../src/org/main.ts';
import { loadOrgMetadata } from '../src/org/metadata/loadOrgMetadata.ts';
import type { StoredRow } from '../src/org/persistence/OrgStore.ts';
import { formatDateTime } from '../src/org/schema/valueCodec.ts';
import { benchLeadFields, seedLeads } from './seedLeads.ts';
import { dropProxyVariables } from '../src/harness/target/proxyVariables.ts';

dropProxyVariables();

const DEFAULT_ORG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../orgs/default');
const quick = process.argv.includes('--quick');
const LEADS_FOR_QUERIES = quick ? 20_000 : 100_000;
const INSERTS = quick ? 2_000 : 10_000;
const QUERY_RUNS = quick ? 50 : 300;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

async function timeIt(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) await fn(); // warm-up: statement caches, JIT
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function adminPassword(): { username: string; password: string } {
  const def = loadOrgMetadata(DEFAULT_ORG);
  const admin = def.users.find((u) => u.persona === 'admin') ?? def.users[0];
  return { username: admin.username, password: admin.password! };
}

const rows: Array<[string, string, string, string]> = [];
function report(name: string, value: string, target: string, ok: boolean | undefined) {
  rows.push([name, value, target, ok === undefined ? '' : ok ? 'met' : 'MISSED']);
}

async function serverStart(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    const running = await startLocalOrg({ metadataDir: DEFAULT_ORG, dbFile: ':memory:', port: 0 });
    times.push(performance.now() - t);
    await running.stop();
  }
  const m = median(times);
  report('server start, default org (metadata load + seed + listen)', fmt(m), '< 1 s', m < 1000);
}

async function inserts(dbFile: string): Promise<void> {
  const running = await startLocalOrg({ metadataDir: DEFAULT_ORG, dbFile, port: 0 });
  const where = dbFile === ':memory:' ? 'in-memory database' : 'SQLite file, WAL';
  try {
    const { username, password } = adminPassword();
    const conn = new Connection({ loginUrl: running.url, version: '60.0' });
    await conn.login(username, password);
    const records = Array.from({ length: INSERTS }, (_, i) => benchLeadFields(i));
    // One 200-record call first, as the query benchmarks warm up: the first saves compile the
    // org's validation-rule and flow formulas and fill the statement caches.
    const warmUp = Array.from({ length: 200 }, (_, i) => ({ LastName: `Warm${i}`, Company: 'Warm-up Co', Email: `warm${i}@example.com` }));
    await conn.sobject('Lead').create(warmUp);
    const t = performance.now();
    const results = await conn.sobject('Lead').create(records, { allowRecursive: true } as never);
    const ms = performance.now() - t;
    if (results.some((r) => !r.success)) throw new Error('bench insert failed: ' + JSON.stringify(results.find((r) => !r.success)));
    const apiRate = INSERTS / (ms / 1000);

    // The same rows straight into SQLite, in 200-row transactions like the API's calls.
    const store = running.org.store;
    const lead = store.schema.object('Lead')!;
    const admin = String(store.select(`SELECT "Id" FROM "User" WHERE "Username" = ?`, [username])[0].Id);
    const now = formatDateTime(new Date());
    const t2 = performance.now();
    for (let start = 0; start < INSERTS; start += 200) {
      store.transaction(() => {
        for (let i = start; i < Math.min(INSERTS, start + 200); i++) {
          store.insert(lead, { ...(benchLeadFields(i) as StoredRow), OwnerId: admin, Id: store.newId(lead), Name: `First${i} Last${i}`, IsDeleted: 0, IsConverted: 0, CreatedDate: now, LastModifiedDate: now, SystemModstamp: now, CreatedById: admin, LastModifiedById: admin });
        }
      });
    }
    const rawRate = INSERTS / ((performance.now() - t2) / 1000);
    report(`insert ${INSERTS} Leads via jsforce collections (200/call, after one warm-up call), ${where}`, `${Math.round(apiRate)} records/s`, '>= 5,000 records/s', apiRate >= 5000);
    report(`  same rows straight on SQLite`, `${Math.round(rawRate)} records/s`, `API = ${(rawRate / apiRate).toFixed(1)}x slower`, undefined);
  } finally {
    await running.stop();
  }
}

async function queries(): Promise<void> {
  const running = await startLocalOrg({ metadataDir: DEFAULT_ORG, dbFile: ':memory:', port: 0 });
  try {
    const { username, password } = adminPassword();
    const store = running.org.store;
    const owners = store.select(`SELECT "Id" FROM "User"`, []).map((r) => String(r.Id));
    seedLeads(store, { count: LEADS_FOR_QUERIES, owners, t0: Date.UTC(2025, 0, 1) });
    const conn = new Connection({ loginUrl: running.url, version: '60.0' });
    await conn.login(username, password);

    let n = 0;
    const selective = await timeIt(QUERY_RUNS, async () => {
      const email = `lead${(n++ * 7919) % LEADS_FOR_QUERIES}@example.com`;
      const res = await conn.query(`SELECT Id, Name, Company FROM Lead WHERE Email = '${email}'`);
      if (res.totalSize !== 1) throw new Error(`expected one lead for ${email}, got ${res.totalSize}`);
    });
    n = 0;
    const rawSelective = await timeIt(QUERY_RUNS, () => {
      const email = `lead${(n++ * 7919) % LEADS_FOR_QUERIES}@example.com`;
      store.select(`SELECT "Id", "Name", "Company" FROM "Lead" WHERE "Email" = ? AND "IsDeleted" = 0`, [email]);
    });
    report(`selective query WHERE Email = … on ${LEADS_FOR_QUERIES} Leads (median)`, fmt(selective), '< 5 ms', selective < 5);
    report('  same query straight on SQLite', fmt(rawSelective), `API adds ${fmt(selective - rawSelective)}`, undefined);

    const recent = await timeIt(QUERY_RUNS, async () => {
      const res = await conn.query('SELECT Id, Name, Company, Status, CreatedDate FROM Lead ORDER BY CreatedDate DESC LIMIT 50');
      if (res.records.length !== 50) throw new Error('expected 50 rows');
    });
    const rawRecent = await timeIt(QUERY_RUNS, () =>
      store.select(`SELECT "Id", "Name", "Company", "Status", "CreatedDate" FROM "Lead" WHERE "IsDeleted" = 0 ORDER BY "CreatedDate" DESC LIMIT 50`, []),
    );
    report(`ORDER BY CreatedDate DESC LIMIT 50 on ${LEADS_FOR_QUERIES} Leads (median)`, fmt(recent), '< 20 ms', recent < 20);
    report('  same query straight on SQLite', fmt(rawRecent), `API adds ${fmt(recent - rawRecent)}`, undefined);
  } finally {
    await running.stop();
  }
}

await serverStart();
await inserts(':memory:');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-bench-'));
try {
  await inserts(path.join(scratch, 'bench.sqlite'));
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
await queries();

console.log(`\nLocal org benchmarks (${quick ? 'quick' : 'full'}; node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| measure | result | target | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(rows.some((r) => r[3] === 'MISSED') ? 1 : 0);
