import { Connection } from 'jsforce';
import { setDefaults } from 'jsforce/lib/request.js';
import type { SecretRegistry } from '../secrets/SecretRegistry.ts';
import { LOCAL_ORG_URL_VARIABLE, resolveOrgTarget, startedLocalOrgUrl, type OrgTarget } from './orgTarget.ts';
import { loginToTarget } from './targetLogin.ts';
import { dropProxyVariables } from './proxyVariables.ts';

/**
 * The org a command such as `golive clean` works on, outside a UAT run: the .env target
 * (orgTarget.ts, the same variables as the suite, password or JWT bearer flow), logged in as the
 * admin persona, who can see and delete what every persona created. A local target is the org
 * at GOLIVE_LOCAL_ORG_URL, else the one `golive org start` runs at 127.0.0.1:$GOLIVE_ORG_PORT.
 */
export type Target = OrgTarget;

/** The persona commands act as. */
export const ADMIN_PERSONA = 'admin';

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Target {
  return resolveOrgTarget({ [LOCAL_ORG_URL_VARIABLE]: startedLocalOrgUrl(env), ...env });
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
  dropProxyVariables();
  setDefaults({ followRedirect: true, timeout: process.env.HTTP_TIMEOUT ? parseInt(process.env.HTTP_TIMEOUT, 10) : undefined });
}

/**
 * Logs in to the target as the admin persona; what it used and got is registered as secrets when
 * a registry is given. A failed login is a PersonaLoginError (one line, never the password).
 */
export async function connectTarget(target: Target, secrets?: SecretRegistry): Promise<Connection> {
  bypassProxyForLoopback(target.loginUrl);
  const session = await loginToTarget(target, ADMIN_PERSONA, secrets);
  return new Connection({ instanceUrl: session.instanceUrl, accessToken: session.accessToken, version: target.apiVersion });
}
