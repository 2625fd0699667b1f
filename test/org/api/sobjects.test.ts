import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { conformanceTarget, type ConformanceTarget } from '../../support/conformanceTarget.ts';
import { defaultOrgUser } from '../../support/testOrg.ts';

/** jsforce rejects with an error carrying Salesforce's errorCode; this returns it. */
async function errorOf(promise: Promise<unknown>): Promise<{ errorCode: string; message: string; fields?: string[] }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { errorCode?: string; name?: string; message: string; data?: { fields?: string[] } };
    return { errorCode: e.errorCode ?? e.name ?? 'NONE', message: e.message, fields: e.data?.fields };
  }
  assert.fail('expected the call to fail');
}

describe('REST sObject resources through jsforce', () => {
  let target: ConformanceTarget;
  let conn: Connection;

  before(async () => {
    target = await conformanceTarget(defaultOrgUser('admin'));
    conn = await target.admin();
  });
  after(() => target.close());

  it('lists API versions without a session and 404s an unknown version', async () => {
    const res = await fetch(`${conn.instanceUrl}/services/data`);
    const versions = (await res.json()) as Array<{ version: string; url: string; label: string }>;
    assert.ok(versions.some((v) => v.version === '60.0' && v.url === '/services/data/v60.0' && v.label === "Spring '24"));
    const bad = await fetch(`${conn.instanceUrl}/services/data/v9.0/sobjects`, { headers: { Authorization: `Bearer ${conn.accessToken}` } });
    assert.equal(bad.status, 404);
    assert.equal(((await bad.json()) as Array<{ errorCode: string }>)[0].errorCode, 'NOT_FOUND');
  });

  it('refuses a call without a valid session with INVALID_SESSION_ID (401)', async () => {
    const res = await fetch(`${conn.instanceUrl}/services/data/v60.0/sobjects`, { headers: { Authorization: 'Bearer nope' } });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('creates, retrieves (15- and 18-character ids), updates and deletes a lead', async () => {
    const created = await conn.sobject('Lead').create({ LastName: 'Okafor', FirstName: 'Ada', Company: 'Okafor Ltd', AnnualRevenue: '1200000' });
    assert.equal(created.success, true);
    const id = created.id!;
    assert.match(id, /^00Q[0-9A-Za-z]{15}$/);

    const lead = await conn.sobject('Lead').retrieve(id.slice(0, 15));
    assert.equal(lead.Id, id);
    assert.equal(lead.Name, 'Ada Okafor');
    assert.equal(lead.AnnualRevenue, 1200000);
    assert.equal(lead.IsConverted, false);
    assert.equal(lead.Status, 'Open - Not Contacted', 'the picklist default applies on create');
    assert.deepEqual((lead as { attributes: unknown }).attributes, { type: 'Lead', url: `/services/data/v60.0/sobjects/Lead/${id}` });

    const updated = await conn.sobject('Lead').update({ Id: id, Company: 'Okafor & Daughters', FirstName: null });
    assert.equal(updated.success, true);
    const after = await conn.sobject('Lead').retrieve(id, { fields: ['company', 'Name', 'FirstName'] } as never);
    assert.deepEqual(
      { Company: after.Company, Name: after.Name, FirstName: after.FirstName },
      { Company: 'Okafor & Daughters', Name: 'Okafor', FirstName: null },
    );

    const deleted = await conn.sobject('Lead').destroy(id);
    assert.equal(deleted.success, true);
    assert.equal((await errorOf(conn.sobject('Lead').retrieve(id))).errorCode, 'ENTITY_IS_DELETED');
  });

  it('sets the audit fields and the owner from the session user', async () => {
    const { id } = await conn.sobject('Account').create({ Name: 'Audit Co' });
    const account = await conn.sobject('Account').retrieve(id!);
    assert.equal(account.OwnerId, conn.userInfo!.id);
    assert.equal(account.CreatedById, conn.userInfo!.id);
    assert.match(String(account.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
  });

  it('answers describeGlobal and describe with the fields, picklists and relationships', async () => {
    const global = await conn.describeGlobal();
    const names = global.sobjects.map((s) => s.name);
    for (const n of ['Account', 'Contact', 'Lead', 'Opportunity', 'Task', 'User']) assert.ok(names.includes(n), `${n} in describeGlobal`);
    const lead = await conn.sobject('Lead').describe();
    assert.equal(lead.keyPrefix, '00Q');
    const status = lead.fields.find((f) => f.name === 'Status')!;
    assert.equal(status.type, 'picklist');
    assert.ok(status.picklistValues!.some((p) => p.value === 'Working - Contacted'));
    const region = lead.fields.find((f) => f.name === 'Region__c')!;
    assert.equal(region.custom, true);
    const isConverted = lead.fields.find((f) => f.name === 'IsConverted')!;
    assert.equal(isConverted.createable, false);
    const account = await conn.sobject('Account').describe();
    const contacts = account.childRelationships.find((c) => c.relationshipName === 'Contacts');
    assert.deepEqual({ child: contacts?.childSObject, field: contacts?.field }, { child: 'Contact', field: 'AccountId' });
    const contact = await conn.sobject('Contact').describe();
    const accountId = contact.fields.find((f) => f.name === 'AccountId')!;
    assert.deepEqual([accountId.referenceTo, accountId.relationshipName], [['Account'], 'Account']);
    assert.ok(account.recordTypeInfos.some((r) => r.master));
  });

  it('reports limits with the calls made today', async () => {
    const limits = (await conn.request('/services/data/v60.0/limits')) as Record<string, { Max: number; Remaining: number }>;
    assert.ok(limits.DailyApiRequests.Max > 0);
    assert.ok(limits.DailyApiRequests.Remaining < limits.DailyApiRequests.Max, 'calls made so far are counted');
  });
});
