import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { seedOrg, type SeedOptions } from '../../../src/org/metadata/seedOrg.ts';
import { MetadataError, type OrgDefinition } from '../../../src/org/metadata/types.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { MAIN, adminUser, customObjectXml, fieldXml, makeProject, removeProjects, usersJson, xml } from './sfdxProject.ts';

after(removeProjects);

const NOW = new Date(Date.UTC(2025, 0, 15, 9, 30, 0));
const options: SeedOptions = { now: NOW, isSandbox: true, hashPassword: (p) => `hashed:${p}` };

const files: Record<string, string> = {
  [`${MAIN}/roles/Chief.role-meta.xml`]: xml('Role', '<name>Chief</name><opportunityAccessLevel>Edit</opportunityAccessLevel>'),
  [`${MAIN}/roles/Seller.role-meta.xml`]: xml('Role', '<name>Seller</name><parentRole>Chief</parentRole>'),
  [`${MAIN}/profiles/Seller.profile-meta.xml`]: xml('Profile', '<custom>true</custom><userLicense>Salesforce</userLicense>'),
  [`${MAIN}/permissionsets/Extra.permissionset-meta.xml`]: xml('PermissionSet', '<label>Extra</label><description>More</description>'),
  [`${MAIN}/groups/Helpers.group-meta.xml`]: xml('Group', '<name>Helpers</name>'),
  [`${MAIN}/queues/Hot_Leads.queue-meta.xml`]: xml(
    'Queue',
    '<name>Hot Leads</name><queueMembers><roles><role>Chief</role></roles><publicGroups><publicGroup>Helpers</publicGroup></publicGroups></queueMembers><queueSobject><sobjectType>Lead</sobjectType></queueSobject><queueSobject><sobjectType>Ticket__c</sobjectType></queueSobject>',
  ),
  [`${MAIN}/objects/Account/recordTypes/Partner.recordType-meta.xml`]: xml('RecordType', '<fullName>Partner</fullName><active>true</active><label>Partner Account</label>'),
  [`${MAIN}/objects/Ticket__c/Ticket__c.object-meta.xml`]: customObjectXml('Ticket'),
  [`${MAIN}/objects/Ticket__c/fields/Account__c.field-meta.xml`]: fieldXml('<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Tickets</relationshipName>'),
  [`${MAIN}/objects/Ticket__c/fields/Severity__c.field-meta.xml`]: fieldXml(
    '<label>Severity</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>Low</fullName><default>true</default><label>Low</label></value><value><fullName>High</fullName><default>false</default><label>High</label></value></valueSetDefinition></valueSet>',
  ),
  'golive/users.json': usersJson([
    { persona: 'seller', username: 'seller@test.local', firstName: 'Sal', lastName: 'Seller', email: 'seller@test.local', profile: 'Seller', role: 'Seller', manager: 'chief@test.local', permissionSets: ['Extra'], queues: ['Hot Leads'], password: 'pw-seller' },
    { ...adminUser, firstName: 'Ada' },
    { persona: 'chief', username: 'chief@test.local', lastName: 'Chief', email: 'chief@test.local', profile: 'Standard User', role: 'Chief' },
  ]),
  'golive/seed/Account.json': JSON.stringify([
    { '@key': 'parent', Name: 'Parent Co', Owner: 'seller@test.local', RecordTypeId: { '@ref': 'RecordType:Account.Partner' } },
    { Name: 'Child Co', ParentId: { '@ref': 'Account:parent' }, Industry: 'Energy' },
  ]),
  'golive/seed/Contact.json': JSON.stringify([{ FirstName: 'Cy', LastName: 'Contact', AccountId: { '@ref': 'Account:Child Co' }, Owner: 'seller@test.local' }]),
  'golive/seed/Lead.json': JSON.stringify([
    { LastName: 'Queued', Company: 'Q Inc', Owner: 'Hot Leads' },
    { FirstName: 'Owned', LastName: 'Lead', Company: 'O Inc', OwnerId: { '@ref': 'User:chief@test.local' }, Status: 'Working - Contacted' },
  ]),
  'golive/seed/Opportunity.json': JSON.stringify([{ Name: 'Big Deal', AccountId: { '@ref': 'Account:parent' }, StageName: 'Closed Won', CloseDate: '2025-03-01', Amount: 5000 }]),
  'golive/seed/Ticket__c.json': JSON.stringify([{ Account__c: { '@ref': 'Account:parent' } }, { Name: 'T-2', Severity__c: 'High' }]),
};

