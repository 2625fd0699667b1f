import assert from 'node:assert/strict';
import { ConnectedApps } from '../../../src/org/auth/connectedApps.ts';
import { DEFAULT_ORG_DIR, type TestOrg } from '../../support/testOrg.ts';

/** The connected app the default org ships for local OAuth clients, read from its metadata. */
export function shippedGoliveApp(): { consumerKey: string; consumerSecret: string } {
  const app = ConnectedApps.fromProject(DEFAULT_ORG_DIR).all.find((a) => a.name === 'golive');
  if (!app?.consumerSecret) throw new Error('orgs/default ships no connected app "golive" with a consumer secret');
  return { consumerKey: app.consumerKey, consumerSecret: app.consumerSecret };
}

/** The name and message jsforce gives the error of a failed call (OAuth errors: error and error_description). */
export async function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string; errorCode?: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { errorCode?: string };
    return { name: e.name, message: e.message, errorCode: e.errorCode };
  }
  assert.fail('expected the call to fail');
}

/** A REST call with a bare token, to see whether the org still honours it. */
export async function restStatus(org: TestOrg, token: string | null | undefined): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${org.url}/services/data/v60.0/sobjects`, { headers: { Authorization: `Bearer ${token ?? ''}` } });
  return { status: res.status, body: await res.json() };
}

export const SESSION_EXPIRED = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

/** Sets User.IsActive directly in the store, as an admin deactivating a user would. */
export function setActive(org: TestOrg, username: string, active: boolean): void {
  const user = org.org.services.login.findUserByUsername(username);
  if (!user) throw new Error(`no user ${username}`);
  org.org.store.update(org.org.definition.schema.object('User')!, String(user.Id), { IsActive: active ? 1 : 0 });
}

export const INVALID_LOGIN = 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.';
