import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_PROFILE } from './accessMetadata.ts';
import { MetadataError, type PermissionSetDef, type ProfileDef, type QueueDef, type RoleDef, type UserSpec } from './types.ts';

/**
 * golive/users.json: the org's name and its users, one per persona the UAT scenarios play.
 * Every reference (profile, role, manager, permission set, queue) is checked here, so a typo
 * stops the start with a message naming the entry rather than surfacing later as a login that
 * behaves oddly.
 */

export const USERS_FILE = 'golive/users.json';

/**
 * The password users get when the file gives none. Local-only: the local org is a test double
 * on loopback, and testers need to know the passwords; never reuse it for a real org.
 */
export const DEFAULT_LOCAL_PASSWORD = 'golive-local-1';
export const DEFAULT_ADMIN_USERNAME = 'admin@golive.local';
export const DEFAULT_ORG_NAME = 'golive local org';

const ORG_DEFAULTS = { timeZoneSidKey: 'America/Los_Angeles', localeSidKey: 'en_US', languageLocaleKey: 'en_US' };

const TOP_LEVEL_KEYS = ['orgName', 'defaultPassword', 'timeZoneSidKey', 'localeSidKey', 'languageLocaleKey', 'users', '$comment'];
const USER_KEYS = [
  'persona', 'username', 'firstName', 'lastName', 'email', 'alias', 'profile', 'role', 'manager', 'permissionSets', 'queues',
  'password', 'title', 'department', 'phone', 'mobilePhone', 'federationIdentifier', 'isActive', 'timeZoneSidKey',
  'localeSidKey', 'languageLocaleKey', 'emailEncodingKey',
];
const STRING_KEYS = USER_KEYS.filter((k) => !['permissionSets', 'queues', 'isActive'].includes(k));

// Salesforce usernames and emails have the form of an email address.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UsersFileContent {
  orgName: string;
  orgDefaults: { timeZoneSidKey: string; localeSidKey: string; languageLocaleKey: string };
  users: UserSpec[];
}

export interface UsersFileContext {
  profiles: ProfileDef[];
  roles: RoleDef[];
  permissionSets: PermissionSetDef[];
  queues: QueueDef[];
  /** Used when the file gives no orgName (the sfdx-project.json name, if any). */
  fallbackOrgName?: string;
}

const list = (names: string[]) => (names.length === 0 ? '(none)' : names.map((n) => `'${n}'`).join(', '));

/** The default alias Salesforce suggests: first initial and the start of the last name. */
function defaultAlias(firstName: string | undefined, lastName: string): string {
  return `${firstName?.[0] ?? ''}${lastName}`.replace(/\s+/g, '').slice(0, 5).toLowerCase() || 'user';
}

export function defaultUsers(ctx: UsersFileContext): UsersFileContent {
  return {
    orgName: ctx.fallbackOrgName ?? DEFAULT_ORG_NAME,
    orgDefaults: { ...ORG_DEFAULTS },
    users: [
      {
        persona: 'admin',
        username: DEFAULT_ADMIN_USERNAME,
        firstName: 'Admin',
        lastName: 'User',
        email: DEFAULT_ADMIN_USERNAME,
        alias: 'admin',
        profile: ADMIN_PROFILE,
        permissionSets: [],
        queues: [],
        password: DEFAULT_LOCAL_PASSWORD,
        isActive: true,
        ...ORG_DEFAULTS,
        emailEncodingKey: 'UTF-8',
      },
    ],
  };
}

