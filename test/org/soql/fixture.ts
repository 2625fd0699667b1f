import { makeId } from '../../../src/org/ids/salesforceId.ts';
import type { StoredRow, StoredValue } from '../../../src/org/persistence/OrgStore.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { defineObject } from '../../../src/org/schema/defineObject.ts';
import { OrgSchema, type ObjectDef } from '../../../src/org/schema/types.ts';
import { allowAllAccess, QueryEngine, type QueryAccess, type QueryResultPage, type SoqlOptions } from '../../../src/org/soql/QueryEngine.ts';

/**
 * A small org for the SOQL tests: the standard objects' query-relevant shapes (polymorphic owners,
 * Who/What on Task, a multi-select picklist, a custom object with a custom relationship) and a
 * handful of rows in stored form. The clock is fixed: Wednesday 2024-05-15 12:00 UTC.
 */

export const NOW = new Date('2024-05-15T12:00:00.000Z');

export function buildSchema(): OrgSchema {
  const user = defineObject({ name: 'User', keyPrefix: '005' }, [
    { name: 'Name', type: 'string' },
    { name: 'Email', type: 'email' },
    { name: 'IsActive', type: 'boolean' },
    { name: 'ManagerId', type: 'reference', referenceTo: ['User'], relationshipName: 'Manager', childRelationshipName: 'ManagedUsers' },
  ]);
  const group = defineObject({ name: 'Group', keyPrefix: '00G' }, [{ name: 'Name', type: 'string' }]);
  const account = defineObject({ name: 'Account', keyPrefix: '001', owned: true }, [
    { name: 'Name', type: 'string' },
    { name: 'Industry', type: 'picklist' },
    { name: 'AnnualRevenue', type: 'currency', precision: 18, scale: 2 },
    { name: 'NumberOfEmployees', type: 'int', digits: 8 },
  ]);
  const contact = defineObject({ name: 'Contact', keyPrefix: '003', owned: true }, [
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
    { name: 'Name', type: 'string', calculated: true },
    { name: 'Email', type: 'email' },
    { name: 'Birthdate', type: 'date' },
    { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', childRelationshipName: 'Contacts' },
  ]);
  const lead = defineObject({ name: 'Lead', keyPrefix: '00Q', owned: true, queueOwned: true }, [
    { name: 'FirstName', type: 'string' },
    { name: 'LastName', type: 'string' },
    { name: 'Name', type: 'string', calculated: true },
    { name: 'Company', type: 'string' },
    { name: 'Email', type: 'email' },
    { name: 'Status', type: 'picklist' },
    { name: 'Rating__c', type: 'double' },
    { name: 'IsConverted', type: 'boolean' },
    { name: 'ConvertedDate', type: 'date' },
    { name: 'Interests__c', type: 'multipicklist' },
    { name: 'Description', type: 'textarea', length: 32000 },
  ]);
  const task = defineObject({ name: 'Task', keyPrefix: '00T', owned: true, nameField: 'Subject' }, [
    { name: 'Subject', type: 'string' },
    { name: 'WhoId', type: 'reference', referenceTo: ['Lead', 'Contact'], relationshipName: 'Who', childRelationshipName: 'Tasks' },
    { name: 'WhatId', type: 'reference', referenceTo: ['Account', 'Project__c'], relationshipName: 'What', childRelationshipName: 'Tasks' },
    { name: 'ActivityDate', type: 'date' },
    { name: 'IsClosed', type: 'boolean' },
    { name: 'Priority', type: 'picklist' },
  ]);
  const project = defineObject({ name: 'Project__c', keyPrefix: 'a01', owned: true, queueOwned: true }, [
    { name: 'Name', type: 'string' },
    { name: 'Account__c', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account__r', childRelationshipName: 'Projects__r' },
    { name: 'Budget__c', type: 'currency', precision: 18, scale: 2 },
    { name: 'Start__c', type: 'date' },
  ]);
  return new OrgSchema([user, group, account, contact, lead, task, project]);
}

export interface TestOrg {
  schema: OrgSchema;
  store: SqliteOrgStore;
  engine: QueryEngine;
  /** Inserts a row with the system fields filled in; returns its id. */
  insert(object: string, row: StoredRow): string;
  query(soql: string, opts?: Partial<SoqlOptions>): QueryResultPage;
  options(opts?: Partial<SoqlOptions>): SoqlOptions;
}

export function createOrg(): TestOrg {
  const schema = buildSchema();
  const store = new SqliteOrgStore(schema, ':memory:');
  const engine = new QueryEngine(store);
  const sequences = new Map<string, number>();
  const adminId = makeId('005', 1);
  const insert = (name: string, row: StoredRow): string => {
    const object = schema.object(name) as ObjectDef;
    const seq = (sequences.get(name) ?? 0) + 1;
    sequences.set(name, seq);
    const id = (row.Id as string | undefined) ?? makeId(object.keyPrefix, seq);
    // Distinct, increasing creation times so ordering by CreatedDate is deterministic.
    const created = `2024-05-01T00:00:${String(seq % 60).padStart(2, '0')}.${String(Math.floor(seq / 60)).padStart(3, '0')}+0000`;
    const full: Record<string, StoredValue> = {
      Id: id,
      IsDeleted: 0,
      CreatedDate: created,
      CreatedById: adminId,
      LastModifiedDate: created,
      LastModifiedById: adminId,
      SystemModstamp: created,
      ...(object.fieldsByLowerName.has('ownerid') ? { OwnerId: adminId } : {}),
      ...row,
    };
    store.insert(object, full);
    return id;
  };
  const options = (opts: Partial<SoqlOptions> = {}): SoqlOptions => ({
    includeDeleted: false,
    access: allowAllAccess,
    now: NOW,
    apiVersion: '60.0',
    userId: adminId,
    ...opts,
  });
  return { schema, store, engine, insert, options, query: (soql, opts) => engine.query(soql, options(opts)) };
}

/** Ids of the standard data set, by a readable name. */
export interface Seed {
  admin: string;
  manager: string;
  queue: string;
  acme: string;
  globex: string;
  initech: string;
  alice: string;
  bob: string;
  carol: string;
  leadAnn: string;
  leadBen: string;
  leadCid: string;
  leadDee: string;
  leadDeleted: string;
  taskCall: string;
  taskEmail: string;
  taskMeet: string;
  taskProject: string;
  project: string;
}

export function seed(org: TestOrg): Seed {
  const manager = makeId('005', 2);
  const admin = org.insert('User', { Id: makeId('005', 1), Name: 'Ada Admin', Email: 'ada@example.com', IsActive: 1, ManagerId: manager });
  org.insert('User', { Id: manager, Name: 'Max Manager', Email: 'max@example.com', IsActive: 1 });
  const queue = org.insert('Group', { Name: 'Lead Queue' });
  const acme = org.insert('Account', { Name: 'Acme', Industry: 'Manufacturing', AnnualRevenue: 5000000, NumberOfEmployees: 250 });
  const globex = org.insert('Account', { Name: 'Globex', Industry: 'Energy', AnnualRevenue: 1200000.5, NumberOfEmployees: 40, OwnerId: manager });
  const initech = org.insert('Account', { Name: 'initech', Industry: null, AnnualRevenue: null, NumberOfEmployees: 12 });
  const alice = org.insert('Contact', { FirstName: 'Alice', LastName: 'Smith', Name: 'Alice Smith', Email: 'alice@acme.com', AccountId: acme, Birthdate: '1990-05-15' });
  const bob = org.insert('Contact', { FirstName: 'Bob', LastName: 'Jones', Name: 'Bob Jones', Email: 'bob@acme.com', AccountId: acme, Birthdate: '1985-12-01' });
  const carol = org.insert('Contact', { FirstName: 'Carol', LastName: "O'Neil", Name: "Carol O'Neil", Email: null, AccountId: null });
  const leadAnn = org.insert('Lead', {
    FirstName: 'Ann', LastName: 'Archer', Name: 'Ann Archer', Company: 'Archer Ltd', Email: 'ann@archer.com', Status: 'Open',
    Rating__c: 4.5, IsConverted: 0, Interests__c: 'Solar;Wind', Description: 'likes 100% renewables', CreatedDate: '2024-05-15T08:00:00.000+0000',
  });
  const leadBen = org.insert('Lead', {
    FirstName: 'Ben', LastName: 'Baker', Name: 'Ben Baker', Company: 'Baker_Co', Email: 'BEN@baker.com', Status: 'Working',
    Rating__c: 2, IsConverted: 0, Interests__c: 'Wind', CreatedDate: '2024-05-14T23:30:00.000+0000', OwnerId: queue,
  });
  const leadCid = org.insert('Lead', {
    FirstName: 'Cid', LastName: 'Cole', Name: 'Cid Cole', Company: 'Cole 100% Inc', Email: null, Status: 'Closed - Converted',
    Rating__c: null, IsConverted: 1, ConvertedDate: '2024-04-30', Interests__c: 'Hydro;Solar;Wind', CreatedDate: '2024-03-01T10:00:00.000+0000',
  });
  const leadDee = org.insert('Lead', {
    FirstName: null, LastName: 'Dee', Name: 'Dee', Company: 'Dee & Co', Email: 'dee@dee.org', Status: 'Open',
    Rating__c: 3, IsConverted: 0, Interests__c: null, CreatedDate: '2023-12-31T23:59:59.999+0000', OwnerId: manager,
  });
  const leadDeleted = org.insert('Lead', {
    LastName: 'Gone', Name: 'Gone', Company: 'Gone Corp', Status: 'Open', IsDeleted: 1, CreatedDate: '2024-05-10T00:00:00.000+0000',
  });
  const project = org.insert('Project__c', { Name: 'Wind Farm', Account__c: acme, Budget__c: 250000, Start__c: '2024-06-01' });
  const taskCall = org.insert('Task', { Subject: 'Call', WhoId: leadAnn, WhatId: null, ActivityDate: '2024-05-15', IsClosed: 0, Priority: 'High' });
  const taskEmail = org.insert('Task', { Subject: 'Email', WhoId: leadAnn, WhatId: null, ActivityDate: '2024-05-20', IsClosed: 1, Priority: 'Normal' });
  const taskMeet = org.insert('Task', { Subject: 'Meeting', WhoId: alice, WhatId: acme, ActivityDate: '2024-05-10', IsClosed: 0, Priority: 'Normal' });
  const taskProject = org.insert('Task', { Subject: 'Kickoff', WhoId: null, WhatId: project, ActivityDate: null, IsClosed: 0, Priority: 'Low', OwnerId: queue });
  return {
    admin, manager, queue, acme, globex, initech, alice, bob, carol,
    leadAnn, leadBen, leadCid, leadDee, leadDeleted, taskCall, taskEmail, taskMeet, taskProject, project,
  };
}

/** An access model for tests: hides the listed fields/objects and filters rows by owner. */
export function restrictedAccess(options: { hiddenFields?: string[]; hiddenObjects?: string[]; ownerId?: string }): QueryAccess {
  const hiddenFields = new Set((options.hiddenFields ?? []).map((f) => f.toLowerCase()));
  const hiddenObjects = new Set((options.hiddenObjects ?? []).map((o) => o.toLowerCase()));
  return {
    canReadField: (object, field) => !hiddenFields.has(`${object.name}.${field.name}`.toLowerCase()),
    canReadObject: (object) => !hiddenObjects.has(object.name.toLowerCase()),
    rowFilter: (object, alias) =>
      options.ownerId && object.fieldsByLowerName.has('ownerid') ? { sql: `${alias}."OwnerId" = ?`, params: [options.ownerId] } : undefined,
  };
}
