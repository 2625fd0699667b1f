import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createOrg, seed, type Seed, type TestOrg } from './fixture.ts';

let org: TestOrg;
let ids: Seed;

before(() => {
  org = createOrg();
  ids = seed(org);
});

const url = (type: string, id: string) => `/services/data/v60.0/sobjects/${type}/${id}`;

describe('record shape', () => {
  test('attributes, describe casing and API value types', () => {
    const r = org.query("select id, NAME, rating__c, isconverted, convertedDate, createddate, interests__c from LEAD where name = 'cid cole'");
    assert.deepEqual(r, {
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Lead', url: url('Lead', ids.leadCid) },
          Id: ids.leadCid,
          Name: 'Cid Cole',
          Rating__c: null,
          IsConverted: true,
          ConvertedDate: '2024-04-30',
          CreatedDate: '2024-03-01T10:00:00.000+0000',
          Interests__c: 'Hydro;Solar;Wind',
        },
      ],
    });
  });

  test('fields keep the order of the select list and the url is there without Id', () => {
    const r = org.query("SELECT Status, Name FROM Lead WHERE Name = 'Ann Archer'");
    assert.deepEqual(Object.keys(r.records[0]), ['attributes', 'Status', 'Name']);
    assert.equal(r.records[0].attributes.url, url('Lead', ids.leadAnn));
  });

  test('the apiVersion of the request is used in urls', () => {
    const r = org.query("SELECT Id FROM Lead WHERE Name = 'Dee'", { apiVersion: '58.0' });
    assert.equal(r.records[0].attributes.url, `/services/data/v58.0/sobjects/Lead/${ids.leadDee}`);
  });

  test('the FROM alias may prefix fields', () => {
    const r = org.query("SELECT l.Name, l.Owner.Name FROM Lead l WHERE l.Name = 'Dee' ORDER BY l.Name");
    assert.deepEqual(r.records[0].Name, 'Dee');
    assert.deepEqual((r.records[0].Owner as { Name: string }).Name, 'Max Manager');
  });

  test('no ORDER BY returns records in creation order', () => {
    const r = org.query('SELECT Name FROM Lead');
    assert.deepEqual(r.records.map((x) => x.Name), ['Ann Archer', 'Ben Baker', 'Cid Cole', 'Dee']);
  });
});

