import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { adminUser, MAIN, makeProject, removeProjects, usersJson, xml } from '../metadata/sfdxProject.ts';
import { startTestOrg, type TestOrg } from '../../support/testOrg.ts';
import { ruleXml } from './ruleXml.ts';

/**
 * Validation rules through the real jsforce, on a purpose-made project: which rules run
 * (active, compiled), how failures are reported (one or several, single saves and
 * collections), and what the automation log keeps.
 */

const OBJECTS = `${MAIN}/objects`;
const PASSWORD = 'rules-local-1';

interface ApiError {
  errorCode?: string;
  name?: string;
  message: string;
  /** jsforce: the error entry for one error, the whole array for several (MULTIPLE_API_ERRORS). */
  data?: { fields?: string[] } | Array<{ errorCode: string; message: string; fields?: string[] }>;
}

const fieldsOf = (err: ApiError) => (Array.isArray(err.data) ? assert.fail('several errors') : (err.data?.fields ?? []));
const errorsOf = (err: ApiError) => (Array.isArray(err.data) ? err.data : assert.fail('one error'));

interface SaveResult {
  id?: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

interface LogEntry {
  kind: string;
  name: string;
  object: string;
  recordId: string | null;
  outcome: string;
  detail: string;
  rolledBack: boolean;
}

describe('validation rules on save', () => {
  let org: TestOrg;
  let conn: Connection;

  before(async () => {
    const dir = makeProject({
      'golive/users.json': usersJson([{ ...adminUser, password: PASSWORD }]),
      [`${MAIN}/permissionsets/Raters.permissionset-meta.xml`]: xml(
        'PermissionSet',
        '<label>Raters</label><customPermissions><enabled>true</enabled><name>Rate_Hot</name></customPermissions>',
      ),
      [`${OBJECTS}/Account/validationRules/Phone_Format.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'AND(NOT(ISBLANK(Phone)), NOT(REGEX(Phone, "\\\\d{3}-\\\\d{4}")))',
        message: 'Phone must look like 555-0100',
        field: 'Phone',
      }),
      [`${OBJECTS}/Account/validationRules/No_Test_Names.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'CONTAINS(LOWER(Name), "test")',
        message: 'No test accounts',
      }),
      [`${OBJECTS}/Account/validationRules/Always_Inactive.validationRule-meta.xml`]: ruleXml({ active: false, formula: 'TRUE', message: 'Inactive rules never fire' }),
      [`${OBJECTS}/Account/validationRules/Unsupported.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'VLOOKUP(Name, Name, Name) &lt;&gt; "x"',
        message: 'A rule the local org cannot run',
      }),
      [`${OBJECTS}/Account/validationRules/Hot_Needs_Permission.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'AND(ISPICKVAL(Rating, "Hot"), NOT($Permission.Rate_Hot))',
        message: 'Only raters may rate an account Hot',
        field: 'Rating',
      }),
      [`${OBJECTS}/Account/validationRules/Frozen_When_Cold.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'AND(NOT(ISNEW()), ISPICKVAL(PRIORVALUE(Rating), "Cold"), $Profile.Name = "System Administrator")',
        message: 'Cold accounts are frozen',
      }),
      [`${OBJECTS}/Contact/validationRules/Prospects_Need_Email.validationRule-meta.xml`]: ruleXml({
        active: true,
        formula: 'AND(ISPICKVAL(Account.Type, "Prospect"), ISBLANK(Email))',
        message: 'Contacts of prospects need an email',
        field: 'Email',
      }),
    });
    org = await startTestOrg({ metadataDir: dir });
    conn = await org.login(adminUser.username, PASSWORD);
  });

  after(async () => {
    await org.close();
    removeProjects();
  });

  const rejection = async (promise: Promise<unknown>): Promise<ApiError> => {
    try {
      await promise;
    } catch (err) {
      return err as ApiError;
    }
    assert.fail('the save succeeded');
  };

  const log = async (recordId: string): Promise<LogEntry[]> =>
    ((await conn.request(`/services/data/v60.0/golive/automation-log?recordId=${recordId}&kind=validationRule`)) as { entries: LogEntry[] }).entries;

  const createAccount = async (fields: Record<string, unknown>) => {
    const r = (await conn.sobject('Account').create({ Name: 'Acme', ...fields })) as SaveResult;
    assert.ok(r.success);
    return r.id!;
  };

  it('loads with exactly one problem: the rule it cannot run', () => {
    const problems = org.org.definition.problems;
    assert.deepEqual(
      problems.map((p) => [p.file.split('/').pop(), p.element]),
      [['Unsupported.validationRule-meta.xml', 'errorConditionFormula']],
    );
  });

  it('refuses a record an active rule matches, with its message on its field', async () => {
    const err = await rejection(conn.sobject('Account').create({ Name: 'Acme', Phone: '5550100' }));
    assert.equal(err.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.equal(err.message, 'Phone must look like 555-0100');
    assert.deepEqual(fieldsOf(err), ['Phone']);
    assert.equal((await conn.query("SELECT Id FROM Account WHERE Phone = '5550100'")).totalSize, 0);
  });

  it('saves what no active rule matches: inactive and uncompilable rules do not run', async () => {
    const id = await createAccount({ Phone: '555-0100' });
    const entries = await log(id);
    // Phone_Format, No_Test_Names, Hot_Needs_Permission, Frozen_When_Cold: evaluated, passed.
    assert.deepEqual(entries.map((e) => [e.name, e.outcome]).sort(), [
      ['Frozen_When_Cold', 'skipped'],
      ['Hot_Needs_Permission', 'skipped'],
      ['No_Test_Names', 'skipped'],
      ['Phone_Format', 'skipped'],
    ]);
  });

  it('reports a rule without a display field at the record level', async () => {
    const err = await rejection(conn.sobject('Account').create({ Name: 'Test Account' }));
    assert.equal(err.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.equal(err.message, 'No test accounts');
    assert.deepEqual(fieldsOf(err), []);
  });

  it('reports every rule that fails, as Salesforce does: jsforce sees MULTIPLE_API_ERRORS', async () => {
    const err = await rejection(conn.sobject('Account').create({ Name: 'Test Account', Phone: 'call me' }));
    assert.equal(err.name, 'MULTIPLE_API_ERRORS');
    assert.deepEqual(
      errorsOf(err).map((e) => [e.errorCode, e.message, e.fields ?? []]),
      [
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'No test accounts', []],
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Phone must look like 555-0100', ['Phone']],
      ],
    );
  });

  it('runs on update, keeps the stored record, and logs the block though the save rolled back', async () => {
    const id = await createAccount({ Phone: '555-0101' });
    const err = await rejection(conn.sobject('Account').update({ Id: id, Phone: 'nope' }));
    assert.equal(err.message, 'Phone must look like 555-0100');
    assert.equal(((await conn.sobject('Account').retrieve(id)) as { Phone: string }).Phone, '555-0101');
    const blocked = (await log(id)).filter((e) => e.outcome === 'blocked');
    assert.equal(blocked.length, 1);
    assert.deepEqual(
      { name: blocked[0].name, object: blocked[0].object, recordId: blocked[0].recordId, rolledBack: blocked[0].rolledBack },
      { name: 'Phone_Format', object: 'Account', recordId: id, rolledBack: true },
    );
    assert.match(blocked[0].detail, /Phone must look like 555-0100 \(on Phone\)/);
  });

  it('compares with the value before the change (PRIORVALUE, ISNEW) and reads $Profile', async () => {
    const id = await createAccount({ Rating: 'Cold' });
    const err = await rejection(conn.sobject('Account').update({ Id: id, Rating: 'Warm' }));
    assert.equal(err.message, 'Cold accounts are frozen');
    const warm = await createAccount({ Rating: 'Warm' });
    await conn.sobject('Account').update({ Id: warm, Rating: 'Cold' });
    // Deletes run no validation rule.
    const deleted = (await conn.sobject('Account').destroy(id)) as SaveResult;
    assert.equal(deleted.success, true);
  });

  it('reads $Permission from the permission sets assigned now', async () => {
    const err = await rejection(conn.sobject('Account').create({ Name: 'Acme', Rating: 'Hot' }));
    assert.equal(err.message, 'Only raters may rate an account Hot');
    assert.deepEqual(fieldsOf(err), ['Rating']);
    const userId = (await conn.identity()).user_id;
    const raters = (await conn.query<{ Id: string }>("SELECT Id FROM PermissionSet WHERE Name = 'Raters'")).records[0].Id;
    await conn.sobject('PermissionSetAssignment').create({ AssigneeId: userId, PermissionSetId: raters });
    await createAccount({ Rating: 'Hot' });
  });

  it('follows lookups: a contact rule reads its account', async () => {
    const prospect = await createAccount({ Type: 'Prospect' });
    const customer = await createAccount({ Type: 'Customer - Direct' });
    const err = await rejection(conn.sobject('Contact').create({ LastName: 'Lovelace', AccountId: prospect }));
    assert.equal(err.message, 'Contacts of prospects need an email');
    assert.deepEqual(fieldsOf(err), ['Email']);
    assert.equal(((await conn.sobject('Contact').create({ LastName: 'Lovelace', AccountId: customer })) as SaveResult).success, true);
    assert.equal(((await conn.sobject('Contact').create({ LastName: 'Lovelace', AccountId: prospect, Email: 'ada@example.com' })) as SaveResult).success, true);
  });

  it('in a collection without allOrNone, saves the valid records and lists every error of the invalid one', async () => {
    const results = (await conn.sobject('Account').create([
      { Name: 'Coll A', Phone: '555-0102' },
      { Name: 'Coll Test', Phone: 'bad' },
      { Name: 'Coll C' },
    ])) as SaveResult[];
    assert.deepEqual(results.map((r) => r.success), [true, false, true]);
    assert.deepEqual(
      results[1].errors.map((e) => [e.statusCode, e.message, e.fields]),
      [
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'No test accounts', []],
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Phone must look like 555-0100', ['Phone']],
      ],
    );
    assert.equal((await conn.query("SELECT Id FROM Account WHERE Name LIKE 'Coll%'")).totalSize, 2);
  });

  it('in a collection with allOrNone, rolls every record back', async () => {
    const results = (await conn.sobject('Account').create(
      [
        { Name: 'Aon A' },
        { Name: 'Aon B', Phone: 'bad' },
      ],
      { allOrNone: true },
    )) as SaveResult[];
    assert.deepEqual(results.map((r) => r.success), [false, false]);
    assert.equal(results[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.deepEqual(results[1].errors.map((e) => e.message), ['Phone must look like 555-0100']);
    assert.equal((await conn.query("SELECT Id FROM Account WHERE Name LIKE 'Aon%'")).totalSize, 0);
  });
});
