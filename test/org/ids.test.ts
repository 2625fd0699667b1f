import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checksumSuffix, decodeSequence, encodeSequence, keyPrefixOf, makeId, sequenceOf, toId15, toId18 } from '../../src/org/ids/salesforceId.ts';

describe('Salesforce ids', () => {
  it('computes the 18-character suffix as Salesforce does', () => {
    // Pairs as Salesforce shows them (15-character id in the UI, 18 in the API).
    const known: Array<[string, string]> = [
      ['001D000000IqhSL', '001D000000IqhSLIAZ'],
      ['003D000000QOJjW', '003D000000QOJjWIAX'],
      ['00Q000000000000', '00Q000000000000EAA'],
    ];
    for (const [id15, id18] of known) {
      assert.equal(id15 + checksumSuffix(id15), id18);
      assert.equal(toId18(id15), id18);
      assert.equal(toId15(id18), id15);
    }
  });

  it('accepts an 18-character id whatever the case of its suffix, and rejects a wrong suffix', () => {
    assert.equal(toId18('001D000000IqhSLiaz'), '001D000000IqhSLIAZ');
    assert.equal(toId18('001D000000IqhSLAAA'), undefined);
  });

  it('rejects what is not an id', () => {
    for (const bad of ['', '001', '001D000000IqhS', '001D000000IqhSL-AZ', 'not an id at all!', '001D000000IqhSLIAZX']) {
      assert.equal(toId18(bad), undefined, bad);
    }
  });

  it('issues ids with the key prefix, in creation order as text', () => {
    const a = makeId('00Q', 1);
    const b = makeId('00Q', 62);
    const c = makeId('00Q', 3844);
    assert.equal(keyPrefixOf(a), '00Q');
    assert.ok(a < b && b < c, 'text order is sequence order, so ORDER BY Id is creation order');
    assert.equal(sequenceOf(c), 3844);
    assert.equal(toId18(toId15(c)), c, 'the issued suffix is the real checksum');
    assert.equal(decodeSequence(encodeSequence(123456789)), 123456789);
    assert.equal(sequenceOf('001D000000IqhSLIAZ'), undefined, 'ids from elsewhere have no local sequence');
  });
});
