import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Connection } from 'jsforce';
import { setDefaults } from 'jsforce/lib/request.js';
import type { SecretRegistry } from '../secrets/SecretRegistry.ts';

/**
 * The org a command such as `golive clean` works on, from the same .env variables as the UAT
 * suite (fixtures/target/orgTarget.ts), logged in as the admin persona, who can see and delete
 * what every persona created:
 *
 * - GOLIVE_TARGET=salesforce: SF_LOGIN_URL, SF_ADMIN_USERNAME, SF_ADMIN_PASSWORD (password plus
 *   security token if the org wants one). The JWT flow is not supported here.
 * - GOLIVE_TARGET=local (default): the local org at GOLIVE_LOCAL_ORG_URL, default
 *   http://127.0.0.1:$GOLIVE_ORG_PORT (4100, `golive org start`), which must be running, as the
 *   admin persona of its users file (or GOLIVE_LOCAL_USERNAME / GOLIVE_LOCAL_PASSWORD).
 */
export interface Target {
  kind: 'salesforce' | 'local';
  loginUrl: string;
  username: string;
  password: string;
}

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export class TargetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetConfigError';
  }
}

function localAdmin(env: NodeJS.ProcessEnv): { username: string; password: string } {
  if (env.GOLIVE_LOCAL_USERNAME && env.GOLIVE_LOCAL_PASSWORD) return { username: env.GOLIVE_LOCAL_USERNAME, password: env.GOLIVE_LOCAL_PASSWORD };
  const metadata = path.resolve(PACKAGE_ROOT, env.GOLIVE_ORG_METADATA ?? 'orgs/default');
  const file = path.join(metadata, 'golive/users.json');
  if (!fs.existsSync(file)) throw new TargetConfigError(`no users file at ${file}; set GOLIVE_LOCAL_USERNAME and GOLIVE_LOCAL_PASSWORD.`);
  const users = JSON.parse(fs.readFileSync(file, 'utf8')) as { defaultPassword?: string; users: Array<{ persona?: string; username: string; password?: string }> };
  const admin = users.users.find((u) => u.persona === 'admin');
  const password = admin?.password ?? users.defaultPassword;
  if (!admin || !password) throw new TargetConfigError(`${file} has no admin persona with a password; set GOLIVE_LOCAL_USERNAME and GOLIVE_LOCAL_PASSWORD.`);
  return { username: admin.username, password };
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  const kind = (env.GOLIVE_TARGET?.trim() || 'local').toLowerCase();
  if (kind === 'salesforce') {
    const loginUrl = env.SF_LOGIN_URL?.trim();
    const username = env.SF_ADMIN_USERNAME?.trim();
    const password = env.SF_ADMIN_PASSWORD?.trim();
    if (!loginUrl || !username || !password) {
      throw new TargetConfigError('GOLIVE_TARGET=salesforce needs SF_LOGIN_URL, SF_ADMIN_USERNAME and SF_ADMIN_PASSWORD in .env to clean up (the admin sees what every persona created).');
    }
    return { kind: 'salesforce', loginUrl: loginUrl.replace(/\/+$/, ''), username, password };
  }
  if (kind !== 'local') throw new TargetConfigError(`GOLIVE_TARGET='${env.GOLIVE_TARGET}' is not a target: use 'local' (default) or 'salesforce'.`);
  const loginUrl = env.GOLIVE_LOCAL_ORG_URL?.trim() || `http://127.0.0.1:${env.GOLIVE_ORG_PORT?.trim() || '4100'}`;
  return { kind: 'local', loginUrl, ...localAdmin(env) };
}

export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * jsforce sends every request through HTTP(S)_PROXY when set, ignoring NO_PROXY, and reads the
 * variables once when it is loaded. A loopback org must not go through a proxy, so for one the
 * variables are dropped and jsforce's request defaults reset (without a proxy).
 */
export function bypassProxyForLoopback(url: string): void {
  if (!isLoopback(url)) return;
  for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[v];
  setDefaults({ followRedirect: true, timeout: process.env.HTTP_TIMEOUT ? parseInt(process.env.HTTP_TIMEOUT, 10) : undefined });
}

/** Logs in to the target; the password and the session are registered as secrets when a registry is given. */
export async function connectTarget(target: Target, secrets?: SecretRegistry): Promise<Connection> {
  bypassProxyForLoopback(target.loginUrl);
  secrets?.add('password', target.password);
  const conn = new Connection({ loginUrl: target.loginUrl, version: '60.0' });
  try {
    await conn.login(target.username, target.password);
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    const hint = target.kind === 'local' ? ' Is the local org running (golive org start)?' : '';
    throw new TargetConfigError(`could not log in to ${target.loginUrl} as '${target.username}': ${reason}.${hint}`);
  }
  secrets?.addConnection(conn);
  return conn;
}
