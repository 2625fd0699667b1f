import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildOrgApp } from '../../org/app.ts';
import { ConnectedApps } from '../../org/auth/connectedApps.ts';
import { startLocalOrg } from '../../org/main.ts';
import { loadOrgMetadata } from '../../org/metadata/loadOrgMetadata.ts';
import { MetadataError } from '../../org/metadata/types.ts';
import type { OrgDefinition } from '../../org/metadata/types.ts';
import { StoreOpenError } from '../../org/persistence/SqliteOrgStore.ts';
import { CliError, ExitCode } from '../exitCodes.ts';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_METADATA = path.join(PACKAGE_ROOT, 'orgs/default');
const DEFAULT_DB = '.golive/local-org.sqlite';

const USAGE = `Usage: golive org <start|reset|users> [options]

  golive org start [--port 4100] [--host 127.0.0.1] [--db <file>|:memory:] [--metadata <dir>]
                   [--session-seconds 7200] [--production] [--strict]
  golive org reset [--db <file>] [--metadata <dir>]
  golive org users [--json] [--db <file>] [--metadata <dir>]

  --metadata  an SFDX project (sfdx-project.json, force-app/…, golive/users.json); default: the bundled default org
  --db        the SQLite file (default ${DEFAULT_DB}); ':memory:' keeps nothing
  --production  report Organization.IsSandbox = false (to test the harness's production guard)
  --strict    refuse to start when the metadata has elements the local org cannot emulate`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  metadata: { type: 'string' },
  'session-seconds': { type: 'string' },
  production: { type: 'boolean' },
  strict: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseOptions>['values'];

function parseOptions(sub: string, args: string[], allowed: Array<keyof typeof OPTIONS>) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (in 'golive org ${sub}'). Run 'golive org --help'.`, ExitCode.usage);
  }
  for (const key of Object.keys(parsed.values)) {
    if (!allowed.includes(key as keyof typeof OPTIONS) && key !== 'help') {
      throw new CliError(`option --${key} does not apply to 'golive org ${sub}'. Run 'golive org --help'.`, ExitCode.usage);
    }
  }
  return parsed;
}

function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, not '${raw}'.`, ExitCode.usage);
  }
  return n;
}

function loadDefinition(values: Values): { definition: OrgDefinition; metadataDir: string } {
  const metadataDir = path.resolve(values.metadata ?? process.env.GOLIVE_ORG_METADATA ?? DEFAULT_METADATA);
  try {
    const definition = loadOrgMetadata(metadataDir);
    // Connected apps are read by the OAuth layer; what it cannot use is reported with the rest.
    for (const problem of ConnectedApps.fromProject(metadataDir).problems) {
      definition.problems.push({ file: 'connectedApps', element: 'connectedApps', message: problem, hint: 'Fix the connected app file to use it for OAuth logins.' });
    }
    return { definition, metadataDir };
  } catch (err) {
    if (err instanceof MetadataError) throw new CliError(err.message, ExitCode.metadata);
    throw err;
  }
}

/** Metadata the local org cannot emulate is never ignored quietly: every element, on stderr. */
function reportProblems(definition: OrgDefinition, strict: boolean): void {
  const problems = definition.problems;
  if (problems.length === 0) return;
  const verdict = strict ? 'refusing to start (--strict)' : 'they are NOT emulated; add --strict to refuse to start';
  console.error(`golive: WARNING: ${problems.length} metadata element(s) the local org cannot emulate; ${verdict}:`);
  for (const p of problems) {
    console.error(`  ${p.file}${p.line ? `:${p.line}` : ''} [${p.element}] ${p.message} ${p.hint}`.trimEnd());
  }
  if (strict) throw new CliError(`${problems.length} metadata element(s) cannot be emulated (listed above).`, ExitCode.metadata);
}

