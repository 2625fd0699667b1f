import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareWith, type MatchingMethod } from '../../../src/org/automation/duplicates/matching/matchingMethods.ts';
import { phoneticKey } from '../../../src/org/automation/duplicates/matching/phoneticKey.ts';
import { editDistanceScore, jaroWinklerScore } from '../../../src/org/automation/duplicates/matching/stringSimilarity.ts';

/** The matching methods on the pairs Salesforce's help uses, and on pairs that must not match. */

const matches = (method: MatchingMethod, a: string, b: string) => compareWith(method, a, b).match;

function expectMatches(method: MatchingMethod, pairs: Array<[string, string]>): void {
  for (const [a, b] of pairs) assert.ok(matches(method, a, b), `${method}: '${a}' should match '${b}' (score ${compareWith(method, a, b).score})`);
}

function expectDifferent(method: MatchingMethod, pairs: Array<[string, string]>): void {
  for (const [a, b] of pairs) assert.ok(!matches(method, a, b), `${method}: '${a}' should not match '${b}' (score ${compareWith(method, a, b).score})`);
}

describe('the string measures', () => {
  it('scores edit distance as Salesforce does: "VP Sales" and "VP of Sales" score 73', () => {
    assert.equal(Math.round(editDistanceScore('vp sales', 'vp of sales')), 73);
  });

  it('scores Jaro-Winkler on the textbook pair', () => {
    assert.equal(Math.round(jaroWinklerScore('martha', 'marhta') * 10) / 10, 96.1);
  });

  it('gives sound-alike last names one key', () => {
    assert.equal(phoneticKey('Smith'), phoneticKey('Smyth'));
    assert.equal(phoneticKey('Philips'), phoneticKey('Phillips'));
    assert.equal(phoneticKey('Knight'), phoneticKey('Night'));
    assert.notEqual(phoneticKey('Smith'), phoneticKey('Jones'));
  });
});

describe('matching methods', () => {
  it('Exact ignores case and surrounding spaces, nothing else', () => {
    expectMatches('Exact', [['Ada@Example.com', ' ada@example.com '], ['Acme', 'ACME']]);
    expectDifferent('Exact', [['salesforce.com', 'Salesforce'], ['ada@example.com', 'ada@example.co']]);
    assert.deepEqual(compareWith('Exact', 'a', 'A'), { score: 100, match: true });
  });

  it('FirstName: initials, nicknames and small misspellings', () => {
    expectMatches('FirstName', [['J', 'Jonathan'], ['J.', 'Jonathan'], ['Bob', 'Robert'], ['Bill', 'william'], ['Jon', 'John'], ['Kathrine', 'Katherine']]);
    expectDifferent('FirstName', [['Alice', 'Bob'], ['Peter', 'Paul'], ['Mark', 'Maria']]);
  });

  it('LastName: sound-alikes and keyboard slips', () => {
    expectMatches('LastName', [['Smith', 'Smyth'], ['Miller', 'Muller'], ['Jeremy', 'Jersmy'], ['McDonald', 'mcdonald'], ['Thompson', 'Thomspon']]);
    expectDifferent('LastName', [['Smith', 'Jones'], ['Miller', 'Mills'], ['Brown', 'Browning']]);
  });

  it('CompanyName: legal forms dropped, acronyms, small variations', () => {
    expectMatches('CompanyName', [
      ['Acme Inc.', 'ACME Corporation'],
      ['AMD', 'Advanced Micro Devices'],
      ['Johnson & Johnson', 'Johnson and Johnson'],
      ['Globex Ltd', 'Globex Limited'],
      ['Initech Systems', 'Initech System'],
    ]);
    expectDifferent('CompanyName', [['Salesforce', 'Oracle'], ['Acme Inc', 'Apex Inc'], ['IBM', 'Intel']]);
  });

  it('Phone: sections weighted, North American numbering', () => {
    expectMatches('Phone', [
      ['(415) 555-1234', '415.555.1234'],
      ['+1 415 555 1234', '415-555-1234'],
      ['1-415-555-1234', '1-415-555-5678'],
    ]);
    assert.equal(compareWith('Phone', '1-415-555-1234', '1-415-555-5678').score, 90, "Salesforce's own example");
    expectDifferent('Phone', [['415-555-1234', '212-555-1234'], ['415-555-1234', '415-666-1234'], ['555-1234', '555-1235']]);
  });

  it('City: misspellings and Saint/St.', () => {
    expectMatches('City', [['San Francisco', 'San Fransisco'], ['St. Louis', 'Saint Louis'], ['NEW YORK', 'new york']]);
    expectDifferent('City', [['Boston', 'Austin'], ['Portland', 'Poland']]);
  });

  it('Street: USPS abbreviations, number, name, suffix and suite weighted', () => {
    expectMatches('Street', [
      ['123 Main Street', '123 Main St.'],
      ['1 North Market Avenue Suite 5', '1 N Market Ave Ste 5'],
      ['500 Broadway', '500 Broadwya'],
    ]);
    expectDifferent('Street', [['123 Main St', '456 Oak Ave'], ['10 Elm St Suite 100', '10 Elm St Suite 200'], ['10 Elm St', '12 Pine St']]);
  });

  it('Zip: five digits decide, ZIP+4 adds a little; other postal codes compare without spaces', () => {
    expectMatches('Zip', [['94105', '94105-1234'], ['94105-1234', '94105 9999'], ['SW1A 1AA', 'sw1a1aa']]);
    expectDifferent('Zip', [['94105', '94107'], ['SW1A 1AA', 'SW1A 2AA']]);
  });

  it('Title: abbreviations spelled out, acronyms, edit distance', () => {
    expectMatches('Title', [['VP Sales', 'Vice President, Sales'], ['CEO', 'Chief Executive Officer'], ['Sr. Engineer', 'Senior Engineer'], ['VP Sales', 'VP of Sales']]);
    expectDifferent('Title', [['Engineer', 'Accountant'], ['CEO', 'Receptionist']]);
  });
});
