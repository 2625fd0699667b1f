import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import type { MetadataProblem, OrgDefinition } from '../../../src/org/metadata/types.ts';
import { MAIN, adminUser, makeProject, removeProjects, usersJson, xml } from '../metadata/sfdxProject.ts';
import { assignment, boolV, condition, createTask, filter, flowOrg, flowXml, input, item, ref, str } from './flowTestOrg.ts';

/**
 * What the flow reader accepts and refuses. A refused flow is reported with its file, line and
 * the element or operator concerned, and is not activated at all.
 */

after(removeProjects);

const FLOWS = `${MAIN}/flows`;
const fileOf = (name: string) => `${FLOWS}/${name}.flow-meta.xml`;

function load(flows: Record<string, string>): OrgDefinition {
  return loadOrgMetadata(
    makeProject({
      'golive/users.json': usersJson([adminUser]),
      ...Object.fromEntries(Object.entries(flows).map(([name, content]) => [fileOf(name), content])),
    }),
  );
}

const activeNames = (def: OrgDefinition) => (def.automation.flows ?? []).map((f) => f.apiName);
const only = (def: OrgDefinition, name: string): MetadataProblem => {
  const found = def.problems.filter((p) => p.file === fileOf(name));
  assert.equal(found.length, 1, `one problem for ${name}, got ${JSON.stringify(found)}`);
  return found[0];
};
/** The 1-based line of the first occurrence of `text` in the flow file. */
const lineOfText = (content: string, text: string) => content.slice(0, content.indexOf(text)).split('\n').length;

const goodTask = createTask('Make_Task', input('Subject', str('hi')));

