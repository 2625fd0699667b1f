import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * The default org's lead assignment rule (Web_Leads_By_Region) through the real jsforce client,
 * as a harness test would check it: who owns the lead after the API creates it.
 */

let org: TestOrg;
let conn: Connection;
let seq = 0;
const ids: Record<string, string> = {};

async function userId(username: string): Promise<string> {
  const res = await conn.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = '${username}'`);
  assert.equal(res.totalSize, 1, username);
  return res.records[0].Id;
}

async function createLead(fields: Record<string, unknown>, headers?: Record<string, string>): Promise<string> {
  seq += 1;
  const record = { LastName: `Assign${seq}`, Company: `Assign Co ${seq}`, Email: `assign${seq}@leads.example`, ...fields };
  const res = headers ? await conn.sobject('Lead').create(record, { headers }) : await conn.sobject('Lead').create(record);
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

async function ownerOf(id: string): Promise<string> {
  const lead = await conn.sobject('Lead').retrieve(id, { fields: ['OwnerId'] } as never);
  return (lead as unknown as { OwnerId: string }).OwnerId;
}

describe('the default org assigns web leads by region', () => {
  before(async () => {
    org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
    ids.admin = await userId(admin.username);
    ids.junior = await userId(defaultOrgUser('junior-rep').username);
    ids.senior = await userId(defaultOrgUser('senior-rep').username);
    const queue = await conn.query<{ Id: string }>(`SELECT Id FROM Group WHERE DeveloperName = 'Unassigned_Leads' AND Type = 'Queue'`);
    ids.queue = queue.records[0].Id;
  });
  after(async () => {
    await org?.close();
  });

  it('gives a web lead from an East state to the East rep (junior-rep)', async () => {
    const id = await createLead({ LeadSource: 'Web', State: 'NY' });
    assert.equal(await ownerOf(id), ids.junior);
  });

  it('gives a web lead from a West state to the West rep (senior-rep)', async () => {
    const id = await createLead({ LeadSource: 'Web', State: 'ca' });
    assert.equal(await ownerOf(id), ids.senior);
  });

  it('gives other web leads, with or without a state, to the Unassigned Leads queue', async () => {
    assert.equal(await ownerOf(await createLead({ LeadSource: 'Web', State: 'TX' })), ids.queue);
    assert.equal(await ownerOf(await createLead({ LeadSource: 'Web' })), ids.queue);
  });

  it('leaves a non-web lead with its creator, even from an East state', async () => {
    const id = await createLead({ LeadSource: 'Phone Inquiry', State: 'NY' });
    assert.equal(await ownerOf(id), ids.admin);
  });

  it('keeps the creator as owner when the call says Sforce-Auto-Assign: FALSE', async () => {
    const id = await createLead({ LeadSource: 'Web', State: 'NY' }, { 'Sforce-Auto-Assign': 'FALSE' });
    assert.equal(await ownerOf(id), ids.admin);
  });

  it('reassigns on update too, as REST applies the rule by default on updates', async () => {
    const id = await createLead({ LeadSource: 'Web', State: 'NY' });
    await conn.sobject('Lead').update({ Id: id, State: 'OR' });
    assert.equal(await ownerOf(id), ids.senior);
    await conn.sobject('Lead').update({ Id: id, State: 'NJ' }, { headers: { 'Sforce-Auto-Assign': 'false' } } as never);
    assert.equal(await ownerOf(id), ids.senior, 'no reassignment when the update says FALSE');
  });

  it('assigns through sObject Collections as well, record by record', async () => {
    const results = await conn.sobject('Lead').create([
      { LastName: 'Coll1', Company: 'Coll Co', LeadSource: 'Web', State: 'MA' },
      { LastName: 'Coll2', Company: 'Coll Co', LeadSource: 'Web', State: 'WA' },
    ]);
    assert.deepEqual(results.map((r) => r.success), [true, true]);
    assert.equal(await ownerOf(results[0].id!), ids.junior);
    assert.equal(await ownerOf(results[1].id!), ids.senior);
  });

  it('records each decision in the automation log', async () => {
    const east = await createLead({ LeadSource: 'Web', State: 'FL' });
    const phone = await createLead({ LeadSource: 'Other', State: 'FL' });
    const log = async (recordId: string) =>
      (await conn.request<{ entries: Array<{ kind: string; name: string; outcome: string; detail: string }> }>(
        `/services/data/v60.0/golive/automation-log?kind=assignmentRule&recordId=${recordId}`,
      )).entries;
    const [fired] = await log(east);
    assert.equal(fired.name, 'Web_Leads_By_Region');
    assert.equal(fired.outcome, 'fired');
    assert.match(fired.detail, /Entry 1 .*junior\.rep@golive\.local/);
    const [skipped] = await log(phone);
    assert.equal(skipped.outcome, 'skipped');
    assert.match(skipped.detail, /No entry matched/);
  });
});
