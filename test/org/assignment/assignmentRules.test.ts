import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { AutomationEngine } from '../../../src/org/automation/AutomationPipeline.ts';
import type { MetadataProblem } from '../../../src/org/metadata/types.ts';
import type { SaveEvent } from '../../../src/org/service/SaveHooks.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { assignmentOrg, assignmentRulesFile, entryXml, ruleXml, type AssignmentOrg } from './assignmentFixture.ts';

/**
 * Lead assignment rules from purpose-made projects: which rule and entry apply, what a broken
 * entry does, and how the owner change joins the save.
 */

const RULES_FILE = 'force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml';
const orgs: AssignmentOrg[] = [];
after(() => {
  for (const o of orgs) o.close();
  removeProjects();
});

function orgWith(rules: string[], engines: AutomationEngine[] = []): AssignmentOrg {
  const o = assignmentOrg(assignmentRulesFile(...rules), engines);
  orgs.push(o);
  return o;
}

const problemsOf = (o: AssignmentOrg): MetadataProblem[] => o.def.problems.filter((p) => p.file === RULES_FILE);

describe('which rule and entry assign the lead', () => {
  it('applies only the active rule, entries in order, the first match winning', () => {
    const o = orgWith([
      ruleXml('Old_Rule', false, [entryXml('west@test.local', 'User')]),
      ruleXml('Current', true, [
        entryXml('east@test.local', 'User', [['Lead.State', 'equals', 'NY,MA']]),
        entryXml('west@test.local', 'User', [['Lead.State', 'equals', 'NY,CA']]),
      ]),
    ]);
    assert.deepEqual(problemsOf(o), []);
    assert.equal(o.row(o.create({ State: 'NY' })).OwnerId, o.idOf('east@test.local'), 'both entries match NY: the first wins');
    assert.equal(o.row(o.create({ State: 'CA' })).OwnerId, o.idOf('west@test.local'));
    assert.equal(o.row(o.create({ State: 'TX' })).OwnerId, o.idOf('admin@test.local'), 'no entry matches: the inactive rule does not apply either');
  });

  it('assigns to a queue, and an entry without criteria takes every record that gets to it', () => {
    const o = orgWith([
      ruleXml('R', true, [entryXml('east@test.local', 'User', [['Lead.LeadSource', 'equals', 'Web']]), entryXml('Lead_Queue', 'Queue')]),
    ]);
    assert.equal(o.row(o.create({ LeadSource: 'Web' })).OwnerId, o.idOf('east@test.local'));
    assert.equal(o.row(o.create({ LeadSource: 'Other' })).OwnerId, o.queueId('Lead_Queue'));
    assert.equal(o.row(o.create({})).OwnerId, o.queueId('Lead_Queue'));
  });

  it('tells users from queues by assignedToType, or by the shape of the name when it is missing', () => {
    const o = orgWith([ruleXml('R', true, [entryXml('east@test.local', null, [['Lead.State', 'equals', 'NY']]), entryXml('Lead_Queue', null)])]);
    assert.deepEqual(problemsOf(o), []);
    assert.equal(o.row(o.create({ State: 'NY' })).OwnerId, o.idOf('east@test.local'));
    assert.equal(o.row(o.create({ State: 'TX' })).OwnerId, o.queueId('Lead_Queue'));
  });

  it('combines an entry\'s criteria with its filter logic', () => {
    const o = orgWith([
      ruleXml('R', true, [
        entryXml(
          'east@test.local',
          'User',
          [
            ['Lead.LeadSource', 'equals', 'Web'],
            ['Lead.State', 'equals', 'NY'],
            ['Lead.Rating', 'equals', 'Cold'],
          ],
          '<booleanFilter>1 OR (2 AND NOT 3)</booleanFilter>',
        ),
      ]),
    ]);
    const owner = (fields: Record<string, unknown>) => o.row(o.create(fields)).OwnerId;
    assert.equal(owner({ LeadSource: 'Web', State: 'TX' }), o.idOf('east@test.local'));
    assert.equal(owner({ LeadSource: 'Other', State: 'NY' }), o.idOf('east@test.local'));
    assert.equal(owner({ LeadSource: 'Other', State: 'NY', Rating: 'Cold' }), o.idOf('admin@test.local'));
  });

  it('evaluates criteria on numbers, multi-select picklists and checkboxes with their types', () => {
    const o = orgWith([
      ruleXml('R', true, [
        entryXml('east@test.local', 'User', [['Lead.AnnualRevenue', 'greaterOrEqual', '1000000']]),
        entryXml('west@test.local', 'User', [['Lead.Interests__c', 'includes', 'AI;Data']]),
        entryXml('Lead_Queue', 'Queue', [['Lead.DoNotCall', 'equals', 'true']]),
      ]),
    ]);
    assert.deepEqual(problemsOf(o), []);
    assert.equal(o.row(o.create({ AnnualRevenue: 1000000 })).OwnerId, o.idOf('east@test.local'));
    assert.equal(o.row(o.create({ AnnualRevenue: 999999, Interests__c: 'Data;AI;Cloud' })).OwnerId, o.idOf('west@test.local'));
    assert.equal(o.row(o.create({ Interests__c: 'AI' })).OwnerId, o.idOf('admin@test.local'));
    assert.equal(o.row(o.create({ DoNotCall: true })).OwnerId, o.queueId('Lead_Queue'));
  });

  it('evaluates formula entries, with the record and the running user', () => {
    const o = orgWith([
      ruleXml('R', true, [
        entryXml('east@test.local', 'User', [], `<formula>AND(ISPICKVAL(LeadSource, 'Web'), AnnualRevenue &gt; 500000)</formula>`),
        entryXml('west@test.local', 'User', [], `<formula>$User.Username = 'east@test.local'</formula>`),
      ]),
    ]);
    assert.deepEqual(problemsOf(o), []);
    assert.equal(o.row(o.create({ LeadSource: 'Web', AnnualRevenue: 600000 })).OwnerId, o.idOf('east@test.local'));
    assert.equal(o.row(o.create({ LeadSource: 'Web', AnnualRevenue: 100 })).OwnerId, o.idOf('admin@test.local'));
    assert.equal(o.row(o.create({ LeadSource: 'Other' }, {}, 'east@test.local')).OwnerId, o.idOf('west@test.local'), 'created by east, given to west');
    assert.match(o.log.query({ kind: 'assignmentRule' })[0].detail, /Entry 1 \(formula AND\(ISPICKVAL/);
  });
});

describe('when the rule runs', () => {
  const rules = [ruleXml('R', true, [entryXml('east@test.local', 'User', [['Lead.State', 'equals', 'NY']]), entryXml('west@test.local', 'User', [['Lead.State', 'equals', 'CA']])])];

  it('not when the save asks for no assignment rules (Sforce-Auto-Assign: FALSE)', () => {
    const o = orgWith(rules);
    const id = o.create({ State: 'NY' }, { useAssignmentRules: false });
    assert.equal(o.row(id).OwnerId, o.idOf('admin@test.local'));
    assert.deepEqual(o.log.query({ kind: 'assignmentRule' }), []);
  });

  it('on update when the save asks for it, and not otherwise', () => {
    const o = orgWith(rules);
    const id = o.create({ State: 'NY' });
    o.update(id, { State: 'CA' }, { useAssignmentRules: false });
    assert.equal(o.row(id).OwnerId, o.idOf('east@test.local'));
    o.update(id, { Title: 'CEO' });
    assert.equal(o.row(id).OwnerId, o.idOf('west@test.local'));
  });

  it('changes the owner within the same save: later engines see it, and run once', () => {
    const seen: Array<{ kind: string; owner: unknown; stored: unknown }> = [];
    let o: AssignmentOrg;
    const spy: AutomationEngine = {
      name: 'after-save spy',
      afterSave(event: SaveEvent) {
        seen.push({ kind: event.kind, owner: event.row.OwnerId, stored: o.store.getById(event.object, String(event.row.Id))!.OwnerId });
      },
    };
    o = orgWith(rules, [spy]);
    o.create({ State: 'NY' });
    assert.deepEqual(seen, [{ kind: 'insert', owner: o.idOf('east@test.local'), stored: o.idOf('east@test.local') }]);
  });

  it('keeps the owner and logs a failure when the assignee is no longer active', () => {
    const o = orgWith(rules);
    o.store.update(o.def.schema.object('User')!, o.idOf('east@test.local'), { IsActive: 0 });
    const id = o.create({ State: 'NY' });
    assert.equal(o.row(id).OwnerId, o.idOf('admin@test.local'));
    const [entry] = o.log.query({ recordId: id });
    assert.equal(entry.outcome, 'failed');
    assert.match(entry.detail, /east@test\.local is not an active owner/);
  });

  it('logs which entry fired and the new owner, or that none matched', () => {
    const o = orgWith(rules);
    const ca = o.create({ State: 'CA' });
    const tx = o.create({ State: 'TX' });
    const [fired] = o.log.query({ recordId: ca });
    assert.deepEqual([fired.kind, fired.name, fired.outcome, fired.affectedIds], ['assignmentRule', 'R', 'fired', [ca]]);
    assert.equal(fired.detail, `Entry 2 (1. State equals "CA") assigned the record to the user west@test.local (${o.idOf('west@test.local')}).`);
    const [skipped] = o.log.query({ recordId: tx });
    assert.equal(skipped.outcome, 'skipped');
    assert.match(skipped.detail, /^No entry matched; the owner stays /);
  });
});

describe('what cannot be applied is reported at load', () => {
  it('two active rules: a problem, and neither applies', () => {
    const o = orgWith([ruleXml('A', true, [entryXml('east@test.local', 'User')]), ruleXml('B', true, [entryXml('west@test.local', 'User')])]);
    const [problem] = problemsOf(o);
    assert.match(problem.message, /2 assignment rules for Lead are active \(A, B\)/);
    assert.equal(problem.line, 6);
    assert.equal(o.row(o.create({})).OwnerId, o.idOf('admin@test.local'));
  });

  it('an unknown, inactive or unsuitable assignee: the entry is skipped, the others still run', () => {
    const o = orgWith([
      ruleXml('R', true, [
        entryXml('nobody@test.local', 'User'),
        entryXml('gone@test.local', 'User'),
        entryXml('No_Such_Queue', 'Queue'),
        entryXml('Contact_Queue', 'Queue'),
        entryXml('west@test.local', 'User'),
      ]),
    ]);
    const messages = problemsOf(o).map((p) => [p.line, p.message]);
    assert.deepEqual(messages, [
      [4, "Entry 1 of the assignment rule R: it assigns to the user 'nobody@test.local', who is not in golive/users.json."],
      [5, "Entry 2 of the assignment rule R: it assigns to the inactive user 'gone@test.local'."],
      [6, "Entry 3 of the assignment rule R: it assigns to the queue 'No_Such_Queue', which is not in queues/ (name it by its DeveloperName)."],
      [7, "Entry 4 of the assignment rule R: it assigns to the queue 'Contact_Queue', which does not take Lead records (<queueSobject>)."],
    ]);
    assert.equal(o.row(o.create({})).OwnerId, o.idOf('west@test.local'));
  });

  it('criteria the local org cannot evaluate: each entry reported and skipped', () => {
    const o = orgWith([
      ruleXml('R', true, [
        entryXml('east@test.local', 'User', [['Lead.No_Such__c', 'equals', 'x']]),
        entryXml('east@test.local', 'User', [['Account.Name', 'equals', 'x']]),
        entryXml('east@test.local', 'User', [['Lead.State', 'within', 'x']]),
        entryXml('east@test.local', 'User', [['Lead.AnnualRevenue', 'greaterThan', 'lots']]),
        entryXml('east@test.local', 'User', [['Lead.State', 'equals', 'NY'], ['Lead.City', 'equals', 'X']], '<booleanFilter>1 AND 3</booleanFilter>'),
        entryXml('east@test.local', 'User', [], '<formula>No_Such_Field__c = 1</formula>'),
        entryXml('east@test.local', 'User', [['Lead.State', 'equals', 'NY']], '<formula>true</formula>'),
        entryXml('Lead_Queue', 'Queue'),
      ]),
    ]);
    const messages = problemsOf(o).map((p) => p.message);
    assert.equal(messages.length, 7);
    assert.match(messages[0], /^Entry 1 .*'Lead\.No_Such__c' does not exist on Lead/);
    assert.match(messages[1], /^Entry 2 .*'Account\.Name' is not a field of Lead/);
    assert.match(messages[2], /^Entry 3 .*operation 'within' is not supported/);
    assert.match(messages[3], /^Entry 4 .*'lots' is not a number/);
    assert.match(messages[4], /^Entry 5 .*filter logic '1 AND 3' is invalid: it refers to row 3/);
    assert.match(messages[5], /^Entry 6 .*formula cannot be evaluated locally: .*No_Such_Field__c/);
    assert.match(messages[6], /^Entry 7 .*both criteria items and a formula/);
    assert.ok(problemsOf(o).every((p) => p.hint.startsWith('The entry is skipped')));
    assert.equal(o.row(o.create({ State: 'NY' })).OwnerId, o.queueId('Lead_Queue'));
  });

  it('assignment rules of an object the local org has no rules for', () => {
    const o = assignmentOrg({ 'force-app/main/default/assignmentRules/Contact.assignmentRules-meta.xml': '<not even read/>' });
    orgs.push(o);
    const [problem] = o.def.problems.filter((p) => p.element === 'assignmentRules');
    assert.match(problem.message, /Assignment rules for Contact are not emulated/);
  });
});
