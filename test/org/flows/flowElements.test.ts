import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { NOW, assignment, boolV, condition, createTask, filter, flowOrg, flowXml, input, item, next, num, ref, str, variable, type FlowOrg } from './flowTestOrg.ts';

/**
 * What each element and operator does: assignments, decisions, formulas, constants, text
 * templates, Get/Create/Update/Delete Records and loops, each observed through the record the
 * flow writes.
 */

after(removeProjects);

const LEAD = { LastName: 'Lovelace', Company: 'Analytical Engines' };

async function withOrg(files: Record<string, string>, test: (o: FlowOrg) => void | Promise<void>): Promise<void> {
  const o = await flowOrg(files);
  try {
    assert.deepEqual(o.org.definition.problems, [], 'the test flows load without problems');
    await test(o);
  } finally {
    await o.close();
  }
}

const template = (name: string, text: string) => `<textTemplates><name>${name}</name><isViewedAsPlainText>true</isViewedAsPlainText><text>${text}</text></textTemplates>`;
const collection = (name: string, dataType: string, objectType = '') =>
  `<variables><name>${name}</name><dataType>${dataType}</dataType><isCollection>true</isCollection><isInput>false</isInput><isOutput>false</isOutput>${objectType ? `<objectType>${objectType}</objectType>` : ''}</variables>`;

describe('assignments', () => {
  it('runs Assign, Add and Subtract on numbers, text and dates, and the collection operators', () =>
    withOrg(
      {
        Calc: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Compute',
          body:
            variable('n', 'Number', `<scale>2</scale><value>${num(10)}</value>`) +
            variable('s', 'String') +
            variable('d', 'Date') +
            variable('count', 'Number', '<scale>0</scale>') +
            collection('list', 'String') +
            assignment(
              'Compute',
              item('n', 'Add', num(5)) +
                item('n', 'Subtract', num(3)) +
                item('s', 'Assign', str('a')) +
                item('s', 'Add', str('b')) +
                item('d', 'Assign', '<dateValue>2025-01-30</dateValue>') +
                item('d', 'Add', num(3)) +
                item('list', 'Add', str('x')) +
                item('list', 'Add', str('y')) +
                item('list', 'AddAtStart', str('w')) +
                item('list', 'Add', str('x')) +
                item('list', 'RemoveFirst', str('x')) +
                item('count', 'AssignCount', ref('list')) +
                item('list', 'RemoveAll', str('x')) +
                item('$Record.Description', 'Assign', ref('Summary')),
            ) +
            template('Summary', '{!n}|{!s}|{!d}|{!list}|{!count}'),
        }),
      },
      (o) => {
        const lead = o.create('Lead', LEAD);
        assert.equal(o.row('Lead', lead).Description, '12|ab|2025-02-02|w, y|3');
      },
    ));
});

