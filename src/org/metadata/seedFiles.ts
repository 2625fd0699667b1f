import fs from 'node:fs';
import path from 'node:path';
import type { ObjectDef, OrgSchema } from '../schema/types.ts';
import { personName } from '../schema/derivedFields.ts';
import { MetadataError, type GroupDef, type PermissionSetDef, type ProfileDef, type QueueDef, type RecordTypeDef, type RoleDef, type SeedSet, type UserSpec } from './types.ts';

/**
 * golive/seed/<Object>.json: records the org starts with. A record is the API's JSON for the
 * object plus two conveniences, since ids are not known before seeding:
 *
 *  - `{ "@ref": "Account:acme" }` in a lookup stands for the id of another record: a seeded
 *    record whose `@key` (or, failing that, name) is `acme`, a user by username, a queue or
 *    group by developer name or name, a record type by `Object.DeveloperName`, a profile,
 *    role or permission set by name;
 *  - `"Owner": "<username or queue>"` sets OwnerId (default: the first administrator).
 *
 * Everything is checked at load time, with messages naming the file and the record, so the
 * seed step itself cannot fail half-way on a typo.
 */

export const SEED_DIR = 'golive/seed';

export interface SeedRef {
  object: string;
  key: string;
}

/** The `@ref` a value stands for, or undefined for a plain value. */
export function refOf(value: unknown): SeedRef | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('@ref' in value)) return undefined;
  const ref = (value as Record<string, unknown>)['@ref'];
  if (typeof ref !== 'string') return { object: '', key: '' };
  const colon = ref.indexOf(':');
  return colon < 0 ? { object: '', key: ref } : { object: ref.slice(0, colon).trim(), key: ref.slice(colon + 1).trim() };
}

/** The handle other seed records use for this one: `@key`, else its name. */
export function seedKeyOf(object: ObjectDef, record: Record<string, unknown>): string | undefined {
  if (typeof record['@key'] === 'string') return record['@key'];
  if (object.name === 'Lead' || object.name === 'Contact') {
    return personName(record.FirstName as string | null, record.LastName as string | null) ?? undefined;
  }
  const name = record[object.nameField];
  return typeof name === 'string' ? name : undefined;
}

