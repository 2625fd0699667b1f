import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isSalesforceError } from '../../../src/org/errors/SalesforceError.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';
import {
  assignment,
  boolV,
  condition,
  createTask,
  filter,
  flowOrg,
  flowXml,
  input,
  item,
  num,
  ref,
  str,
  type FlowOrg,
} from './flowTestOrg.ts';

/**
 * When record-triggered flows run: trigger types, entry conditions, "only when updated to meet
 * the criteria", before/after/delete timing, run order, recursion, failures and rollback.
 */

after(removeProjects);

const LEAD = { LastName: 'Lovelace', Company: 'Analytical Engines' };

/** An after-save Lead flow that creates a task whose Subject says which flow ran. */
const taskFlow = (start: string, recordTriggerType: 'Create' | 'Update' | 'CreateAndUpdate' = 'CreateAndUpdate', subject = 'Flow ran') =>
  flowXml({ object: 'Lead', recordTriggerType, start, first: 'Make_Task', body: createTask('Make_Task', input('Subject', str(subject)) + input('WhoId', ref('$Record.Id'))) });

const tasksOf = (o: FlowOrg, whoId: string) => o.rows(`SELECT "Subject", "Description", "OwnerId", "CreatedById" FROM "Task" WHERE "WhoId" = ? AND "IsDeleted" = 0 ORDER BY "Id"`, [whoId]);

async function withOrg(files: Record<string, string>, test: (o: FlowOrg) => void | Promise<void>): Promise<void> {
  const o = await flowOrg(files);
  try {
    assert.deepEqual(o.org.definition.problems, [], 'the test flows load without problems');
    await test(o);
  } finally {
    await o.close();
  }
}

function saveError(fn: () => unknown): { errorCode: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isSalesforceError(err)) return { errorCode: err.errorCode, message: err.message };
    throw err;
  }
  assert.fail('expected the save to fail');
}

