import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * The default org's duplicate rule (Block_Duplicate_Open_Lead_Email on the Lead_Email_Exact
 * matching rule) through the real jsforce client: the error a harness sees, the ids it carries,
 * and what changes once the existing lead is converted.
 */

let org: TestOrg;
let conn: Connection;

interface DuplicateError extends Error {
  errorCode: string;
  data: {
    message: string;
    errorCode: string;
    duplicateResult: {
      allowSave: boolean;
      duplicateRule: string;
      duplicateRuleEntityType: string;
      errorMessage: string;
      matchResults: Array<{
        entityType: string;
        errors: unknown[];
        matchEngine: string;
        matchRecords: Array<{ additionalInformation: unknown[]; fieldDiffs: unknown[]; matchConfidence: number; record: { attributes: { type: string; url: string }; Id: string } }>;
        rule: string;
        size: number;
        success: boolean;
      }>;
    };
  };
}

async function createLead(fields: Record<string, unknown>): Promise<string> {
  const res = await conn.sobject('Lead').create({ LastName: 'Dup', Company: 'Dup Co', LeadSource: 'Other', ...fields });
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

async function rejected(fields: Record<string, unknown>): Promise<DuplicateError> {
  try {
    await conn.sobject('Lead').create({ LastName: 'Dup', Company: 'Dup Co', LeadSource: 'Other', ...fields });
  } catch (err) {
    return err as DuplicateError;
  }
  assert.fail('the duplicate lead was saved');
}

describe('the default org blocks a new lead with the email of an open lead', () => {
  before(async () => {
    org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
  });
  after(async () => {
    await org?.close();
  });

  it('refuses the new lead with DUPLICATES_DETECTED naming the existing lead', async () => {
    const existing = await createLead({ Email: 'pat.duplicate@dupes.example' });
    const err = await rejected({ Email: 'Pat.Duplicate@DUPES.example', LastName: 'Other' });
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
    assert.equal(err.message, 'A lead with this email address already exists. Use the existing lead instead.');
    const result = err.data.duplicateResult;
    assert.equal(result.allowSave, false);
    assert.equal(result.duplicateRule, 'Block_Duplicate_Open_Lead_Email');
    assert.equal(result.duplicateRuleEntityType, 'Lead');
    assert.equal(result.errorMessage, err.message);
    assert.equal(result.matchResults.length, 1);
    const [match] = result.matchResults;
    assert.deepEqual([match.entityType, match.matchEngine, match.rule, match.size, match.success], ['Lead', 'ExactMatchEngine', 'Lead_Email_Exact', 1, true]);
    assert.deepEqual(match.matchRecords[0], {
      additionalInformation: [],
      fieldDiffs: [],
      matchConfidence: 100,
      record: { attributes: { type: 'Lead', url: `/services/data/v60.0/sobjects/Lead/${existing}` }, Id: existing },
    });
    const found = await conn.query(`SELECT Id FROM Lead WHERE LastName = 'Other' AND Email = 'pat.duplicate@dupes.example'`);
    assert.equal(found.totalSize, 0, 'the duplicate was not saved');
  });

  it('blocks a seed lead\'s email too, whoever owns that lead (the rule bypasses sharing)', async () => {
    const err = await rejected({ Email: 'dana.scully@bureau.example' });
    assert.equal(err.errorCode, 'DUPLICATES_DETECTED');
    const seed = await conn.query<{ Id: string }>(`SELECT Id FROM Lead WHERE Email = 'dana.scully@bureau.example'`);
    assert.deepEqual(err.data.duplicateResult.matchResults[0].matchRecords.map((m) => m.record.Id), [seed.records[0].Id]);
  });

  it('reports the duplicate per record in sObject Collections', async () => {
    await createLead({ Email: 'coll.dup@dupes.example' });
    const results = await conn.sobject('Lead').create(
      [
        { LastName: 'Fresh', Company: 'Dup Co', Email: 'coll.fresh@dupes.example' },
        { LastName: 'Again', Company: 'Dup Co', Email: 'coll.dup@dupes.example' },
      ],
      { allOrNone: false },
    );
    assert.equal(results[0].success, true);
    assert.equal(results[1].success, false);
    const error = (results[1] as unknown as { errors: Array<{ statusCode?: string; errorCode?: string }> }).errors[0];
    assert.equal(error.statusCode ?? error.errorCode, 'DUPLICATES_DETECTED');
  });

  it('lets leads without an email through, and an edit of the existing lead itself', async () => {
    await createLead({});
    await createLead({});
    const id = await createLead({ Email: 'self.edit@dupes.example' });
    const res = await conn.sobject('Lead').update({ Id: id, Title: 'CTO' });
    assert.equal(res.success, true);
  });

  it('allows the email again once the existing lead is converted, and logs both saves', async () => {
    const existing = await createLead({ Email: 'convert.me@dupes.example' });
    const blocked = await rejected({ Email: 'convert.me@dupes.example' });
    assert.equal(blocked.data.duplicateResult.matchResults[0].matchRecords[0].record.Id, existing);
    const converted = await conn.soap.convertLead({ leadId: existing, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
    assert.ok(!Array.isArray(converted) && converted.success);
    const again = await createLead({ Email: 'convert.me@dupes.example', LastName: 'Returning' });

    const log = (await conn.request<{ entries: Array<{ name: string; recordId: string | null; outcome: string; detail: string }> }>(
      '/services/data/v60.0/golive/automation-log?kind=duplicateRule',
    )).entries;
    const blockedEntry = log.find((e) => e.outcome === 'blocked' && e.detail.includes(existing));
    assert.ok(blockedEntry, 'the blocked save is logged with the existing lead');
    assert.equal(blockedEntry.name, 'Block_Duplicate_Open_Lead_Email');
    assert.equal(blockedEntry.recordId, null);
    const passed = log.find((e) => e.recordId === again);
    assert.ok(passed, 'the allowed save is logged');
    assert.deepEqual([passed.outcome, passed.detail], ['skipped', 'No duplicates found.']);
  });
});