describe('decisions and comparison operators', () => {
  // Each probe is a one-rule decision: the rule adds '1' to the description, the default '0'.
  const probes: Array<[conditions: string, logic: string, expected: 0 | 1]> = [
    [condition('$Record.LastName', 'EqualTo', str('Lovelace')), 'and', 1],
    [condition('$Record.LastName', 'EqualTo', str('lovelace')), 'and', 0],
    [condition('$Record.Rating', 'NotEqualTo', str('Hot')), 'and', 1],
    [condition('$Record.AnnualRevenue', 'GreaterThan', num(4999)), 'and', 1],
    [condition('$Record.AnnualRevenue', 'GreaterThanOrEqualTo', num(5001)), 'and', 0],
    [condition('$Record.NumberOfEmployees', 'LessThan', num(12)), 'and', 0],
    [condition('$Record.NumberOfEmployees', 'LessThanOrEqualTo', num(12)), 'and', 1],
    [condition('$Record.Company', 'StartsWith', str('Analytical')), 'and', 1],
    [condition('$Record.Company', 'EndsWith', str('engines')), 'and', 0],
    [condition('$Record.Company', 'Contains', str('tical En')), 'and', 1],
    [condition('$Record.Email', 'IsNull', boolV(true)), 'and', 1],
    [condition('$Record.Company', 'IsNull', boolV(true)), 'and', 0],
    [condition('$Record.Email', 'IsBlank', boolV(false)), 'and', 0],
    [condition('$Record.Rating', 'In', ref('ratings')), 'and', 1],
    [condition('$Record.Rating', 'NotIn', ref('ratings')), 'and', 0],
    [condition('$Record.OwnerId', 'EqualTo', ref('$User.Id')), 'and', 1],
    [condition('IsBig', 'EqualTo', ref('$GlobalConstant.True')), 'and', 1],
    [condition('$Record.Rating', 'EqualTo', str('Hot')) + condition('$Record.Rating', 'EqualTo', str('Warm')), 'or', 1],
    [condition('$Record.Rating', 'EqualTo', str('Hot')) + condition('$Record.Rating', 'EqualTo', str('Warm')), 'and', 0],
    [condition('$Record.Rating', 'EqualTo', str('Hot')) + condition('$Record.Industry', 'EqualTo', str('Banking')) + condition('$Record.NumberOfEmployees', 'GreaterThan', num(10)), 'NOT 1 AND (2 OR 3)', 1],
    [condition('$Record.Rating', 'EqualTo', str('Warm')) + condition('$Record.Industry', 'EqualTo', str('Energy')) + condition('$Record.NumberOfEmployees', 'GreaterThan', num(99)), '1 AND (2 OR 3)', 0],
  ];
  const decisions = probes
    .map(([conditions, logic], i) => {
      const after = i + 1 < probes.length ? `D${i + 1}` : undefined;
      return (
        `<decisions><name>D${i}</name><label>D${i}</label><locationX>0</locationX><locationY>0</locationY>` +
        `<defaultConnector><targetReference>F${i}</targetReference></defaultConnector><defaultConnectorLabel>No</defaultConnectorLabel>` +
        `<rules><name>Yes${i}</name><conditionLogic>${logic}</conditionLogic>${conditions}<connector><targetReference>T${i}</targetReference></connector><label>Yes</label></rules></decisions>` +
        assignment(`T${i}`, item('$Record.Description', 'Add', str('1')), after) +
        assignment(`F${i}`, item('$Record.Description', 'Add', str('0')), after)
      );
    })
    .join('');

  it('evaluates every operator and condition logic as Flow does', () =>
    withOrg(
      {
        Probe: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Setup',
          body:
            collection('ratings', 'String') +
            `<formulas><name>IsBig</name><dataType>Boolean</dataType><expression>{!$Record.AnnualRevenue} &gt; 1000</expression></formulas>` +
            assignment('Setup', item('ratings', 'Add', str('Hot')) + item('ratings', 'Add', str('Warm')) + item('$Record.Description', 'Assign', str('')), 'D0') +
            decisions,
        }),
      },
      (o) => {
        const lead = o.create('Lead', { ...LEAD, AnnualRevenue: 5000, NumberOfEmployees: 12, Rating: 'Warm', Industry: 'Banking' });
        assert.equal(o.row('Lead', lead).Description, probes.map((p) => p[2]).join(''));
      },
    ));

  it('takes the first matching outcome, the default otherwise, and ends where an outcome has no connector', () =>
    withOrg(
      {
        Route: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Route',
          body:
            `<decisions><name>Route</name><label>Route</label><locationX>0</locationX><locationY>0</locationY>` +
            `<defaultConnector><targetReference>Other</targetReference></defaultConnector><defaultConnectorLabel>Anything Else</defaultConnectorLabel>` +
            `<rules><name>Hot</name><conditionLogic>and</conditionLogic>${condition('$Record.Rating', 'EqualTo', str('Hot'))}<connector><targetReference>First</targetReference></connector><label>Hot</label></rules>` +
            `<rules><name>Rated</name><conditionLogic>and</conditionLogic>${condition('$Record.Rating', 'IsNull', boolV(false))}<connector><targetReference>Second</targetReference></connector><label>Rated</label></rules>` +
            `<rules><name>Cold_Ends</name><conditionLogic>and</conditionLogic>${condition('$Record.Rating', 'EqualTo', str('Cold'))}<label>Cold</label></rules></decisions>` +
            assignment('First', item('$Record.Description', 'Assign', str('first'))) +
            assignment('Second', item('$Record.Description', 'Assign', str('second'))) +
            assignment('Other', item('$Record.Description', 'Assign', str('other'))),
        }),
      },
      (o) => {
        const description = (rating: string | null) => o.row('Lead', o.create('Lead', { ...LEAD, Rating: rating })).Description;
        assert.equal(description('Hot'), 'first');
        assert.equal(description('Warm'), 'second');
        assert.equal(description(null), 'other');
        const cold = o.create('Lead', { ...LEAD, Rating: 'Cold' });
        assert.equal(o.row('Lead', cold).Description, 'second', 'rules are tried in order');
        assert.deepEqual(o.log(cold).map((e) => e.detail), ['Route (Rated) → Second']);
      },
    ));
});

