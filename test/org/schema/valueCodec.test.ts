import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineField, defineObject } from '../../../src/org/schema/defineObject.ts';
import { OrgSchema } from '../../../src/org/schema/types.ts';
import { parseDateTime, toApi, toStored } from '../../../src/org/schema/valueCodec.ts';
import { SalesforceError } from '../../../src/org/errors/SalesforceError.ts';

const account = defineObject({ name: 'Account', keyPrefix: '001' }, [{ name: 'Name', type: 'string', length: 255 }]);
const lead = defineObject({ name: 'Lead', keyPrefix: '00Q' }, []);
const schema = new OrgSchema([account, lead]);
const field = (spec: Parameters<typeof defineField>[0]) => defineField({ label: spec.name, ...spec });

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SalesforceError, String(err));
    return err.errorCode;
  }
  return 'OK';
}

describe('value codec', () => {
  const cases: Array<[string, Parameters<typeof defineField>[0], unknown, unknown]> = [
    ['text', { name: 'T', type: 'string', length: 5 }, 'abc', 'abc'],
    ['number as text', { name: 'T', type: 'string', length: 5 }, 12, '12'],
    ['empty text is null', { name: 'T', type: 'string', length: 5 }, '', null],
    ['currency rounds to its scale', { name: 'C', type: 'currency', precision: 18, scale: 2 }, '10.005', 10.01],
    ['int', { name: 'I', type: 'int', digits: 9 }, '42', 42],
    ['boolean true', { name: 'B', type: 'boolean' }, 'true', 1],
    ['null boolean is false', { name: 'B', type: 'boolean' }, null, 0],
    ['date', { name: 'D', type: 'date' }, '2026-02-28', '2026-02-28'],
    ['datetime with offset to UTC', { name: 'DT', type: 'datetime' }, '2026-02-28T23:30:00-02:00', '2026-03-01T01:30:00.000+0000'],
    ['datetime Z', { name: 'DT', type: 'datetime' }, '2026-02-28T10:00:00Z', '2026-02-28T10:00:00.000+0000'],
    ['multi-select dedupes', { name: 'M', type: 'multipicklist' }, 'a;b;a', 'a;b'],
    ['15-char lookup to 18', { name: 'AccountId', type: 'reference', referenceTo: ['Account'] }, '001D000000IqhSL', '001D000000IqhSLIAZ'],
  ];
  for (const [name, spec, input, stored] of cases) {
    it(`stores ${name}`, () => assert.equal(toStored(schema, field(spec), input), stored));
  }

  const refusals: Array<[string, Parameters<typeof defineField>[0], unknown, string]> = [
    ['too long', { name: 'T', type: 'string', length: 5 }, 'abcdef', 'STRING_TOO_LONG'],
    ['object into text', { name: 'T', type: 'string', length: 5 }, { a: 1 }, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['text into number', { name: 'C', type: 'currency', precision: 18, scale: 2 }, 'ten', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['decimal into int', { name: 'I', type: 'int', digits: 9 }, 1.5, 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['too many digits', { name: 'P', type: 'percent', precision: 3, scale: 0 }, 1000, 'NUMBER_OUTSIDE_VALID_RANGE'],
    ['bad boolean', { name: 'B', type: 'boolean' }, 'yes', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['impossible date', { name: 'D', type: 'date' }, '2026-02-30', 'INVALID_TYPE_ON_FIELD_IN_RECORD'],
    ['bad email', { name: 'E', type: 'email', length: 80 }, 'not-an-email', 'INVALID_EMAIL_ADDRESS'],
    ['restricted picklist', { name: 'P', type: 'picklist', restrictedPicklist: true, picklistValues: [{ value: 'A', label: 'A', active: true, defaultValue: false }] }, 'B', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
    ['inactive restricted value', { name: 'P', type: 'picklist', restrictedPicklist: true, picklistValues: [{ value: 'A', label: 'A', active: false, defaultValue: false }] }, 'A', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'],
    ['malformed lookup id', { name: 'AccountId', type: 'reference', referenceTo: ['Account'] }, 'xyz', 'MALFORMED_ID'],
    ['lookup to the wrong object', { name: 'AccountId', type: 'reference', referenceTo: ['Account'] }, '00Q000000000000EAA', 'FIELD_INTEGRITY_EXCEPTION'],
  ];
  for (const [name, spec, input, expected] of refusals) {
    it(`refuses ${name} with ${expected}`, () => assert.equal(code(() => toStored(schema, field(spec), input)), expected));
  }

  it('gives booleans and numbers back in API form', () => {
    assert.equal(toApi(field({ name: 'B', type: 'boolean' }), 1), true);
    assert.equal(toApi(field({ name: 'B', type: 'boolean' }), null), false);
    assert.equal(toApi(field({ name: 'C', type: 'currency' }), 12.5), 12.5);
  });

  it('parses only real datetimes', () => {
    assert.equal(parseDateTime('2026-13-01T00:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-01-01T24:00:00Z'), undefined);
    assert.equal(parseDateTime('2026-01-01T10:00:00.123456Z')?.toISOString(), '2026-01-01T10:00:00.123Z');
  });
});