function dbPathOf(values: Values): string {
  const db = values.db ?? process.env.GOLIVE_ORG_DB ?? DEFAULT_DB;
  if (db === ':memory:') return db;
  const file = path.resolve(db);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

function storeError(err: unknown): never {
  if (err instanceof StoreOpenError) throw new CliError(`${err.message}. Check the path, or start over with 'golive org reset'.`, ExitCode.database);
  throw err;
}

function relative(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
}

async function start(args: string[]): Promise<number> {
  const { values } = parseOptions('start', args, ['port', 'host', 'db', 'metadata', 'session-seconds', 'production', 'strict']);
  if (values.help) return help();
  const port = intOption('port', values.port ?? process.env.GOLIVE_ORG_PORT, 4100, 0, 65535);
  const sessionSeconds = intOption('session-seconds', values['session-seconds'], 7200, 1, 86400 * 7);
  const { definition, metadataDir } = loadDefinition(values);
  reportProblems(definition, values.strict ?? false);
  const dbFile = dbPathOf(values);
  let running;
  try {
    running = await startLocalOrg({
      metadataDir,
      definition,
      dbFile,
      host: values.host ?? '127.0.0.1',
      port,
      sessionLifetimeSeconds: sessionSeconds,
      isSandbox: !values.production,
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} is already in use: pick another with --port, or stop what is using it.`, ExitCode.network);
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES') {
      throw new CliError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port} (${code}): use --host 127.0.0.1 and a port above 1023.`, ExitCode.network);
    }
    storeError(err);
  }
  const org = running.org.store.select(`SELECT "Id", "Name", "IsSandbox" FROM "Organization" LIMIT 1`, [])[0];
  const users = running.org.store.select(
    `SELECT u."Username", p."Name" AS "Profile" FROM "User" u LEFT JOIN "Profile" p ON p."Id" = u."ProfileId" WHERE u."IsActive" = 1 AND u."IsDeleted" = 0 ORDER BY u."Username"`,
    [],
  );
  console.log(`golive local org ready at ${running.url}`);
  console.log(`  org ${String(org.Name)} (${String(org.Id)}), ${org.IsSandbox === 1 ? 'sandbox' : 'PRODUCTION (not a sandbox)'}`);
  console.log(`  metadata ${relative(metadataDir)} (fingerprint ${definition.metadataHash.slice(0, 12)}), database ${dbFile === ':memory:' ? ':memory:' : relative(dbFile)}`);
  console.log(`  security model: ${running.org.services.records.access.name}`);
  console.log(`  log in with jsforce: new Connection({ loginUrl: '${running.url}' }).login(username, password)`);
  console.log(`  users (passwords: the local-only defaults in ${relative(path.join(metadataDir, 'golive/users.json'))}):`);
  for (const u of users) console.log(`    ${String(u.Username)}  (${String(u.Profile)})`);
  console.log('  Stop with Ctrl+C.');

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.log(`golive: ${signal} received, stopping the local org.`);
      running.stop().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return ExitCode.ok;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

async function reset(args: string[]): Promise<number> {
  const { values } = parseOptions('reset', args, ['db', 'metadata', 'production']);
  if (values.help) return help();
  const { definition, metadataDir } = loadDefinition(values);
  reportProblems(definition, false);
  const dbFile = dbPathOf(values);
  if (dbFile !== ':memory:') removeDatabase(dbFile);
  const org = await buildOrgApp({ metadataDir, definition, dbFile, isSandbox: !values.production }).catch(storeError);
  const counts = org.definition.schema.objects
    .map((o) => [o.name, org.store.count(o)] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name}`);
  await org.app.close();
  console.log(`golive: the local org in ${relative(dbFile)} starts over from ${relative(metadataDir)}: ${counts.join(', ')}.`);
  return ExitCode.ok;
}

async function users(args: string[]): Promise<number> {
  const { values } = parseOptions('users', args, ['json', 'db', 'metadata']);
  if (values.help) return help();
  const { definition, metadataDir } = loadDefinition(values);
  const requested = values.db ?? process.env.GOLIVE_ORG_DB ?? DEFAULT_DB;
  const dbFile = requested !== ':memory:' && fs.existsSync(path.resolve(requested)) ? path.resolve(requested) : ':memory:';
  const org = await buildOrgApp({ metadataDir, definition, dbFile }).catch(storeError);
  try {
    const rows = org.store.select(
      `SELECT u."Id", u."Username", u."Name", u."Email", u."IsActive", p."Name" AS "Profile", r."Name" AS "Role", m."Username" AS "Manager"
         FROM "User" u LEFT JOIN "Profile" p ON p."Id" = u."ProfileId" LEFT JOIN "UserRole" r ON r."Id" = u."UserRoleId"
         LEFT JOIN "User" m ON m."Id" = u."ManagerId" WHERE u."IsDeleted" = 0 ORDER BY u."Username"`,
      [],
    );
    const permissionSets = (userId: unknown) =>
      org.store
        .select(
          `SELECT ps."Name" FROM "PermissionSetAssignment" a JOIN "PermissionSet" ps ON ps."Id" = a."PermissionSetId" WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0 AND ps."IsOwnedByProfile" = 0 ORDER BY ps."Name"`,
          [userId as string],
        )
        .map((r) => String(r.Name));
    const personaOf = new Map(definition.users.map((u) => [u.username.toLowerCase(), u.persona ?? null]));
    for (const r of rows) {
      const user = {
        id: r.Id,
        username: r.Username,
        persona: personaOf.get(String(r.Username).toLowerCase()) ?? null,
        name: r.Name,
        email: r.Email,
        profile: r.Profile,
        role: r.Role,
        manager: r.Manager,
        permissionSets: permissionSets(r.Id),
        active: r.IsActive === 1,
      };
      if (values.json) console.log(JSON.stringify(user));
      else console.log(`${String(user.username).padEnd(34)} ${String(user.persona ?? '').padEnd(14)} ${String(user.profile).padEnd(22)} ${user.role ?? ''}`);
    }
  } finally {
    await org.app.close();
  }
  return ExitCode.ok;
}

function help(): number {
  console.log(USAGE);
  return ExitCode.ok;
}

export async function orgCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'start':
      return start(rest);
    case 'reset':
      return reset(rest);
    case 'users':
      return users(rest);
    case '-h':
    case '--help':
    case undefined:
      console.log(USAGE);
      return sub === undefined ? ExitCode.usage : ExitCode.ok;
    default:
      throw new CliError(`unknown subcommand 'org ${sub}'. Run 'golive org --help'.`, ExitCode.usage);
  }
}
