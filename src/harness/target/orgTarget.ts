import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one reader of the .env target: which org (GOLIVE_TARGET=local, the default, or salesforce)
 * and how a persona logs in to it. The UAT fixtures (fixtures/target/orgTarget.ts adds the run's
 * personas) and `golive clean` (as the admin persona) both start here, so both understand the
 * same variables: password or JWT bearer flow, per persona. Every variable is in .env.example.
 *
 * A persona is a plain name here (`junior-rep`): which names exist is the fixtures' business
 * (fixtures/personas.ts); this module only knows where a name's credentials are.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The API version the harness speaks; the local org and every current Salesforce org answer it. */
export const DEFAULT_API_VERSION = '62.0';

/** Set by the UAT run's global setup once the local org listens: its URL (never a secret). */
export const LOCAL_ORG_URL_VARIABLE = 'GOLIVE_LOCAL_ORG_URL';

// The local org's connected app publishes these on purpose (orgs/default/force-app/…/golive.connectedApp-meta.xml):
// they mean nothing outside a local org on loopback.
const LOCAL_CLIENT_ID = 'golive-local-consumer-key';
const LOCAL_CLIENT_SECRET = 'golive-local-consumer-secret';

export type PersonaCredentials =
  | { flow: 'password'; username: string; password: string; clientId?: string; clientSecret?: string }
  | { flow: 'jwt'; username: string; clientId: string; privateKeyFile: string; audience: string };

/** An org and how its personas log in; `P` narrows the persona names (the fixtures' PersonaKey). */
export interface OrgTarget<P extends string = string> {
  kind: 'local' | 'salesforce';
  /** Where logins go: the local org's URL, or SF_LOGIN_URL. */
  loginUrl: string;
  apiVersion: string;
  /** How a persona logs in; a one-line error naming what is missing when it cannot. */
  credentials(persona: P): PersonaCredentials;
}

export class TargetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetConfigError';
  }
}

/** `junior-rep` → `SF_JUNIOR_REP_`: the prefix of a persona's variables on a real org. */
export function personaEnvPrefix(persona: string): string {
  return `SF_${persona.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_`;
}

/** The local org's metadata folder: the one `golive org start` builds from. */
export function localMetadataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO_ROOT, env.GOLIVE_ORG_METADATA ?? 'orgs/default');
}

/** Where a local org started by hand (`golive org start`) listens: GOLIVE_ORG_PORT, default 4100. */
export function startedLocalOrgUrl(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${env.GOLIVE_ORG_PORT?.trim() || '4100'}`;
}

interface LocalUsersFile {
  defaultPassword?: string;
  users: Array<{ persona?: string; username: string; password?: string }>;
}

function localTarget(env: NodeJS.ProcessEnv, apiVersion: string, missingUrlHint: string): OrgTarget {
  const loginUrl = env[LOCAL_ORG_URL_VARIABLE]?.trim();
  if (!loginUrl) throw new TargetConfigError(`${LOCAL_ORG_URL_VARIABLE} is not set: ${missingUrlHint}`);
  const usersFile = path.join(localMetadataDir(env), 'golive/users.json');
  let users: LocalUsersFile;
  try {
    users = JSON.parse(readFileSync(usersFile, 'utf8')) as LocalUsersFile;
  } catch {
    throw new TargetConfigError(`Cannot read the local org's users from ${usersFile}: check GOLIVE_ORG_METADATA.`);
  }
  const shown = path.relative(REPO_ROOT, usersFile);
  return {
    kind: 'local',
    loginUrl: loginUrl.replace(/\/+$/, ''),
    apiVersion,
    credentials(persona) {
      const user = users.users.find((u) => u.persona === persona);
      if (!user) throw new TargetConfigError(`The local org has no user for persona '${persona}': add one with "persona": "${persona}" to ${shown}.`);
      const password = user.password ?? users.defaultPassword;
      if (!password) throw new TargetConfigError(`${shown} gives no password for '${user.username}'.`);
      return { flow: 'password', username: user.username, password, clientId: LOCAL_CLIENT_ID, clientSecret: LOCAL_CLIENT_SECRET };
    },
  };
}

