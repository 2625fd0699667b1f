import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BooleanFilterError, evaluateBooleanFilter, parseBooleanFilter } from '../../../src/org/automation/filterItems/booleanFilter.ts';
import { compileFilterItem } from '../../../src/org/automation/filterItems/filterItem.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import { assignmentOrg, NOW } from './assignmentFixture.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';

/**
 * Criteria rows (FilterItem) and filter logic, as assignment rule entries and duplicate rule
 * conditions use them, against the Lead fields of the assignment test org.
 */

const org = assignmentOrg({});
after(() => {
  org.close();
  removeProjects();
});

/** Whether `field operation value` holds for each of the rows. */
function check(field: string, operation: string, value: string | undefined, rows: StoredRow[]): boolean[] {
  const compiled = compileFilterItem(org.lead.fieldsByLowerName.get(field.toLowerCase())!, { field, operation, value });
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.reason);
  return rows.map((row) => compiled.item.test(row, { now: NOW }));
}

function refusal(field: string, operation: string, value: string | undefined): string {
  const compiled = compileFilterItem(org.lead.fieldsByLowerName.get(field.toLowerCase())!, { field, operation, value });
  assert.equal(compiled.ok, false, `${field} ${operation} ${value} should be refused`);
  return compiled.ok ? '' : compiled.reason;
}

describe('criteria rows on text and picklist fields', () => {
  const states = ['NY', 'ma', ' Ny ', 'TX', null, ''].map((State) => ({ State }));

  it('equals: comma-separated alternatives, ignoring case and surrounding spaces', () => {
    assert.deepEqual(check('State', 'equals', 'NY,MA', states), [true, true, true, false, false, false]);
  });

  it('equals an empty value means blank; notEqual an empty value means filled', () => {
    assert.deepEqual(check('State', 'equals', '', states), [false, false, false, false, true, true]);
    assert.deepEqual(check('State', 'notEqual', undefined, states), [true, true, true, true, false, false]);
  });

  it('notEqual: none of the alternatives (a blank field is not equal)', () => {
    assert.deepEqual(check('State', 'notEqual', 'NY,MA', states), [false, false, false, true, true, true]);
  });

  it('contains, notContain and startsWith take any of the alternatives', () => {
    const companies = ['Acme Cloud Inc', 'Data Corp', 'Cloudy', null].map((Company) => ({ Company }));
    assert.deepEqual(check('Company', 'contains', 'cloud,corp', companies), [true, true, true, false]);
    assert.deepEqual(check('Company', 'notContain', 'cloud,corp', companies), [false, false, false, true]);
    assert.deepEqual(check('Company', 'startsWith', 'acme,CLOUD', companies), [true, false, true, false]);
  });

  it('lessThan and friends compare text alphabetically, never a blank', () => {
    const names = ['Adams', 'Miller', 'Zed', null].map((LastName) => ({ LastName }));
    assert.deepEqual(check('LastName', 'lessThan', 'm', names), [true, false, false, false]);
    assert.deepEqual(check('LastName', 'greaterOrEqual', 'miller', names), [false, true, true, false]);
  });

  it('picklists compare their value like text', () => {
    const rows = ['Web', 'Other', null].map((LeadSource) => ({ LeadSource }));
    assert.deepEqual(check('LeadSource', 'equals', 'web', rows), [true, false, false]);
  });

  it('refuses includes/excludes on a text field', () => {
    assert.match(refusal('State', 'includes', 'NY'), /multi-select picklists only/);
  });
});