describe('resources', () => {
  it('reads constants, formulas, text templates, $User, $Organization and $Flow.CurrentDate in the user’s time zone', () =>
    withOrg(
      {
        Resources: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Fill',
          body:
            `<constants><name>Greeting</name><dataType>String</dataType><value>${str('Hi')}</value></constants>` +
            `<formulas><name>Discounted</name><dataType>Number</dataType><expression>{!$Record.AnnualRevenue} * {!Rate}</expression><scale>2</scale></formulas>` +
            `<formulas><name>Rate</name><dataType>Number</dataType><expression>IF(ISPICKVAL({!$Record.Rating}, 'Hot'), 0.5, 0.9)</expression><scale>2</scale></formulas>` +
            `<formulas><name>Due</name><dataType>Date</dataType><expression>{!$Flow.CurrentDate} + 30</expression></formulas>` +
            template('Line', '{!Greeting} {!$User.Username} of {!$Organization.Name}: {!Discounted} by {!Due} ({!$Flow.CurrentDate})') +
            assignment('Fill', item('$Record.Description', 'Assign', ref('Line')) + item('$Record.Title', 'Assign', str('{!Greeting}, {!$Record.LastName}'))),
        }),
      },
      (o) => {
        // 12:00 UTC is 05:00 the same day in Los Angeles, the rep's time zone.
        const lead = o.row('Lead', o.create('Lead', { ...LEAD, AnnualRevenue: 1000 }, o.rep));
        assert.equal(NOW.toISOString().slice(0, 10), '2025-05-14');
        assert.equal(lead.Description, 'Hi rep@test.local of Test Org: 900 by 2025-06-13 (2025-05-14)');
        assert.equal(lead.Title, 'Hi, Lovelace');
      },
    ));
});

