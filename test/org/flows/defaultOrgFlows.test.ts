import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

/**
 * The default org's record-triggered flows, through the real jsforce: what a tester of the
 * default org sees (tasks, account types, the automation log), on a clock pinned to an evening
 * in Los Angeles (the users' time zone), so "today" is not the UTC date.
 */

// 03:00 UTC on 14 May is 20:00 on 13 May in Los Angeles.
const NOW = new Date('2025-05-14T03:00:00.000Z');
const TODAY_LA = '2025-05-13';
const IN_A_WEEK_LA = '2025-05-20';

interface Task {
  Id: string;
  Subject: string;
  OwnerId: string;
  WhoId: string | null;
  WhatId: string | null;
  ActivityDate: string;
  Priority: string;
  Status: string;
  Description: string | null;
}

interface LogEntry {
  kind: string;
  name: string;
  object: string;
  recordId: string;
  outcome: string;
  detail: string;
  affectedIds: string[];
  rolledBack: boolean;
}

async function errorOf(promise: Promise<unknown>): Promise<{ errorCode: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { errorCode?: string; name?: string; message: string };
    return { errorCode: e.errorCode ?? e.name ?? 'NONE', message: e.message };
  }
  assert.fail('expected the call to fail');
}

describe('the default org flows, through jsforce', () => {
  let org: TestOrg;
  let conn: Connection;
  const userIds = new Map<string, string>();

  before(async () => {
    org = await startTestOrg({ now: () => NOW });
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
    const users = await conn.query<{ Id: string; Username: string }>('SELECT Id, Username FROM User');
    for (const u of users.records) userIds.set(u.Username, u.Id);
  });
  after(() => org.close());

  const userId = (persona: string) => userIds.get(defaultOrgUser(persona).username)!;
  const tasksFor = async (field: 'WhoId' | 'WhatId', id: string) =>
    (await conn.query<Task>(`SELECT Id, Subject, OwnerId, WhoId, WhatId, ActivityDate, Priority, Status, Description FROM Task WHERE ${field} = '${id}' ORDER BY CreatedDate, Id`)).records;
  const flowLog = async (recordId: string, flow: string) => {
    const body = await conn.request<{ entries: LogEntry[] }>(`/services/data/v60.0/golive/automation-log?recordId=${recordId}&kind=flow`);
    return body.entries.filter((e) => e.name === flow && e.recordId === recordId);
  };
  const newLead = async (fields: Record<string, unknown>) => {
    const res = await conn.sobject('Lead').create({ LastName: 'Hotspur', Company: 'Percy Trading', ...fields });
    return res.id!;
  };

  describe('Hot_Lead_Call_Task', () => {
    it('gives the owner of a lead created Hot one "Call hot lead" task, due today in their time zone', async () => {
      const rep = userId('junior-rep');
      const lead = await newLead({ Rating: 'Hot', OwnerId: rep });
      const tasks = await tasksFor('WhoId', lead);
      assert.equal(tasks.length, 1);
      const [t] = tasks;
      assert.deepEqual(
        [t.Subject, t.OwnerId, t.WhoId, t.ActivityDate, t.Priority, t.Status],
        ['Call hot lead', rep, lead, TODAY_LA, 'High', 'Not Started'],
      );
      const log = await flowLog(lead, 'Hot_Lead_Call_Task');
      assert.deepEqual(log.map((e) => [e.outcome, e.object, e.affectedIds]), [['fired', 'Lead', [t.Id]]]);
      assert.match(log[0].detail, /Create_Call_Task \(created 00T/);
    });

    it('runs as the triggering user: a rep’s Hot lead gets a task created by and assigned to that rep', async () => {
      const rep = defaultOrgUser('junior-rep');
      const repConn = await org.login(rep.username, rep.password);
      const lead = (await repConn.sobject('Lead').create({ LastName: 'Glendower', Company: 'Welsh Wool', Rating: 'Hot' })).id!;
      const tasks = (await conn.query<Task & { CreatedById: string }>(`SELECT Id, OwnerId, CreatedById FROM Task WHERE WhoId = '${lead}'`)).records;
      assert.deepEqual(tasks.map((t) => [t.OwnerId, t.CreatedById]), [[userId('junior-rep'), userId('junior-rep')]]);
    });

    it('creates a task exactly once per change to Hot, never on unrelated changes', async () => {
      const lead = await newLead({ Rating: 'Warm', OwnerId: userId('senior-rep') });
      assert.equal((await tasksFor('WhoId', lead)).length, 0, 'a Warm lead gets no task');

      await conn.sobject('Lead').update({ Id: lead, Rating: 'Hot' });
      assert.equal((await tasksFor('WhoId', lead)).length, 1, 'updated to Hot: one task');

      await conn.sobject('Lead').update({ Id: lead, Title: 'Buyer' });
      await conn.sobject('Lead').update({ Id: lead, Rating: 'Hot' });
      assert.equal((await tasksFor('WhoId', lead)).length, 1, 'still Hot: no new task');

      await conn.sobject('Lead').update({ Id: lead, Rating: 'Cold' });
      await conn.sobject('Lead').update({ Id: lead, Rating: 'Hot' });
      const tasks = await tasksFor('WhoId', lead);
      assert.equal(tasks.length, 2, 'Hot again after Cold: a second task');

      const log = await flowLog(lead, 'Hot_Lead_Call_Task');
      assert.deepEqual(
        log.map((e) => e.outcome),
        ['skipped', 'fired', 'skipped', 'skipped', 'skipped', 'fired'],
      );
      assert.match(log[2].detail, /already met them before this change/);
      assert.deepEqual(log.filter((e) => e.outcome === 'fired').flatMap((e) => e.affectedIds), tasks.map((t) => t.Id));
    });

    it('gives a Hot lead in a queue no task until a user takes it over', async () => {
      const queue = (await conn.query<{ Id: string }>("SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = 'Unassigned_Leads'")).records[0].Id;
      const lead = await newLead({ Rating: 'Hot', OwnerId: queue });
      assert.equal((await tasksFor('WhoId', lead)).length, 0);

      const rep = userId('field-rep');
      await conn.sobject('Lead').update({ Id: lead, OwnerId: rep });
      const tasks = await tasksFor('WhoId', lead);
      assert.deepEqual(tasks.map((t) => [t.OwnerId, t.Subject]), [[rep, 'Call hot lead']]);

      await conn.sobject('Lead').update({ Id: lead, OwnerId: userId('senior-rep') });
      assert.equal((await tasksFor('WhoId', lead)).length, 1, 'passing a Hot lead between users adds no task');
    });
  });

  describe('Closed_Won_Customer_Onboarding', () => {
    const newDeal = async (accountFields: Record<string, unknown>, stage = 'Prospecting') => {
      const account = (await conn.sobject('Account').create({ Name: 'Nakatomi Trading', ...accountFields })).id!;
      const opp = (await conn.sobject('Opportunity').create({ Name: 'Nakatomi Tower Lease', StageName: stage, CloseDate: '2025-06-30', Amount: 120000, AccountId: account })).id!;
      return { account, opp };
    };

    it('makes the account a customer and gives its owner an onboarding task when the deal is won', async () => {
      const owner = userId('senior-rep');
      const { account, opp } = await newDeal({ Type: 'Prospect', OwnerId: owner });
      assert.equal((await tasksFor('WhatId', account)).length, 0, 'an open deal changes nothing');

      await conn.sobject('Opportunity').update({ Id: opp, StageName: 'Closed Won' });
      const acc = await conn.sobject('Account').retrieve(account);
      assert.equal(acc.Type, 'Customer - Direct');
      const tasks = await tasksFor('WhatId', account);
      assert.equal(tasks.length, 1);
      const [t] = tasks;
      assert.deepEqual(
        [t.Subject, t.OwnerId, t.WhatId, t.ActivityDate, t.Priority, t.Status],
        ['Onboard new customer', owner, account, IN_A_WEEK_LA, 'Normal', 'Not Started'],
      );
      assert.equal(t.Description, `Nakatomi Tower Lease was won on ${TODAY_LA}. Welcome the customer and plan the kickoff.`);

      await conn.sobject('Opportunity').update({ Id: opp, Amount: 250000 });
      assert.equal((await tasksFor('WhatId', account)).length, 1, 'editing a won deal adds no task');

      const log = await flowLog(opp, 'Closed_Won_Customer_Onboarding');
      assert.deepEqual(log.map((e) => e.outcome), ['skipped', 'fired', 'skipped']);
      assert.match(log[1].detail, /^Get_Account \(1 found\) → Is_Account_Already_A_Customer \(Not Yet A Customer\) → Mark_Account_As_Customer \(updated 1\) → Create_Onboarding_Task/);
      assert.deepEqual([...log[1].affectedIds].sort(), [account, t.Id].sort());
    });

    it('keeps the type of an account that already is a customer, and fires for a deal created won', async () => {
      const { account, opp } = await newDeal({ Type: 'Customer - Channel' }, 'Closed Won');
      assert.equal((await conn.sobject('Account').retrieve(account)).Type, 'Customer - Channel');
      const tasks = await tasksFor('WhatId', account);
      assert.deepEqual(tasks.map((t) => [t.Subject, t.OwnerId]), [['Onboard new customer', userId('admin')]]);
      const [entry] = await flowLog(opp, 'Closed_Won_Customer_Onboarding');
      assert.match(entry.detail, /Is_Account_Already_A_Customer \(Already_A_Customer\) → Create_Onboarding_Task/);
    });

    it('does nothing for a won deal without an account', async () => {
      const opp = (await conn.sobject('Opportunity').create({ Name: 'Walk-in', StageName: 'Closed Won', CloseDate: '2025-06-30', Amount: 900 })).id!;
      const log = await flowLog(opp, 'Closed_Won_Customer_Onboarding');
      assert.deepEqual(log.map((e) => [e.outcome, e.detail]), [['skipped', 'Entry conditions not met.']]);
    });

    it('fails the save with CANNOT_EXECUTE_FLOW_TRIGGER when the task cannot be created, and rolls everything back', async () => {
      const leaver = userId('marketing');
      const { account, opp } = await newDeal({ Type: 'Prospect', OwnerId: leaver });
      await conn.sobject('User').update({ Id: leaver, IsActive: false });
      try {
        const err = await errorOf(conn.sobject('Opportunity').update({ Id: opp, StageName: 'Closed Won' }));
        assert.equal(err.errorCode, 'CANNOT_EXECUTE_FLOW_TRIGGER');
        assert.match(
          err.message,
          /^We can't save this record because the “Closed Won Customer Onboarding” process failed\. Give your Salesforce admin these details\. This error occurred when the flow tried to create records: INACTIVE_OWNER_OR_USER: operation performed with inactive user\. You can look up ExceptionCode values in the SOAP API Developer Guide\. Error ID: \d+-\d+ \(-?\d+\)$/,
        );
      } finally {
        await conn.sobject('User').update({ Id: leaver, IsActive: true });
      }
      assert.equal((await conn.sobject('Opportunity').retrieve(opp)).StageName, 'Prospecting', 'the opportunity was not saved');
      assert.equal((await conn.sobject('Account').retrieve(account)).Type, 'Prospect', "the account's update was rolled back");
      assert.equal((await tasksFor('WhatId', account)).length, 0);
      const log = await flowLog(opp, 'Closed_Won_Customer_Onboarding');
      const failed = log.find((e) => e.outcome === 'failed')!;
      assert.ok(failed.rolledBack);
      assert.match(failed.detail, /Create_Onboarding_Task \(failed\)/);
    });
  });
});
