import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import { createOrg, seed, type TestOrg } from './fixture.ts';

let org: TestOrg;

before(() => {
  org = createOrg();
  seed(org);
});

function failure(soql: string): SalesforceError {
  try {
    org.query(soql);
  } catch (err) {
    assert.ok(err instanceof SalesforceError, `expected a SalesforceError, got ${String(err)}`);
    return err;
  }
  assert.fail(`expected an error for: ${soql}`);
}

const NO_SUCH_COLUMN_TAIL =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const RELATIONSHIP_TAIL =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";

describe('Salesforce error messages', () => {
  test('unknown field: INVALID_FIELD with the row/column pointer', () => {
    const err = failure('SELECT Id, Bogus FROM Lead');
    assert.equal(err.errorCode, 'INVALID_FIELD');
    assert.equal(err.httpStatus, 400);
    assert.equal(
      err.message,
      `\nSELECT Id, Bogus FROM Lead\n           ^\nERROR at Row:1:Column:12\nNo such column 'Bogus' on entity 'Lead'. ${NO_SUCH_COLUMN_TAIL}`,
    );
  });

  test('the pointer names the line of a multi-line query', () => {
    const err = failure("SELECT Id\nFROM Lead\nWHERE Bogus__c = 'x'");
    assert.equal(err.message, `\nWHERE Bogus__c = 'x'\n      ^\nERROR at Row:3:Column:7\nNo such column 'Bogus__c' on entity 'Lead'. ${NO_SUCH_COLUMN_TAIL}`);
  });

  test('unknown field on a parent names the parent entity, and the Name entity for polymorphic ones', () => {
    assert.match(failure('SELECT Account.Bogus FROM Contact').message, /Column:8\nNo such column 'Bogus' on entity 'Account'\./);
    assert.match(failure('SELECT Owner.Bogus FROM Lead').message, /No such column 'Bogus' on entity 'Name'\./);
  });

  test('an unknown field inside a subquery points into the subquery', () => {
    const err = failure('SELECT Name, (SELECT Name FROM Tasks) FROM Lead');
    assert.equal(err.errorCode, 'INVALID_FIELD');
    assert.match(err.message, /^\nSELECT Name, \(SELECT Name FROM Tasks\) FROM Lead\n {21}\^\nERROR at Row:1:Column:22\nNo such column 'Name' on entity 'Task'\./);
  });

  test('unknown relationship', () => {
    const err = failure('SELECT Id, Foo.Name FROM Lead');
    assert.equal(err.errorCode, 'INVALID_FIELD');
    assert.equal(err.message, `\nSELECT Id, Foo.Name FROM Lead\n           ^\nERROR at Row:1:Column:12\nDidn't understand relationship 'Foo' in field path. ${RELATIONSHIP_TAIL}`);
    // A lookup field's own name is not its relationship name.
    assert.match(failure('SELECT AccountId.Name FROM Contact').message, /Didn't understand relationship 'AccountId'/);
  });

  test('unknown child relationship: INVALID_TYPE', () => {
    const err = failure('SELECT Id, (SELECT Id FROM Task) FROM Lead');
    assert.equal(err.errorCode, 'INVALID_TYPE');
    assert.match(err.message, /Column:28\nDidn't understand relationship 'Task' in FROM part of query call\. If you are attempting/);
  });

  test('unknown object: INVALID_TYPE', () => {
    const err = failure('SELECT Id FROM Foo');
    assert.equal(err.errorCode, 'INVALID_TYPE');
    assert.match(err.message, /^\nSELECT Id FROM Foo\n {15}\^\nERROR at Row:1:Column:16\nsObject type 'Foo' is not supported\./);
    assert.equal(failure('SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM Nope__c)').errorCode, 'INVALID_TYPE');
  });

  const malformed: [string, RegExp][] = [
    ['SELECT Id FORM Lead', /unexpected token: 'Lead'$/],
    ['SELECT Id, FROM Lead', /Column:12\nunexpected token: 'FROM'$/],
    ['SELECT Id FROM Lead WHERE', /unexpected token: '<EOF>'$/],
    ["SELECT Id FROM Lead WHERE Name = 'O'Brien'", /unexpected token: 'Brien'$/],
    ["SELECT Id FROM Lead WHERE Name = 'a' AND Status = 'b' OR Company = 'c'", /Column:55\nunexpected token: 'OR'$/],
    ["SELECT Id FROM Lead WHERE Name = 'a' OR Status = 'b' AND Company = 'c'", /unexpected token: 'AND'$/],
    ["SELECT Id FROM Lead WHERE Name = 'a' AND NOT Status = 'b'", /unexpected token: 'NOT'$/],
    ['SELECT Name, COUNT(Id) FROM Lead GROUP BY Status', /^Field must be grouped or aggregated: Name$/],
    ['SELECT Name FROM Lead GROUP BY Status', /^Field must be grouped or aggregated: Name$/],
    ['SELECT Owner.Name, COUNT(Id) FROM Lead', /^Field must be grouped or aggregated: Owner.Name$/],
    ['SELECT Status FROM Lead GROUP BY Status HAVING MAX(Name) = \'x\' ORDER BY Name', /Ordered field must be grouped or aggregated: Name/],
    ['SELECT Name n FROM Lead', /Only aggregate expressions use field aliasing/],
    ['SELECT FIELDS(ALL) FROM Lead', /^The SOQL FIELDS function must have a LIMIT of at most 200$/],
    ['SELECT FIELDS(CUSTOM) FROM Lead LIMIT 201', /LIMIT of at most 200/],
    ['SELECT Id, Name, name FROM Lead', /duplicate field selected: name/],
    ['SELECT COUNT(), Name FROM Lead', /COUNT\(\) may not be used with other fields/],
    ["SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task) OR Name = 'x'", /Semi join sub-selects are not allowed with the 'OR' operator/],
    ['SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE WhatId IN (SELECT Id FROM Account))', /Nesting of semi join sub-selects/],
    ['SELECT Id FROM Lead WHERE Id IN (SELECT Subject FROM Task)', /must be an Id or reference field/],
    ['SELECT Id FROM Lead WHERE Name IN (SELECT WhoId FROM Task)', /left operand must be an Id or a reference field/],
    ['SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task LIMIT 5)', /can not use ORDER BY, LIMIT/],
    ['SELECT SUM(Name) FROM Lead', /field Name does not support aggregate operator SUM/],
    ["SELECT Id FROM Lead WHERE Name = 'a\\qb'", /Illegal character sequence '\\q' in string literal/],
    ['SELECT Id FROM Lead WHERE Id = :leadId', /Column:32\nBind variables only allowed in Apex code$/],
  ];
  for (const [soql, message] of malformed) {
    test(`MALFORMED_QUERY: ${soql}`, () => {
      const err = failure(soql);
      assert.equal(err.errorCode, 'MALFORMED_QUERY');
      assert.match(err.message, message);
    });
  }

  test('syntax errors carry the pointer', () => {
    assert.equal(failure('SELECT Id, FROM Lead').message, "\nSELECT Id, FROM Lead\n           ^\nERROR at Row:1:Column:12\nunexpected token: 'FROM'");
  });

  test('OFFSET over 2000: NUMBER_OUTSIDE_VALID_RANGE', () => {
    const err = failure('SELECT Id FROM Lead LIMIT 10 OFFSET 2001');
    assert.equal(err.errorCode, 'NUMBER_OUTSIDE_VALID_RANGE');
    assert.equal(err.message, '\nSELECT Id FROM Lead LIMIT 10 OFFSET 2001\n                                    ^\nERROR at Row:1:Column:37\nMaximum SOQL offset allowed is 2000');
  });

  const valueTypes: [string, string][] = [
    ["SELECT Id FROM Lead WHERE Rating__c = '3'", "value of filter criterion for field 'Rating__c' must be of type double and should not be enclosed in quotes"],
    ['SELECT Id FROM Lead WHERE Name = 3', "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes"],
    ["SELECT Id FROM Lead WHERE IsConverted = 'true'", "value of filter criterion for field 'IsConverted' must be of type boolean and should not be enclosed in quotes"],
    ['SELECT Id FROM Lead WHERE CreatedDate > 2024-01-01', "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"],
    ['SELECT Id FROM Lead WHERE ConvertedDate > 2024-01-01T00:00:00Z', "value of filter criterion for field 'ConvertedDate' must be of type date and should not be enclosed in quotes"],
    ['SELECT Id FROM Lead WHERE ConvertedDate = 2024-02-30', "value of filter criterion for field 'ConvertedDate' must be of type date and should not be enclosed in quotes"],
    ['SELECT Id FROM Account WHERE NumberOfEmployees = 1.5x', ''],
    ['SELECT Id FROM Lead WHERE OwnerId = 5', "value of filter criterion for field 'OwnerId' must be of type id and should be enclosed in quotes"],
  ];
  for (const [soql, message] of valueTypes) {
    test(`filter value type: ${soql}`, () => {
      const err = failure(soql);
      if (message === '') return assert.equal(err.errorCode, 'MALFORMED_QUERY');
      assert.equal(err.errorCode, 'INVALID_FIELD');
      assert.ok(err.message.endsWith(`\n${message}`), err.message);
      assert.match(err.message, /^\nSELECT .*\n +\^\nERROR at Row:1:Column:\d+\n/);
    });
  }

  const operators: [string, string][] = [
    ["SELECT Id FROM Lead WHERE Id = '00Qxx'", 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Lead WHERE OwnerId IN ('005000000000001', 'nope')", 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Lead WHERE Status INCLUDES ('Open')", 'INVALID_QUERY_FILTER_OPERATOR'],
    ['SELECT Id FROM Lead WHERE IsConverted > false', 'INVALID_QUERY_FILTER_OPERATOR'],
    ['SELECT Id FROM Lead WHERE Rating__c LIKE 3', 'INVALID_QUERY_FILTER_OPERATOR'],
    ["SELECT Id FROM Lead WHERE Interests__c < 'a'", 'INVALID_QUERY_FILTER_OPERATOR'],
  ];
  for (const [soql, code] of operators) {
    test(`${code}: ${soql}`, () => assert.equal(failure(soql).errorCode, code));
  }

  test('a filter or sort error points into its clause even when the field is also selected', () => {
    assert.match(failure('SELECT Name FROM Lead WHERE Name = 3').message, /^\nSELECT Name FROM Lead WHERE Name = 3\n {28}\^\nERROR at Row:1:Column:29\n/);
    assert.match(failure('SELECT Interests__c FROM Lead ORDER BY Interests__c').message, /ERROR at Row:1:Column:40\n/);
  });

  test('invalid id message', () => {
    assert.equal(failure("SELECT Id FROM Lead WHERE Id = '00Qxx'").message, 'invalid ID field: 00Qxx');
  });

  test('fields that cannot be filtered, sorted or grouped', () => {
    assert.match(failure("SELECT Id FROM Lead WHERE Description = 'x'").message, /field 'Description' can not be filtered in a query call$/);
    assert.match(failure('SELECT Id FROM Lead ORDER BY Interests__c').message, /field 'Interests__c' can not be sorted in a query call$/);
    assert.match(failure('SELECT Rating__c FROM Lead GROUP BY Rating__c').message, /field 'Rating__c' can not be grouped in a query call$/);
  });

  const unsupported = [
    'SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Lead GROUP BY CALENDAR_YEAR(CreatedDate)',
    'SELECT toLabel(Status) FROM Lead',
    'SELECT FORMAT(Rating__c) FROM Lead',
    'SELECT Id FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = 2024',
    'SELECT Status, COUNT(Id) FROM Lead GROUP BY ROLLUP(Status)',
    'SELECT Id FROM Lead USING SCOPE team',
    'SELECT COUNT() FROM Lead GROUP BY Status',
    'SELECT Id, TYPEOF What WHEN Account THEN Owner.Name END FROM Task',
  ];
  for (const soql of unsupported) {
    test(`not emulated, said clearly: ${soql}`, () => {
      const err = failure(soql);
      assert.equal(err.errorCode, 'MALFORMED_QUERY');
      assert.match(err.message, /is not supported by the golive local org yet\.$/);
    });
  }

  test('more than five parent levels', () => {
    assert.match(failure('SELECT Manager.Manager.Manager.Manager.Manager.Manager.Name FROM User').message, /more than 5 levels/);
    assert.equal(org.query('SELECT Manager.Manager.Manager.Manager.Manager.Name FROM User').totalSize, 2);
  });

  test('aggregate results beyond one batch cannot be paged', () => {
    const local = createOrg();
    local.store.transaction(() => {
      for (let i = 0; i < 2001; i++) local.insert('Account', { Name: `A${i}` });
    });
    assert.throws(() => local.query('SELECT Name, COUNT(Id) FROM Account GROUP BY Name'), (err: SalesforceError) => {
      assert.equal(err.errorCode, 'MALFORMED_QUERY');
      assert.match(err.message, /Aggregate query does not support queryMore\(\)/);
      return true;
    });
    assert.equal(local.query('SELECT Name, COUNT(Id) FROM Account GROUP BY Name LIMIT 2000').totalSize, 2000);
  });
});
