import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { conformanceTarget, type ConformanceTarget } from '../../support/conformanceTarget.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/orgs/api-conformance');

type SfError = { errorCode?: string; message: string; data?: { fields?: string[] } };

/** Bad input gets Salesforce's error, never a crash or a 5xx. */
describe('bad input through jsforce and raw HTTP', () => {
  let target: ConformanceTarget;
  let conn: Connection;

  before(async () => {
    target = await conformanceTarget({ metadataDir: FIXTURE, username: 'admin@conformance.local', password: 'conformance-local-1' });
    conn = await target.admin();
  });
  after(() => target.close());

  const raw = (method: string, url: string, body?: string) =>
    fetch(`${conn.instanceUrl}/services/data/v60.0${url}`, {
      method,
      body,
      headers: { Authorization: `Bearer ${conn.accessToken}`, 'Content-Type': 'application/json' },
    });

  async function rejection(p: Promise<unknown>): Promise<SfError> {
    try {
      await p;
    } catch (err) {
      return err as SfError;
    }
    assert.fail('expected an error');
  }

  it('malformed JSON is JSON_PARSER_ERROR with a position', async () => {
    const res = await raw('POST', '/sobjects/Account', '{"Name": "Acme",}');
    assert.equal(res.status, 400);
    const [error] = (await res.json()) as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'JSON_PARSER_ERROR');
    assert.match(error.message, /line:1, column:\d+/);
  });

  it('an empty body is JSON_PARSER_ERROR', async () => {
    const res = await raw('POST', '/sobjects/Account', '');
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as Array<{ errorCode: string }>)[0].errorCode, 'JSON_PARSER_ERROR');
  });

  it('a value of the wrong type is INVALID_TYPE_ON_FIELD_IN_RECORD naming the field', async () => {
    const err = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Amount__c: 'lots' }));
    assert.equal(err.errorCode, 'INVALID_TYPE_ON_FIELD_IN_RECORD');
    assert.equal(err.message, 'Amount__c: value not of required type: lots');
    const date = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '31/12/2027' }));
    assert.equal(date.errorCode, 'INVALID_TYPE_ON_FIELD_IN_RECORD');
    const bool = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Paid__c: 'yes' }));
    assert.equal(bool.errorCode, 'INVALID_TYPE_ON_FIELD_IN_RECORD');
  });

  it('an id of another object is MALFORMED_ID', async () => {
    const { id: accountId } = await conn.sobject('Account').create({ Name: 'Wrong type' });
    const err = await rejection(conn.sobject('Invoice__c').retrieve(accountId!));
    assert.equal(err.errorCode, 'MALFORMED_ID');
    const upd = await rejection(conn.sobject('Contact').update({ Id: accountId!, LastName: 'x' }));
    assert.equal(upd.errorCode, 'MALFORMED_ID');
    const garbage = await rejection(conn.sobject('Account').retrieve('not-an-id'));
    assert.equal(garbage.errorCode, 'MALFORMED_ID');
  });

  it('a lookup to a record of the wrong object is FIELD_INTEGRITY_EXCEPTION; to a missing one INVALID_CROSS_REFERENCE_KEY', async () => {
    const { id: invoiceId } = await conn.sobject('Invoice__c').create({ Name: 'i', Due_Date__c: '2027-01-01' });
    const wrong = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Account__c: invoiceId }));
    assert.equal(wrong.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
    const missing = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Account__c: '001000000000001AAA' }));
    assert.equal(missing.errorCode, 'INVALID_CROSS_REFERENCE_KEY');
  });

  it('an unknown object is NOT_FOUND and an unknown field INVALID_FIELD', async () => {
    const obj = await rejection(conn.sobject('Nope__c').create({ Name: 'x' }));
    assert.equal(obj.errorCode, 'NOT_FOUND');
    const field = await rejection(conn.sobject('Account').create({ Name: 'x', Colour__c: 'red' }));
    assert.equal(field.errorCode, 'INVALID_FIELD');
    assert.equal(field.message, "No such column 'Colour__c' on sobject of type Account");
    const inCollection = await conn.sobject('Account').create([{ Name: 'ok' }, { Name: 'bad', Colour__c: 'red' }]);
    assert.deepEqual(inCollection.map((r) => r.success), [true, false]);
  });

  it('an oversize value is STRING_TOO_LONG with the limit', async () => {
    const err = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', External_Id__c: 'X'.repeat(21) }));
    assert.equal(err.errorCode, 'STRING_TOO_LONG');
    assert.match(err.message, /max length=20/);
  });

  it('a value outside a restricted picklist is refused', async () => {
    const err = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Status__c: 'Lost' }));
    assert.equal(err.errorCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    assert.equal(err.message, 'Status: bad value for restricted picklist field: Lost');
  });

  it('a missing required field is REQUIRED_FIELD_MISSING, on create and when cleared', async () => {
    const err = await rejection(conn.sobject('Invoice__c').create({ Name: 'x' }));
    assert.equal(err.errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal(err.message, 'Required fields are missing: [Due_Date__c]');
    const { id } = await conn.sobject('Invoice__c').create({ Name: 'y', Due_Date__c: '2027-01-01' });
    const cleared = await rejection(conn.sobject('Invoice__c').update({ Id: id!, Due_Date__c: null }));
    assert.equal(cleared.errorCode, 'REQUIRED_FIELD_MISSING');
  });

  it('read-only fields are INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
    const err = await rejection(conn.sobject('Account').create({ Name: 'x', CreatedDate: '2020-01-01T00:00:00Z' }));
    assert.equal(err.errorCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
  });

  it('a number too large for its precision is NUMBER_OUTSIDE_VALID_RANGE', async () => {
    const err = await rejection(conn.sobject('Invoice__c').create({ Name: 'x', Due_Date__c: '2027-01-01', Amount__c: 1234567 }));
    assert.equal(err.errorCode, 'NUMBER_OUTSIDE_VALID_RANGE');
  });

  it('a method a resource does not support is METHOD_NOT_ALLOWED (405) with the allowed ones', async () => {
    const res = await raw('PUT', '/sobjects/Account', '{}');
    assert.equal(res.status, 405);
    assert.deepEqual(await res.json(), [
      { errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'PUT' not allowed. Allowed are HEAD,GET,POST" },
    ]);
  });

  it('an unknown resource is NOT_FOUND (404)', async () => {
    const res = await raw('GET', '/nothing/here');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as Array<{ errorCode: string }>)[0].errorCode, 'NOT_FOUND');
  });
});
