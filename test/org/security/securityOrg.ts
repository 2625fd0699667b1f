import assert from 'node:assert/strict';
import type { Connection } from 'jsforce';
import { MAIN, makeProject, usersJson, xml } from '../metadata/sfdxProject.ts';
import { startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * Purpose-made orgs for the security tests: a project written into a temporary folder with exactly
 * the profiles, roles, groups, queues, sharing settings and users a suite is about, started
 * in-process and driven through jsforce as each user.
 */

export const PASSWORD = 'security-test-1';

/** `CRED` letters (Create, Read, Edit, Delete) plus `V` (View All) and `M` (Modify All). */
function objectPermission(object: string, rights: string): string {
  const has = (c: string) => String(rights.includes(c));
  return `<objectPermissions><allowCreate>${has('C')}</allowCreate><allowDelete>${has('D')}</allowDelete><allowEdit>${has('E')}</allowEdit><allowRead>${has('R')}</allowRead><modifyAllRecords>${has('M')}</modifyAllRecords><object>${object}</object><viewAllRecords>${has('V')}</viewAllRecords></objectPermissions>`;
}

/** `R` readable, `E` editable (editable implies readable), '' neither. */
function fieldPermission(field: string, rights: string): string {
  return `<fieldPermissions><editable>${rights.includes('E')}</editable><field>${field}</field><readable>${rights.includes('R') || rights.includes('E')}</readable></fieldPermissions>`;
}

function userPermissions(names: Record<string, boolean>): string {
  return Object.entries(names)
    .map(([name, enabled]) => `<userPermissions><enabled>${enabled}</enabled><name>${name}</name></userPermissions>`)
    .join('');
}

export interface PermissionSpec {
  objects?: Record<string, string>;
  fields?: Record<string, string>;
  user?: Record<string, boolean>;
}

const permissionBody = (p: PermissionSpec) =>
  [
    ...Object.entries(p.fields ?? {}).map(([f, r]) => fieldPermission(f, r)),
    ...Object.entries(p.objects ?? {}).map(([o, r]) => objectPermission(o, r)),
    userPermissions(p.user ?? {}),
  ].join('\n');

export const profileFile = (name: string, p: PermissionSpec) => ({
  [`${MAIN}/profiles/${name}.profile-meta.xml`]: xml('Profile', `<custom>true</custom>${permissionBody(p)}<userLicense>Salesforce</userLicense>`),
});

export const permissionSetFile = (name: string, p: PermissionSpec) => ({
  [`${MAIN}/permissionsets/${name}.permissionset-meta.xml`]: xml('PermissionSet', `<label>${name}</label>${permissionBody(p)}`),
});

export const roleFile = (name: string, parent?: string, extra = '') => ({
  [`${MAIN}/roles/${name}.role-meta.xml`]: xml('Role', `<name>${name.replace(/_/g, ' ')}</name>${parent ? `<parentRole>${parent}</parentRole>` : ''}${extra}`),
});

export const sharingModelFile = (object: string, model: string) => ({
  [`${MAIN}/objects/${object}/${object}.object-meta.xml`]: xml('CustomObject', `<sharingModel>${model}</sharingModel>`),
});

export const sharingRulesFile = (object: string, body: string) => ({
  [`${MAIN}/sharingRules/${object}.sharingRules-meta.xml`]: xml('SharingRules', body),
});

export const textField = (object: string, field: string) => ({
  [`${MAIN}/objects/${object}/fields/${field}.field-meta.xml`]: xml('CustomField', `<fullName>${field}</fullName><label>${field.replace(/__c$/, '')}</label><type>Text</type><length>80</length>`),
});

export interface UserEntry {
  name: string;
  profile: string;
  role?: string;
  permissionSets?: string[];
}

export interface SecurityOrg {
  org: TestOrg;
  /** A jsforce connection logged in (SOAP) as the user `<name>@sec.test`. */
  as(name: string): Promise<Connection>;
  userId(name: string): string;
  close(): Promise<void>;
}

export async function startSecurityOrg(files: Record<string, string>, users: UserEntry[]): Promise<SecurityOrg> {
  const dir = makeProject({
    ...files,
    'golive/users.json': usersJson(
      users.map((u) => ({
        username: `${u.name}@sec.test`,
        lastName: u.name,
        email: `${u.name}@sec.test`,
        profile: u.profile,
        ...(u.role ? { role: u.role } : {}),
        ...(u.permissionSets ? { permissionSets: u.permissionSets } : {}),
      })),
      { defaultPassword: PASSWORD },
    ),
  });
  const org = await startTestOrg({ metadataDir: dir, connectedApps: [{ name: 'sec', consumerKey: 'sec-key', consumerSecret: 'sec-secret' }] });
  const connections = new Map<string, Connection>();
  return {
    org,
    async as(name) {
      let conn = connections.get(name);
      if (!conn) {
        conn = await org.login(`${name}@sec.test`, PASSWORD);
        connections.set(name, conn);
      }
      return conn;
    },
    userId(name) {
      const row = org.org.services.login.findUserByUsername(`${name}@sec.test`);
      assert.ok(row, `no user ${name}`);
      return String(row.Id);
    },
    close: () => org.close(),
  };
}

/** The error code of a call that must fail. */
export async function errorCodeOf(promise: PromiseLike<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return String((err as { errorCode?: string }).errorCode ?? (err as Error).name);
  }
  return assert.fail('expected the call to fail');
}

/** Names of the records a query returns, sorted. */
export async function names(conn: Connection, soql: string): Promise<string[]> {
  const res = await conn.query<{ Name: string }>(soql);
  return res.records.map((r) => r.Name).sort();
}