/** The JWT audience Salesforce expects: the sandbox login host for sandboxes, else production's. */
function jwtAudience(loginUrl: string, env: NodeJS.ProcessEnv): string {
  if (env.SF_JWT_AUDIENCE) return env.SF_JWT_AUDIENCE;
  const host = new URL(loginUrl).hostname;
  return host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com') ? 'https://test.salesforce.com' : 'https://login.salesforce.com';
}

function salesforceTarget(env: NodeJS.ProcessEnv, apiVersion: string): OrgTarget {
  const loginUrl = env.SF_LOGIN_URL?.trim();
  if (!loginUrl) throw new TargetConfigError('GOLIVE_TARGET=salesforce needs SF_LOGIN_URL (e.g. https://test.salesforce.com or your My Domain login URL) in .env.');
  try {
    new URL(loginUrl);
  } catch {
    throw new TargetConfigError(`SF_LOGIN_URL='${loginUrl}' is not a URL: use e.g. https://test.salesforce.com.`);
  }
  return {
    kind: 'salesforce',
    loginUrl: loginUrl.replace(/\/+$/, ''),
    apiVersion,
    credentials(persona) {
      const prefix = personaEnvPrefix(persona);
      const read = (name: string) => env[`${prefix}${name}`]?.trim() || undefined;
      const username = read('USERNAME');
      if (!username) throw new TargetConfigError(`Persona '${persona}' has no user on the target org: set ${prefix}USERNAME (and ${prefix}PASSWORD, or a JWT key) in .env.`);
      const password = read('PASSWORD');
      const clientId = read('CLIENT_ID') ?? env.SF_CLIENT_ID?.trim();
      const clientSecret = read('CLIENT_SECRET') ?? env.SF_CLIENT_SECRET?.trim();
      if (password) return { flow: 'password', username, password, clientId, clientSecret };
      const keyFile = read('JWT_KEY_FILE') ?? env.SF_JWT_KEY_FILE?.trim();
      if (!keyFile) throw new TargetConfigError(`Persona '${persona}' (${username}) has no way to log in: set ${prefix}PASSWORD, or SF_JWT_KEY_FILE / ${prefix}JWT_KEY_FILE with SF_CLIENT_ID for the JWT bearer flow.`);
      if (!clientId) throw new TargetConfigError(`Persona '${persona}' (${username}) uses the JWT bearer flow but no client id is set: set SF_CLIENT_ID (or ${prefix}CLIENT_ID) to the connected app's consumer key.`);
      return { flow: 'jwt', username, clientId, privateKeyFile: path.resolve(REPO_ROOT, keyFile), audience: jwtAudience(loginUrl, env) };
    },
  };
}

export interface ResolveTargetOptions {
  /** What to tell the user when GOLIVE_TARGET is local and no org URL is set. */
  missingLocalOrgHint?: string;
}

/** The .env target. Credentials are read per persona, when a persona logs in. */
export function resolveOrgTarget(env: NodeJS.ProcessEnv = process.env, options: ResolveTargetOptions = {}): OrgTarget {
  const kind = (env.GOLIVE_TARGET?.trim() || 'local').toLowerCase();
  const apiVersion = env.GOLIVE_API_VERSION?.trim() || DEFAULT_API_VERSION;
  if (kind === 'local') return localTarget(env, apiVersion, options.missingLocalOrgHint ?? "start the UAT suite with 'npm run uat', which starts the local org first.");
  if (kind === 'salesforce') return salesforceTarget(env, apiVersion);
  throw new TargetConfigError(`GOLIVE_TARGET='${env.GOLIVE_TARGET}' is not a target: use 'local' (the embedded org, default) or 'salesforce'.`);
}
