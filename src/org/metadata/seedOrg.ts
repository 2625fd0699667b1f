import { isSalesforceError } from '../errors/SalesforceError.ts';
import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';
import { computeDerivedFields } from '../schema/derivedFields.ts';
import type { ObjectDef } from '../schema/types.ts';
import { formatDateTime, toStored } from '../schema/valueCodec.ts';
import { ADMIN_PROFILE } from './accessMetadata.ts';
import { ownerKey, refOf, seedKeyOf, setupKey, SETUP_OBJECTS, type SeedContext } from './seedFiles.ts';
import { MetadataError, type OrgDefinition, type RoleDef } from './types.ts';

/**
 * Fills an empty store with the org a definition describes: the Organization row, profiles,
 * roles, groups and queues, permission sets, users and their assignments, record types, the
 * LeadStatus/OpportunityStage rows behind the two picklists, then the seed records. All in one
 * transaction: a failure leaves the store empty, never half-seeded.
 */

export interface SeedOptions {
  now: Date;
  isSandbox: boolean;
  hashPassword: (plain: string) => string;
  /**
   * Creates a seed record through the service layer, so its validation and automation apply.
   * `fields` are API values with every `@ref` resolved to an id and without OwnerId;
   * `ownerId` is the user or queue that must own the record (for objects without owners: the
   * administrator to act as). Returns the new id. Without it, records are inserted directly.
   */
  createRecord?: (objectName: string, fields: Record<string, unknown>, ownerId: string) => string;
}

export interface SeedResult {
  organizationId: string;
  /** The first active System Administrator: creator of every seeded record. */
  adminUserId: string;
  /** Username → id. */
  userIds: Map<string, string>;
  /** For the caller to persist: the store has no table for passwords. */
  credentials: Array<{ userId: string; username: string; passwordHash: string }>;
  /** Seed records created, in creation order. */
  seeded: Array<{ object: string; file: string; index: number; id: string }>;
}

/** Parents before children, so every ParentRoleId is known when a role is inserted. */
function rolesTopDown(roles: RoleDef[]): RoleDef[] {
  const out: RoleDef[] = [];
  const placed = new Set<string>();
  const place = (r: RoleDef) => {
    if (placed.has(r.developerName)) return;
    const parent = r.parentRole ? roles.find((p) => p.developerName === r.parentRole) : undefined;
    if (parent) place(parent);
    placed.add(r.developerName);
    out.push(r);
  };
  roles.forEach(place);
  return out;
}

const ACCESS_LEVELS = new Set(['None', 'Read', 'Edit']);

