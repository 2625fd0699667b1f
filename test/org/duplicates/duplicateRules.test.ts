import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { duplicateOrg, duplicateRuleFile, duplicateRulePath, matchingRulesFile, type DuplicateOrg, type DuplicateRuleSpec } from './duplicateFixture.ts';

/**
 * Duplicate and matching rules from purpose-made projects, through the record service: what is
 * a duplicate, which saves are refused and with what, and what is only reported.
 */

interface DuplicateResultBody {
  allowSave: boolean;
  duplicateRule: string;
  duplicateRuleEntityType: string;
  errorMessage: string;
  matchResults: Array<{
    entityType: string;
    matchEngine: string;
    rule: string;
    size: number;
    matchRecords: Array<{ matchConfidence: number; fieldDiffs: Array<{ name: string; difference: string }>; record: Record<string, unknown> & { Id: string; attributes: { type: string; url: string } } }>;
  }>;
}

const orgs: DuplicateOrg[] = [];
after(() => {
  for (const o of orgs) o.close();
  removeProjects();
});

const EMAIL_RULE = matchingRulesFile('Lead', [{ name: 'Lead_Email', items: [{ field: 'Email', method: 'Exact' }] }]);

function orgWith(files: Record<string, string>, options: { ownRecordsOnly?: boolean } = {}): DuplicateOrg {
  const o = duplicateOrg(files, options);
  orgs.push(o);
  return o;
}

function emailOrg(rule: Partial<DuplicateRuleSpec> = {}, options: { ownRecordsOnly?: boolean } = {}): DuplicateOrg {
  return orgWith({ ...EMAIL_RULE, ...duplicateRuleFile({ name: 'Lead_Dupes', matchRules: [{ object: 'Lead', rule: 'Lead_Email' }], ...rule }) }, options);
}

const resultOf = (err: { extra: Record<string, unknown> }) => err.extra.duplicateResult as DuplicateResultBody;
const matchedIds = (err: { extra: Record<string, unknown> }) => resultOf(err).matchResults.flatMap((r) => r.matchRecords.map((m) => m.record.Id));

describe('exact matching with a Block rule', () => {
  it('refuses a new record whose email matches, ignoring case and spaces, and names the existing one', () => {
    const o = emailOrg();
    assert.deepEqual(o.problems(), []);
    const existing = o.create('Lead', { Email: 'ada@engines.example' });
    const err = o.refusal(() => o.create('Lead', { Email: 'ADA@Engines.example', LastName: 'Second' }, { apiVersion: '59.0' }));
    assert.equal(err.httpStatus, 400);
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
    assert.equal(err.message, 'Use one of these records?');
    assert.deepEqual(resultOf(err), {
      allowSave: false,
      duplicateRule: 'Lead_Dupes',
      duplicateRuleEntityType: 'Lead',
      errorMessage: 'Use one of these records?',
      matchResults: [
        {
          entityType: 'Lead',
          errors: [],
          matchEngine: 'ExactMatchEngine',
          matchRecords: [{ additionalInformation: [], fieldDiffs: [], matchConfidence: 100, record: { attributes: { type: 'Lead', url: `/services/data/v59.0/sobjects/Lead/${existing}` }, Id: existing } }],
          rule: 'Lead_Email',
          size: 1,
          success: true,
        },
      ],
    });
    assert.equal(o.store.select(`SELECT "Id" FROM "Lead" WHERE "LastName" = 'Second'`, []).length, 0);
    const [entry] = o.log.query({ kind: 'duplicateRule' }).filter((e) => e.outcome === 'blocked');
    assert.deepEqual([entry.name, entry.recordId, entry.affectedIds], ['Lead_Dupes', null, []]);
    assert.match(entry.detail, new RegExp(`Blocked the insert; duplicates of Lead ${existing} \\(Lead_Email, 100%\\)`));
  });

  it('uses the rule\'s alert text as the message', () => {
    const o = emailOrg({ alertText: 'This lead exists already.' });
    o.create('Lead', { Email: 'a@x.example' });
    const err = o.refusal(() => o.create('Lead', { Email: 'a@x.example' }));
    assert.equal(err.message, 'This lead exists already.');
    assert.equal(resultOf(err).errorMessage, 'This lead exists already.');
  });

  it('never matches blank values (NullNotAllowed), the record itself, deleted or converted leads', () => {
    const o = emailOrg();
    o.create('Lead', {});
    o.create('Lead', {});
    const self = o.create('Lead', { Email: 'self@x.example' });
    o.update('Lead', self, { Title: 'CTO' });
    const gone = o.create('Lead', { Email: 'gone@x.example' });
    o.records.delete(o.user(), o.def.schema.object('Lead')!, gone);
    o.create('Lead', { Email: 'gone@x.example' });
    const converted = o.create('Lead', { Email: 'converted@x.example' });
    o.store.update(o.def.schema.object('Lead')!, converted, { IsConverted: 1 });
    o.create('Lead', { Email: 'converted@x.example' });
  });

  it('checks updates by actionOnUpdate: Block refuses, Allow saves and reports', () => {
    const blocking = emailOrg({ onUpdate: 'Block' });
    const first = blocking.create('Lead', { Email: 'one@x.example' });
    const second = blocking.create('Lead', { Email: 'two@x.example' });
    const err = blocking.refusal(() => blocking.update('Lead', second, { Email: 'one@x.example' }));
    assert.deepEqual(matchedIds(err), [first]);
    assert.equal(blocking.row('Lead', second)!.Email, 'two@x.example');

    const reporting = emailOrg({ onUpdate: 'Allow', operationsOnUpdate: ['Report'] });
    const a = reporting.create('Lead', { Email: 'one@x.example' });
    const b = reporting.create('Lead', { Email: 'two@x.example' });
    reporting.update('Lead', b, { Email: 'one@x.example' });
    assert.equal(reporting.row('Lead', b)!.Email, 'one@x.example');
    const [entry] = reporting.log.query({ recordId: b }).filter((e) => e.outcome === 'allowed');
    assert.equal(entry.detail, `Saved as a duplicate (allowed and reported) of Lead ${a} (Lead_Email, 100%).`);
    assert.deepEqual(entry.affectedIds, [], 'matched records are named, not listed as written');
  });

  it('lets the lead conversion update through (duplicate rules do not run on conversion)', () => {
    const o = emailOrg({ onInsert: 'Allow', operationsOnInsert: [], onUpdate: 'Block' });
    o.create('Lead', { Email: 'twin@x.example' });
    const twin = o.create('Lead', { Email: 'twin@x.example' });
    assert.equal(o.refusal(() => o.update('Lead', twin, { Title: 'CEO' })).errorCode, 'DUPLICATES_DETECTED');
    o.records.systemUpdate(o.user(), o.def.schema.object('Lead')!, twin, { IsConverted: 1, Status: 'Closed - Converted' });
    assert.equal(o.row('Lead', twin)!.IsConverted, 1);
  });
});

