import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { toId15 } from '../../../src/org/ids/salesforceId.ts';
import { createOrg, seed, type Seed, type TestOrg } from './fixture.ts';

let org: TestOrg;
let ids: Seed;

before(() => {
  org = createOrg();
  ids = seed(org);
});

const leadNames = (where: string) =>
  org.query(`SELECT Name FROM Lead WHERE ${where} ORDER BY Name`).records.map((r) => r.Name);

describe('WHERE on lead fields', () => {
  const cases: [string, string[]][] = [
    // text equality is case-insensitive; != and NOT IN keep nulls, as in SOQL
    ["Status = 'Open'", ['Ann Archer', 'Dee']],
    ["Status = 'OPEN'", ['Ann Archer', 'Dee']],
    ["Status != 'Open'", ['Ben Baker', 'Cid Cole']],
    ["Status <> 'open'", ['Ben Baker', 'Cid Cole']],
    ['Email = null', ['Cid Cole']],
    ['Email != null', ['Ann Archer', 'Ben Baker', 'Dee']],
    ["Email != 'ann@archer.com'", ['Ben Baker', 'Cid Cole', 'Dee']],
    ["Email = 'ben@BAKER.com'", ['Ben Baker']],
    ["FirstName = ''", ['Dee']],
    ["FirstName != ''", ['Ann Archer', 'Ben Baker', 'Cid Cole']],
    ["Name > 'b'", ['Ben Baker', 'Cid Cole', 'Dee']],
    ["Name <= 'BEN BAKER'", ['Ann Archer', 'Ben Baker']],
    // numbers
    ['Rating__c > 2', ['Ann Archer', 'Dee']],
    ['Rating__c >= 2', ['Ann Archer', 'Ben Baker', 'Dee']],
    ['Rating__c < 3', ['Ben Baker']],
    ['Rating__c <= 3.0', ['Ben Baker', 'Dee']],
    ['Rating__c = 4.5', ['Ann Archer']],
    ['Rating__c != 2', ['Ann Archer', 'Cid Cole', 'Dee']],
    ['Rating__c IN (2, 3)', ['Ben Baker', 'Dee']],
    ['Rating__c NOT IN (2, 3)', ['Ann Archer', 'Cid Cole']],
    ['Rating__c > -1.5', ['Ann Archer', 'Ben Baker', 'Dee']],
    // booleans
    ['IsConverted = true', ['Cid Cole']],
    ['IsConverted = FALSE', ['Ann Archer', 'Ben Baker', 'Dee']],
    ['IsConverted != true', ['Ann Archer', 'Ben Baker', 'Dee']],
    // LIKE: case-insensitive, % and _, escaped \% and \_
    ["Company LIKE 'c%'", ['Cid Cole']],
    ["Company LIKE '%CO%'", ['Ben Baker', 'Cid Cole', 'Dee']],
    ["Company LIKE 'baker\\_co'", ['Ben Baker']],
    ["Company LIKE 'bake__co'", ['Ben Baker']],
    ["Company LIKE 'bake\\_\\_co'", []],
    ["Company LIKE '%100\\% inc'", ['Cid Cole']],
    ["Company LIKE '%100\\%'", []],
    ["Company LIKE 'dee & co'", ['Dee']],
    // IN lists
    ["Status IN ('open', 'Working')", ['Ann Archer', 'Ben Baker', 'Dee']],
    ["Status IN ('Working')", ['Ben Baker']],
    ["Status NOT IN ('Open')", ['Ben Baker', 'Cid Cole']],
    ["Email IN ('ann@archer.com', null)", ['Ann Archer', 'Cid Cole']],
    ["Email NOT IN ('ann@archer.com', null)", ['Ben Baker', 'Dee']],
    ["Email NOT IN ('ann@archer.com')", ['Ben Baker', 'Cid Cole', 'Dee']],
    // multi-select picklists: 'a;b' means both
    ["Interests__c INCLUDES ('Solar')", ['Ann Archer', 'Cid Cole']],
    ["Interests__c INCLUDES ('solar;HYDRO')", ['Cid Cole']],
    ["Interests__c INCLUDES ('Hydro', 'Solar;Wind')", ['Ann Archer', 'Cid Cole']],
    ["Interests__c EXCLUDES ('Wind')", ['Dee']],
    ["Interests__c EXCLUDES ('Solar;Hydro')", ['Ann Archer', 'Ben Baker', 'Dee']],
    ["Interests__c EXCLUDES ('Hydro', 'Solar')", ['Ben Baker', 'Dee']],
    ["Interests__c = 'Wind;Solar'", ['Ann Archer']],
    ["Interests__c = 'wind'", ['Ben Baker']],
    ["Interests__c != 'Wind'", ['Ann Archer', 'Cid Cole', 'Dee']],
    ['Interests__c = null', ['Dee']],
    // logic
    ["Status = 'Open' AND Rating__c > 3", ['Ann Archer']],
    ["Status = 'Working' OR Rating__c > 4", ['Ann Archer', 'Ben Baker']],
    ["Status = 'Open' AND Rating__c > 1 AND IsConverted = false", ['Ann Archer', 'Dee']],
    ["(Status = 'Open' OR Status = 'Working') AND IsConverted = false", ['Ann Archer', 'Ben Baker', 'Dee']],
    ["Status = 'Working' OR (Status = 'Open' AND Rating__c < 4)", ['Ben Baker', 'Dee']],
    ["NOT Status = 'Open'", ['Ben Baker', 'Cid Cole']],
    ['NOT (Status = \'Open\' OR Rating__c = null)', ['Ben Baker']],
    ["NOT Email = 'ann@archer.com'", ['Ben Baker', 'Cid Cole', 'Dee']],
    ['NOT Rating__c > 2', ['Ben Baker', 'Cid Cole']],
    ["Status = 'Open' AND (NOT Rating__c > 4)", ['Dee']],
    ["((Status = 'Open'))", ['Ann Archer', 'Dee']],
    // relationship fields, including the polymorphic owner
    ["Owner.Name = 'max manager'", ['Dee']],
    ["Owner.Name LIKE 'lead%'", ['Ben Baker']],
    ["Owner.Type = 'Queue'", ['Ben Baker']],
    ["Owner.Type = 'User'", ['Ann Archer', 'Cid Cole', 'Dee']],
    ["Owner.Email = 'ada@example.com'", ['Ann Archer', 'Cid Cole']],
    // semi-joins and anti-joins (a Task with no WhoId must not empty the NOT IN)
    ['Id IN (SELECT WhoId FROM Task)', ['Ann Archer']],
    ['Id IN (SELECT WhoId FROM Task WHERE IsClosed = true)', ['Ann Archer']],
    ["Id IN (SELECT WhoId FROM Task WHERE Subject = 'Nothing')", []],
    ['Id NOT IN (SELECT WhoId FROM Task)', ['Ben Baker', 'Cid Cole', 'Dee']],
    ["Status = 'Open' AND Id NOT IN (SELECT WhoId FROM Task WHERE Priority = 'High')", ['Dee']],
    ["OwnerId IN (SELECT Id FROM User WHERE Name = 'Max Manager')", ['Dee']],
    // dates and datetimes
    ['ConvertedDate = 2024-04-30', ['Cid Cole']],
    ['ConvertedDate > 2024-04-01', ['Cid Cole']],
    ['ConvertedDate < 2024-04-30', []],
    ['ConvertedDate = LAST_MONTH', ['Cid Cole']],
    ['ConvertedDate = THIS_MONTH', []],
    ['ConvertedDate != LAST_MONTH', ['Ann Archer', 'Ben Baker', 'Dee']],
    ['CreatedDate > 2024-05-14T23:30:00Z', ['Ann Archer']],
    ['CreatedDate >= 2024-05-14T23:30:00Z', ['Ann Archer', 'Ben Baker']],
    ['CreatedDate = 2024-05-15T10:00:00+02:00', ['Ann Archer']],
    ['CreatedDate = 2024-05-15T08:00:00.000Z', ['Ann Archer']],
    ['CreatedDate < 2024-01-01T00:00:00Z', ['Dee']],
    ['CreatedDate = TODAY', ['Ann Archer']],
    ['CreatedDate = YESTERDAY', ['Ben Baker']],
    ['CreatedDate IN (TODAY, YESTERDAY)', ['Ann Archer', 'Ben Baker']],
    ['CreatedDate NOT IN (TODAY, YESTERDAY)', ['Cid Cole', 'Dee']],
    ['CreatedDate < THIS_YEAR', ['Dee']],
    ['CreatedDate = LAST_90_DAYS', ['Ann Archer', 'Ben Baker', 'Cid Cole']],
  ];
  for (const [where, expected] of cases) {
    test(where, () => assert.deepEqual(leadNames(where), expected));
  }
});