export function seedOrg(store: OrgStore, def: OrgDefinition, options: SeedOptions): SeedResult {
  const schema = def.schema;
  const object = (name: string): ObjectDef => {
    const o = schema.object(name);
    if (!o) throw new Error(`seedOrg: the schema has no ${name} object`);
    return o;
  };
  if (store.count(object('Organization')) > 0 || store.count(object('User')) > 0) {
    throw new Error('seedOrg needs an empty store: this database already has an org. Reset it to seed again.');
  }
  const now = formatDateTime(options.now);
  const adminSpec = def.users.find((u) => u.isActive && u.profile === ADMIN_PROFILE);
  if (!adminSpec) throw new MetadataError(`The org definition has no active '${ADMIN_PROFILE}' user to create the org's records.`);

  return store.transaction(() => {
    const userObject = object('User');
    // Ids first: every record, the admin user's own included, is created by the admin.
    const userIds = new Map(def.users.map((u) => [u.username, store.newId(userObject)]));
    const adminUserId = userIds.get(adminSpec.username)!;

    /** A platform insert: values are validated and converted like API values, defaults applied. */
    const insert = (objectName: string, fields: Record<string, unknown>, id?: string): string => {
      const o = object(objectName);
      const row: StoredRow = {};
      for (const f of o.fields) {
        if (f.type === 'boolean') row[f.name] = f.defaultValue === true ? 1 : 0;
        else if (f.defaultValue !== undefined && f.defaultValue !== null) row[f.name] = toStored(schema, f, f.defaultValue);
        else row[f.name] = null;
      }
      for (const [name, value] of Object.entries(fields)) {
        const f = o.fieldsByLowerName.get(name.toLowerCase());
        if (!f) throw new Error(`seedOrg: ${o.name} has no field ${name}`);
        row[f.name] = toStored(schema, f, value);
      }
      row.Id = id ?? store.newId(o);
      row.IsDeleted = 0;
      row.CreatedDate = row.LastModifiedDate = row.SystemModstamp = now;
      row.CreatedById = row.LastModifiedById = adminUserId;
      computeDerivedFields(o, row, { schema });
      const missing = o.fields.filter((f) => f.required && (row[f.name] === null || row[f.name] === ''));
      if (missing.length > 0) throw new Error(`seedOrg: ${o.name} is missing required fields ${missing.map((f) => f.name).join(', ')}`);
      store.insert(o, row);
      return String(row.Id);
    };

    const organizationId = insert('Organization', {
      Name: def.orgName,
      IsSandbox: options.isSandbox,
      InstanceName: 'LOCAL',
      OrganizationType: 'Enterprise Edition',
      TimeZoneSidKey: def.orgDefaults.timeZoneSidKey,
      LanguageLocaleKey: def.orgDefaults.languageLocaleKey,
      DefaultLocaleSidKey: def.orgDefaults.localeSidKey,
    });

    const profileIds = new Map<string, string>();
    const profilePermissionSets = new Map<string, string>();
    for (const p of def.profiles) {
      const id = insert('Profile', { Name: p.name, UserType: 'Standard', Description: p.description ?? null });
      profileIds.set(p.name, id);
      // Salesforce backs every profile with a permission set it owns, and assigns it to the
      // profile's users; queries on PermissionSetAssignment see those rows too.
      profilePermissionSets.set(p.name, insert('PermissionSet', { Name: `X${id}`, Label: id, IsOwnedByProfile: true, ProfileId: id, IsCustom: !p.builtIn }));
    }

    const roleIds = new Map<string, string>();
    const roleGroupIds = new Map<string, { role: string; subordinates: string }>();
    for (const r of rolesTopDown(def.roles)) {
      const access = (level: string | undefined) => (level && ACCESS_LEVELS.has(level) ? level : null);
      const id = insert('UserRole', {
        Name: r.name,
        DeveloperName: r.developerName,
        ParentRoleId: r.parentRole ? roleIds.get(r.parentRole)! : null,
        RollupDescription: r.name.slice(0, 80),
        OpportunityAccessForAccountOwner: access(r.opportunityAccessLevel),
        CaseAccessForAccountOwner: access(r.caseAccessLevel),
        ContactAccessForAccountOwner: access(r.contactAccessLevel),
      });
      roleIds.set(r.developerName, id);
    }

    // The groups Salesforce maintains for sharing: the whole org, and each role (alone and with
    // its subordinates). Sharing rules and queue memberships point at them.
    insert('Group', { Name: 'All Internal Users', DeveloperName: 'AllInternalUsers', Type: 'Organization', OwnerId: organizationId });
    for (const r of def.roles) {
      const groupOf = (type: string) =>
        insert('Group', { Name: r.name.slice(0, 40), DeveloperName: r.developerName, Type: type, RelatedId: roleIds.get(r.developerName)!, OwnerId: organizationId });
      roleGroupIds.set(r.developerName, { role: groupOf('Role'), subordinates: groupOf('RoleAndSubordinates') });
    }
    const groupIds = new Map<string, string>();
    for (const g of def.groups) {
      groupIds.set(g.developerName, insert('Group', { Name: g.name.slice(0, 40), DeveloperName: g.developerName, Type: 'Regular', DoesIncludeBosses: g.doesIncludeBosses, OwnerId: adminUserId }));
    }

    const permissionSetIds = new Map<string, string>();
    for (const ps of def.permissionSets) {
      permissionSetIds.set(ps.name, insert('PermissionSet', { Name: ps.name, Label: ps.label, Description: ps.description ?? null, IsOwnedByProfile: false, IsCustom: true }));
    }

    const credentials: SeedResult['credentials'] = [];
    for (const u of def.users) {
      const id = userIds.get(u.username)!;
      insert(
        'User',
        {
          Username: u.username,
          FirstName: u.firstName ?? null,
          LastName: u.lastName,
          Email: u.email,
          Alias: u.alias,
          CommunityNickname: u.username.split('@')[0].slice(0, 40),
          CompanyName: def.orgName.slice(0, 80),
          IsActive: u.isActive,
          ProfileId: profileIds.get(u.profile)!,
          UserRoleId: u.role ? roleIds.get(u.role)! : null,
          ManagerId: u.manager ? userIds.get(u.manager)! : null,
          UserType: 'Standard',
          TimeZoneSidKey: u.timeZoneSidKey,
          LocaleSidKey: u.localeSidKey,
          LanguageLocaleKey: u.languageLocaleKey,
          EmailEncodingKey: u.emailEncodingKey,
          Title: u.title ?? null,
          Department: u.department ?? null,
          Phone: u.phone ?? null,
          MobilePhone: u.mobilePhone ?? null,
          FederationIdentifier: u.federationIdentifier ?? null,
        },
        id,
      );
      credentials.push({ userId: id, username: u.username, passwordHash: options.hashPassword(u.password) });
      insert('PermissionSetAssignment', { AssigneeId: id, PermissionSetId: profilePermissionSets.get(u.profile)! });
      for (const ps of u.permissionSets) insert('PermissionSetAssignment', { AssigneeId: id, PermissionSetId: permissionSetIds.get(ps)! });
    }

    const queueIds = new Map<string, string>();
    for (const q of def.queues) {
      const id = insert('Group', {
        Name: q.name,
        DeveloperName: q.developerName,
        Type: 'Queue',
        Email: q.email ?? null,
        DoesSendEmailToMembers: q.doesSendEmailToMembers,
        OwnerId: adminUserId,
      });
      queueIds.set(q.developerName, id);
      for (const type of q.sobjectTypes) insert('QueueSobject', { QueueId: id, SobjectType: type });
      const members = [
        ...q.memberUsernames.map((n) => userIds.get(n)!),
        ...q.memberRoles.map((r) => roleGroupIds.get(r)!.role),
        ...q.memberRolesAndSubordinates.map((r) => roleGroupIds.get(r)!.subordinates),
        ...q.memberGroups.map((g) => groupIds.get(g)!),
      ];
      for (const member of new Set(members)) insert('GroupMember', { GroupId: id, UserOrGroupId: member });
    }

    const recordTypeIds = new Map<string, string>();
    for (const rt of def.recordTypes) {
      recordTypeIds.set(
        `${rt.sobjectType}.${rt.developerName}`,
        insert('RecordType', { Name: rt.label, DeveloperName: rt.developerName, SobjectType: rt.sobjectType, IsActive: rt.active, Description: rt.description ?? null }),
      );
    }

    // LeadStatus and OpportunityStage share key prefix 01J; one sequence keeps their ids apart.
    const picklistMaster = object('LeadStatus');
    const statuses = schema.field(object('Lead'), 'Status')?.picklistValues ?? [];
    for (const [i, v] of statuses.entries()) {
      insert('LeadStatus', { MasterLabel: v.label, ApiName: v.value, SortOrder: i + 1, IsDefault: v.defaultValue, IsConverted: v.attributes?.converted === true }, store.newId(picklistMaster));
    }
    const stages = schema.field(object('Opportunity'), 'StageName')?.picklistValues ?? [];
    for (const [i, v] of stages.entries()) {
      const a = v.attributes ?? {};
      insert(
        'OpportunityStage',
        {
          MasterLabel: v.label,
          ApiName: v.value,
          IsActive: v.active,
          SortOrder: i + 1,
          IsClosed: a.closed === true,
          IsWon: a.won === true,
          DefaultProbability: typeof a.probability === 'number' ? a.probability : 0,
          ForecastCategoryName: typeof a.forecastCategory === 'string' ? a.forecastCategory : 'Pipeline',
        },
        store.newId(picklistMaster),
      );
    }

    // Seed records, referenced objects first (loadSeedFiles ordered and checked them).
    const ctx: SeedContext = { schema, users: def.users, queues: def.queues, groups: def.groups, recordTypes: def.recordTypes, profiles: def.profiles, roles: def.roles, permissionSets: def.permissionSets };
    const setupIds = (objectName: string, key: string): string | undefined => {
      const canonical = setupKey(ctx, objectName, key);
      if (canonical === undefined) return undefined;
      switch (objectName) {
        case 'User':
          return userIds.get(canonical);
        case 'Group':
          return queueIds.get(canonical) ?? groupIds.get(canonical);
        case 'RecordType':
          return recordTypeIds.get(canonical);
        case 'Profile':
          return profileIds.get(canonical);
        case 'UserRole':
          return roleIds.get(canonical);
        case 'PermissionSet':
          return permissionSetIds.get(canonical);
      }
      return undefined;
    };
    const seededKeys = new Map<string, Map<string, string>>();
    const seeded: SeedResult['seeded'] = [];
    for (const set of def.seed) {
      const o = object(set.object);
      const keys = new Map<string, string>();
      seededKeys.set(o.name, keys);
      for (const [index, record] of set.records.entries()) {
        const where = `${set.file}, record ${index}${seedKeyOf(o, record) ? ` (${seedKeyOf(o, record)})` : ''}`;
        const fields: Record<string, unknown> = {};
        let ownerId = adminUserId;
        for (const [name, value] of Object.entries(record)) {
          if (name === '@key') continue;
          if (name === 'Owner') {
            const owner = ownerKey(ctx, String(value))!;
            ownerId = owner.kind === 'User' ? userIds.get(owner.key)! : queueIds.get(owner.key)!;
            continue;
          }
          const ref = refOf(value);
          if (!ref) {
            fields[name] = value;
            continue;
          }
          const target = schema.object(ref.object)!;
          const id = SETUP_OBJECTS.has(target.name) ? setupIds(target.name, ref.key) : seededKeys.get(target.name)?.get(ref.key.toLowerCase());
          if (!id) throw new MetadataError(`${where}: ${name} refers to ${ref.object} '${ref.key}', which was not created.`, set.file);
          if (name.toLowerCase() === 'ownerid') ownerId = id;
          else fields[name] = id;
        }
        let id: string;
        try {
          if (options.createRecord) id = options.createRecord(o.name, fields, ownerId);
          else id = insert(o.name, o.fieldsByLowerName.has('ownerid') ? { ...fields, OwnerId: ownerId } : fields);
        } catch (err) {
          const detail = isSalesforceError(err) ? `${err.errorCode}: ${err.message}` : (err as Error).message.replace(/^seedOrg: /, '');
          throw new MetadataError(`${where}: cannot be created: ${detail}. Fix the seed record.`, set.file);
        }
        const key = seedKeyOf(o, record);
        if (key !== undefined) keys.set(key.toLowerCase(), id);
        seeded.push({ object: o.name, file: set.file, index, id });
      }
    }

    return { organizationId, adminUserId, userIds, credentials, seeded };
  });
}