describe('Allow rules through the API', () => {
  it('Allow with Alert refuses unless the DuplicateRuleHeader allows the save', () => {
    const o = emailOrg({ onInsert: 'Allow', operationsOnInsert: ['Alert', 'Report'] });
    const existing = o.create('Lead', { Email: 'dup@x.example' });
    const err = o.refusal(() => o.create('Lead', { Email: 'dup@x.example' }));
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
    assert.equal(resultOf(err).allowSave, true);
    const header = { allowSave: true, includeRecordDetails: false, runAsCurrentUser: false };
    const saved = o.create('Lead', { Email: 'dup@x.example' }, { duplicateRuleHeader: header });
    const [entry] = o.log.query({ recordId: saved });
    assert.equal(entry.outcome, 'allowed');
    assert.match(entry.detail, new RegExp(`allowed by DuplicateRuleHeader allowSave=true\\) of Lead ${existing}`));
  });

  it('Allow without Alert saves and logs the duplicate', () => {
    const o = emailOrg({ onInsert: 'Allow', operationsOnInsert: [] });
    const existing = o.create('Lead', { Email: 'dup@x.example' });
    const saved = o.create('Lead', { Email: 'dup@x.example' });
    const [entry] = o.log.query({ recordId: saved });
    assert.deepEqual([entry.outcome, entry.detail], ['allowed', `Saved as a duplicate (allowed) of Lead ${existing} (Lead_Email, 100%).`]);
  });

  it('Block ignores allowSave', () => {
    const o = emailOrg();
    o.create('Lead', { Email: 'dup@x.example' });
    const err = o.refusal(() => o.create('Lead', { Email: 'dup@x.example' }, { duplicateRuleHeader: { allowSave: true, includeRecordDetails: false, runAsCurrentUser: false } }));
    assert.equal(resultOf(err).allowSave, false);
  });

  it('returns the matched records\' fields and field differences with includeRecordDetails', () => {
    const o = emailOrg();
    const existing = o.create('Lead', { Email: 'dup@x.example', LastName: 'Lovelace', Company: 'Engines' });
    const err = o.refusal(() => o.create('Lead', { Email: 'dup@x.example' }, { duplicateRuleHeader: { allowSave: false, includeRecordDetails: true, runAsCurrentUser: false } }));
    const [match] = resultOf(err).matchResults[0].matchRecords;
    assert.equal(match.record.Id, existing);
    assert.deepEqual([match.record.LastName, match.record.Company, match.record.Email], ['Lovelace', 'Engines', 'dup@x.example']);
    assert.deepEqual(match.fieldDiffs, [{ name: 'Email', difference: 'SAME' }]);
  });
});

