import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { seedOrg } from '../../../src/org/metadata/seedOrg.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';

const DEFAULT_ORG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../orgs/default');

describe('the default org (orgs/default)', () => {
  const def = loadOrgMetadata(DEFAULT_ORG);

  it('loads with no problems', () => {
    assert.deepEqual(def.problems, []);
    assert.equal(def.orgName, 'golive Default Org');
  });

  it('has the Region__c picklists, the Commission__c field and the Lead convert mapping', () => {
    for (const object of ['Lead', 'Account']) {
      const region = def.schema.field(def.schema.object(object)!, 'Region__c')!;
      assert.deepEqual([region.type, region.restrictedPicklist, region.picklistValues!.map((v) => v.value)], ['picklist', true, ['East', 'West', 'Central']]);
    }
    const commission = def.schema.field(def.schema.object('Opportunity')!, 'Commission__c')!;
    assert.deepEqual([commission.type, commission.precision, commission.scale], ['currency', 16, 2]);
    assert.deepEqual(def.leadConvertMappings, [{ leadField: 'Region__c', targetObject: 'Account', targetField: 'Region__c' }]);
  });

  it('makes leads and opportunities private, and knows which lead status converts', () => {
    assert.equal(def.schema.object('Lead')!.sharingModel, 'Private');
    assert.equal(def.schema.object('Opportunity')!.sharingModel, 'Private');
    const status = def.schema.field(def.schema.object('Lead')!, 'Status')!;
    assert.deepEqual(status.picklistValues!.map((v) => [v.value, v.defaultValue, v.attributes?.converted]), [
      ['Open - Not Contacted', true, false], ['Working - Contacted', false, false], ['Closed - Converted', false, true], ['Closed - Not Converted', false, false],
    ]);
  });

  it('defines every persona with a role, profile and local-only password', () => {
    const byPersona = Object.fromEntries(def.users.map((u) => [u.persona, [u.username, u.profile, u.role ?? null, u.manager ?? null, u.password]]));
    const pw = 'golive-local-1';
    assert.deepEqual(byPersona, {
      admin: ['admin@golive.local', 'System Administrator', null, null, pw],
      'sales-manager': ['sales.manager@golive.local', 'Standard User', 'Sales_Manager', null, pw],
      'junior-rep': ['junior.rep@golive.local', 'Sales Rep', 'Sales_Rep_East', 'sales.manager@golive.local', pw],
      'senior-rep': ['senior.rep@golive.local', 'Sales Rep', 'Sales_Rep_West', 'sales.manager@golive.local', pw],
      marketing: ['marketing@golive.local', 'Marketing User', 'Marketing', null, pw],
      compliance: ['compliance@golive.local', 'Compliance Officer', 'Compliance', null, pw],
      'field-rep': ['field.rep@golive.local', 'Sales Rep', 'Sales_Rep_East', 'sales.manager@golive.local', pw],
    });
    assert.deepEqual(def.queues.map((q) => [q.developerName, q.name, q.sobjectTypes]), [['Unassigned_Leads', 'Unassigned Leads', ['Lead']]]);
  });

  it('seeds into a SQLite store with linked rows', () => {
    const store = new SqliteOrgStore(def.schema, ':memory:');
    after(() => store.close());
    const result = seedOrg(store, def, { now: new Date(), isSandbox: true, hashPassword: (p) => `h(${p})` });
    const rows = (sql: string) => store.select(sql, []);
    assert.equal(result.credentials.length, 7);
    assert.deepEqual(
      rows(`SELECT r."DeveloperName" AS "Role", p."DeveloperName" AS "Parent" FROM "UserRole" r LEFT JOIN "UserRole" p ON p."Id" = r."ParentRoleId" ORDER BY 1`),
      [
        { Role: 'CEO', Parent: null }, { Role: 'Compliance', Parent: 'CEO' }, { Role: 'Marketing', Parent: 'CEO' },
        { Role: 'Sales_Manager', Parent: 'CEO' }, { Role: 'Sales_Rep_East', Parent: 'Sales_Manager' }, { Role: 'Sales_Rep_West', Parent: 'Sales_Manager' },
      ],
    );
    const contacts = rows(`SELECT a."Name" AS "Account", count(*) AS "n" FROM "Contact" c JOIN "Account" a ON a."Id" = c."AccountId" GROUP BY a."Name" ORDER BY 1`);
    assert.deepEqual(contacts, [{ Account: 'Acme Corporation', n: 2 }, { Account: 'Globex Inc.', n: 1 }, { Account: 'Initech', n: 2 }]);
    const leadOwners = rows(`SELECT coalesce(u."Username", g."Name") AS "Owner", count(*) AS "n" FROM "Lead" l LEFT JOIN "User" u ON u."Id" = l."OwnerId" LEFT JOIN "Group" g ON g."Id" = l."OwnerId" GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(leadOwners, [
      { Owner: 'Unassigned Leads', n: 1 }, { Owner: 'field.rep@golive.local', n: 1 }, { Owner: 'junior.rep@golive.local', n: 2 }, { Owner: 'senior.rep@golive.local', n: 1 },
    ]);
    const marketing = rows(`SELECT ps."Name" FROM "PermissionSetAssignment" a JOIN "User" u ON u."Id" = a."AssigneeId" JOIN "PermissionSet" ps ON ps."Id" = a."PermissionSetId" WHERE u."Username" = 'marketing@golive.local' AND ps."IsOwnedByProfile" = 0`);
    assert.deepEqual(marketing, [{ Name: 'Lead_Import' }]);
    const queueMembers = rows(`SELECT coalesce(u."Username", g."Type" || ':' || g."DeveloperName") AS "Member" FROM "GroupMember" m JOIN "Group" q ON q."Id" = m."GroupId" LEFT JOIN "User" u ON u."Id" = m."UserOrGroupId" LEFT JOIN "Group" g ON g."Id" = m."UserOrGroupId" WHERE q."DeveloperName" = 'Unassigned_Leads' ORDER BY 1`);
    assert.deepEqual(queueMembers.map((m) => m.Member), ['Role:Sales_Manager', 'junior.rep@golive.local']);
  });
});