function seeded(def: OrgDefinition, opts: SeedOptions = options) {
  const store = new SqliteOrgStore(def.schema, ':memory:');
  const result = seedOrg(store, def, opts);
  const rows = (sql: string, params: Array<string | number | null> = []) => store.select(sql, params);
  return { store, result, rows };
}

describe('seedOrg', () => {
  const def = loadOrgMetadata(makeProject(files));
  const { store, result, rows } = seeded(def);
  after(() => store.close());
  const adminId = result.userIds.get('admin@test.local')!;

  it('creates the Organization row', () => {
    assert.deepEqual(rows('SELECT "Id", "Name", "IsSandbox", "CreatedById", "CreatedDate" FROM "Organization"'), [
      { Id: result.organizationId, Name: 'Test Org', IsSandbox: 1, CreatedById: adminId, CreatedDate: '2025-01-15T09:30:00.000+0000' },
    ]);
    assert.match(result.organizationId, /^00D/);
    const production = seeded(def, { ...options, isSandbox: false });
    assert.equal(production.rows('SELECT "IsSandbox" FROM "Organization"')[0].IsSandbox, 0);
    production.store.close();
  });

  it('creates users linked to their profile, role and manager, created by the first admin', () => {
    assert.equal(result.adminUserId, adminId);
    const users = rows(
      `SELECT u."Username", u."Name", p."Name" AS "Profile", r."DeveloperName" AS "Role", m."Username" AS "Manager", u."IsActive", u."CreatedById", u."Alias", u."TimeZoneSidKey"
         FROM "User" u JOIN "Profile" p ON p."Id" = u."ProfileId" LEFT JOIN "UserRole" r ON r."Id" = u."UserRoleId" LEFT JOIN "User" m ON m."Id" = u."ManagerId" ORDER BY u."Username"`,
    );
    assert.deepEqual(users, [
      { Username: 'admin@test.local', Name: 'Ada Admin', Profile: 'System Administrator', Role: null, Manager: null, IsActive: 1, CreatedById: adminId, Alias: 'aadmi', TimeZoneSidKey: 'America/Los_Angeles' },
      { Username: 'chief@test.local', Name: 'Chief', Profile: 'Standard User', Role: 'Chief', Manager: null, IsActive: 1, CreatedById: adminId, Alias: 'chief', TimeZoneSidKey: 'America/Los_Angeles' },
      { Username: 'seller@test.local', Name: 'Sal Seller', Profile: 'Seller', Role: 'Seller', Manager: 'chief@test.local', IsActive: 1, CreatedById: adminId, Alias: 'ssell', TimeZoneSidKey: 'America/Los_Angeles' },
    ]);
    assert.deepEqual(
      result.credentials.map((c) => [c.username, c.passwordHash, c.userId === result.userIds.get(c.username)]),
      [['seller@test.local', 'hashed:pw-seller', true], ['admin@test.local', 'hashed:golive-local-1', true], ['chief@test.local', 'hashed:golive-local-1', true]],
    );
  });

  it('creates profiles with their owned permission sets, and the assignments', () => {
    assert.equal(rows('SELECT count(*) AS n FROM "Profile"')[0].n, 7);
    const owned = rows(`SELECT p."Name" FROM "PermissionSet" ps JOIN "Profile" p ON p."Id" = ps."ProfileId" WHERE ps."IsOwnedByProfile" = 1 ORDER BY p."Name"`);
    assert.equal(owned.length, 7);
    const assignments = rows(
      `SELECT u."Username", ps."Name", ps."IsOwnedByProfile" FROM "PermissionSetAssignment" a JOIN "User" u ON u."Id" = a."AssigneeId" JOIN "PermissionSet" ps ON ps."Id" = a."PermissionSetId" ORDER BY u."Username", ps."IsOwnedByProfile"`,
    );
    assert.deepEqual(assignments.map((a) => [a.Username, a.IsOwnedByProfile === 1 ? '(profile)' : a.Name]), [
      ['admin@test.local', '(profile)'],
      ['chief@test.local', '(profile)'],
      ['seller@test.local', 'Extra'],
      ['seller@test.local', '(profile)'],
    ]);
  });

  it('creates the role hierarchy and the role groups', () => {
    assert.deepEqual(rows(`SELECT r."Name", p."Name" AS "Parent", r."OpportunityAccessForAccountOwner" AS "Opp" FROM "UserRole" r LEFT JOIN "UserRole" p ON p."Id" = r."ParentRoleId" ORDER BY r."Name"`), [
      { Name: 'Chief', Parent: null, Opp: 'Edit' },
      { Name: 'Seller', Parent: 'Chief', Opp: null },
    ]);
    const groups = rows(`SELECT g."Type", g."DeveloperName", r."Name" AS "Role" FROM "Group" g LEFT JOIN "UserRole" r ON r."Id" = g."RelatedId" WHERE g."Type" LIKE 'Role%' ORDER BY g."DeveloperName", g."Type"`);
    assert.deepEqual(groups.map((g) => `${g.Type}:${g.DeveloperName}:${g.Role}`), ['Role:Chief:Chief', 'RoleAndSubordinates:Chief:Chief', 'Role:Seller:Seller', 'RoleAndSubordinates:Seller:Seller']);
    assert.equal(rows(`SELECT count(*) AS n FROM "Group" WHERE "Type" = 'Organization'`)[0].n, 1);
  });

  it('creates queues with their objects and members', () => {
    const [queue] = rows(`SELECT "Id", "Name", "DeveloperName", "OwnerId" FROM "Group" WHERE "Type" = 'Queue'`);
    assert.deepEqual([queue.Name, queue.DeveloperName, queue.OwnerId], ['Hot Leads', 'Hot_Leads', adminId]);
    assert.deepEqual(rows(`SELECT "SobjectType" FROM "QueueSobject" WHERE "QueueId" = ? ORDER BY "SobjectType"`, [queue.Id]).map((r) => r.SobjectType), ['Lead', 'Ticket__c']);
    const members = rows(
      `SELECT coalesce(u."Username", g."Type" || ':' || g."DeveloperName") AS "Member" FROM "GroupMember" m LEFT JOIN "User" u ON u."Id" = m."UserOrGroupId" LEFT JOIN "Group" g ON g."Id" = m."UserOrGroupId" WHERE m."GroupId" = ? ORDER BY 1`,
      [queue.Id],
    );
    assert.deepEqual(members.map((m) => m.Member), ['Regular:Helpers', 'Role:Chief', 'seller@test.local']);
  });

  it('creates record types and the LeadStatus and OpportunityStage rows', () => {
    assert.deepEqual(rows(`SELECT "Name", "DeveloperName", "SobjectType", "IsActive" FROM "RecordType"`), [{ Name: 'Partner Account', DeveloperName: 'Partner', SobjectType: 'Account', IsActive: 1 }]);
    const statuses = rows(`SELECT "Id", "ApiName", "SortOrder", "IsDefault", "IsConverted" FROM "LeadStatus" ORDER BY "SortOrder"`);
    assert.deepEqual(statuses.map((s) => [s.ApiName, s.IsDefault, s.IsConverted]), [
      ['Open - Not Contacted', 1, 0], ['Working - Contacted', 0, 0], ['Closed - Converted', 0, 1], ['Closed - Not Converted', 0, 0],
    ]);
    const stages = rows(`SELECT "Id", "ApiName", "IsClosed", "IsWon", "DefaultProbability", "ForecastCategoryName" FROM "OpportunityStage" ORDER BY "SortOrder"`);
    assert.equal(stages.length, 10);
    assert.deepEqual(stages[8], { ...stages[8], ApiName: 'Closed Won', IsClosed: 1, IsWon: 1, DefaultProbability: 100, ForecastCategoryName: 'Closed' });
    const ids = [...statuses, ...stages].map((r) => r.Id);
    assert.equal(new Set(ids).size, ids.length, 'the shared 01J prefix never yields the same id twice');
    assert.ok(ids.every((id) => String(id).startsWith('01J')));
  });

  it('creates seed records with references, owners and derived fields', () => {
    const accounts = rows(`SELECT a."Id", a."Name", p."Name" AS "Parent", o."Username" AS "Owner", rt."DeveloperName" AS "RecordType", a."CreatedById" FROM "Account" a LEFT JOIN "Account" p ON p."Id" = a."ParentId" LEFT JOIN "User" o ON o."Id" = a."OwnerId" LEFT JOIN "RecordType" rt ON rt."Id" = a."RecordTypeId" ORDER BY a."Name"`);
    assert.deepEqual(accounts.map(({ Id: _, ...a }) => a), [
      { Name: 'Child Co', Parent: 'Parent Co', Owner: 'admin@test.local', RecordType: null, CreatedById: adminId },
      { Name: 'Parent Co', Parent: null, Owner: 'seller@test.local', RecordType: 'Partner', CreatedById: adminId },
    ]);
    assert.deepEqual(rows(`SELECT c."Name", a."Name" AS "Account" FROM "Contact" c JOIN "Account" a ON a."Id" = c."AccountId"`), [{ Name: 'Cy Contact', Account: 'Child Co' }]);
    const leads = rows(`SELECT l."Name", l."Status", coalesce(u."Username", g."Name") AS "Owner" FROM "Lead" l LEFT JOIN "User" u ON u."Id" = l."OwnerId" LEFT JOIN "Group" g ON g."Id" = l."OwnerId" ORDER BY l."Name"`);
    assert.deepEqual(leads, [
      { Name: 'Owned Lead', Status: 'Working - Contacted', Owner: 'chief@test.local' },
      { Name: 'Queued', Status: 'Open - Not Contacted', Owner: 'Hot Leads' },
    ]);
    assert.deepEqual(rows(`SELECT "IsClosed", "IsWon", "Probability", "ExpectedRevenue", "ForecastCategoryName" FROM "Opportunity"`), [
      { IsClosed: 1, IsWon: 1, Probability: 100, ExpectedRevenue: 5000, ForecastCategoryName: 'Closed' },
    ]);
    const tickets = rows(`SELECT t."Id", t."Name", t."Severity__c", a."Name" AS "Account" FROM "Ticket__c" t LEFT JOIN "Account" a ON a."Id" = t."Account__c" ORDER BY t."Id"`);
    assert.deepEqual(tickets.map((t) => [t.Name === t.Id ? '(its id)' : t.Name, t.Severity__c, t.Account]), [['(its id)', 'Low', 'Parent Co'], ['T-2', 'High', null]]);
    assert.deepEqual(result.seeded.map((s) => s.object), ['Account', 'Account', 'Contact', 'Lead', 'Lead', 'Opportunity', 'Ticket__c', 'Ticket__c']);
  });

  it('refuses a store that already has an org', () => {
    assert.throws(() => seedOrg(store, def, options), /seedOrg needs an empty store/);
  });

  it('creates seed records through the service layer when given createRecord', () => {
    const calls: Array<[string, Record<string, unknown>, string]> = [];
    const viaService = seeded(def, {
      ...options,
      createRecord: (object, fields, ownerId) => {
        calls.push([object, fields, ownerId]);
        return `${def.schema.object(object)!.keyPrefix}5g0000000${String(calls.length).padStart(3, '0')}AAA`;
      },
    });
    const users = viaService.result.userIds;
    assert.equal(calls.length, 8);
    const [object, fields, ownerId] = calls[1];
    assert.deepEqual([object, ownerId], ['Account', users.get('admin@test.local')]);
    assert.deepEqual(fields, { Name: 'Child Co', ParentId: viaService.result.seeded[0].id, Industry: 'Energy' });
    assert.equal(calls[0][2], users.get('seller@test.local'));
    assert.equal(calls[3][2], viaService.rows(`SELECT "Id" FROM "Group" WHERE "Type" = 'Queue'`)[0].Id, 'a queue owner is passed as ownerId');
    assert.equal(calls[4][2], users.get('chief@test.local'), 'an OwnerId @ref is passed as ownerId');
    assert.equal(viaService.rows('SELECT count(*) AS n FROM "Account"')[0].n, 0, 'the callback did the creating');
    viaService.store.close();
  });

  it('rolls everything back and names the record when a seed record cannot be created', () => {
    const bad = loadOrgMetadata(makeProject({ ...files, 'golive/seed/Ticket__c.json': JSON.stringify([{ Name: 'T-1', Severity__c: 'Apocalyptic' }]) }));
    const store2 = new SqliteOrgStore(bad.schema, ':memory:');
    assert.throws(
      () => seedOrg(store2, bad, options),
      (err: unknown) =>
        err instanceof MetadataError &&
        err.message === 'golive/seed/Ticket__c.json, record 0 (T-1): cannot be created: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Severity: bad value for restricted picklist field: Apocalyptic. Fix the seed record.',
    );
    assert.equal(store2.count(bad.schema.object('User')!), 0);
    assert.equal(store2.count(bad.schema.object('Organization')!), 0);
    store2.close();
  });
});

