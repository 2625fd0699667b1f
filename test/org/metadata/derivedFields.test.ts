import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  computeDerivedFields, convertedLeadStatuses, formatAutoNumber, isConvertedLeadStatus, stageFacts,
} from '../../../src/org/schema/derivedFields.ts';
import { standardObjectDefs } from '../../../src/org/schema/standardObjects.ts';
import { OrgSchema } from '../../../src/org/schema/types.ts';
import type { StoredRow } from '../../../src/org/persistence/OrgStore.ts';
import { defineObject } from '../../../src/org/schema/defineObject.ts';

const schema = new OrgSchema(standardObjectDefs());

describe('computeDerivedFields', () => {
  it('names leads, contacts and users "First Last", or by the last name alone', () => {
    for (const object of ['Lead', 'Contact', 'User']) {
      assert.equal(computeDerivedFields(object, { FirstName: 'Ada', LastName: 'Lovelace' }, { schema }).Name, 'Ada Lovelace');
      assert.equal(computeDerivedFields(object, { FirstName: null, LastName: 'Lovelace' }, { schema }).Name, 'Lovelace');
      assert.equal(computeDerivedFields(object, { FirstName: '  ', LastName: 'Lovelace', Salutation: 'Dr.' }, { schema }).Name, 'Lovelace');
    }
  });

  it('accepts the ObjectDef and an OrgStore-like context, as the service layer passes them', () => {
    const lead = schema.object('lead')!;
    const row: StoredRow = { FirstName: 'Grace', LastName: 'Hopper' };
    computeDerivedFields(lead, row, { schema });
    assert.equal(row.Name, 'Grace Hopper');
  });

  it('derives Opportunity facts from the stage picklist entry', () => {
    const won = computeDerivedFields('Opportunity', { StageName: 'Closed Won', Amount: 1000, Probability: null, ForecastCategoryName: null }, { schema });
    assert.deepEqual([won.IsClosed, won.IsWon, won.Probability, won.ForecastCategoryName, won.ExpectedRevenue], [1, 1, 100, 'Closed', 1000]);
    const lost = computeDerivedFields('Opportunity', { StageName: 'Closed Lost', Amount: 1000, Probability: null }, { schema });
    assert.deepEqual([lost.IsClosed, lost.IsWon, lost.Probability, lost.ForecastCategoryName, lost.ExpectedRevenue], [1, 0, 0, 'Omitted', 0]);
    const open = computeDerivedFields('Opportunity', { StageName: 'Value Proposition', Amount: 333.33, Probability: null }, { schema });
    assert.deepEqual([open.IsClosed, open.IsWon, open.Probability, open.ExpectedRevenue], [0, 0, 50, 166.67]);
  });

  it('uses the project’s stage facts, not the stage names', () => {
    const defs = standardObjectDefs();
    const stage = defs.find((o) => o.name === 'Opportunity')!.fieldsByLowerName.get('stagename')!;
    stage.picklistValues = [{ value: 'Signed', label: 'Signed', active: true, defaultValue: false, attributes: { closed: true, won: true, probability: 100, forecastCategory: 'Closed' } }];
    const custom = new OrgSchema(defs);
    const row = computeDerivedFields('Opportunity', { StageName: 'Signed' }, { schema: custom });
    assert.deepEqual([row.IsClosed, row.IsWon], [1, 1]);
    assert.deepEqual(computeDerivedFields('Opportunity', { StageName: 'Closed Won' }, { schema: custom }).IsWon, 0, 'an unknown stage is open');
  });

  it('lets a caller’s Probability stand, and follows a stage change otherwise', () => {
    const previous: StoredRow = { StageName: 'Prospecting', Probability: 10, ForecastCategoryName: 'Pipeline' };
    const explicit = computeDerivedFields('Opportunity', { ...previous, StageName: 'Closed Won', Probability: 95 }, { schema, previous, setByCaller: new Set(['StageName', 'probability']) });
    assert.deepEqual([explicit.Probability, explicit.ForecastCategoryName], [95, 'Closed']);
    const followed = computeDerivedFields('Opportunity', { ...previous, StageName: 'Needs Analysis' }, { schema, previous, setByCaller: new Set(['StageName']) });
    assert.equal(followed.Probability, 20);
    const customProbability: StoredRow = { StageName: 'Prospecting', Probability: 33 };
    const unchangedStage = computeDerivedFields('Opportunity', { ...customProbability, Amount: 10 }, { schema, previous: customProbability, setByCaller: new Set(['Amount']) });
    assert.equal(unchangedStage.Probability, 33, 'a save that keeps the stage keeps the probability');
    const storeOnly = computeDerivedFields('Opportunity', { StageName: 'Needs Analysis', Probability: 33 }, { schema });
    assert.equal(storeOnly.Probability, 33, 'without knowing the prior stage, a set probability is kept');
  });

  it('closes tasks whose status is closed, and flags high priority', () => {
    assert.deepEqual(
      (({ IsClosed, IsHighPriority }) => [IsClosed, IsHighPriority])(computeDerivedFields('Task', { Status: 'Completed', Priority: 'High' }, { schema })),
      [1, 1],
    );
    assert.deepEqual(
      (({ IsClosed, IsHighPriority }) => [IsClosed, IsHighPriority])(computeDerivedFields('Task', { Status: 'In Progress', Priority: 'Normal' }, { schema })),
      [0, 0],
    );
  });

  it('names a custom record after its id when Name is blank', () => {
    const invoice = defineObject({ name: 'Invoice__c', keyPrefix: 'a00', owned: true }, [{ name: 'Name', type: 'string', length: 80 }]);
    const custom = new OrgSchema([...standardObjectDefs(), invoice]);
    assert.equal(computeDerivedFields('Invoice__c', { Id: 'a005g0000000001AAA', Name: null }, { schema: custom }).Name, 'a005g0000000001AAA');
    assert.equal(computeDerivedFields('Invoice__c', { Id: 'a005g0000000001AAA', Name: 'INV' }, { schema: custom }).Name, 'INV');
  });

  it('leaves other objects alone', () => {
    const row = { Name: 'Acme', Industry: 'Energy' };
    assert.deepEqual(computeDerivedFields('Account', { ...row }, { schema }), row);
  });
});

describe('picklist facts', () => {
  it('tell converted lead statuses and stage facts', () => {
    assert.deepEqual(convertedLeadStatuses(schema), ['Closed - Converted']);
    assert.equal(isConvertedLeadStatus(schema, 'closed - converted'), true);
    assert.equal(isConvertedLeadStatus(schema, 'Working - Contacted'), false);
    assert.deepEqual(stageFacts(schema, 'Proposal/Price Quote'), { closed: false, won: false, probability: 75, forecastCategory: 'Pipeline' });
    assert.equal(stageFacts(schema, 'No Such Stage'), undefined);
  });

  it('format auto numbers', () => {
    const when = new Date(Date.UTC(2024, 2, 5));
    assert.equal(formatAutoNumber('INV-{0000}', 42, when), 'INV-0042');
    assert.equal(formatAutoNumber('{YYYY}{MM}{DD}-{0}', 7, when), '20240305-7');
  });
});