describe('the flow reader', () => {
  it('activates record-triggered flows with their trigger, and skips inactive versions without a word', () => {
    const def = load({
      Good: flowXml({ object: 'Lead', start: filter('Rating', 'EqualTo', str('Hot')), first: 'Make_Task', body: goodTask, extra: '\n    <triggerOrder>10</triggerOrder>' }),
      Draft: flowXml({ object: 'Lead', status: 'Draft', body: '<screens><name>S</name></screens>' }),
      Obsolete: flowXml({ object: 'Nope__c', status: 'Obsolete' }),
      No_Status: xml('Flow', '<label>Old</label><processType>Flow</processType>'),
    });
    assert.deepEqual(def.problems, []);
    assert.deepEqual(activeNames(def), ['Good']);
    const [flow] = def.automation.flows!;
    assert.deepEqual([flow.label, flow.object.name, flow.timing, [...flow.events], flow.triggerOrder, flow.start], ['Test Flow', 'Lead', 'RecordAfterSave', ['insert', 'update'], 10, 'Make_Task']);
  });

  it('refuses elements it cannot run, naming file, line and element, and does not activate the flow', async () => {
    const body =
      goodTask.replace('</recordCreates>', '<connector><targetReference>Send_Mail</targetReference></connector></recordCreates>') +
      `\n    <actionCalls>\n        <name>Send_Mail</name>\n        <label>Send Mail</label>\n        <actionName>emailSimple</actionName>\n        <actionType>emailSimple</actionType>\n    </actionCalls>` +
      `\n    <subflows>\n        <name>Call_Other</name>\n        <flowName>Other</flowName>\n    </subflows>`;
    const content = flowXml({ object: 'Lead', first: 'Make_Task', body });
    const def = load({ With_Action: content });
    const problems = def.problems.filter((p) => p.file === fileOf('With_Action'));
    assert.deepEqual(
      problems.map((p) => [p.element, p.line]),
      [
        ['actionCalls', lineOfText(content, '<actionCalls>')],
        ['subflows', lineOfText(content, '<subflows>')],
        // The connector to the refused element is reported too.
        ['recordCreates', lineOfText(content, '<recordCreates>')],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    assert.match(problems.find((p) => p.element === 'actionCalls')!.message, /^Flow With_Action: the Action element Send_Mail \(<actionCalls>\) cannot be run by the local org\.$/);
    assert.match(problems[0].hint, /does not run this flow at all/);
    assert.deepEqual(activeNames(def), []);

    // And on a save, nothing runs.
    const o = await flowOrg({ With_Action: content });
    try {
      o.create('Lead', { LastName: 'X', Company: 'Y' });
      assert.equal(o.rows('SELECT 1 FROM "Task"').length, 0);
    } finally {
      await o.close();
    }
  });

  it('refuses operators it cannot evaluate, naming the operator and its line', () => {
    const content = flowXml({
      object: 'Lead',
      first: 'Check',
      body:
        `<decisions><name>Check</name><label>Check</label><locationX>0</locationX><locationY>0</locationY>` +
        `<rules><name>Set</name><conditionLogic>and</conditionLogic>\n${condition('$Record.Rating', 'WasSet', boolV(true))}\n<label>Set</label></rules></decisions>`,
    });
    const def = load({ Was_Set: content });
    const p = only(def, 'Was_Set');
    assert.deepEqual([p.element, p.line], ['WasSet', lineOfText(content, '<operator>WasSet')]);
    assert.match(p.message, /Decision Check, outcome Set, condition 1 uses the operator WasSet, which the local org cannot evaluate/);
    assert.deepEqual(activeNames(def), []);
  });

  it('refuses unknown fields, resources and objects, and bad condition logic', () => {
    const def = load({
      Bad_Field: flowXml({ object: 'Lead', start: filter('Hotness__c', 'EqualTo', str('Hot')) }),
      Bad_Ref: flowXml({ object: 'Lead', first: 'A', body: assignment('A', item('$Record.Description', 'Assign', ref('Get_Nothing.Name'))) }),
      Bad_Parent: flowXml({ object: 'Lead', first: 'A', body: assignment('A', item('$Record.Description', 'Assign', ref('$Record.Owner.Name'))) }),
      Bad_Object: flowXml({ object: 'Invoice__c' }),
      Bad_Logic: flowXml({ object: 'Lead', start: `<filterLogic>1 AND 3</filterLogic>${filter('Rating', 'EqualTo', str('Hot'))}${filter('Industry', 'EqualTo', str('Banking'))}` }),
      Bad_Target: flowXml({ object: 'Lead', first: 'A', body: assignment('A', item('$Flow.CurrentDate', 'Assign', ref('$Flow.CurrentDate'))) }),
      Bad_Formula: flowXml({ object: 'Lead', body: `<formulas><name>F</name><dataType>Number</dataType><expression>{!$Record.Rating} + </expression></formulas>` }),
      Delete_All: flowXml({ object: 'Lead', first: 'Drop', body: '<recordDeletes><name>Drop</name><label>Drop</label><locationX>0</locationX><locationY>0</locationY><object>Task</object></recordDeletes>' }),
      Twice: flowXml({ object: 'Lead', first: 'A', body: assignment('A', item('$Record.Title', 'Assign', str('x'))) + assignment('A', item('$Record.Title', 'Assign', str('y'))) }),
    });
    assert.match(only(def, 'Bad_Field').message, /the entry conditions, condition 1: \$Record\.Hotness__c: Lead has no field or relationship named Hotness__c/);
    assert.match(only(def, 'Bad_Ref').message, /Get_Nothing, which is not a resource or element of this flow/);
    assert.match(only(def, 'Bad_Parent').message, /Lead\.Owner can point at Group or User; write Owner:Group or Owner:User/);
    assert.match(only(def, 'Bad_Object').message, /starts on the object Invoice__c, which is not part of the org/);
    assert.match(only(def, 'Bad_Logic').message, /refers to condition 3, but there are 2 conditions/);
    assert.match(only(def, 'Bad_Target').message, /\$Flow\.CurrentDate cannot be assigned/);
    assert.equal(only(def, 'Bad_Formula').element, 'formulas');
    assert.match(only(def, 'Delete_All').message, /Delete Records Drop has no filter conditions/);
    assert.match(only(def, 'Twice').message, /the name A is used twice/);
    assert.deepEqual(activeNames(def), []);
  });

  it('accepts polymorphic parents written Owner:User', () => {
    const def = load({ Poly: flowXml({ object: 'Lead', first: 'A', body: assignment('A', item('$Record.Description', 'Assign', ref('$Record.Owner:User.Username'))) }) });
    assert.deepEqual(def.problems, []);
    assert.deepEqual(activeNames(def), ['Poly']);
  });

  it('reports flows that are not record-triggered, and writes to other records from a before-save flow', () => {
    const def = load({
      Screen: xml('Flow', '<label>Screen</label><processType>Flow</processType><status>Active</status>'),
      Process: xml('Flow', '<label>Process</label><processType>Workflow</processType><status>Active</status>'),
      Scheduled: xml('Flow', '<label>Nightly</label><processType>AutoLaunchedFlow</processType><start><triggerType>Scheduled</triggerType></start><status>Active</status>'),
      Plain: xml('Flow', '<label>Plain</label><processType>AutoLaunchedFlow</processType><status>Active</status>'),
      Before_Dml: flowXml({ object: 'Lead', trigger: 'RecordBeforeSave', first: 'Make_Task', body: goodTask }),
      Async: flowXml({ object: 'Lead', start: '<scheduledPaths><pathType>AsyncAfterCommit</pathType></scheduledPaths>' }),
    });
    assert.deepEqual([only(def, 'Screen').element, only(def, 'Screen').hint], ['processType', 'UI only: the API behaves the same without it.']);
    assert.match(only(def, 'Process').message, /Process Builder process/);
    assert.match(only(def, 'Scheduled').message, /the Scheduled trigger is not emulated/);
    assert.match(only(def, 'Plain').message, /no record trigger/);
    assert.match(only(def, 'Before_Dml').message, /a before-save flow can only change the triggering record/);
    assert.equal(only(def, 'Async').element, 'scheduledPaths');
    assert.deepEqual(activeNames(def), []);
  });

  it('puts flows in run order: trigger order 1-1000, none, 1001-2000, then API name', () => {
    const at = (order?: number) => flowXml({ object: 'Lead', extra: order === undefined ? '' : `\n    <triggerOrder>${order}</triggerOrder>` });
    const def = load({ B: at(), A: at(), Late: at(1001), Early: at(1000), First: at(1) });
    assert.deepEqual(activeNames(def), ['First', 'Early', 'A', 'B', 'Late']);
  });
});