describe('parent relationships', () => {
  test('nested parents over several levels, null when the lookup is empty', () => {
    const r = org.query('SELECT Name, Account.Name, Account.Owner.Name, Account.Owner.Manager.Email FROM Contact ORDER BY Name');
    assert.deepEqual(r.records[0], {
      attributes: { type: 'Contact', url: url('Contact', ids.alice) },
      Name: 'Alice Smith',
      Account: {
        attributes: { type: 'Account', url: url('Account', ids.acme) },
        Name: 'Acme',
        Owner: {
          attributes: { type: 'User', url: url('User', ids.admin) },
          Name: 'Ada Admin',
          Manager: { attributes: { type: 'User', url: url('User', ids.manager) }, Email: 'max@example.com' },
        },
      },
    });
    assert.equal(r.records[2].Account, null);
  });

  test('a parent whose own lookup is empty nests a null', () => {
    const r = org.query("SELECT Name, Manager.Name, Manager.Manager.Name FROM User WHERE Name = 'Ada Admin'");
    const manager = r.records[0].Manager as Record<string, unknown>;
    assert.equal(manager.Name, 'Max Manager');
    assert.equal(manager.Manager, null);
  });

  test('polymorphic owner: User or Group decided by the id, Type from the key prefix', () => {
    const r = org.query('SELECT Name, Owner.Name, Owner.Email, Owner.Type, Owner.Id FROM Lead ORDER BY Name');
    const owners = r.records.map((x) => x.Owner);
    assert.deepEqual(owners[0], {
      attributes: { type: 'Name', url: url('User', ids.admin) },
      Name: 'Ada Admin',
      Email: 'ada@example.com',
      Type: 'User',
      Id: ids.admin,
    });
    // The queue has a Name but no Email.
    assert.deepEqual(owners[1], {
      attributes: { type: 'Name', url: url('Group', ids.queue) },
      Name: 'Lead Queue',
      Email: null,
      Type: 'Queue',
      Id: ids.queue,
    });
  });

  test('Who and What on Task', () => {
    const r = org.query('SELECT Subject, Who.Name, What.Name FROM Task ORDER BY Subject');
    const shape = r.records.map((x) => [
      x.Subject,
      (x.Who as { attributes: { url: string }; Name: string } | null)?.Name ?? null,
      (x.What as { attributes: { url: string }; Name: string } | null)?.attributes.url ?? null,
    ]);
    assert.deepEqual(shape, [
      ['Call', 'Ann Archer', null],
      ['Email', 'Ann Archer', null],
      ['Kickoff', null, url('Project__c', ids.project)],
      ['Meeting', 'Alice Smith', url('Account', ids.acme)],
    ]);
  });

  test('custom relationships (__r)', () => {
    const r = org.query('SELECT Name, Account__r.Name, Account__r.Industry FROM Project__c');
    assert.deepEqual(r.records[0].Account__r, {
      attributes: { type: 'Account', url: url('Account', ids.acme) },
      Name: 'Acme',
      Industry: 'Manufacturing',
    });
  });

  test('TYPEOF gives the actual type and each type its fields', () => {
    const r = org.query(
      'SELECT Subject, TYPEOF What WHEN Account THEN Name, Industry WHEN Project__c THEN Budget__c ELSE Name END FROM Task ORDER BY Subject',
    );
    assert.deepEqual(
      r.records.map((x) => x.What),
      [
        null,
        null,
        { attributes: { type: 'Project__c', url: url('Project__c', ids.project) }, Budget__c: 250000 },
        { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme', Industry: 'Manufacturing' },
      ],
    );
    const elseOnly = org.query('SELECT TYPEOF What WHEN Account THEN Industry ELSE Name END FROM Task WHERE Subject = \'Kickoff\'');
    assert.deepEqual(elseOnly.records[0].What, {
      attributes: { type: 'Project__c', url: url('Project__c', ids.project) },
      Name: 'Wind Farm',
    });
  });
});

describe('child subqueries', () => {
  test('children per parent, null when there are none', () => {
    const r = org.query('SELECT Name, (SELECT Subject FROM Tasks ORDER BY Subject DESC) FROM Lead ORDER BY Name');
    assert.deepEqual(r.records[0].Tasks, {
      totalSize: 2,
      done: true,
      records: [
        { attributes: { type: 'Task', url: url('Task', ids.taskEmail) }, Subject: 'Email' },
        { attributes: { type: 'Task', url: url('Task', ids.taskCall) }, Subject: 'Call' },
      ],
    });
    assert.equal(r.records[1].Tasks, null);
  });

  test('subquery WHERE, LIMIT per parent, parent fields and the relationship name casing', () => {
    const r = org.query(
      'SELECT Name, (SELECT LastName, Account.Name FROM contacts WHERE Email LIKE \'%acme.com\' ORDER BY LastName LIMIT 1), (SELECT Subject FROM Tasks) FROM Account ORDER BY Name',
    );
    const acme = r.records[0];
    assert.deepEqual(acme.Contacts, {
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Contact', url: url('Contact', ids.bob) },
          LastName: 'Jones',
          Account: { attributes: { type: 'Account', url: url('Account', ids.acme) }, Name: 'Acme' },
        },
      ],
    });
    assert.deepEqual((acme.Tasks as { records: { Subject: string }[] }).records.map((t) => t.Subject), ['Meeting']);
    assert.equal(r.records[1].Contacts, null);
  });

  test('subquery OFFSET applies per parent', () => {
    const r = org.query("SELECT Name, (SELECT Subject FROM Tasks ORDER BY Subject LIMIT 1 OFFSET 1) FROM Lead WHERE Name = 'Ann Archer'");
    assert.deepEqual((r.records[0].Tasks as { records: { Subject: string }[] }).records.map((t) => t.Subject), ['Email']);
  });

  test('custom child relationships and nested subqueries', () => {
    const r = org.query('SELECT Name, (SELECT Name, (SELECT Subject FROM Tasks) FROM Projects__r) FROM Account WHERE Name = \'Acme\'');
    const projects = r.records[0].Projects__r as { records: Record<string, unknown>[] };
    assert.equal(projects.records[0].Name, 'Wind Farm');
    assert.deepEqual((projects.records[0].Tasks as { records: { Subject: string }[] }).records.map((t) => t.Subject), ['Kickoff']);
  });

  test('deleted children are left out unless queryAll', () => {
    const local = createOrg();
    const acct = local.insert('Account', { Name: 'A' });
    local.insert('Contact', { LastName: 'Live', AccountId: acct });
    local.insert('Contact', { LastName: 'Binned', AccountId: acct, IsDeleted: 1 });
    const q = 'SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account';
    const live = local.query(q).records[0].Contacts as { records: { LastName: string }[] };
    assert.deepEqual(live.records.map((c) => c.LastName), ['Live']);
    const all = local.query(q, { includeDeleted: true }).records[0].Contacts as { records: { LastName: string }[] };
    assert.deepEqual(all.records.map((c) => c.LastName), ['Binned', 'Live']);
  });
});

