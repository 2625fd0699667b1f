/**
 * Sharing benchmark (issue "Local org, part 2"): what the security model costs a query and an
 * update. 100,000 Leads (Private) owned by 50 users in a 4-level role hierarchy; every call goes
 * through the real jsforce client over HTTP on loopback, as a rep and beside it as the
 * administrator (who bypasses sharing), so the cost of sharing is a measured ratio.
 *
 *   node --import tsx bench/sharing.bench.ts            # full run
 *   node --import tsx bench/sharing.bench.ts --quick    # fewer rows and repetitions
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Connection } from 'jsforce';
import { startLocalOrg } from '../src/org/main.ts';
import type { StoredRow } from '../src/org/persistence/OrgStore.ts';
import { formatDateTime } from '../src/org/schema/valueCodec.ts';
import { dropProxyVariables } from '../src/harness/target/proxyVariables.ts';

dropProxyVariables();

const quick = process.argv.includes('--quick');
const LEADS = quick ? 20_000 : 100_000;
const RUNS = quick ? 50 : 300;
const PASSWORD = 'bench-local-1';
const TARGET_RATIO = 2;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/**
 * Medians of several calls measured round-robin (admin, rep, admin, rep …), so that a change in
 * the machine's load during the run moves every column alike and the ratios stay fair.
 */
async function timeEach(runs: number, calls: Array<(i: number) => Promise<unknown>>): Promise<number[]> {
  for (let i = 0; i < 5; i++) for (const call of calls) await call(i); // warm-up: statement caches, JIT, the access cache
  const times = calls.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, call] of calls.entries()) {
      const t = performance.now();
      await call(i);
      times[k].push(performance.now() - t);
    }
  }
  return times.map(median);
}