describe('trigger types and entry conditions', () => {
  it('runs a Create flow on insert only and an Update flow on update only, as the triggering user', () =>
    withOrg({ On_Create: taskFlow('', 'Create', 'created'), On_Update: taskFlow('', 'Update', 'updated') }, (o) => {
      const lead = o.create('Lead', LEAD, o.rep);
      assert.deepEqual(tasksOf(o, lead).map((t) => [t.Subject, t.CreatedById]), [['created', o.rep.userId]]);
      o.update('Lead', lead, { Title: 'Countess' });
      assert.deepEqual(tasksOf(o, lead).map((t) => t.Subject), ['created', 'updated']);
    }));

  it('applies filters with and / or / custom logic', () =>
    withOrg(
      {
        Custom_Logic: taskFlow(
          `<filterLogic>1 AND (2 OR 3)</filterLogic>${filter('Rating', 'EqualTo', str('Hot'))}${filter('Industry', 'EqualTo', str('Banking'))}${filter('AnnualRevenue', 'GreaterThan', num(1000000))}`,
          'Create',
          'custom',
        ),
        Or_Logic: taskFlow(`<filterLogic>or</filterLogic>${filter('Rating', 'EqualTo', str('Cold'))}${filter('NumberOfEmployees', 'GreaterThanOrEqualTo', num(500))}`, 'Create', 'or'),
      },
      (o) => {
        const subjects = (fields: Record<string, unknown>) => tasksOf(o, o.create('Lead', { ...LEAD, ...fields })).map((t) => t.Subject);
        assert.deepEqual(subjects({ Rating: 'Hot', Industry: 'Banking' }), ['custom']);
        assert.deepEqual(subjects({ Rating: 'Hot', AnnualRevenue: 2000000 }), ['custom']);
        assert.deepEqual(subjects({ Rating: 'Hot', Industry: 'Energy', AnnualRevenue: 10 }), []);
        assert.deepEqual(subjects({ Rating: 'Warm', Industry: 'Banking' }), []);
        assert.deepEqual(subjects({ Rating: 'Cold' }), ['or']);
        assert.deepEqual(subjects({ NumberOfEmployees: 500 }), ['or']);
        assert.deepEqual(subjects({ NumberOfEmployees: 499 }), []);
      },
    ));

  it('evaluates a formula entry condition', () =>
    withOrg({ Formula_Entry: taskFlow(`<filterFormula>AND({!$Record.NumberOfEmployees} &gt; 100, ISPICKVAL({!$Record.Rating}, 'Hot'))</filterFormula>`, 'Create') }, (o) => {
      assert.equal(tasksOf(o, o.create('Lead', { ...LEAD, NumberOfEmployees: 101, Rating: 'Hot' })).length, 1);
      assert.equal(tasksOf(o, o.create('Lead', { ...LEAD, NumberOfEmployees: 100, Rating: 'Hot' })).length, 0);
      assert.equal(tasksOf(o, o.create('Lead', { ...LEAD, NumberOfEmployees: 101, Rating: 'Warm' })).length, 0);
    }));

  it('runs "only when a record is updated to meet the condition requirements" once per change, and every time otherwise', () =>
    withOrg(
      {
        Changed_Only: taskFlow(`<doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>${filter('Rating', 'EqualTo', str('Hot'))}`, 'CreateAndUpdate', 'changed'),
        Every_Time: taskFlow(filter('Rating', 'EqualTo', str('Hot')), 'Update', 'every'),
      },
      (o) => {
        const lead = o.create('Lead', { ...LEAD, Rating: 'Hot' });
        assert.deepEqual(tasksOf(o, lead).map((t) => t.Subject), ['changed'], 'created meeting the conditions counts as a change');
        o.update('Lead', lead, { Title: 'Countess' });
        assert.deepEqual(tasksOf(o, lead).map((t) => t.Subject).sort(), ['changed', 'every']);
        o.update('Lead', lead, { Rating: 'Cold' });
        o.update('Lead', lead, { Rating: 'Hot' });
        assert.deepEqual(tasksOf(o, lead).map((t) => t.Subject).sort(), ['changed', 'changed', 'every', 'every']);
        const changed = o.log(lead).filter((e) => e.name === 'Changed_Only');
        assert.deepEqual(changed.map((e) => e.outcome), ['fired', 'skipped', 'skipped', 'fired']);
        assert.equal(changed[1].detail, 'Entry conditions not met: the record already met them before this change.');
        assert.equal(changed[2].detail, 'Entry conditions not met.');
      },
    ));

  it('tests IsChanged against $Record__Prior (never changed on insert)', () =>
    withOrg({ Status_Changed: taskFlow(filter('Status', 'IsChanged', boolV(true))) }, (o) => {
      const lead = o.create('Lead', LEAD);
      assert.equal(tasksOf(o, lead).length, 0);
      o.update('Lead', lead, { Title: 'Countess' });
      assert.equal(tasksOf(o, lead).length, 0);
      o.update('Lead', lead, { Status: 'Working - Contacted' });
      assert.equal(tasksOf(o, lead).length, 1);
    }));

  it('ignores inactive versions (Draft, Obsolete)', () =>
    withOrg(
      {
        Draft_Flow: flowXml({ object: 'Lead', status: 'Draft', first: 'T', body: createTask('T', input('Subject', str('draft'))) }),
        Old_Flow: flowXml({ object: 'Lead', status: 'Obsolete', first: 'T', body: '<actionCalls><name>Ignored</name></actionCalls>' }),
      },
      (o) => {
        assert.equal(o.org.definition.automation.flows?.length ?? 0, 0);
        const lead = o.create('Lead', LEAD);
        assert.equal(o.rows(`SELECT 1 FROM "Task"`).length, 0);
        assert.deepEqual(o.log(lead), []);
      },
    ));
});