describe('WHERE on ids and other objects', () => {
  test('ids compare in 15- or 18-character form', () => {
    assert.deepEqual(leadNames(`Id = '${toId15(ids.leadAnn)}'`), ['Ann Archer']);
    assert.deepEqual(leadNames(`Id = '${ids.leadAnn}'`), ['Ann Archer']);
    assert.deepEqual(leadNames(`Id IN ('${toId15(ids.leadBen)}', '${ids.leadDee}')`), ['Ben Baker', 'Dee']);
    assert.deepEqual(leadNames(`OwnerId = '${toId15(ids.queue)}'`), ['Ben Baker']);
    assert.deepEqual(leadNames(`OwnerId != '${ids.admin}'`), ['Ben Baker', 'Dee']);
    assert.deepEqual(leadNames(`Owner.Id = '${ids.manager}'`), ['Dee']);
  });

  test('numbers with a currency prefix', () => {
    const r = org.query('SELECT Name FROM Account WHERE AnnualRevenue > USD1000000 ORDER BY Name');
    assert.deepEqual(r.records.map((x) => x.Name), ['Acme', 'Globex']);
    const i = org.query('SELECT Name FROM Account WHERE NumberOfEmployees IN (12, 40) ORDER BY Name');
    assert.deepEqual(i.records.map((x) => x.Name), ['Globex', 'initech']);
  });

  test('a reference compared with an empty string means null', () => {
    const r = org.query("SELECT LastName FROM Contact WHERE AccountId = ''");
    assert.deepEqual(r.records.map((x) => x.LastName), ["O'Neil"]);
  });

  test('string escapes', () => {
    const q = (lit: string) => org.query(`SELECT LastName FROM Contact WHERE LastName = ${lit}`).records.map((x) => x.LastName);
    assert.deepEqual(q("'O\\'Neil'"), ["O'Neil"]);
    assert.deepEqual(q("'o\\'neil'"), ["O'Neil"]);
    assert.deepEqual(q("'O\\\\Neil'"), []);
  });

  test('parent fields filter through several levels', () => {
    const r = org.query("SELECT Name FROM Contact WHERE Account.Owner.Manager.Name = 'Max Manager' ORDER BY Name");
    assert.deepEqual(r.records.map((x) => x.Name), ['Alice Smith', 'Bob Jones']);
    const none = org.query("SELECT Name FROM Contact WHERE Account.Name = null");
    assert.deepEqual(none.records.map((x) => x.Name), ["Carol O'Neil"]);
  });

  test('polymorphic Who and What filter by the target that matches', () => {
    const r = org.query("SELECT Subject FROM Task WHERE Who.Name LIKE 'a%' ORDER BY Subject");
    assert.deepEqual(r.records.map((x) => x.Subject), ['Call', 'Email', 'Meeting']);
    const what = org.query("SELECT Subject FROM Task WHERE What.Type = 'Project__c'");
    assert.deepEqual(what.records.map((x) => x.Subject), ['Kickoff']);
  });

  test('a semi-join through a child lookup to another object', () => {
    const r = org.query('SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name');
    assert.deepEqual(r.records.map((x) => x.Name), ['Acme']);
    const anti = org.query('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ORDER BY Name');
    assert.deepEqual(anti.records.map((x) => x.Name), ['Globex', 'initech']);
  });

  test('date fields on other objects', () => {
    const r = org.query('SELECT Subject FROM Task WHERE ActivityDate = THIS_WEEK ORDER BY Subject');
    assert.deepEqual(r.records.map((x) => x.Subject), ['Call']);
    const next = org.query('SELECT Subject FROM Task WHERE ActivityDate > TODAY');
    assert.deepEqual(next.records.map((x) => x.Subject), ['Email']);
  });

  test('queryAll sees the recycle bin, query does not', () => {
    assert.deepEqual(leadNames("Status = 'Open'"), ['Ann Archer', 'Dee']);
    const all = org.query("SELECT Name FROM Lead WHERE Status = 'Open' ORDER BY Name", { includeDeleted: true });
    assert.deepEqual(all.records.map((r) => r.Name), ['Ann Archer', 'Dee', 'Gone']);
    const deleted = org.query('SELECT Name, IsDeleted FROM Lead WHERE IsDeleted = true', { includeDeleted: true });
    assert.deepEqual(deleted.records.map((r) => [r.Name, r.IsDeleted]), [['Gone', true]]);
  });

  test('USING SCOPE mine restricts to the running user', () => {
    const r = org.query('SELECT Name FROM Lead USING SCOPE mine ORDER BY Name', { userId: ids.manager });
    assert.deepEqual(r.records.map((x) => x.Name), ['Dee']);
    const everything = org.query('SELECT Name FROM Lead USING SCOPE everything');
    assert.equal(everything.totalSize, 4);
  });
});