export interface SeedContext {
  schema: OrgSchema;
  users: UserSpec[];
  queues: QueueDef[];
  groups: GroupDef[];
  recordTypes: RecordTypeDef[];
  profiles: ProfileDef[];
  roles: RoleDef[];
  permissionSets: PermissionSetDef[];
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether a non-seed reference target exists; the answer is the canonical key, or undefined. */
export function setupKey(ctx: SeedContext, object: string, key: string): string | undefined {
  switch (object) {
    case 'User':
      return ctx.users.find((u) => eq(u.username, key))?.username;
    case 'Group': {
      const q = ctx.queues.find((x) => eq(x.developerName, key) || eq(x.name, key));
      const g = ctx.groups.find((x) => eq(x.developerName, key) || eq(x.name, key));
      return (q ?? g)?.developerName;
    }
    case 'RecordType': {
      const rt = ctx.recordTypes.find((r) => eq(`${r.sobjectType}.${r.developerName}`, key));
      return rt ? `${rt.sobjectType}.${rt.developerName}` : undefined;
    }
    case 'Profile':
      return ctx.profiles.find((p) => eq(p.name, key) || eq(p.fullName, key))?.name;
    case 'UserRole':
      return ctx.roles.find((r) => eq(r.developerName, key) || eq(r.name, key))?.developerName;
    case 'PermissionSet':
      return ctx.permissionSets.find((p) => eq(p.name, key))?.name;
    default:
      return undefined;
  }
}

export const SETUP_OBJECTS = new Set(['User', 'Group', 'RecordType', 'Profile', 'UserRole', 'PermissionSet']);

/** An owner: a user by username, or a queue by developer name or name. */
export function ownerKey(ctx: SeedContext, owner: string): { kind: 'User' | 'Queue'; key: string } | undefined {
  const user = ctx.users.find((u) => eq(u.username, owner));
  if (user) return { kind: 'User', key: user.username };
  const queue = ctx.queues.find((q) => eq(q.developerName, owner) || eq(q.name, owner));
  return queue ? { kind: 'Queue', key: queue.developerName } : undefined;
}

export function loadSeedFiles(projectDir: string, ctx: SeedContext): SeedSet[] {
  const dir = path.join(projectDir, SEED_DIR);
  if (!fs.existsSync(dir)) return [];
  const sets: SeedSet[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const file = `${SEED_DIR}/${name}`;
    if (!name.endsWith('.json')) {
      throw new MetadataError(`${file}: seed files are <Object>.json (e.g. Account.json). Rename or remove this file.`, file);
    }
    const object = ctx.schema.object(name.slice(0, -'.json'.length));
    if (!object) throw new MetadataError(`${file}: there is no object '${name.slice(0, -5)}' in the local org; seed files are named after an object (Account.json, Lead.json …).`, file);
    if (!object.createable || SETUP_OBJECTS.has(object.name)) {
      throw new MetadataError(`${file}: ${object.name} records cannot be seeded from a file${SETUP_OBJECTS.has(object.name) ? '; users, groups, roles, profiles, permission sets and record types come from golive/users.json and the metadata' : ''}.`, file);
    }
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (err) {
      throw new MetadataError(`${file} is not valid JSON: ${(err as Error).message.split('\n')[0]}. Fix the file.`, file);
    }
    if (!Array.isArray(json)) throw new MetadataError(`${file}: expected a list of records ([ { … }, … ]).`, file);
    if (sets.some((s) => s.object === object.name)) throw new MetadataError(`${file}: ${object.name} has two seed files; keep one.`, file);
    sets.push({ object: object.name, file, records: json as Record<string, unknown>[] });
  }
  checkSeed(sets, ctx);
  return orderSeed(sets);
}

function describeRecord(object: ObjectDef, record: unknown, index: number): string {
  const key = typeof record === 'object' && record !== null ? seedKeyOf(object, record as Record<string, unknown>) : undefined;
  return `record ${index}${key ? ` (${key})` : ''}`;
}

function checkSeed(sets: SeedSet[], ctx: SeedContext): void {
  // Keys of the records seeded so far, per object, to resolve refs to earlier records only.
  const keys = new Map<string, Map<string, number>>(sets.map((s) => [s.object, new Map()]));
  const allKeys = new Map<string, Map<string, number>>();
  for (const set of sets) {
    const object = ctx.schema.object(set.object)!;
    const counts = new Map<string, number>();
    for (const record of set.records) {
      const key = typeof record === 'object' && record !== null && !Array.isArray(record) ? seedKeyOf(object, record) : undefined;
      if (key !== undefined) counts.set(key.toLowerCase(), (counts.get(key.toLowerCase()) ?? 0) + 1);
    }
    allKeys.set(set.object, counts);
  }

  for (const set of sets) {
    const object = ctx.schema.object(set.object)!;
    for (const [index, record] of set.records.entries()) {
      const where = `${set.file}, ${describeRecord(object, record, index)}`;
      const fail = (message: string): never => {
        throw new MetadataError(`${where}: ${message}`, set.file);
      };
      if (typeof record !== 'object' || record === null || Array.isArray(record)) fail('each record must be an object.');
      for (const [name, value] of Object.entries(record)) {
        if (name === '@key') {
          if (typeof value !== 'string' || value.trim() === '') fail(`'@key' must be a non-empty string.`);
          continue;
        }
        if (name === 'Owner') {
          if (!object.fieldsByLowerName.has('ownerid')) fail(`${object.name} has no owner; remove 'Owner'.`);
          if (typeof value !== 'string' || !ownerKey(ctx, value)) {
            fail(`Owner '${String(value)}' is neither a username in golive/users.json nor a queue. Users: ${ctx.users.map((u) => u.username).join(', ')}.`);
          }
          continue;
        }
        const field = object.fieldsByLowerName.get(name.toLowerCase());
        if (!field) fail(`${object.name} has no field '${name}'.`);
        if (!field!.createable) fail(`${object.name}.${field!.name} cannot be set on create.`);
        const ref = refOf(value);
        if (field!.type !== 'reference') {
          if (ref) fail(`${field!.name} is not a lookup; '@ref' only goes in lookup fields.`);
          if (typeof value === 'object' && value !== null && !(Array.isArray(value) && field!.type === 'multipicklist')) {
            fail(`${field!.name} must be a plain value (text, number, true/false or null).`);
          }
          continue;
        }
        if (value === null) continue;
        if (!ref) fail(`${field!.name} must be { "@ref": "<Object>:<key>" } (ids are not known before seeding).`);
        const target = ctx.schema.object(ref!.object);
        if (!ref!.object || !target) fail(`${field!.name}: '@ref' must be "<Object>:<key>" with an object of the org, e.g. "Account:Acme Corp".`);
        if (!field!.referenceTo.some((r) => eq(r, target!.name))) {
          fail(`${field!.name} points to ${field!.referenceTo.join(' or ')}, not ${target!.name}.`);
        }
        if (SETUP_OBJECTS.has(target!.name)) {
          if (!setupKey(ctx, target!.name, ref!.key)) fail(`${field!.name}: there is no ${target!.name} '${ref!.key}'.`);
          continue;
        }
        const seeded = keys.get(target!.name);
        if (!seeded) fail(`${field!.name}: there are no ${target!.name} seed records (golive/seed/${target!.name}.json) to refer to.`);
        if ((allKeys.get(target!.name)?.get(ref!.key.toLowerCase()) ?? 0) > 1) {
          fail(`${field!.name}: several ${target!.name} seed records have the key '${ref!.key}'; give the one you mean a unique "@key".`);
        }
        if (target!.name === object.name && !seeded!.has(ref!.key.toLowerCase())) {
          fail(`${field!.name}: ${target!.name} '${ref!.key}' must come earlier in ${set.file}.`);
        }
        if (target!.name !== object.name && !allKeys.get(target!.name)?.has(ref!.key.toLowerCase())) {
          fail(`${field!.name}: there is no ${target!.name} '${ref!.key}' in golive/seed/${target!.name}.json.`);
        }
      }
      const key = seedKeyOf(object, record);
      if (key !== undefined) keys.get(set.object)!.set(key.toLowerCase(), index);
    }
  }
}

/** Referenced objects first, so every `@ref` points at a record already created. */
function orderSeed(sets: SeedSet[]): SeedSet[] {
  const deps = new Map<string, Set<string>>();
  for (const set of sets) {
    const d = new Set<string>();
    for (const record of set.records) {
      for (const value of Object.values(record)) {
        const ref = refOf(value);
        if (ref && sets.some((s) => eq(s.object, ref.object)) && !eq(ref.object, set.object)) {
          d.add(sets.find((s) => eq(s.object, ref.object))!.object);
        }
      }
    }
    deps.set(set.object, d);
  }
  const ordered: SeedSet[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (set: SeedSet, path: string[]) => {
    if (state.get(set.object) === 'done') return;
    if (state.get(set.object) === 'visiting') {
      throw new MetadataError(`golive/seed: the seed files refer to each other in a cycle (${[...path, set.object].join(' → ')}); seed one side and link it later in a test.`, SEED_DIR);
    }
    state.set(set.object, 'visiting');
    for (const dep of [...deps.get(set.object)!].sort()) visit(sets.find((s) => s.object === dep)!, [...path, set.object]);
    state.set(set.object, 'done');
    ordered.push(set);
  };
  for (const set of [...sets].sort((a, b) => (a.object < b.object ? -1 : 1))) visit(set, []);
  return ordered;
}
