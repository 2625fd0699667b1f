import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../../support/testOrg.ts';

export interface AdminOnDefaultOrg {
  org: TestOrg;
  /** The admin persona's jsforce connection, over HTTP. */
  conn: Connection;
  /** A ledger folder of the suite's own, removed afterwards. */
  ledgerDir: string;
}

/**
 * What the data library's tests stand on: a default local org for the suite, its admin signed in
 * through jsforce, and a temporary ledger folder. Call inside `describe`; the fields are there
 * once the suite's `before` has run.
 */
export function adminOnDefaultOrg(ledgerPrefix: string): AdminOnDefaultOrg {
  const env = {} as AdminOnDefaultOrg;
  before(async () => {
    env.org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    env.conn = await env.org.login(admin.username, admin.password);
    env.ledgerDir = fs.mkdtempSync(path.join(os.tmpdir(), ledgerPrefix));
  });
  after(async () => {
    await env.org.close();
    fs.rmSync(env.ledgerDir, { recursive: true, force: true });
  });
  return env;
}