describe('conditions, sharing and the order of rules', () => {
  it('runs a rule only on records that meet its conditions (the saved record, the running user)', () => {
    const o = emailOrg({
      conditions: [
        ['Lead', 'LeadSource', 'equals', 'Web'],
        ['User', 'Department', 'equals', 'Sales'],
      ],
      conditionLogic: '1 OR 2',
    });
    assert.deepEqual(o.problems(), []);
    o.create('Lead', { Email: 'dup@x.example', LeadSource: 'Other' });
    const other = o.create('Lead', { Email: 'dup@x.example', LeadSource: 'Other' });
    const [skipped] = o.log.query({ recordId: other });
    assert.equal(skipped.outcome, 'skipped');
    assert.match(skipped.detail, /^Conditions not met \(1\. LeadSource equals "Web"; 2\. User\.Department equals "Sales" \[1 OR 2\]\)\.$/);
    assert.equal(o.refusal(() => o.create('Lead', { Email: 'dup@x.example', LeadSource: 'Web' })).errorCode, 'DUPLICATES_DETECTED');
    assert.equal(o.refusal(() => o.create('Lead', { Email: 'dup@x.example' }, {}, 'rep@test.local')).errorCode, 'DUPLICATES_DETECTED');
  });

  it('EnforceSharingRules matches only records the user can see; BypassSharingRules all of them', () => {
    const enforced = emailOrg({ security: 'EnforceSharingRules' }, { ownRecordsOnly: true });
    enforced.create('Lead', { Email: 'hidden@x.example' });
    enforced.create('Lead', { Email: 'hidden@x.example' }, {}, 'rep@test.local');
    const own = enforced.refusal(() => enforced.create('Lead', { Email: 'hidden@x.example' }, {}, 'rep@test.local'));
    assert.equal(matchedIds(own).length, 1, "the rep's own lead, not the admin's");

    const bypassed = emailOrg({ security: 'BypassSharingRules' }, { ownRecordsOnly: true });
    const adminLead = bypassed.create('Lead', { Email: 'hidden@x.example' });
    assert.deepEqual(matchedIds(bypassed.refusal(() => bypassed.create('Lead', { Email: 'hidden@x.example' }, {}, 'rep@test.local'))), [adminLead]);
    const header = { allowSave: false, includeRecordDetails: false, runAsCurrentUser: true };
    bypassed.create('Lead', { Email: 'hidden@x.example' }, { duplicateRuleHeader: header }, 'rep@test.local');
  });

  it('evaluates rules in sortOrder: an allowing rule is logged before a blocking one refuses', () => {
    const o = orgWith({
      ...EMAIL_RULE,
      ...duplicateRuleFile({ name: 'Second', sortOrder: 2, matchRules: [{ object: 'Lead', rule: 'Lead_Email' }] }),
      ...duplicateRuleFile({ name: 'First', sortOrder: 1, onInsert: 'Allow', operationsOnInsert: ['Report'], matchRules: [{ object: 'Lead', rule: 'Lead_Email' }] }),
    });
    o.create('Lead', { Email: 'dup@x.example' });
    const err = o.refusal(() => o.create('Lead', { Email: 'dup@x.example' }));
    assert.equal(resultOf(err).duplicateRule, 'Second');
    assert.deepEqual(o.log.query({ kind: 'duplicateRule' }).slice(-2).map((e) => [e.name, e.outcome]), [['First', 'allowed'], ['Second', 'blocked']]);
  });
});

