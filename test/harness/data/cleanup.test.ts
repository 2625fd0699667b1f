import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { RecordFactory } from '../../../fixtures/data/RecordFactory.ts';
import { planSweep } from '../../../src/harness/sweep/sweepRecords.ts';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * Cleanup removes what the factory created and what the org made from it: the Hot Lead Call
 * Task flow's tasks, the Closed Won flow's onboarding task, and a lead conversion's account,
 * contact and opportunity (with their tasks).
 */
describe('RecordFactory cleanup', () => {
  let org: TestOrg;
  let conn: Connection;

  before(async () => {
    org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
  });
  after(() => org.close());

  /** Ids (of any object) that still exist, as far as a query that skips the recycle bin sees. */
  async function stillThere(object: string, ids: string[]): Promise<string[]> {
    const result = await conn.query<{ Id: string }>(`SELECT Id FROM ${object} WHERE Id IN (${ids.map((id) => `'${id}'`).join(',')})`);
    return result.records.map((r) => r.Id);
  }

  it('deletes flow-created tasks and the records a conversion made', async () => {
    const records = await RecordFactory.open(conn, { runId: '20261122T1100-cleanp', seed: 99, ledgerDir: false });
    // Phone Inquiry: Web leads go to a queue by assignment rule, and queue-owned leads get no flow task.
    const hot = await records.lead({ Rating: 'Hot', LeadSource: 'Phone Inquiry' });
    const toConvert = await records.lead({ Rating: 'Hot', LeadSource: 'Phone Inquiry' });
    const account = await records.account();
    const won = await records.opportunity({ AccountId: account.Id, StageName: 'Closed Won' });

    const flowTasks = await conn.query<{ Id: string; WhoId: string | null; WhatId: string | null }>(
      `SELECT Id, WhoId, WhatId FROM Task WHERE WhoId IN ('${hot.Id}', '${toConvert.Id}') OR WhatId = '${account.Id}'`,
    );
    assert.equal(flowTasks.totalSize, 3, 'two hot-lead call tasks and one onboarding task');

    const conversion = await conn.soap.convertLead({ leadId: toConvert.Id, convertedStatus: 'Closed - Converted' });
    assert.equal(conversion.success, true, JSON.stringify(conversion.errors));
    assert.ok(conversion.accountId && conversion.contactId && conversion.opportunityId);
    // A task on the converted opportunity, made outside the factory: it goes with its parent.
    const oppTask = await conn.sobject('Task').create({ Subject: 'Send contract', Status: 'Not Started', Priority: 'Normal', WhatId: conversion.opportunityId });
    assert.ok(oppTask.success);

    const result = await records.cleanup();
    assert.equal(result.failures.length, 0);

    assert.deepEqual(await stillThere('Lead', [hot.Id, toConvert.Id]), []);
    assert.deepEqual(await stillThere('Account', [account.Id, conversion.accountId!]), []);
    assert.deepEqual(await stillThere('Contact', [conversion.contactId!]), []);
    assert.deepEqual(await stillThere('Opportunity', [won.Id, conversion.opportunityId!]), []);
    assert.deepEqual(await stillThere('Task', [...flowTasks.records.map((t) => t.Id), oppTask.id]), []);
    // And they are deleted, not merely hidden from this user.
    const binned = await conn.sobject('Lead').find({ Id: { $in: [hot.Id, toConvert.Id] } }, ['Id', 'IsDeleted']).scanAll(true);
    assert.ok(binned.every((r) => (r as { IsDeleted: boolean }).IsDeleted === true));
  });

  it('is tolerant of records already deleted, and repeats without error', async () => {
    const records = await RecordFactory.open(conn, { runId: '20261122T1101-twicex', seed: 5, ledgerDir: false });
    const leads = await records.leads(3);
    await conn.sobject('Lead').destroy(leads[0].Id);
    const refs = records.created();
    const result = await records.cleanup();
    assert.equal(result.failures.length, 0);
    assert.equal(result.deleted.length, 2);
    assert.equal(result.alreadyGone, 1);
    assert.deepEqual(await stillThere('Lead', refs.map((r) => r.id)), []);
  });

  it('refuses a reference that is not an sObject name and an id (a ledger is a file anyone can edit)', async () => {
    await assert.rejects(planSweep(conn, [{ object: 'Lead', id: "00Q' OR Name != '" }]), /not a record reference/);
    await assert.rejects(planSweep(conn, [{ object: 'Lead WHERE Id != null', id: '00Q5g0000000001EAA' }]), /not a record reference/);
  });
});
