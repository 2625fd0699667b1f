import { Connection } from 'jsforce';
import { startTestOrg, type TestOrg } from './testOrg.ts';

/**
 * Where the API conformance suite (test/org/api) runs: the local org by default, or a real
 * Salesforce sandbox when GOLIVE_LIVE_LOGIN_URL is set, so the same assertions check the local
 * org's fidelity against the real thing.
 *
 * Live mode needs the suite's metadata deployed to the sandbox first (both are SFDX projects):
 *   sf project deploy start -d orgs/default/force-app
 *   sf project deploy start -d test/fixtures/orgs/api-conformance/force-app
 * and GOLIVE_LIVE_USERNAME / GOLIVE_LIVE_PASSWORD (password + security token if the org wants
 * one) for a System Administrator. Records the suite creates are deleted when it closes.
 */
export interface ConformanceTarget {
  live: boolean;
  /** The admin's connection; its instanceUrl is where raw HTTP calls go. */
  admin(): Promise<Connection>;
  close(): Promise<void>;
}

const LIVE_URL = process.env.GOLIVE_LIVE_LOGIN_URL;

/** Objects the suite writes to, children first, for the live-mode sweep. */
const SWEPT = ['Task', 'Contact', 'Opportunity', 'Invoice__c', 'Lead', 'Account'];

export async function conformanceTarget(local: { metadataDir?: string; username: string; password: string }): Promise<ConformanceTarget> {
  if (!LIVE_URL) {
    const org: TestOrg = await startTestOrg(local.metadataDir ? { metadataDir: local.metadataDir } : {});
    return { live: false, admin: () => org.login(local.username, local.password), close: () => org.close() };
  }
  const username = process.env.GOLIVE_LIVE_USERNAME;
  const password = process.env.GOLIVE_LIVE_PASSWORD;
  if (!username || !password) throw new Error('GOLIVE_LIVE_LOGIN_URL is set: set GOLIVE_LIVE_USERNAME and GOLIVE_LIVE_PASSWORD too');
  const started = new Date(Date.now() - 60_000).toISOString();
  const connections: Connection[] = [];
  return {
    live: true,
    async admin() {
      const conn = new Connection({ loginUrl: LIVE_URL, version: '60.0' });
      await conn.login(username, password);
      connections.push(conn);
      return conn;
    },
    async close() {
      const conn = connections[0];
      if (!conn) return;
      for (const object of SWEPT) {
        let ids: string[];
        try {
          const res = await conn.query<{ Id: string }>(`SELECT Id FROM ${object} WHERE CreatedById = '${conn.userInfo!.id}' AND CreatedDate >= ${started}`);
          ids = res.records.map((r) => r.Id);
        } catch {
          continue; // an object the sandbox does not have: nothing of it to sweep
        }
        for (let i = 0; i < ids.length; i += 200) await conn.sobject(object).destroy(ids.slice(i, i + 200));
      }
    },
  };
}