describe('seed files are checked when loading', () => {
  function seedError(seed: Record<string, unknown>): string {
    const extra = Object.fromEntries(Object.entries(seed).map(([k, v]) => [`golive/seed/${k}`, typeof v === 'string' ? v : JSON.stringify(v)]));
    try {
      loadOrgMetadata(makeProject({ ...files, 'golive/seed/Account.json': '[]', 'golive/seed/Contact.json': '[]', 'golive/seed/Lead.json': '[]', 'golive/seed/Opportunity.json': '[]', 'golive/seed/Ticket__c.json': '[]', ...extra }));
    } catch (err) {
      assert.ok(err instanceof MetadataError, String(err));
      assert.ok(!err.message.includes('\n'));
      return err.message;
    }
    assert.fail('expected the seed to be rejected');
  }

  it('names the file and the record for unknown fields, owners and references', () => {
    assert.equal(seedError({ 'Account.json': [{ Name: 'A', Colour: 'red' }] }), "golive/seed/Account.json, record 0 (A): Account has no field 'Colour'.");
    assert.match(seedError({ 'Account.json': [{ Name: 'A', Owner: 'ghost@test.local' }] }), /^golive\/seed\/Account\.json, record 0 \(A\): Owner 'ghost@test\.local' is neither a username/);
    assert.equal(
      seedError({ 'Account.json': [{ Name: 'A' }], 'Contact.json': [{ LastName: 'X', AccountId: { '@ref': 'Account:Nope' } }] }),
      "golive/seed/Contact.json, record 0 (X): AccountId: there is no Account 'Nope' in golive/seed/Account.json.",
    );
    assert.match(seedError({ 'Account.json': [{ Name: 'B', ParentId: { '@ref': 'Account:A' } }, { Name: 'A' }] }), /record 0 \(B\): ParentId: Account 'A' must come earlier/);
    assert.match(seedError({ 'Contact.json': [{ LastName: 'X', AccountId: 'a005g0000000001AAA' }] }), /AccountId must be \{ "@ref": "<Object>:<key>" \}/);
    assert.match(seedError({ 'Contact.json': [{ LastName: 'X', AccountId: { '@ref': 'Contact:X' } }] }), /AccountId points to Account, not Contact/);
    assert.match(seedError({ 'Lead.json': [{ LastName: 'X', Company: 'C', IsConverted: true }] }), /Lead\.IsConverted cannot be set on create/);
    assert.match(seedError({ 'Account.json': [{ Name: 'A', RecordTypeId: { '@ref': 'RecordType:Account.Nope' } }] }), /RecordTypeId: there is no RecordType 'Account\.Nope'/);
    assert.match(seedError({ 'Account.json': [{ '@key': 'a', Name: 'A' }, { '@key': 'a', Name: 'B' }], 'Contact.json': [{ LastName: 'X', AccountId: { '@ref': 'Account:a' } }] }), /several Account seed records have the key 'a'/);
  });

  it('rejects seed files for unknown or setup objects, and reference cycles', () => {
    assert.match(seedError({ 'Widget.json': [] }), /golive\/seed\/Widget\.json: there is no object 'Widget'/);
    assert.match(seedError({ 'User.json': [] }), /User records cannot be seeded from a file; users, groups/);
    assert.match(seedError({ 'Account.json': { Name: 'A' } }), /Account\.json: expected a list of records/);
    const cyclic = makeProject({
      ...files,
      [`${MAIN}/objects/Account/fields/Main_Ticket__c.field-meta.xml`]: fieldXml('<label>Main Ticket</label><type>Lookup</type><referenceTo>Ticket__c</referenceTo><relationshipName>Main_Accounts</relationshipName>'),
      'golive/seed/Account.json': JSON.stringify([{ Name: 'A', Main_Ticket__c: { '@ref': 'Ticket__c:T' } }]),
      'golive/seed/Ticket__c.json': JSON.stringify([{ Name: 'T', Account__c: { '@ref': 'Account:A' } }]),
      'golive/seed/Contact.json': '[]',
      'golive/seed/Opportunity.json': '[]',
    });
    assert.throws(() => loadOrgMetadata(cyclic), /golive\/seed: the seed files refer to each other in a cycle \(Account → Ticket__c → Account\)/);
  });
});
