import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import type { FormulaContext, FormulaValue } from '../../../src/org/formula/types.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { ACCOUNT_ID, evaluator, formulaSchema, OWNER_ID } from './formulaFixture.ts';

/** Table-driven: each row is a formula, the Widget__c record it runs on, and the stored-form result. */

const schema = formulaSchema();
const evaluate = evaluator(schema);
after(removeProjects);

type Case = [formula: string, row: StoredRow, expected: FormulaValue, extra?: Partial<FormulaContext>];

function table(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const [formula, row, expected, extra] of cases) {
      it(`${formula} on ${JSON.stringify(row)} is ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(evaluate(formula, row, extra), expected);
      });
    }
  });
}

table('operators', [
  ['1 + 2', {}, 3],
  ['5 - 2 * 2', {}, 1],
  ['(5 - 2) * 2', {}, 6],
  ['10 / 4', {}, 2.5],
  ['2 ^ 3', {}, 8],
  ['0.1 + 0.2', {}, 0.3],
  ['"a" & "b"', {}, 'ab'],
  ['"a" + "b"', {}, 'ab'],
  ['-Score__c', { Score__c: 3 }, -3],
  ['10 / -Score__c', { Score__c: 4 }, -2.5],
  ['.5 + 1', {}, 1.5],
  ['1 = 1', {}, true],
  ['1 == 2', {}, false],
  ['1 <> 2', {}, true],
  ['1 != 1', {}, false],
  ['1 < 2', {}, true],
  ['2 <= 2', {}, true],
  ['3 > 2', {}, true],
  ['2 >= 3', {}, false],
  ['TRUE && FALSE', {}, false],
  ['TRUE || FALSE', {}, true],
  ['!FALSE', {}, true],
  ['/* a comment */ Notes__c', { Notes__c: 'x' }, 'x'],
  ['"say \\"hi\\"" & \'\\\\\'', {}, 'say "hi"\\'],
]);

table('logical functions', [
  ['AND(TRUE, TRUE, FALSE)', {}, false],
  ['AND(Flag__c, Score__c > 1)', { Flag__c: 1, Score__c: 2 }, true],
  ['OR(FALSE, Flag__c)', { Flag__c: 1 }, true],
  ['NOT(Flag__c)', { Flag__c: 0 }, true],
  ['IF(Score__c > 10, "big", "small")', { Score__c: 11 }, 'big'],
  ['IF(Score__c > 10, "big", "small")', { Score__c: 1 }, 'small'],
  ['CASE(Score__c, 1, "one", 2, "two", "many")', { Score__c: 2 }, 'two'],
  ['CASE(Score__c, 1, "one", 2, "two", "many")', { Score__c: 7 }, 'many'],
  ['CASE(Kind__c, "Gold", 3, "Silver", 2, 0)', { Kind__c: 'Silver' }, 2],
  ['CASE(Notes__c, "x", TRUE, FALSE)', { Notes__c: 'x' }, true],
  ['ISBLANK(Notes__c)', { Notes__c: null }, true],
  ['ISBLANK(Notes__c)', { Notes__c: ' ' }, false],
  ['ISBLANK(Score__c)', { Score__c: null }, true],
  ['ISBLANK(Score__c)', { Score__c: 0 }, false],
  ['ISBLANK(Due__c)', { Due__c: null }, true],
  ['ISBLANK(Tags__c)', { Tags__c: null }, true],
  ['ISBLANK(Tags__c)', { Tags__c: 'a;b' }, false],
  ['ISNULL(Score__c)', { Score__c: null }, true],
  // Salesforce: text is never null, only blank.
  ['ISNULL(Notes__c)', { Notes__c: null }, false],
  ['BLANKVALUE(Score__c, 5)', { Score__c: null }, 5],
  ['BLANKVALUE(Score__c, 5)', { Score__c: 2 }, 2],
  ['BLANKVALUE(Notes__c, "none")', { Notes__c: null }, 'none'],
  ['NULLVALUE(Score__c, 7)', { Score__c: null }, 7],
  ['ISNUMBER(Notes__c)', { Notes__c: '-12.5' }, true],
  ['ISNUMBER(Notes__c)', { Notes__c: '12a' }, false],
  ['ISNUMBER(Notes__c)', { Notes__c: null }, false],
]);

table('text functions', [
  ['LEN(Notes__c)', { Notes__c: 'hello' }, 5],
  ['LEN(Notes__c)', { Notes__c: null }, 0],
  ['LEFT(Notes__c, 2)', { Notes__c: 'hello' }, 'he'],
  ['RIGHT(Notes__c, 3)', { Notes__c: 'hello' }, 'llo'],
  ['MID(Notes__c, 2, 3)', { Notes__c: 'hello' }, 'ell'],
  ['CONTAINS(Notes__c, "ell")', { Notes__c: 'hello' }, true],
  ['CONTAINS(Notes__c, "xyz")', { Notes__c: 'hello' }, false],
  ['BEGINS(Notes__c, "he")', { Notes__c: 'hello' }, true],
  ['UPPER(Notes__c)', { Notes__c: 'hello' }, 'HELLO'],
  ['LOWER(Notes__c)', { Notes__c: 'HeLLo' }, 'hello'],
  ['TRIM(Notes__c)', { Notes__c: '  hi  ' }, 'hi'],
  ['SUBSTITUTE(Notes__c, "l", "L")', { Notes__c: 'hello' }, 'heLLo'],
  ['FIND("l", Notes__c)', { Notes__c: 'hello' }, 3],
  ['LPAD(Notes__c, 5, "0")', { Notes__c: '42' }, '00042'],
  ['TEXT(Kind__c)', { Kind__c: 'Gold' }, 'Gold'],
  ['TEXT(Kind__c)', { Kind__c: null }, null],
  ['TEXT(Score__c)', { Score__c: 12.5 }, '12.5'],
  ['TEXT(Score__c)', { Score__c: null }, null],
  ['TEXT(Due__c)', { Due__c: '2024-02-29' }, '2024-02-29'],
  ['VALUE(Notes__c) * 2', { Notes__c: '12.5' }, 25],
  ['INCLUDES(Tags__c, "b")', { Tags__c: 'a;b' }, true],
  ['INCLUDES(Tags__c, "c")', { Tags__c: 'a;b' }, false],
  ['INCLUDES(Tags__c, "a")', { Tags__c: null }, false],
  ['ISPICKVAL(Kind__c, "Gold")', { Kind__c: 'Gold' }, true],
  ['ISPICKVAL(Kind__c, "Gold")', { Kind__c: 'Silver' }, false],
  ['ISPICKVAL(Kind__c, "")', { Kind__c: null }, true],
  // Ids are 15 characters in formulas; CASESAFEID gives the 18.
  ['Id', { Id: 'a00000000000001AAA' }, 'a00000000000001'],
  ['CASESAFEID(Id)', { Id: 'a00000000000001AAA' }, 'a00000000000001AAA'],
]);

table('REGEX: a Java pattern matching the whole text', [
  ['REGEX(Notes__c, "\\\\(\\\\d{3}\\\\) \\\\d{3}-\\\\d{4}")', { Notes__c: '(415) 555-0123' }, true],
  ['REGEX(Notes__c, "\\\\(\\\\d{3}\\\\) \\\\d{3}-\\\\d{4}")', { Notes__c: '(415) 555-0123 ext 5' }, false],
  ['REGEX(Notes__c, "\\\\d{3}")', { Notes__c: 'a123' }, false],
  ['REGEX(Notes__c, "a|b")', { Notes__c: 'ax' }, false],
  ['REGEX(Notes__c, "a|b")', { Notes__c: 'b' }, true],
  ['REGEX(Notes__c, "\\\\p{Alpha}+")', { Notes__c: 'Hello' }, true],
  ['REGEX(Notes__c, "\\\\p{Alpha}+")', { Notes__c: 'Hello1' }, false],
  ['REGEX(Notes__c, "(?i)[a-z]+")', { Notes__c: 'HeLLo' }, true],
  ['REGEX(Notes__c, "\\\\Q1+1\\\\E")', { Notes__c: '1+1' }, true],
  ['REGEX(Notes__c, "((?i)[ABCEGHJKLMNPRSTVXY]\\\\d[A-Z]?\\\\s?\\\\d[A-Z]\\\\d)?")', { Notes__c: 'k1a 0b1' }, true],
  ['REGEX(Notes__c, "x*")', { Notes__c: null }, true],
  ['REGEX(Notes__c, LEFT(Notes__c, 1) & ".*")', { Notes__c: 'abc' }, true],
  ['REGEX(Notes__c, "[]a]+")', { Notes__c: ']a]' }, true],
]);

table('dates and datetimes', [
  // NOW is 2024-03-01T05:00Z: TODAY is the user's calendar day in Los Angeles.
  ['TODAY()', {}, '2024-02-29'],
  ['TODAY()', {}, '2024-03-01', { timeZone: 'Europe/Paris' }],
  ['NOW()', {}, '2024-03-01T05:00:00.000+0000'],
  ['DATE(2024, 1, 31)', {}, '2024-01-31'],
  ['YEAR(Due__c)', { Due__c: '2024-02-29' }, 2024],
  ['MONTH(Due__c)', { Due__c: '2024-02-29' }, 2],
  ['DAY(Due__c)', { Due__c: '2024-02-29' }, 29],
  ['WEEKDAY(Due__c)', { Due__c: '2024-02-29' }, 5],
  ['ADDMONTHS(DATE(2024, 1, 15), 1)', {}, '2024-02-15'],
  ['ADDMONTHS(DATE(2024, 1, 31), 1)', {}, '2024-02-29'],
  // The last day of a month moves to the last day of the new month.
  ['ADDMONTHS(DATE(2024, 2, 29), 1)', {}, '2024-03-31'],
  ['ADDMONTHS(Due__c, 12)', { Due__c: null }, null],
  ['Due__c + 1', { Due__c: '2024-02-28' }, '2024-02-29'],
  ['Due__c - DATE(2024, 2, 1)', { Due__c: '2024-02-29' }, 28],
  ['Due__c < TODAY()', { Due__c: '2024-02-28' }, true],
  ['Due__c < TODAY()', { Due__c: '2024-02-29' }, false],
  ['DATEVALUE(At__c)', { At__c: '2024-02-29T23:30:00.000+0000' }, '2024-02-29'],
  ['At__c > NOW()', { At__c: '2024-03-01T05:00:01.000+0000' }, true],
  ['DATEVALUE("2024-05-06")', {}, '2024-05-06'],
]);

table('blank fields are blanks', [
  ['Score__c > 1', { Score__c: null }, false],
  // The comparison is blank, and so is its negation: neither fires a rule.
  ['NOT(Score__c > 1)', { Score__c: null }, false],
  ['Score__c = 0', { Score__c: null }, false],
  ['Score__c <> 0', { Score__c: null }, false],
  ['Score__c + 1', { Score__c: null }, null],
  ['IF(Score__c > 1, "a", "b")', { Score__c: null }, 'b'],
  ['AND(Score__c > 1, FALSE)', { Score__c: null }, false],
  ['OR(Score__c > 1, TRUE)', { Score__c: null }, true],
  ['OR(ISBLANK(Score__c), Score__c < 100)', { Score__c: null }, true],
  ['Due__c + 1', { Due__c: null }, null],
  ['Notes__c & "!"', { Notes__c: null }, '!'],
  ['Flag__c', { Flag__c: null }, false],
  ['Pct__c', { Pct__c: 10 }, 0.1],
  ['Pct__c > 0.5', { Pct__c: 60 }, true],
]);

const ACCOUNT_ROW = { Account__c: ACCOUNT_ID };

table('merge fields of the user and of related records', [
  ['$User.Id', {}, '005000000000001'],
  ['$User.Username', {}, 'ada@example.com'],
  ['$Profile.Name', {}, 'System Administrator'],
  ['$UserRole.Name', {}, 'CEO'],
  ['$Permission.Approve_Discounts', {}, true],
  ['$Permission.Delete_Everything', {}, false],
  ['$User.Profile.Name', {}, 'System Administrator'],
  ['$System.OriginDateTime', {}, '1900-01-01T00:00:00.000+0000'],
  ['Account__r.Name', ACCOUNT_ROW, 'Acme'],
  ['ACCOUNT__R.TYPE', ACCOUNT_ROW, 'Customer - Direct'],
  ['Account__r.Owner.Name', ACCOUNT_ROW, 'Olga Owner'],
  ['Account__r.Owner.Email', ACCOUNT_ROW, 'olga@example.com'],
  ['Account__r.OwnerId = "' + OWNER_ID.slice(0, 15) + '"', ACCOUNT_ROW, true],
  ['Account__r.Name', { Account__c: null }, null],
  ['ISBLANK(Account__r.Owner.Name)', { Account__c: null }, true],
  ['Owner.Name', { OwnerId: OWNER_ID }, 'Olga Owner'],
  ['{!$Record.Score__c} > 1', { Score__c: 2 }, true],
]);

table('ISNEW, ISCHANGED and PRIORVALUE', [
  ['ISNEW()', { Score__c: 1 }, true],
  ['ISNEW()', { Score__c: 1 }, false, { prior: { Score__c: 1 }, isNew: false }],
  ['ISCHANGED(Score__c)', { Score__c: 1 }, false],
  ['ISCHANGED(Score__c)', { Score__c: 2 }, true, { prior: { Score__c: 1 }, isNew: false }],
  ['ISCHANGED(Score__c)', { Score__c: 1 }, false, { prior: { Score__c: 1 }, isNew: false }],
  ['ISCHANGED(Score__c)', { Score__c: 0 }, true, { prior: { Score__c: null }, isNew: false }],
  ['ISCHANGED(Notes__c)', { Notes__c: 'x' }, true, { prior: { Notes__c: null }, isNew: false }],
  ['ISCHANGED(Notes__c)', { Notes__c: '' }, false, { prior: { Notes__c: null }, isNew: false }],
  ['ISCHANGED(Kind__c)', { Kind__c: 'Gold' }, true, { prior: { Kind__c: 'Silver' }, isNew: false }],
  ['PRIORVALUE(Score__c)', { Score__c: 2 }, 1, { prior: { Score__c: 1 }, isNew: false }],
  // On insert, PRIORVALUE gives the value being saved.
  ['PRIORVALUE(Score__c)', { Score__c: 2 }, 2],
  ['ISPICKVAL(PRIORVALUE(Kind__c), "Silver")', { Kind__c: 'Gold' }, true, { prior: { Kind__c: 'Silver' }, isNew: false }],
  ['INCLUDES(PRIORVALUE(Tags__c), "c")', { Tags__c: 'a' }, true, { prior: { Tags__c: 'a;c' }, isNew: false }],
  ['PRIORVALUE(Score__c) > Score__c', { Score__c: 1 }, true, { prior: { Score__c: 5 }, isNew: false }],
  ['{!$Record__Prior.Score__c}', { Score__c: 2 }, 1, { prior: { Score__c: 1 }, isNew: false }],
]);

describe('variables (flow formulas)', () => {
  const account = schema.object('Account')!;
  it('reads single values and record variables from the context', () => {
    const value = evaluate(
      '{!threshold} < Score__c && CONTAINS({!acct.Name}, "cm") && acct.Owner.Name = "Olga Owner"',
      { Score__c: 5 },
      { variables: { threshold: 3, acct: { Id: ACCOUNT_ID, Name: 'Acme', OwnerId: OWNER_ID } } },
      { variables: { Threshold: 'number', acct: { object: account } } },
    );
    assert.equal(value, true);
    assert.equal(evaluate('threshold', {}, { variables: {} }, { variables: { threshold: 'number' } }), null);
  });
});