// --- the org: CEO ─ 3 VPs ─ 6 managers ─ 6 rep roles holding 40 reps: 50 users, 4 levels -------

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const xml = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>${body}</${root}>\n`;

interface BenchUser {
  name: string;
  role: string;
}

function project(): { dir: string; users: BenchUser[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-sharing-bench-'));
  const main = path.join(dir, 'force-app/main/default');
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(main, rel)), { recursive: true });
    fs.writeFileSync(path.join(main, rel), text);
  };
  fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
  const role = (name: string, parent?: string) => write(`roles/${name}.role-meta.xml`, xml('Role', `<name>${name}</name>${parent ? `<parentRole>${parent}</parentRole>` : ''}`));
  const users: BenchUser[] = [{ name: 'ceo', role: 'CEO' }];
  role('CEO');
  for (let v = 1; v <= 3; v++) {
    role(`VP_${v}`, 'CEO');
    users.push({ name: `vp${v}`, role: `VP_${v}` });
    for (let m = 1; m <= 2; m++) {
      const k = (v - 1) * 2 + m;
      role(`Manager_${k}`, `VP_${v}`);
      role(`Reps_${k}`, `Manager_${k}`);
      users.push({ name: `manager${k}`, role: `Manager_${k}` });
    }
  }
  for (let r = 1; r <= 40; r++) users.push({ name: `rep${r}`, role: `Reps_${((r - 1) % 6) + 1}` });
  write('objects/Lead/Lead.object-meta.xml', xml('CustomObject', '<sharingModel>Private</sharingModel>'));
  write(
    'profiles/Rep.profile-meta.xml',
    xml(
      'Profile',
      '<custom>true</custom><objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Lead</object><viewAllRecords>false</viewAllRecords></objectPermissions><userLicense>Salesforce</userLicense><userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>',
    ),
  );
  const entry = (u: { name: string; profile: string; role?: string }) => ({ username: `${u.name}@bench.local`, lastName: u.name, email: `${u.name}@bench.local`, profile: u.profile, ...(u.role ? { role: u.role } : {}) });
  fs.mkdirSync(path.join(dir, 'golive'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'golive/users.json'),
    JSON.stringify({ orgName: 'Sharing Bench', defaultPassword: PASSWORD, users: [entry({ name: 'admin', profile: 'System Administrator' }), ...users.map((u) => entry({ ...u, profile: 'Rep' }))] }),
  );
  return { dir, users };
}

const rows: Array<[string, string, string, string, string]> = [];

async function main(): Promise<void> {
  const { dir, users } = project();
  const running = await startLocalOrg({ metadataDir: dir, dbFile: ':memory:', port: 0 });
  try {
    const store = running.org.store;
    const lead = store.schema.object('Lead')!;
    const idOf = (name: string) => String(store.select(`SELECT "Id" FROM "User" WHERE "Username" = ?`, [`${name}@bench.local`])[0].Id);
    const owners = users.map((u) => idOf(u.name));
    const adminId = idOf('admin');
    // Stored form, straight through the store: seeding 100,000 rows through the API would take minutes.
    const t0 = Date.UTC(2025, 0, 1);
    store.transaction(() => {
      for (let i = 0; i < LEADS; i++) {
        const created = formatDateTime(new Date(t0 + i * 60_000));
        const row: StoredRow = {
          Id: store.newId(lead), IsDeleted: 0, IsConverted: 0, FirstName: `First${i}`, LastName: `Last${i}`, Name: `First${i} Last${i}`,
          Company: `Company ${i % 5000}`, Status: 'Open - Not Contacted', OwnerId: owners[i % owners.length],
          CreatedDate: created, LastModifiedDate: created, SystemModstamp: created, CreatedById: adminId, LastModifiedById: adminId,
        };
        store.insert(lead, row);
      }
    });

    const login = async (name: string) => {
      const conn = new Connection({ loginUrl: running.url, version: '60.0' });
      await conn.login(`${name}@bench.local`, PASSWORD);
      return conn;
    };
    const admin = await login('admin');
    const who = { rep: 'rep7', manager: 'manager3', ceo: 'ceo' };
    const conns = { rep: await login(who.rep), manager: await login(who.manager), ceo: await login(who.ceo) };

    const query = async (conn: Connection, soql: string, expect: number) => {
      const res = await conn.query(soql);
      if (res.records.length !== expect) throw new Error(`${soql}: expected ${expect} rows, got ${res.records.length}`);
    };
    const personas = Object.entries(conns) as Array<[keyof typeof who, Connection]>;
    const compare = async (label: string, soql: string) => {
      const [base, ...others] = await timeEach(RUNS, [admin, ...personas.map(([, c]) => c)].map((conn) => () => query(conn, soql, 50)));
      rows.push([label, 'admin', fmt(base), '', '']);
      for (const [k, [role]] of personas.entries()) {
        const ratio = others[k] / base;
        rows.push(['', `${role} (${who[role]})`, fmt(others[k]), `${ratio.toFixed(2)}x`, role === 'rep' ? (ratio < TARGET_RATIO ? 'met' : 'MISSED') : '']);
      }
    };
    await compare('`SELECT Id, Name FROM Lead LIMIT 50`', 'SELECT Id, Name FROM Lead LIMIT 50');
    await compare('`… ORDER BY CreatedDate DESC LIMIT 50`', 'SELECT Id, Name FROM Lead ORDER BY CreatedDate DESC LIMIT 50');

    // One update of one of the rep's own leads (a different one each time), as the rep and as the admin.
    const repLeads = store.select(`SELECT "Id" FROM "Lead" WHERE "OwnerId" = ? LIMIT 400`, [idOf(who.rep)]).map((r) => String(r.Id));
    const update = (conn: Connection) => (i: number) =>
      conn.sobject('Lead').update({ Id: repLeads[i % repLeads.length], Title: `Title ${i}` }).then((r) => {
        if (!r.success) throw new Error(JSON.stringify(r));
      });
    const [adminUpdate, repUpdate] = await timeEach(RUNS, [update(admin), update(conns.rep)]);
    rows.push(['single update (own lead)', 'admin', fmt(adminUpdate), '', '']);
    rows.push(['', `rep (${who.rep})`, fmt(repUpdate), `${(repUpdate / adminUpdate).toFixed(2)}x`, repUpdate / adminUpdate < TARGET_RATIO ? 'met' : 'MISSED']);

    // The access cache rebuilt after a setup change (here: the rep's group memberships), then the query.
    const groupMember = store.schema.object('GroupMember')!;
    const [cold] = await timeEach(quick ? 20 : 100, [
      () => {
        running.org.services.records.access.recordChanged?.(groupMember);
        return query(conns.rep, 'SELECT Id, Name FROM Lead LIMIT 50', 50);
      },
    ]);
    rows.push(['same LIMIT 50 right after a setup change (cache rebuilt)', `rep (${who.rep})`, fmt(cold), '', '']);
  } finally {
    await running.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
console.log(`\nSharing benchmark (${quick ? 'quick' : 'full'}: ${LEADS} Leads, Private, 50 owners in 4 role levels; median of ${RUNS}; node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| measure | as | median | vs admin | target < 2x |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
process.exit(rows.some((r) => r[4] === 'MISSED') ? 1 : 0);