describe('criteria rows on numbers, dates, checkboxes and multi-select picklists', () => {
  it('numbers: equals any of the values, relational against one', () => {
    const rows = [5, 10, 10.5, null].map((Score__c) => ({ Score__c }));
    assert.deepEqual(check('Score__c', 'equals', '10,5', rows), [true, true, false, false]);
    assert.deepEqual(check('Score__c', 'greaterThan', '10', rows), [false, false, true, false]);
    assert.deepEqual(check('Score__c', 'lessOrEqual', '10', rows), [true, true, false, false]);
    assert.deepEqual(check('Score__c', 'lessThan', '10', rows), [true, false, false, false]);
    assert.deepEqual(check('Score__c', 'greaterOrEqual', '10', rows), [false, true, true, false]);
    assert.deepEqual(check('Score__c', 'notEqual', '10', rows), [true, false, true, true]);
    assert.match(refusal('Score__c', 'equals', 'ten'), /not a number/);
    assert.match(refusal('Score__c', 'contains', '1'), /does not apply to a number/);
  });

  it('dates: ISO, M/D/YYYY and TODAY on the org clock', () => {
    const rows = ['2025-05-13', '2025-05-14', '2025-06-01', null].map((Follow_Up__c) => ({ Follow_Up__c }));
    assert.deepEqual(check('Follow_Up__c', 'equals', 'TODAY', rows), [false, true, false, false]);
    assert.deepEqual(check('Follow_Up__c', 'lessThan', 'today', rows), [true, false, false, false]);
    assert.deepEqual(check('Follow_Up__c', 'greaterThan', '5/14/2025', rows), [false, false, true, false]);
    assert.deepEqual(check('Follow_Up__c', 'equals', '2025-06-01,YESTERDAY', rows), [true, false, true, false]);
    assert.match(refusal('Follow_Up__c', 'equals', 'next week'), /not a date/);
  });

  it('checkboxes: true or false', () => {
    const rows = [{ DoNotCall: 1 }, { DoNotCall: 0 }];
    assert.deepEqual(check('DoNotCall', 'equals', 'True', rows), [true, false]);
    assert.deepEqual(check('DoNotCall', 'notEqual', 'true', rows), [false, true]);
    assert.match(refusal('DoNotCall', 'equals', 'yes'), /not true or false/);
  });

  it('multi-select picklists: includes a;b,c means (a and b) or c; excludes the opposite', () => {
    const rows = ['Cloud;Data', 'Cloud', 'AI', null].map((Interests__c) => ({ Interests__c }));
    assert.deepEqual(check('Interests__c', 'includes', 'cloud;data,AI', rows), [true, false, true, false]);
    assert.deepEqual(check('Interests__c', 'excludes', 'Cloud', rows), [false, false, true, true]);
    assert.deepEqual(check('Interests__c', 'equals', 'Data;Cloud', rows), [true, false, false, false]);
    assert.match(refusal('Interests__c', 'contains', 'Cloud'), /use includes or excludes/);
  });

  it('refuses operations it does not know and comparisons with another field', () => {
    assert.match(refusal('State', 'within', 'NY'), /operation 'within' is not supported/);
    const compiled = compileFilterItem(org.lead.fieldsByLowerName.get('state')!, { field: 'State', operation: 'equals', valueField: 'City' });
    assert.equal(compiled.ok, false);
  });
});

describe('filter logic', () => {
  const run = (logic: string, rows: boolean[]) => evaluateBooleanFilter(parseBooleanFilter(logic, rows.length), (i) => rows[i - 1]);

  it('evaluates AND, OR, NOT and parentheses', () => {
    assert.equal(run('1 OR (2 AND NOT 3)', [false, true, false]), true);
    assert.equal(run('1 OR (2 AND NOT 3)', [false, true, true]), false);
    assert.equal(run('(1 or 2) and 3', [false, true, true]), true);
    assert.equal(run('NOT (1 AND 2)', [true, true]), false);
  });

  it('refuses what Salesforce refuses: mixed AND/OR, unknown or unused rows, bad syntax', () => {
    assert.throws(() => parseBooleanFilter('1 AND 2 OR 3', 3), /mixed without parentheses/);
    assert.throws(() => parseBooleanFilter('1 AND 4', 3), /refers to row 4/);
    assert.throws(() => parseBooleanFilter('1 AND 2', 3), /row 3 is not used/);
    assert.throws(() => parseBooleanFilter('(1 AND 2', 2), /not closed/);
    assert.throws(() => parseBooleanFilter('1 XOR 2', 2), BooleanFilterError);
  });
});