export function loadUsersFile(projectDir: string, ctx: UsersFileContext): UsersFileContent {
  const abs = path.join(projectDir, USERS_FILE);
  if (!fs.existsSync(abs)) return defaultUsers(ctx);
  const file = USERS_FILE;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch (err) {
    throw new MetadataError(`${file} is not valid JSON: ${(err as Error).message.split('\n')[0]}. Fix the file.`, file);
  }
  const fail = (message: string): never => {
    throw new MetadataError(`${file}: ${message}`, file);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected an object { "orgName": …, "users": [ … ] }.');
  const top = json as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!TOP_LEVEL_KEYS.includes(key)) fail(`unknown property '${key}'. Allowed: ${TOP_LEVEL_KEYS.filter((k) => k !== '$comment').join(', ')}.`);
  }
  for (const key of ['orgName', 'defaultPassword', 'timeZoneSidKey', 'localeSidKey', 'languageLocaleKey']) {
    if (top[key] !== undefined && (typeof top[key] !== 'string' || (top[key] as string).trim() === '')) fail(`'${key}' must be a non-empty string.`);
  }
  if (!Array.isArray(top.users) || top.users.length === 0) fail(`'users' must be a non-empty list of users.`);
  const orgDefaults = {
    timeZoneSidKey: (top.timeZoneSidKey as string | undefined) ?? ORG_DEFAULTS.timeZoneSidKey,
    localeSidKey: (top.localeSidKey as string | undefined) ?? ORG_DEFAULTS.localeSidKey,
    languageLocaleKey: (top.languageLocaleKey as string | undefined) ?? ORG_DEFAULTS.languageLocaleKey,
  };
  const defaultPassword = (top.defaultPassword as string | undefined) ?? DEFAULT_LOCAL_PASSWORD;

  const profileNames = ctx.profiles.map((p) => p.name);
  const users: UserSpec[] = [];
  const seen = new Map<string, number>();
  for (const [index, raw] of (top.users as unknown[]).entries()) {
    const label = (u?: Record<string, unknown>) =>
      `users[${index}]${u && typeof u.username === 'string' ? ` (${u.username})` : u && typeof u.persona === 'string' ? ` (persona ${u.persona})` : ''}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`${label()} must be an object.`);
    const u = raw as Record<string, unknown>;
    const entryFail = (message: string): never => fail(`${label(u)}: ${message}`);
    for (const key of Object.keys(u)) {
      if (!USER_KEYS.includes(key)) entryFail(`unknown property '${key}'. Allowed: ${USER_KEYS.join(', ')}.`);
    }
    for (const key of STRING_KEYS) {
      if (u[key] !== undefined && (typeof u[key] !== 'string' || (u[key] as string).trim() === '')) entryFail(`'${key}' must be a non-empty string.`);
    }
    for (const key of ['permissionSets', 'queues']) {
      if (u[key] !== undefined && (!Array.isArray(u[key]) || (u[key] as unknown[]).some((v) => typeof v !== 'string'))) entryFail(`'${key}' must be a list of names.`);
    }
    if (u.isActive !== undefined && typeof u.isActive !== 'boolean') entryFail(`'isActive' must be true or false.`);
    for (const key of ['username', 'lastName', 'email', 'profile']) if (u[key] === undefined) entryFail(`'${key}' is required.`);
    const username = u.username as string;
    if (!EMAIL_SHAPE.test(username)) entryFail(`username '${username}' must have the form of an email address (name@domain.tld), as in Salesforce.`);
    if (!EMAIL_SHAPE.test(u.email as string)) entryFail(`email '${String(u.email)}' is not an email address.`);
    const clash = seen.get(username.toLowerCase());
    if (clash !== undefined) entryFail(`username '${username}' is already used by users[${clash}]; usernames are unique.`);
    seen.set(username.toLowerCase(), index);

    const profile = ctx.profiles.find((p) => p.name.toLowerCase() === (u.profile as string).toLowerCase() || p.fullName.toLowerCase() === (u.profile as string).toLowerCase());
    if (!profile) entryFail(`unknown profile '${String(u.profile)}'. Profiles in this org: ${list(profileNames)}.`);
    let role: string | undefined;
    if (u.role !== undefined) {
      const r = ctx.roles.find((x) => x.developerName.toLowerCase() === (u.role as string).toLowerCase() || x.name.toLowerCase() === (u.role as string).toLowerCase());
      if (!r) entryFail(`unknown role '${String(u.role)}'. Roles in this org (roles/*.role-meta.xml): ${list(ctx.roles.map((x) => x.name))}.`);
      role = r!.developerName;
    }
    const permissionSets = ((u.permissionSets as string[] | undefined) ?? []).map((name) => {
      const ps = ctx.permissionSets.find((p) => p.name.toLowerCase() === name.toLowerCase() || p.label.toLowerCase() === name.toLowerCase());
      if (!ps) entryFail(`unknown permission set '${name}'. Permission sets in this org (permissionsets/*.permissionset-meta.xml): ${list(ctx.permissionSets.map((p) => p.name))}.`);
      return ps!.name;
    });
    const queues = ((u.queues as string[] | undefined) ?? []).map((name) => {
      const q = ctx.queues.find((x) => x.developerName.toLowerCase() === name.toLowerCase() || x.name.toLowerCase() === name.toLowerCase());
      if (!q) entryFail(`unknown queue '${name}'. Queues in this org (queues/*.queue-meta.xml): ${list(ctx.queues.map((x) => x.name))}.`);
      return q!.developerName;
    });
    const firstName = u.firstName as string | undefined;
    const lastName = u.lastName as string;
    const alias = (u.alias as string | undefined) ?? defaultAlias(firstName, lastName);
    if (alias.length > 8) entryFail(`alias '${alias}' is longer than 8 characters.`);
    users.push({
      persona: u.persona as string | undefined,
      username,
      firstName,
      lastName,
      email: u.email as string,
      alias,
      profile: profile!.name,
      role,
      manager: u.manager as string | undefined,
      permissionSets,
      queues,
      password: (u.password as string | undefined) ?? defaultPassword,
      title: u.title as string | undefined,
      department: u.department as string | undefined,
      phone: u.phone as string | undefined,
      mobilePhone: u.mobilePhone as string | undefined,
      federationIdentifier: u.federationIdentifier as string | undefined,
      isActive: (u.isActive as boolean | undefined) ?? true,
      timeZoneSidKey: (u.timeZoneSidKey as string | undefined) ?? orgDefaults.timeZoneSidKey,
      localeSidKey: (u.localeSidKey as string | undefined) ?? orgDefaults.localeSidKey,
      languageLocaleKey: (u.languageLocaleKey as string | undefined) ?? orgDefaults.languageLocaleKey,
      emailEncodingKey: (u.emailEncodingKey as string | undefined) ?? 'UTF-8',
    });
  }

  const byUsername = new Map(users.map((u) => [u.username.toLowerCase(), u]));
  for (const [index, u] of users.entries()) {
    if (!u.manager) continue;
    const manager = byUsername.get(u.manager.toLowerCase());
    if (!manager) fail(`users[${index}] (${u.username}): unknown manager '${u.manager}'. The manager must be the username of another user in this file.`);
    if (manager === u) fail(`users[${index}] (${u.username}): a user cannot be their own manager.`);
    u.manager = manager!.username;
  }
  for (const [index, u] of users.entries()) {
    const chain = [u.username];
    for (let m = u.manager; m; m = byUsername.get(m.toLowerCase())!.manager) {
      if (chain.includes(m)) fail(`users[${index}] (${u.username}): the managers form a cycle: ${[...chain, m].join(' → ')}.`);
      chain.push(m);
    }
  }
  if (!users.some((u) => u.isActive && u.profile === ADMIN_PROFILE)) {
    fail(`no active user has the '${ADMIN_PROFILE}' profile. The local org needs one: it creates the org's records and seed data as that user.`);
  }
  return { orgName: (top.orgName as string | undefined) ?? ctx.fallbackOrgName ?? DEFAULT_ORG_NAME, orgDefaults, users };
}