describe('Get, Create, Update and Delete Records, and loops', () => {
  const accounts = (o: FlowOrg) => {
    for (const [Name, AnnualRevenue, Type] of [
      ['Acme C', 200, 'Prospect'],
      ['Acme A', 100, 'Prospect'],
      ['Acme B', 300, 'Customer - Direct'],
      ['Zenith', 900, 'Prospect'],
    ] as const) {
      o.create('Account', { Name, AnnualRevenue, Type });
    }
  };

  it('looks records up with filters, sort, first-only and every kind of output, and loops over them', () =>
    withOrg(
      {
        Lookups: flowXml({
          object: 'Lead',
          recordTriggerType: 'Create',
          first: 'Get_Top',
          body:
            collection('accounts', 'SObject', 'Account') +
            variable('names', 'String') +
            variable('count', 'Number', '<scale>0</scale>') +
            variable('accType', 'String') +
            variable('accId', 'String') +
            variable('missing', 'String', `<value>${str('preset')}</value>`) +
            `<recordLookups><name>Get_Top</name><label>Get Top</label><locationX>0</locationX><locationY>0</locationY>${next('Get_All')}` +
            `${filter('Name', 'StartsWith', str('acme'))}<getFirstRecordOnly>true</getFirstRecordOnly><object>Account</object>` +
            `<sortField>AnnualRevenue</sortField><sortOrder>Desc</sortOrder><storeOutputAutomatically>true</storeOutputAutomatically></recordLookups>` +
            `<recordLookups><name>Get_All</name><label>Get All</label><locationX>0</locationX><locationY>0</locationY>${next('Get_Fields')}` +
            `${filter('Name', 'StartsWith', str('Acme'))}<getFirstRecordOnly>false</getFirstRecordOnly><object>Account</object><outputReference>accounts</outputReference>` +
            `<queriedFields>Id</queriedFields><queriedFields>Name</queriedFields><sortField>Name</sortField><sortOrder>Asc</sortOrder></recordLookups>` +
            `<recordLookups><name>Get_Fields</name><label>Get Fields</label><locationX>0</locationX><locationY>0</locationY>${next('Get_None')}` +
            `${filter('Name', 'EqualTo', str('Acme B'))}<getFirstRecordOnly>true</getFirstRecordOnly><object>Account</object>` +
            `<outputAssignments><assignToReference>accType</assignToReference><field>Type</field></outputAssignments>` +
            `<outputAssignments><assignToReference>accId</assignToReference><field>Id</field></outputAssignments></recordLookups>` +
            `<recordLookups><name>Get_None</name><label>Get None</label><locationX>0</locationX><locationY>0</locationY>${next('Each_Account')}` +
            `<assignNullValuesIfNoRecordsFound>true</assignNullValuesIfNoRecordsFound>${filter('Name', 'EqualTo', str('Nope'))}<getFirstRecordOnly>true</getFirstRecordOnly><object>Account</object>` +
            `<outputAssignments><assignToReference>missing</assignToReference><field>Type</field></outputAssignments></recordLookups>` +
            `<loops><name>Each_Account</name><label>Each Account</label><locationX>0</locationX><locationY>0</locationY><collectionReference>accounts</collectionReference>` +
            `<iterationOrder>Asc</iterationOrder><nextValueConnector><targetReference>Collect</targetReference></nextValueConnector><noMoreValuesConnector><targetReference>Report</targetReference></noMoreValuesConnector></loops>` +
            assignment('Collect', item('names', 'Add', str('{!Each_Account.Name};')) + item('count', 'Add', num(1)), 'Each_Account') +
            createTask('Report', input('Subject', str('Lookups')) + input('Description', ref('Summary')) + input('WhoId', ref('$Record.Id'))) +
            template('Summary', '{!Get_Top.Name}|{!names}|{!count}|{!accType}|{!missing}|{!accId}'),
        }),
      },
      (o) => {
        accounts(o);
        const lead = o.create('Lead', LEAD);
        const b = o.rows(`SELECT "Id" FROM "Account" WHERE "Name" = 'Acme B'`)[0].Id;
        const [task] = o.rows(`SELECT "Description" FROM "Task" WHERE "WhoId" = ?`, [lead]);
        assert.equal(task.Description, `Acme B|Acme A;Acme B;Acme C;|3|Customer - Direct||${b}`);
        assert.match(o.log(lead)[0].detail, /^Get_Top \(1 found\) → Get_All \(3 found\) → Get_Fields \(1 found\) → Get_None \(0 found\) → Each_Account \(3 items\) → Collect → Collect → Collect → Report/);
      },
    ));

  it('creates from a record variable, updates by reference and by filters, and deletes by filters', () =>
    withOrg(
      {
        Writes: flowXml({
          object: 'Lead',
          recordTriggerType: 'Create',
          first: 'Build_Task',
          body:
            variable('newTask', 'SObject', '<objectType>Task</objectType>') +
            variable('taskId', 'String') +
            assignment('Build_Task', item('newTask.Subject', 'Assign', str('From variable')) + item('newTask.WhoId', 'Assign', ref('$Record.Id')), 'Create_From_Variable') +
            `<recordCreates><name>Create_From_Variable</name><label>Create</label><locationX>0</locationX><locationY>0</locationY>${next('Get_Task')}<assignRecordIdToReference>taskId</assignRecordIdToReference><inputReference>newTask</inputReference></recordCreates>` +
            `<recordLookups><name>Get_Task</name><label>Get Task</label><locationX>0</locationX><locationY>0</locationY>${next('Raise')}${filter('Id', 'EqualTo', ref('taskId'))}<getFirstRecordOnly>true</getFirstRecordOnly><object>Task</object><storeOutputAutomatically>true</storeOutputAutomatically></recordLookups>` +
            assignment('Raise', item('Get_Task.Priority', 'Assign', str('High')), 'Save_Task') +
            `<recordUpdates><name>Save_Task</name><label>Save Task</label><locationX>0</locationX><locationY>0</locationY>${next('Retire_Old')}<inputReference>Get_Task</inputReference></recordUpdates>` +
            `<recordUpdates><name>Retire_Old</name><label>Retire Old</label><locationX>0</locationX><locationY>0</locationY>${next('Drop_Drafts')}<filterLogic>and</filterLogic>${filter('Name', 'StartsWith', str('Old'))}${input('Type', str('Other'))}<object>Account</object></recordUpdates>` +
            `<recordDeletes><name>Drop_Drafts</name><label>Drop Drafts</label><locationX>0</locationX><locationY>0</locationY>${filter('Subject', 'EqualTo', str('Draft'))}<object>Task</object></recordDeletes>`,
        }),
      },
      (o) => {
        const old1 = o.create('Account', { Name: 'Old One', Type: 'Prospect' });
        const old2 = o.create('Account', { Name: 'old two', Type: 'Prospect' });
        const fresh = o.create('Account', { Name: 'Fresh', Type: 'Prospect' });
        const draft = o.create('Task', { Subject: 'Draft' });
        const lead = o.create('Lead', LEAD);
        const [task] = o.rows(`SELECT "Id", "Subject", "Priority", "WhoId" FROM "Task" WHERE "IsDeleted" = 0`);
        assert.deepEqual([task.Subject, task.Priority, task.WhoId], ['From variable', 'High', lead]);
        assert.deepEqual([old1, old2, fresh].map((id) => o.row('Account', id).Type), ['Other', 'Other', 'Prospect']);
        assert.equal(o.row('Task', draft).IsDeleted, 1);
        assert.deepEqual([...o.log(lead)[0].affectedIds].sort(), [task.Id, old1, old2, draft].sort());
      },
    ));

  it('updates the triggering record only if its own conditions are met', () =>
    withOrg(
      {
        Flag_Hot: flowXml({
          object: 'Lead',
          trigger: 'RecordBeforeSave',
          first: 'Flag',
          body: `<recordUpdates><name>Flag</name><label>Flag</label><locationX>0</locationX><locationY>0</locationY><filterLogic>or</filterLogic>${filter('Rating', 'EqualTo', str('Hot'))}${filter('AnnualRevenue', 'GreaterThan', num(1000000))}${input('Description', str('priority'))}<inputReference>$Record</inputReference></recordUpdates>`,
        }),
      },
      (o) => {
        const description = (fields: Record<string, unknown>) => o.row('Lead', o.create('Lead', { ...LEAD, ...fields })).Description;
        assert.equal(description({ Rating: 'Hot' }), 'priority');
        assert.equal(description({ AnnualRevenue: 2000000 }), 'priority');
        assert.equal(description({ Rating: 'Warm' }), null);
      },
    ));

  it('fails Delete Records that finds nothing, with Salesforce’s message', () =>
    withOrg(
      {
        Delete_Nothing: flowXml({
          object: 'Lead',
          label: 'Delete Nothing',
          recordTriggerType: 'Create',
          first: 'Drop',
          body: `<recordDeletes><name>Drop</name><label>Drop</label><locationX>0</locationX><locationY>0</locationY>${filter('Subject', 'EqualTo', str('Nothing'))}<object>Task</object></recordDeletes>`,
        }),
      },
      (o) => {
        assert.throws(() => o.create('Lead', LEAD), (err: Error & { errorCode?: string }) => {
          assert.equal(err.errorCode, 'CANNOT_EXECUTE_FLOW_TRIGGER');
          assert.match(err.message, /“Delete Nothing” process failed\. Give your Salesforce admin these details\. DELETE --- There is nothing in Salesforce matching your delete criteria\. Error ID/);
          return true;
        });
      },
    ));
});
