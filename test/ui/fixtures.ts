import { test as base, expect, type Page } from '@playwright/test';
import { buildOrgApp, type LocalOrg } from '../../src/org/app.ts';
import type { ObjectDef } from '../../src/org/schema/types.ts';
import type { UserContext } from '../../src/org/service/UserContext.ts';
import { DEFAULT_ORG_DIR, defaultOrgUser } from '../support/testOrg.ts';

/**
 * Fixtures of the UI self-tests.
 * - `localOrg` (one per worker): an in-process local org on 127.0.0.1:<ephemeral>, fresh :memory:
 *   database, realism on, no injected latency, with a clock tests may move (session expiry).
 *   Tests in a worker share it: create records with unique names and remove what would change
 *   other tests' lists.
 * - `persona` (option, default 'admin'): who the test is signed in as; null for tests of the
 *   login page itself.
 * - `page`: signed in as the persona before the test starts, the harness's way: a session from
 *   the API's LoginService, then a POST to /secur/frontdoor.jsp (the session id never in a URL).
 */

export interface UiTestOrg {
  org: LocalOrg;
  url: string;
  /** Moves the org's clock forward (the `clockReset` fixture puts it back after each test). */
  advanceClock(ms: number): void;
  resetClock(): void;
  /** An API session of a persona (LoginService, as an OAuth password login). */
  apiLogin(persona: string): { sessionId: string; user: UserContext };
  object(name: string): ObjectDef;
  /** Creates a record through RecordService as a persona (admin by default); returns its id. */
  create(objectName: string, fields: Record<string, unknown>, persona?: string): string;
  /** Deletes records through RecordService as admin (tests clean up what would change others' lists). */
  remove(objectName: string, ids: readonly string[]): void;
  /** A persona's user id. */
  userId(persona: string): string;
}

/** A name no other test uses: records are shared by the tests of a worker. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Today (YYYY-MM-DD) in a time zone, shifted by whole days: the users' calendar for due dates. */
export function dayIn(timeZone: string, offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + offsetDays * 86_400_000);
}

type WorkerFixtures = { localOrg: UiTestOrg };
type TestFixtures = { persona: string | null; clockReset: void };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  localOrg: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      let offset = 0;
      const org = await buildOrgApp({
        metadataDir: DEFAULT_ORG_DIR,
        dbFile: ':memory:',
        now: () => new Date(Date.now() + offset),
        uiRealism: true,
        latencyMs: 0,
      });
      const object = (name: string): ObjectDef => {
        const found = org.definition.schema.object(name);
        if (!found) throw new Error(`no object ${name}`);
        return found;
      };
      const cache = new Map<string, UserContext>();
      const contexts = (persona: string): UserContext => {
        let user = cache.get(persona);
        if (!user) {
          const { username, password } = defaultOrgUser(persona);
          user = org.services.login.contextFor(org.services.login.passwordLogin(username, password, 'oauth-password').session);
          cache.set(persona, user);
        }
        return user;
      };
      await org.app.listen({ host: '127.0.0.1', port: 0 });
      const address = org.app.server.address();
      if (!address || typeof address === 'string') throw new Error('the local org did not get a TCP port');
      await use({
        org,
        url: `http://127.0.0.1:${address.port}`,
        advanceClock: (ms) => {
          offset += ms;
        },
        resetClock: () => {
          offset = 0;
        },
        apiLogin: (persona) => {
          const { username, password } = defaultOrgUser(persona);
          const { session } = org.services.login.passwordLogin(username, password, 'oauth-password');
          return { sessionId: session.id, user: org.services.login.contextFor(session) };
        },
        object,
        create: (objectName, fields, persona = 'admin') => org.services.records.create(contexts(persona), object(objectName), fields),
        remove: (objectName, ids) => {
          for (const id of ids) org.services.records.delete(contexts('admin'), object(objectName), id);
        },
        userId: (persona) => contexts(persona).userId,
      });
      await org.app.close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ localOrg }, use) => use(localOrg.url),

  persona: ['admin', { option: true }],

  // Tests that move the clock get it back, so the next test in the worker has live sessions.
  clockReset: [
    async ({ localOrg }, use) => {
      await use();
      localOrg.resetClock();
    },
    { auto: true },
  ],

  page: async ({ page, persona, localOrg }, use) => {
    if (persona) await signIn(page, localOrg, persona);
    await use(page);
  },
});

/** Signs a browser context in as a persona through the frontdoor, by POST. */
export async function signIn(page: Page, localOrg: UiTestOrg, persona: string, retURL = '/lightning/page/home'): Promise<void> {
  const { sessionId } = localOrg.apiLogin(persona);
  const response = await page.request.post('/secur/frontdoor.jsp', { form: { sid: sessionId, retURL }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe(retURL);
}

export { expect };
