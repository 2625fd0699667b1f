import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { StoredRow, StoredValue } from '../../../src/org/persistence/OrgStore.ts';
import { SqliteOrgStore } from '../../../src/org/persistence/SqliteOrgStore.ts';
import { allowAllAccess, QueryEngine } from '../../../src/org/soql/QueryEngine.ts';
import { buildSchema, NOW } from './fixture.ts';

/**
 * The SQL the engine sends, checked with EXPLAIN QUERY PLAN: the common shapes must use indexes
 * (these are what keep a 100,000-lead org answering in milliseconds), and child subqueries must
 * be one statement per page, not one per parent.
 */

class SpyStore extends SqliteOrgStore {
  log: { sql: string; params: readonly StoredValue[] }[] = [];

  override select(sql: string, params: readonly StoredValue[]): StoredRow[] {
    this.log.push({ sql, params });
    return super.select(sql, params);
  }

  override selectOne(sql: string, params: readonly StoredValue[]): StoredRow | undefined {
    this.log.push({ sql, params });
    return super.selectOne(sql, params);
  }
}

let store: SpyStore;
let engine: QueryEngine;

before(() => {
  store = new SpyStore(buildSchema(), ':memory:');
  engine = new QueryEngine(store);
});

const opts = { includeDeleted: false, access: allowAllAccess, now: NOW, apiVersion: '60.0', userId: '005000000000001AAA' };

function plans(soql: string): string[] {
  store.log = [];
  engine.query(soql, opts);
  return store.log.map(({ sql, params }) =>
    (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | '),
  );
}

describe('generated SQL', () => {
  const indexed: [string, RegExp][] = [
    ["SELECT Id, Name FROM Lead WHERE Email = 'x@y.com'", /SEARCH t0 USING INDEX ix_Lead_Email_ci \(Email=\?\)/],
    ["SELECT Id FROM Lead WHERE Name = 'x'", /USING INDEX ix_Lead_Name_ci/],
    ["SELECT Id FROM Lead WHERE Name IN ('a', 'b')", /SEARCH t0 USING INDEX ix_Lead_Name_ci \(Name=\?\)/],
    ["SELECT Id FROM Lead WHERE Name LIKE 'abc%'", /SEARCH t0 USING INDEX ix_Lead_Name_ci \(Name>\? AND Name<\?\)/],
    ["SELECT Id FROM Lead WHERE Id = '00Q000000000001'", /SEARCH t0 USING INDEX sqlite_autoindex_Lead_1 \(Id=\?\)/],
    ["SELECT Id FROM Lead WHERE OwnerId = '005000000000001'", /SEARCH t0 USING INDEX ix_Lead_OwnerId \(OwnerId=\?\)/],
    ['SELECT Id, Name FROM Lead ORDER BY CreatedDate DESC LIMIT 50', /^SCAN t0 USING INDEX ix_Lead_CreatedDate$/],
    ['SELECT Id, Name, Owner.Name FROM Lead ORDER BY CreatedDate DESC LIMIT 50', /^SCAN t0 USING INDEX ix_Lead_CreatedDate \| SEARCH j\d+ USING INDEX/],
    ['SELECT Id, Name FROM Lead ORDER BY Name LIMIT 50', /^SCAN t0 USING INDEX ix_Lead_Name_ci$/],
  ];
  for (const [soql, plan] of indexed) {
    test(soql, () => {
      const [first] = plans(soql);
      assert.match(first, plan);
      assert.doesNotMatch(first, /TEMP B-TREE/);
    });
  }

  test('a child subquery is one statement for the whole page, through the lookup index', () => {
    store.transaction(() => {
      const lead = store.schema.object('Lead');
      const task = store.schema.object('Task');
      assert.ok(lead && task);
      for (let i = 0; i < 30; i++) {
        const id = store.newId(lead);
        store.insert(lead, { Id: id, Name: `L${i}`, IsDeleted: 0 });
        store.insert(task, { Id: store.newId(task), Subject: `T${i}`, WhoId: id, IsDeleted: 0 });
      }
    });
    for (const sub of ['SELECT Subject FROM Tasks', 'SELECT Subject FROM Tasks WHERE IsClosed = false ORDER BY Subject LIMIT 1']) {
      const statements = plans(`SELECT Name, (${sub}) FROM Lead`);
      assert.equal(statements.length, 2, sub);
      assert.match(statements[1], /SEARCH c\d+ USING INDEX ix_Task_WhoId \(WhoId=\?\)/, sub);
    }
  });

  test('values are parameters: the SQL text depends on the query shape only', () => {
    store.log = [];
    engine.query("SELECT Id FROM Lead WHERE Name = 'a' AND Status IN ('x', 'y') LIMIT 5", opts);
    engine.query("SELECT Id FROM Lead WHERE Name = 'b' AND Status IN ('p', 'q', 'r') LIMIT 7", opts);
    assert.equal(store.log[0].sql, store.log[1].sql);
    assert.doesNotMatch(store.log[0].sql, /'a'|'x'/);
  });

  test('a count does not join parents it does not filter on', () => {
    const [count] = plans("SELECT COUNT() FROM Lead WHERE Status = 'Open'");
    assert.doesNotMatch(count, /j\d+/);
  });
});
