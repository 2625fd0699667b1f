import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * The default org's validation rules, through the real jsforce as the admin: each refuses with
 * its message on its field and lets valid records through, on insert, update and in
 * collections. The org's clock is pinned: TODAY() is 2026-06-15 for the admin (Los Angeles).
 */

interface ApiError {
  errorCode?: string;
  name?: string;
  message: string;
  data?: { fields?: string[] } | Array<{ errorCode: string; message: string; fields?: string[] }>;
}

interface SaveResult {
  id?: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
}

const PHONE_MESSAGE = 'Enter the phone number in the format (NNN) NNN-NNNN, for example (415) 555-0123.';
const AMOUNT_MESSAGE = 'Enter an Amount before moving the opportunity to Proposal/Price Quote, Negotiation/Review or Closed Won.';
const CLOSE_DATE_MESSAGE = 'The close date of an open opportunity cannot be in the past. Choose today or a later date, or close the opportunity.';

describe('the default org validation rules', () => {
  let org: TestOrg;
  let conn: Connection;
  let clock = new Date('2026-06-15T18:00:00.000Z');

  before(async () => {
    org = await startTestOrg({ now: () => clock });
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
  });
  after(() => org.close());

  const rejection = async (promise: Promise<unknown>): Promise<ApiError> => {
    try {
      await promise;
    } catch (err) {
      return err as ApiError;
    }
    assert.fail('the save succeeded');
  };

  /** One refusal by one rule: code, message and field. */
  const assertRefused = (err: ApiError, message: string, field: string) => {
    assert.equal(err.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', err.message);
    assert.equal(err.message, message);
    assert.deepEqual(Array.isArray(err.data) ? err.data : err.data?.fields, [field]);
  };

  const create = async (object: string, fields: Record<string, unknown>) => {
    const r = (await conn.sobject(object).create(fields)) as SaveResult;
    assert.ok(r.success, JSON.stringify(r));
    return r.id!;
  };

  const lead = (fields: Record<string, unknown> = {}) => ({ LastName: 'Lovelace', Company: 'Engines Ltd', ...fields });
  const opportunity = (fields: Record<string, unknown> = {}) => ({ Name: 'Engines deal', StageName: 'Prospecting', CloseDate: '2026-09-30', ...fields });

  it('loads with no problems', () => {
    assert.deepEqual(org.org.definition.problems, []);
    assert.deepEqual(
      (org.org.definition.automation.validationRules ?? []).map((r) => `${r.object}.${r.fullName}`),
      ['Lead.Phone_Format', 'Opportunity.Amount_Required_From_Proposal', 'Opportunity.Close_Date_Not_In_Past'],
    );
  });

  describe('Lead.Phone_Format', () => {
    for (const phone of ['555-0123', '415 555 0123', '(415)555-0123', '+1 415-555-0123', '(415) 555-01234']) {
      it(`refuses ${phone}`, async () => {
        assertRefused(await rejection(conn.sobject('Lead').create(lead({ Phone: phone }))), PHONE_MESSAGE, 'Phone');
      });
    }

    it('accepts (NNN) NNN-NNNN, and no phone at all', async () => {
      await create('Lead', lead({ Phone: '(415) 555-0123' }));
      await create('Lead', lead());
    });

    it('refuses an update to another format and keeps the stored phone', async () => {
      const id = await create('Lead', lead({ Phone: '(415) 555-0124' }));
      assertRefused(await rejection(conn.sobject('Lead').update({ Id: id, Phone: '415.555.0124' })), PHONE_MESSAGE, 'Phone');
      assert.equal(((await conn.sobject('Lead').retrieve(id)) as { Phone: string }).Phone, '(415) 555-0124');
      await conn.sobject('Lead').update({ Id: id, Phone: null });
    });

    it('leaves email syntax and the required fields to the fields themselves', async () => {
      assert.equal((await rejection(conn.sobject('Lead').create(lead({ Email: 'not an email' })))).errorCode, 'INVALID_EMAIL_ADDRESS');
      assert.equal((await rejection(conn.sobject('Lead').create({ LastName: 'Lovelace' }))).errorCode, 'REQUIRED_FIELD_MISSING');
    });
  });

  describe('Opportunity.Amount_Required_From_Proposal', () => {
    for (const stage of ['Proposal/Price Quote', 'Negotiation/Review', 'Closed Won']) {
      it(`refuses ${stage} without an Amount, accepts it with one`, async () => {
        assertRefused(await rejection(conn.sobject('Opportunity').create(opportunity({ StageName: stage }))), AMOUNT_MESSAGE, 'Amount');
        await create('Opportunity', opportunity({ StageName: stage, Amount: 1000 }));
      });
    }

    it('lets earlier stages and Closed Lost through without an Amount', async () => {
      for (const stage of ['Prospecting', 'Qualification', 'Perception Analysis', 'Closed Lost']) await create('Opportunity', opportunity({ StageName: stage }));
    });

    it('refuses moving an opportunity without an Amount to Proposal/Price Quote', async () => {
      const id = await create('Opportunity', opportunity());
      assertRefused(await rejection(conn.sobject('Opportunity').update({ Id: id, StageName: 'Proposal/Price Quote' })), AMOUNT_MESSAGE, 'Amount');
      await conn.sobject('Opportunity').update({ Id: id, StageName: 'Proposal/Price Quote', Amount: 500 });
      assertRefused(await rejection(conn.sobject('Opportunity').update({ Id: id, Amount: null })), AMOUNT_MESSAGE, 'Amount');
    });
  });

  describe('Opportunity.Close_Date_Not_In_Past', () => {
    it('refuses an open opportunity created with a close date in the past; today is fine', async () => {
      assertRefused(await rejection(conn.sobject('Opportunity').create(opportunity({ CloseDate: '2026-06-14' }))), CLOSE_DATE_MESSAGE, 'CloseDate');
      await create('Opportunity', opportunity({ CloseDate: '2026-06-15' }));
    });

    it('takes today in the user time zone: at 01:00 UTC it is still yesterday in Los Angeles', async () => {
      const saved = clock;
      clock = new Date('2026-06-16T01:00:00.000Z');
      try {
        await create('Opportunity', opportunity({ CloseDate: '2026-06-15' }));
      } finally {
        clock = saved;
      }
    });

    it('lets a closed opportunity keep a past close date', async () => {
      await create('Opportunity', opportunity({ StageName: 'Closed Lost', CloseDate: '2026-01-31' }));
      await create('Opportunity', opportunity({ StageName: 'Closed Won', Amount: 10, CloseDate: '2026-01-31' }));
    });

    it('checks an existing open opportunity only when its close date or stage changes', async () => {
      const id = await create('Opportunity', opportunity({ CloseDate: '2026-06-20' }));
      const saved = clock;
      clock = new Date('2026-07-01T18:00:00.000Z');
      try {
        // The date has passed: other edits still save.
        await conn.sobject('Opportunity').update({ Id: id, Description: 'still talking' });
        assertRefused(await rejection(conn.sobject('Opportunity').update({ Id: id, CloseDate: '2026-06-25' })), CLOSE_DATE_MESSAGE, 'CloseDate');
        assertRefused(await rejection(conn.sobject('Opportunity').update({ Id: id, StageName: 'Qualification' })), CLOSE_DATE_MESSAGE, 'CloseDate');
        await conn.sobject('Opportunity').update({ Id: id, StageName: 'Closed Lost' });
      } finally {
        clock = saved;
      }
    });
  });

  it('reports both opportunity rules at once', async () => {
    const err = await rejection(conn.sobject('Opportunity').create(opportunity({ StageName: 'Negotiation/Review', CloseDate: '2025-12-31' })));
    assert.equal(err.name, 'MULTIPLE_API_ERRORS');
    assert.ok(Array.isArray(err.data));
    assert.deepEqual(
      err.data.map((e) => [e.errorCode, e.message, e.fields]),
      [
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', AMOUNT_MESSAGE, ['Amount']],
        ['FIELD_CUSTOM_VALIDATION_EXCEPTION', CLOSE_DATE_MESSAGE, ['CloseDate']],
      ],
    );
  });

  it('in a collection, refuses the invalid record alone, or all of them with allOrNone', async () => {
    const records = [lead({ LastName: 'Coll-1', Phone: '(415) 555-0001' }), lead({ LastName: 'Coll-2', Phone: '415-555-0002' }), lead({ LastName: 'Coll-3' })];
    const partial = (await conn.sobject('Lead').create(records)) as SaveResult[];
    assert.deepEqual(partial.map((r) => r.success), [true, false, true]);
    assert.deepEqual(partial[1].errors, [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: PHONE_MESSAGE, fields: ['Phone'] }]);

    const all = (await conn.sobject('Lead').create(records.map((r) => ({ ...r, LastName: `Aon-${r.LastName}` })), { allOrNone: true })) as SaveResult[];
    assert.deepEqual(all.map((r) => r.success), [false, false, false]);
    assert.deepEqual(all.map((r) => r.errors[0].statusCode), ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'ALL_OR_NONE_OPERATION_ROLLED_BACK']);
    assert.equal((await conn.query("SELECT Id FROM Lead WHERE LastName LIKE 'Aon-%'")).totalSize, 0);
  });

  it('shows the blocking rule in the automation log although the save rolled back', async () => {
    const id = await create('Lead', lead({ Phone: '(415) 555-0199' }));
    await rejection(conn.sobject('Lead').update({ Id: id, Phone: 'call me maybe' }));
    const log = (await conn.request(`/services/data/v60.0/golive/automation-log?recordId=${id}`)) as {
      entries: Array<{ kind: string; name: string; outcome: string; rolledBack: boolean; detail: string }>;
    };
    const entries = log.entries.filter((e) => e.kind === 'validationRule');
    assert.deepEqual(
      entries.map((e) => [e.name, e.outcome, e.rolledBack]),
      [
        ['Phone_Format', 'skipped', false],
        ['Phone_Format', 'blocked', true],
      ],
    );
    assert.equal(entries[1].detail, `${PHONE_MESSAGE} (on Phone)`);
  });
});