describe('fuzzy matching rules', () => {
  it('matches people by fuzzy first name, last name and company', () => {
    const o = orgWith({
      ...matchingRulesFile('Lead', [
        {
          name: 'Person_At_Company',
          items: [
            { field: 'FirstName', method: 'FirstName' },
            { field: 'LastName', method: 'LastName' },
            { field: 'Company', method: 'CompanyName' },
          ],
        },
      ]),
      ...duplicateRuleFile({ name: 'People', matchRules: [{ object: 'Lead', rule: 'Person_At_Company' }] }),
    });
    const robert = o.create('Lead', { FirstName: 'Robert', LastName: 'Smith', Company: 'Acme Inc.' });
    const err = o.refusal(() => o.create('Lead', { FirstName: 'Bob', LastName: 'Smyth', Company: 'ACME Corporation' }));
    const [result] = resultOf(err).matchResults;
    assert.equal(result.matchEngine, 'FuzzyMatchEngine');
    assert.deepEqual(result.matchRecords.map((m) => m.record.Id), [robert]);
    const rob = o.refusal(() => o.create('Lead', { FirstName: 'Rob', LastName: 'Smith', Company: 'Acme' }));
    assert.equal(matchedIds(rob)[0], robert);
    o.create('Lead', { FirstName: 'Robert', LastName: 'Jones', Company: 'Acme Inc.' });
    o.create('Lead', { FirstName: 'Robert', LastName: 'Smith', Company: 'Globex' });
  });

  it('combines items with the matching rule\'s filter logic', () => {
    const o = orgWith({
      ...matchingRulesFile('Lead', [{ name: 'Phone_Or_Email', items: [{ field: 'Phone', method: 'Phone' }, { field: 'Email', method: 'Exact' }], logic: '1 OR 2' }]),
      ...duplicateRuleFile({ name: 'Contactable', matchRules: [{ object: 'Lead', rule: 'Phone_Or_Email' }] }),
    });
    const called = o.create('Lead', { Phone: '(415) 555-1234', Email: 'a@x.example' });
    assert.deepEqual(matchedIds(o.refusal(() => o.create('Lead', { Phone: '+1 415 555 1234', Email: 'b@x.example' }))), [called]);
    assert.deepEqual(matchedIds(o.refusal(() => o.create('Lead', { Email: 'a@x.example' }))), [called]);
    o.create('Lead', { Phone: '212-555-0000', Email: 'c@x.example' });
  });

  it('MatchBlanks: a blank Title matches a blank Title; NullNotAllowed never', () => {
    const files = (blanks: 'MatchBlanks' | 'NullNotAllowed') => ({
      ...matchingRulesFile('Lead', [{ name: 'Email_And_Title', items: [{ field: 'Email', method: 'Exact' }, { field: 'Title', method: 'Exact', blanks }] }]),
      ...duplicateRuleFile({ name: 'Titled', matchRules: [{ object: 'Lead', rule: 'Email_And_Title' }] }),
    });
    const matching = orgWith(files('MatchBlanks'));
    matching.create('Lead', { Email: 'a@x.example' });
    assert.equal(matching.refusal(() => matching.create('Lead', { Email: 'a@x.example' })).errorCode, 'DUPLICATES_DETECTED');
    matching.create('Lead', { Email: 'a@x.example', Title: 'CEO' });
    const strict = orgWith(files('NullNotAllowed'));
    strict.create('Lead', { Email: 'a@x.example' });
    strict.create('Lead', { Email: 'a@x.example' });
  });
});

describe('cross-object rules', () => {
  it('matches a lead against contacts, by default mapping and by <objectMapping>', () => {
    const o = orgWith({
      ...matchingRulesFile('Contact', [
        { name: 'Contact_Email', items: [{ field: 'Email', method: 'Exact' }] },
        { name: 'Contact_Department', items: [{ field: 'Department', method: 'Exact' }] },
        { name: 'Contact_Account', items: [{ field: 'Account.Name', method: 'CompanyName' }, { field: 'LastName', method: 'LastName' }] },
      ]),
      ...duplicateRuleFile({ name: 'Lead_Vs_Contact_Email', sortOrder: 1, matchRules: [{ object: 'Contact', rule: 'Contact_Email' }] }),
      ...duplicateRuleFile({ name: 'Lead_Vs_Contact_Dept', sortOrder: 2, matchRules: [{ object: 'Contact', rule: 'Contact_Department', mapping: [['Title', 'Department']] }] }),
      ...duplicateRuleFile({ name: 'Lead_Vs_Contact_Account', sortOrder: 3, matchRules: [{ object: 'Contact', rule: 'Contact_Account' }] }),
    });
    assert.deepEqual(o.problems(), []);
    const account = o.create('Account', { Name: 'Engines Ltd' });
    const contact = o.create('Contact', { LastName: 'Lovelace', Email: 'ada@engines.example', Department: 'Research', AccountId: account });
    const byEmail = o.refusal(() => o.create('Lead', { Email: 'ada@engines.example' }));
    assert.equal(resultOf(byEmail).duplicateRuleEntityType, 'Lead');
    assert.deepEqual(resultOf(byEmail).matchResults.map((r) => [r.entityType, r.matchRecords[0].record.attributes.type, r.matchRecords[0].record.Id]), [['Contact', 'Contact', contact]]);
    assert.deepEqual(matchedIds(o.refusal(() => o.create('Lead', { Title: 'research' }))), [contact]);
    assert.deepEqual(matchedIds(o.refusal(() => o.create('Lead', { LastName: 'Lovelace', Company: 'Engines Limited' }))), [contact]);
    o.create('Lead', { LastName: 'Lovelace', Company: 'Other Co' });
  });
});