describe('FIELDS(), ORDER BY, LIMIT, OFFSET', () => {
  test('FIELDS(STANDARD) lists the standard fields in describe order', () => {
    const r = org.query('SELECT FIELDS(STANDARD) FROM Group');
    assert.deepEqual(Object.keys(r.records[0]), [
      'attributes', 'Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'Name',
    ]);
  });

  test('FIELDS(CUSTOM) and FIELDS(ALL) with a LIMIT', () => {
    const custom = org.query("SELECT FIELDS(CUSTOM) FROM Lead WHERE Name = 'Ann Archer' LIMIT 1");
    assert.deepEqual(Object.keys(custom.records[0]), ['attributes', 'Rating__c', 'Interests__c']);
    const all = org.query('SELECT Id, FIELDS(ALL) FROM Project__c LIMIT 200');
    assert.equal(all.records[0].Budget__c, 250000);
    assert.equal(all.records[0].Id, ids.project);
  });

  const order: [string, string[]][] = [
    ['Name', ['Ann Archer', 'Ben Baker', 'Cid Cole', 'Dee']],
    ['Name DESC', ['Dee', 'Cid Cole', 'Ben Baker', 'Ann Archer']],
    ['Rating__c', ['Cid Cole', 'Ben Baker', 'Dee', 'Ann Archer']],
    ['Rating__c ASC NULLS LAST', ['Ben Baker', 'Dee', 'Ann Archer', 'Cid Cole']],
    ['Rating__c DESC', ['Ann Archer', 'Dee', 'Ben Baker', 'Cid Cole']],
    ['Rating__c DESC NULLS FIRST', ['Cid Cole', 'Ann Archer', 'Dee', 'Ben Baker']],
    ['Status, Name DESC', ['Cid Cole', 'Dee', 'Ann Archer', 'Ben Baker']],
    ['CreatedDate DESC', ['Ann Archer', 'Ben Baker', 'Cid Cole', 'Dee']],
    ['Owner.Name, Name', ['Ann Archer', 'Cid Cole', 'Ben Baker', 'Dee']],
  ];
  for (const [orderBy, expected] of order) {
    test(`ORDER BY ${orderBy}`, () => {
      assert.deepEqual(org.query(`SELECT Name FROM Lead ORDER BY ${orderBy}`).records.map((r) => r.Name), expected);
    });
  }

  test('text sorts case-insensitively', () => {
    const r = org.query('SELECT Name FROM Account ORDER BY Name');
    assert.deepEqual(r.records.map((x) => x.Name), ['Acme', 'Globex', 'initech']);
  });

  test('LIMIT and OFFSET', () => {
    const r = org.query('SELECT Name FROM Lead ORDER BY Name LIMIT 2 OFFSET 1');
    assert.deepEqual(r.records.map((x) => x.Name), ['Ben Baker', 'Cid Cole']);
    assert.equal(r.totalSize, 2);
    assert.equal(org.query('SELECT Name FROM Lead LIMIT 0').totalSize, 0);
    assert.equal(org.query('SELECT Name FROM Lead ORDER BY Name OFFSET 2000').totalSize, 0);
  });

  test('FOR VIEW, FOR REFERENCE, FOR UPDATE, UPDATE TRACKING and WITH SECURITY_ENFORCED are accepted', () => {
    for (const tail of ['FOR VIEW', 'FOR REFERENCE', 'FOR UPDATE', 'UPDATE TRACKING', 'UPDATE VIEWSTAT']) {
      assert.equal(org.query(`SELECT Name FROM Lead LIMIT 1 ${tail}`).totalSize, 1, tail);
    }
    assert.equal(org.query("SELECT Name FROM Lead WHERE Status = 'Open' WITH SECURITY_ENFORCED").totalSize, 2);
  });
});