describe('before-save, after-save and before-delete flows', () => {
  const appendFlow = (text: string, order?: number) =>
    flowXml({
      object: 'Lead',
      trigger: 'RecordBeforeSave',
      first: 'Append',
      body: assignment('Append', item('$Record.Description', 'Add', str(text))),
      extra: order === undefined ? '' : `\n    <triggerOrder>${order}</triggerOrder>`,
    });

  it('changes the record before it is saved and before required fields are checked', () =>
    withOrg(
      {
        Defaults: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Is_New',
          body:
            `<decisions><name>Is_New</name><label>Is New</label><locationX>0</locationX><locationY>0</locationY>` +
            `<defaultConnector><targetReference>Mark_Existing</targetReference></defaultConnector><defaultConnectorLabel>Existing</defaultConnectorLabel>` +
            `<rules><name>New_Record</name><conditionLogic>and</conditionLogic>${condition('$Record.Id', 'IsNull', boolV(true))}<connector><targetReference>Fill_Company</targetReference></connector><label>New</label></rules></decisions>` +
            assignment('Fill_Company', item('$Record.Company', 'Assign', str('Unknown Company')) + item('$Record.Description', 'Assign', str('new'))) +
            `<recordUpdates><name>Mark_Existing</name><label>Mark Existing</label><locationX>0</locationX><locationY>0</locationY>${input('Description', str('existing {!$Record__Prior.Title}'))}<inputReference>$Record</inputReference></recordUpdates>`,
        }),
      },
      (o) => {
        const lead = o.create('Lead', { LastName: 'Nocompany' });
        assert.deepEqual([o.row('Lead', lead).Company, o.row('Lead', lead).Description], ['Unknown Company', 'new']);
        o.update('Lead', lead, { Title: 'CEO' });
        o.update('Lead', lead, { Title: 'CFO' });
        assert.equal(o.row('Lead', lead).Description, 'existing CEO');
        const [entry] = o.log(lead);
        assert.deepEqual([entry.outcome, entry.detail], ['fired', 'Is_New (New_Record) → Fill_Company']);
      },
    ));

  it('recomputes derived fields after a before-save flow (Name from LastName)', () =>
    withOrg({ Rename: flowXml({ object: 'Lead', trigger: 'RecordBeforeSave', first: 'Set_Name', body: assignment('Set_Name', item('$Record.LastName', 'Assign', str('Byron'))) }) }, (o) => {
      const lead = o.create('Lead', { FirstName: 'Ada', LastName: 'Lovelace', Company: 'X' });
      assert.deepEqual([o.row('Lead', lead).LastName, o.row('Lead', lead).Name], ['Byron', 'Ada Byron']);
    }));

  it('runs flows of one object in trigger order (1-1000, none, 1001-2000), then by API name', () =>
    withOrg({ B_Flow: appendFlow('B', 20), A_Flow: appendFlow('A'), Z_Flow: appendFlow('Z'), C_Flow: appendFlow('C', 5), D_Flow: appendFlow('D', 1500) }, (o) => {
      const lead = o.create('Lead', LEAD);
      assert.equal(o.row('Lead', lead).Description, 'CBAZD');
      assert.deepEqual(o.log(lead).map((e) => e.name), ['C_Flow', 'B_Flow', 'A_Flow', 'Z_Flow', 'D_Flow']);
    }));

  it('creates records after save with the triggering record and $Record__Prior', () =>
    withOrg({ Rating_Task: taskFlow(filter('Rating', 'IsChanged', boolV(true)), 'Update', 'Rating was {!$Record__Prior.Rating}, now {!$Record.Rating} for {!$Record.Name}') }, (o) => {
      const lead = o.create('Lead', { FirstName: 'Ada', ...LEAD, Rating: 'Cold' });
      o.update('Lead', lead, { Rating: 'Warm' });
      assert.deepEqual(tasksOf(o, lead).map((t) => [t.Subject, t.OwnerId]), [['Rating was Cold, now Warm for Ada Lovelace', o.admin.userId]]);
      const [entry] = o.log(lead);
      assert.deepEqual(entry.affectedIds, o.rows(`SELECT "Id" FROM "Task"`).map((t) => t.Id));
    }));

  it('updates the triggering record after save with DML, re-running its flows at most once more (recursion guard)', () =>
    withOrg(
      {
        Stamp: flowXml({
          object: 'Lead',
          first: 'Append',
          body:
            assignment('Append', item('$Record.Description', 'Add', str('x')), 'Save_Record') +
            `<recordUpdates><name>Save_Record</name><label>Save Record</label><locationX>0</locationX><locationY>0</locationY><inputReference>$Record</inputReference></recordUpdates>`,
        }),
      },
      (o) => {
        const lead = o.create('Lead', LEAD);
        assert.equal(o.row('Lead', lead).Description, 'xx', 'the original run and one re-run');
        const outcomes = o.log(lead).map((e) => e.outcome);
        assert.deepEqual([...outcomes].sort(), ['fired', 'fired', 'skipped']);
        assert.match(o.log(lead).find((e) => e.outcome === 'skipped')!.detail, /recursion guard/);
        // A new top-level save starts a new count.
        o.update('Lead', lead, { Title: 'Countess' });
        assert.equal(o.row('Lead', lead).Description, 'xxxx');
      },
    ));

  it('runs before-delete flows with the record about to be deleted', () =>
    withOrg(
      {
        On_Delete: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeDelete',
          first: 'Note',
          body: createTask('Note', input('Subject', str('Deleted {!$Record.LastName} of {!$Record.Company}'))),
        }),
      },
      (o) => {
        const lead = o.create('Lead', LEAD);
        assert.equal(o.rows(`SELECT 1 FROM "Task"`).length, 0);
        o.remove('Lead', lead);
        assert.deepEqual(o.rows(`SELECT "Subject" FROM "Task"`).map((t) => t.Subject), ['Deleted Lovelace of Analytical Engines']);
        assert.equal(o.row('Lead', lead).IsDeleted, 1);
      },
    ));
});

