import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import { createOrg, restrictedAccess, seed, type Seed, type TestOrg } from './fixture.ts';

let org: TestOrg;
let ids: Seed;

before(() => {
  org = createOrg();
  ids = seed(org);
});

const fails = (soql: string, access: ReturnType<typeof restrictedAccess>, code: string, message: RegExp) =>
  assert.throws(
    () => org.query(soql, { access }),
    (err: SalesforceError) => {
      assert.equal(err.errorCode, code);
      assert.match(err.message, message);
      return true;
    },
  );

describe('QueryAccess', () => {
  const hidden = restrictedAccess({ hiddenFields: ['Lead.Email', 'Contact.AccountId', 'User.Email'], hiddenObjects: ['Project__c', 'Task'] });

  test('an invisible field is an unknown field wherever it appears', () => {
    for (const soql of ['SELECT Email FROM Lead', "SELECT Id FROM Lead WHERE Email = 'x'", 'SELECT Id FROM Lead ORDER BY Email']) {
      fails(soql, hidden, 'INVALID_FIELD', /No such column 'Email' on entity 'Lead'/);
    }
    fails('SELECT Owner.Email FROM Account', hidden, 'INVALID_FIELD', /No such column 'Email' on entity 'User'/);
    fails('SELECT Owner.Email FROM Lead', hidden, 'INVALID_FIELD', /No such column 'Email' on entity 'Name'/);
  });

  test('an invisible lookup hides its relationship; an invisible object is unknown', () => {
    fails('SELECT Account.Name FROM Contact', hidden, 'INVALID_FIELD', /Didn't understand relationship 'Account'/);
    fails('SELECT Name FROM Project__c', hidden, 'INVALID_TYPE', /sObject type 'Project__c' is not supported/);
    fails('SELECT Name, (SELECT Id FROM Tasks) FROM Lead', hidden, 'INVALID_TYPE', /Didn't understand relationship 'Tasks' in FROM part/);
    fails('SELECT Name, (SELECT Id FROM Contacts) FROM Account', hidden, 'INVALID_TYPE', /Didn't understand relationship 'Contacts'/);
    fails('SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task)', hidden, 'INVALID_TYPE', /sObject type 'Task'/);
  });

  test('a polymorphic relationship keeps only the visible targets', () => {
    const r = org.query('SELECT Subject, What.Name FROM Task ORDER BY Subject', { access: restrictedAccess({ hiddenObjects: ['Project__c'] }) });
    assert.deepEqual(r.records.map((t) => (t.What as { Name: string } | null)?.Name ?? null), [null, null, null, 'Acme']);
  });

  test('FIELDS() lists only visible fields', () => {
    const r = org.query("SELECT FIELDS(STANDARD) FROM Lead WHERE Name = 'Dee'", { access: hidden });
    assert.equal('Email' in r.records[0], false);
    assert.equal(r.records[0].Name, 'Dee');
  });

  test('row filters apply to the rows, counts, aggregates, children, semi-joins and parents', () => {
    const mine = restrictedAccess({ ownerId: ids.manager });
    const q = (soql: string) => org.query(soql, { access: mine });
    assert.deepEqual(q('SELECT Name FROM Lead').records.map((r) => r.Name), ['Dee']);
    assert.equal(q('SELECT COUNT() FROM Lead').totalSize, 1);
    assert.deepEqual(q('SELECT COUNT(Id) FROM Lead').records[0].expr0, 1);
    // Globex is the manager's; its (admin-owned) contacts and tasks are not visible.
    const acct = q('SELECT Name, (SELECT Id FROM Contacts) FROM Account');
    assert.deepEqual(acct.records.map((r) => [r.Name, r.Contacts]), [['Globex', null]]);
    // Contacts are the admin's: nothing visible, and a semi-join over them finds nothing.
    assert.equal(q('SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)').totalSize, 0);
    // A visible child whose parent is not visible gets a null parent.
    const admin = restrictedAccess({ ownerId: ids.admin });
    const contacts = org.query("SELECT Name, Account.Name FROM Contact WHERE Name = 'Alice Smith'", { access: admin });
    assert.deepEqual((contacts.records[0].Account as { Name: string }).Name, 'Acme');
    const globexOnly = restrictedAccess({ ownerId: ids.manager });
    const local = org.query("SELECT Name, Owner.Name FROM Lead WHERE Name = 'Dee'", { access: globexOnly });
    assert.equal((local.records[0].Owner as { Name: string }).Name, 'Max Manager');
  });

  test('a parent hidden by its row filter reads as null', () => {
    const onlyGlobex = {
      canReadField: () => true,
      canReadObject: () => true,
      rowFilter: (object: { name: string }, alias: string) =>
        object.name === 'Account' ? { sql: `${alias}."Name" = ?`, params: ['Globex'] } : undefined,
    };
    const r = org.query("SELECT Name, Account.Name FROM Contact WHERE Name = 'Alice Smith'", { access: onlyGlobex });
    assert.equal(r.records[0].Account, null);
    assert.equal(org.query("SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme'", { access: onlyGlobex }).totalSize, 0);
  });
});
