import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createOrg, seed, type TestOrg } from './fixture.ts';

let org: TestOrg;

before(() => {
  org = createOrg();
  seed(org);
});

const rows = (soql: string) => org.query(soql).records.map(({ attributes, ...rest }) => ({ type: attributes.type, ...rest }));

describe('COUNT()', () => {
  const cases: [string, number][] = [
    ['SELECT COUNT() FROM Lead', 4],
    ["SELECT COUNT() FROM Lead WHERE Status = 'Open'", 2],
    ['SELECT COUNT() FROM Lead LIMIT 3', 3],
    ['SELECT COUNT() FROM Lead LIMIT 10 OFFSET 3', 1],
    ["SELECT COUNT() FROM Lead WHERE Owner.Name = 'Lead Queue'", 1],
    ['SELECT count() FROM Contact WHERE Account.Name = null', 1],
  ];
  for (const [soql, n] of cases) {
    test(soql, () => assert.deepEqual(org.query(soql), { totalSize: n, done: true, records: [] }));
  }

  test('queryAll counts the recycle bin', () => {
    assert.equal(org.query('SELECT COUNT() FROM Lead', { includeDeleted: true }).totalSize, 5);
  });
});

describe('aggregate functions', () => {
  test('without GROUP BY: one row, expr0… for unaliased expressions', () => {
    assert.deepEqual(rows('SELECT COUNT(Id), COUNT_DISTINCT(Status), SUM(Rating__c) total, AVG(Rating__c), MIN(CreatedDate), MAX(Name) FROM Lead'), [
      {
        type: 'AggregateResult',
        expr0: 4,
        expr1: 3,
        total: 9.5,
        expr2: 9.5 / 3,
        expr3: '2023-12-31T23:59:59.999+0000',
        expr4: 'Dee',
      },
    ]);
  });

  test('COUNT(field) skips nulls; an empty match still gives one row', () => {
    assert.deepEqual(rows('SELECT COUNT(Email) FROM Lead'), [{ type: 'AggregateResult', expr0: 3 }]);
    assert.deepEqual(rows("SELECT COUNT(Id), SUM(Rating__c) FROM Lead WHERE Status = 'None'"), [
      { type: 'AggregateResult', expr0: 0, expr1: null },
    ]);
  });

  test('GROUP BY with ORDER BY: grouped fields keep their name, aliases win', () => {
    assert.deepEqual(rows('SELECT Status, COUNT(Id) n, MAX(Rating__c) FROM Lead GROUP BY Status ORDER BY Status'), [
      { type: 'AggregateResult', Status: 'Closed - Converted', n: 1, expr0: null },
      { type: 'AggregateResult', Status: 'Open', n: 2, expr0: 4.5 },
      { type: 'AggregateResult', Status: 'Working', n: 1, expr0: 2 },
    ]);
    assert.deepEqual(rows('SELECT Status s FROM Lead GROUP BY Status ORDER BY Status DESC LIMIT 1'), [{ type: 'AggregateResult', s: 'Working' }]);
  });

  test('GROUP BY a relationship field, a boolean, several fields', () => {
    assert.deepEqual(rows('SELECT Owner.Name, COUNT(Id) FROM Lead GROUP BY Owner.Name ORDER BY Owner.Name'), [
      { type: 'AggregateResult', Name: 'Ada Admin', expr0: 2 },
      { type: 'AggregateResult', Name: 'Lead Queue', expr0: 1 },
      { type: 'AggregateResult', Name: 'Max Manager', expr0: 1 },
    ]);
    assert.deepEqual(rows('SELECT IsConverted, COUNT(Id) FROM Lead GROUP BY IsConverted ORDER BY IsConverted'), [
      { type: 'AggregateResult', IsConverted: false, expr0: 3 },
      { type: 'AggregateResult', IsConverted: true, expr0: 1 },
    ]);
    assert.deepEqual(rows("SELECT Status, IsConverted, COUNT(Id) FROM Lead WHERE Status != 'Working' GROUP BY Status, IsConverted ORDER BY Status"), [
      { type: 'AggregateResult', Status: 'Closed - Converted', IsConverted: true, expr0: 1 },
      { type: 'AggregateResult', Status: 'Open', IsConverted: false, expr0: 2 },
    ]);
  });

  test('grouping text is case-insensitive', () => {
    const local = createOrg();
    for (const industry of ['Energy', 'energy', 'ENERGY', 'Retail']) local.insert('Account', { Name: 'x', Industry: industry });
    const r = local.query('SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry ORDER BY COUNT(Id) DESC');
    assert.deepEqual(r.records.map((x) => [String(x.Industry).toLowerCase(), x.expr0]), [['energy', 3], ['retail', 1]]);
    assert.equal(local.query('SELECT COUNT_DISTINCT(Industry) FROM Account').records[0].expr0, 2);
  });

  const having: [string, [string, number][]][] = [
    ['COUNT(Id) > 1', [['Open', 2]]],
    ['COUNT(Id) = 1', [['Closed - Converted', 1], ['Working', 1]]],
    ["Status = 'Working'", [['Working', 1]]],
    ['MAX(Rating__c) >= 2 AND COUNT(Id) < 2', [['Working', 1]]],
    ['(COUNT(Id) > 1 OR MAX(Rating__c) = null)', [['Closed - Converted', 1], ['Open', 2]]],
    ['NOT COUNT(Id) > 1', [['Closed - Converted', 1], ['Working', 1]]],
  ];
  for (const [cond, expected] of having) {
    test(`HAVING ${cond}`, () => {
      const r = org.query(`SELECT Status, COUNT(Id) FROM Lead GROUP BY Status HAVING ${cond} ORDER BY Status`);
      assert.deepEqual(r.records.map((x) => [x.Status, x.expr0]), expected);
    });
  }

  test('ORDER BY an aggregate', () => {
    const r = org.query('SELECT Status, COUNT(Id) FROM Lead GROUP BY Status ORDER BY COUNT(Id) DESC, Status');
    assert.deepEqual(r.records.map((x) => x.Status), ['Open', 'Closed - Converted', 'Working']);
  });

  test('aggregates over dates and currency', () => {
    assert.deepEqual(rows('SELECT MIN(ActivityDate), MAX(ActivityDate) FROM Task'), [
      { type: 'AggregateResult', expr0: '2024-05-10', expr1: '2024-05-20' },
    ]);
    assert.deepEqual(rows('SELECT SUM(AnnualRevenue) FROM Account'), [{ type: 'AggregateResult', expr0: 6200000.5 }]);
  });
});