describe('failures', () => {
  // WhatId cannot point at a lead: creating this task fails with FIELD_INTEGRITY_EXCEPTION.
  const badTask = (extra = '') => createTask('Bad_Task', input('Subject', str('never')) + input('WhatId', ref('$Record.Id')), undefined, extra);

  it('fails the triggering save with CANNOT_EXECUTE_FLOW_TRIGGER and rolls everything back', () =>
    withOrg(
      {
        A_Good: taskFlow('', 'Create', 'good'),
        B_Bad: flowXml({ object: 'Lead', label: 'Lead Follow-Up', recordTriggerType: 'Create', first: 'Bad_Task', body: badTask() }),
      },
      (o) => {
        const before = o.rows(`SELECT count(*) AS n FROM "Lead"`)[0].n;
        const err = saveError(() => o.create('Lead', LEAD));
        assert.equal(err.errorCode, 'CANNOT_EXECUTE_FLOW_TRIGGER');
        assert.match(
          err.message,
          /^We can't save this record because the “Lead Follow-Up” process failed\. Give your Salesforce admin these details\. This error occurred when the flow tried to create records: FIELD_INTEGRITY_EXCEPTION: .+ You can look up ExceptionCode values in the SOAP API Developer Guide\. Error ID: \d+-\d+ \(-?\d+\)$/,
        );
        assert.equal(o.rows(`SELECT count(*) AS n FROM "Lead"`)[0].n, before, 'the lead was not saved');
        assert.equal(o.rows(`SELECT count(*) AS n FROM "Task"`)[0].n, 0, 'the first flow’s task was rolled back');
        const log = o.log();
        assert.deepEqual(log.map((e) => [e.name, e.outcome, e.rolledBack]), [['A_Good', 'fired', true], ['B_Bad', 'failed', true]]);
        assert.match(log[1].detail, /^Bad_Task \(failed\) → This error occurred when the flow tried to create records/);
      },
    ));

  it('follows a fault connector with $Flow.FaultMessage, and the save goes through', () =>
    withOrg(
      {
        Handled: flowXml({
          object: 'Lead',
          recordTriggerType: 'Create',
          first: 'Bad_Task',
          body: badTask('<faultConnector><targetReference>Log_Fault</targetReference></faultConnector>') + createTask('Log_Fault', input('Subject', str('Flow fault')) + input('Description', ref('$Flow.FaultMessage')) + input('WhoId', ref('$Record.Id'))),
        }),
      },
      (o) => {
        const lead = o.create('Lead', LEAD);
        const tasks = tasksOf(o, lead);
        assert.deepEqual(tasks.map((t) => t.Subject), ['Flow fault']);
        assert.match(String(tasks[0].Description), /^This error occurred when the flow tried to create records: FIELD_INTEGRITY_EXCEPTION: /);
        assert.equal(o.log(lead)[0].detail.split(' → ')[0], 'Bad_Task (fault)');
      },
    ));

  it('stops flows that keep saving new records at a depth of 16, and rolls it all back', () =>
    withOrg({ Echo: flowXml({ object: 'Task', label: 'Echo', recordTriggerType: 'Create', first: 'Again', body: createTask('Again', input('Subject', str('echo'))) }) }, (o) => {
      const err = saveError(() => o.create('Task', { Subject: 'first' }));
      assert.equal(err.errorCode, 'CANNOT_EXECUTE_FLOW_TRIGGER');
      assert.match(err.message, /Maximum trigger depth exceeded/);
      assert.equal(o.rows(`SELECT count(*) AS n FROM "Task"`)[0].n, 0);
      const log = o.log();
      assert.equal(log.filter((e) => e.outcome === 'failed').length, 17, 'each of the 16 nested runs fails, and the one refused');
      assert.ok(log.every((e) => e.rolledBack));
    }));

  it('fails when a record variable is read before it was set', () =>
    withOrg(
      {
        Unset: flowXml({
          object: 'Lead',
          label: 'Unset Lookup',
          first: 'Find_Account',
          body:
            `<recordLookups><name>Find_Account</name><label>Find Account</label><locationX>0</locationX><locationY>0</locationY><connector><targetReference>Use_It</targetReference></connector>` +
            `${filter('Name', 'EqualTo', str('No Such Account'))}<getFirstRecordOnly>true</getFirstRecordOnly><object>Account</object><storeOutputAutomatically>true</storeOutputAutomatically></recordLookups>` +
            assignment('Use_It', item('$Record.Description', 'Assign', ref('Find_Account.Name'))),
        }),
      },
      (o) => {
        const err = saveError(() => o.create('Lead', LEAD));
        assert.equal(err.errorCode, 'CANNOT_EXECUTE_FLOW_TRIGGER');
        assert.match(err.message, /“Unset Lookup” process failed\. Give your Salesforce admin these details\. The flow failed to access the value for Find_Account\.Name because it hasn't been set or assigned\. Error ID/);
      },
    ));
});