describe('what cannot be applied is reported at load', () => {
  it('reports each unusable duplicate or matching rule and leaves it out', () => {
    const o = orgWith({
      ...matchingRulesFile('Lead', [
        { name: 'Good', items: [{ field: 'Email', method: 'Exact' }] },
        { name: 'Sleeping', items: [{ field: 'Email', method: 'Exact' }], status: 'Inactive' },
        { name: 'Bad_Field', items: [{ field: 'No_Such__c', method: 'Exact' }] },
        { name: 'Bad_Method', items: [{ field: 'Email', method: 'Soundex' }] },
        { name: 'Bad_Logic', items: [{ field: 'Email', method: 'Exact' }, { field: 'Phone', method: 'Phone' }], logic: '1 AND 2 OR 3' },
      ]),
      ...matchingRulesFile('Contact', [{ name: 'Contact_Dept', items: [{ field: 'Department', method: 'Exact' }] }]),
      ...duplicateRuleFile({ name: 'Missing_Rule', matchRules: [{ object: 'Lead', rule: 'Nope' }] }),
      ...duplicateRuleFile({ name: 'Inactive_Rule', matchRules: [{ object: 'Lead', rule: 'Sleeping' }] }),
      ...duplicateRuleFile({ name: 'Broken_Rule', matchRules: [{ object: 'Lead', rule: 'Bad_Field' }] }),
      ...duplicateRuleFile({ name: 'Odd_Condition', conditions: [['Account', 'Name', 'equals', 'x']], matchRules: [{ object: 'Lead', rule: 'Good' }] }),
      ...duplicateRuleFile({ name: 'No_Counterpart', matchRules: [{ object: 'Contact', rule: 'Contact_Dept' }] }),
      ...duplicateRuleFile({ name: 'Bad_Action', onInsert: 'Maybe' as 'Allow', matchRules: [{ object: 'Lead', rule: 'Good' }] }),
      ...duplicateRuleFile({ name: 'Switched_Off', active: false, matchRules: [{ object: 'Lead', rule: 'Nope' }] }),
    });
    const messages = o.problems().map((p) => `${p.element}: ${p.message}`).sort();
    assert.deepEqual(messages, [
      'duplicateRules: Duplicate rule Lead.Bad_Action: actionOnInsert is \'Maybe\', not Allow or Block.',
      'duplicateRules: Duplicate rule Lead.Broken_Rule: the matching rule Lead.Bad_Field cannot be evaluated (see its own problem).',
      'duplicateRules: Duplicate rule Lead.Inactive_Rule: the matching rule Lead.Sleeping is not active (ruleStatus).',
      'duplicateRules: Duplicate rule Lead.Missing_Rule: the matching rule Lead.Nope is not in matchingRules/Lead.matchingRule-meta.xml.',
      'duplicateRules: Duplicate rule Lead.No_Counterpart: Contact.Department of the matching rule Contact_Dept has no counterpart on Lead (the field Lead.Department does not exist); map it in <objectMapping>.',
      'duplicateRules: Duplicate rule Lead.Odd_Condition: a condition is on Account; only conditions on Lead or the current User are supported.',
      "matchingRules: Matching rule Lead.Bad_Field: the field Lead.No_Such__c does not exist.",
      "matchingRules: Matching rule Lead.Bad_Logic: the filter logic '1 AND 2 OR 3' is invalid: AND and OR are mixed without parentheses.",
      "matchingRules: Matching rule Lead.Bad_Method: the matching method 'Soundex' is not one of Exact, FirstName, LastName, CompanyName, Phone, City, Street, Zip, Title.",
    ]);
    assert.ok(o.problems(duplicateRulePath('Lead', 'Bad_Action')).length === 1);
    assert.equal(o.def.automation.duplicateRules?.byObject.get('lead'), undefined, 'no rule is applied');
    o.create('Lead', { Email: 'a@x.example' });
    o.create('Lead', { Email: 'a@x.example' });
  });
});
