import { Connection } from 'jsforce';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOrgApp, type LocalOrg, type OrgOptions } from '../../src/org/app.ts';
import { dropProxyVariables } from '../../src/harness/target/proxyVariables.ts';

export const DEFAULT_ORG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../orgs/default');

// jsforce sends everything through HTTP(S)_PROXY when set and ignores NO_PROXY: the local org
// is on loopback, so the proxy must not see these calls.
dropProxyVariables();

export interface TestOrg {
  org: LocalOrg;
  /** http://127.0.0.1:<port> */
  url: string;
  /** A jsforce connection logged in by SOAP (jsforce's `login` without OAuth client). */
  login(username: string, password: string, version?: string): Promise<Connection>;
  connection(version?: string): Connection;
  close(): Promise<void>;
}

/**
 * A local org for one test file: built in-process, listening on an ephemeral loopback port so
 * the real jsforce client talks to it over HTTP, exactly as the harness will.
 */
export async function startTestOrg(options: Partial<OrgOptions> = {}): Promise<TestOrg> {
  // latencyMs 0: an ORG_LATENCY_MS in the developer's shell must not slow the API tests down.
  const org = await buildOrgApp({ metadataDir: DEFAULT_ORG_DIR, dbFile: ':memory:', latencyMs: 0, ...options });
  await org.app.listen({ host: '127.0.0.1', port: 0 });
  const address = org.app.server.address();
  if (!address || typeof address === 'string') throw new Error('the test org did not get a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  const connection = (version = '60.0') => new Connection({ loginUrl: url, instanceUrl: url, version });
  return {
    org,
    url,
    connection,
    async login(username, password, version) {
      const conn = connection(version);
      await conn.login(username, password);
      return conn;
    },
    close: () => org.app.close(),
  };
}

/** A persona's username and local-only password, from the default org's users file. */
export function defaultOrgUser(persona: string): { username: string; password: string } {
  const file = JSON.parse(readFileSync(path.join(DEFAULT_ORG_DIR, 'golive/users.json'), 'utf8')) as {
    defaultPassword?: string;
    users: Array<{ persona?: string; username: string; password?: string }>;
  };
  const user = file.users.find((u) => u.persona === persona);
  if (!user) throw new Error(`the default org has no persona '${persona}'`);
  const password = user.password ?? file.defaultPassword;
  if (!password) throw new Error(`the default org's users file gives no password for '${persona}'`);
  return { username: user.username, password };
}
