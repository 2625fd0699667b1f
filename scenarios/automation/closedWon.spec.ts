import { addDays, automationRuns, covers, expect, lightning, test, userToday } from '../../fixtures/index.ts';

/**
 * AUT-06: a Closed Won opportunity makes its account a customer (Type "Customer - Direct") and
 * gives the account owner one "Onboard new customer" task, due in a week (flow
 * Closed_Won_Customer_Onboarding). The account belongs to the sales manager and the opportunity
 * to the rep, so the task provably goes to the account's owner, not to whoever closed the deal.
 * Every opportunity has an Amount and a future close date: the validation rules (AUT-04/05) pass.
 */

const ONBOARDING_TASK = 'Onboard new customer';
const CLOSED_WON_FLOW = { flow: 'Closed_Won_Customer_Onboarding' };

interface TaskRow {
  Id: string;
  Subject: string;
  OwnerId: string;
  ActivityDate: string;
  Status: string;
}

test.describe('Winning a deal', { annotation: { type: 'owner', description: 'Customer Success' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test("closing an opportunity as won on the Path makes the account a customer and gives the account's owner one onboarding task; later edits add none", covers('AUT-06'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const manager = await asPersona('sales-manager');
    const log = automationRuns(rep.api);
    const onboardingTasks = async () => (await records.conn.query<TaskRow>(`SELECT Id, Subject, OwnerId, ActivityDate, Status FROM Task WHERE WhatId = '${account.Id}'`)).records;

    const account = await test.step('the sales manager owns a prospect account', () => records.account({ OwnerId: manager.user.id, Type: 'Prospect' }));
    const opportunity = await test.step("the rep's opportunity for it is at Negotiation/Review, and the account has no tasks yet", async () => {
      const created = await records.opportunity({ AccountId: account.Id, OwnerId: rep.user.id, StageName: 'Negotiation/Review', Amount: 64000 });
      expect(await onboardingTasks()).toEqual([]);
      return created;
    });

    const page = lightning(rep).recordPage('Opportunity');
    await test.step('the rep marks the opportunity Closed Won on the Path', async () => {
      await page.open(opportunity.Id);
      await page.path.markAsCurrent('Closed Won');
    });

    await test.step('the account is now a direct customer', async () => {
      const stored = await records.conn.sobject('Account').retrieve(account.Id);
      expect(stored.Type).toBe('Customer - Direct');
    });

    const task = await test.step("the account's owner has exactly one onboarding task on the account, due in a week", async () => {
      const today = await userToday(manager.api, manager.user.id);
      const tasks = await onboardingTasks();
      expect(tasks).toEqual([expect.objectContaining({ Subject: ONBOARDING_TASK, OwnerId: manager.user.id, ActivityDate: addDays(today, 7), Status: 'Not Started' })]);
      return tasks[0];
    });

    await test.step('the rep then adds a next step to the won opportunity: no second task', async () => {
      const saved = await rep.api.sobject('Opportunity').update({ Id: opportunity.Id, NextStep: 'Hand over to onboarding' });
      expect(saved.success).toBe(true);
      expect((await onboardingTasks()).map((t) => t.Id)).toEqual([task.Id]);
    });

    if (log.available) {
      await test.step('the local org logged the flow firing once, when the stage became Closed Won', async () => {
        expect(await log.fired(opportunity.Id, CLOSED_WON_FLOW)).toBe(1);
      });
    }
  });

  test('a lost opportunity changes nothing; a deal won for an existing customer keeps its type and still gets one onboarding task', covers('AUT-06'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const log = automationRuns(rep.api);
    const tasksOn = async (accountId: string) => (await records.conn.query<TaskRow>(`SELECT Id, Subject, OwnerId FROM Task WHERE WhatId = '${accountId}'`)).records;
    const typeOf = async (accountId: string) => (await records.conn.sobject('Account').retrieve(accountId)).Type as string;

    await test.step('an opportunity of a prospect account is lost: the account stays a prospect, with no task', async () => {
      const prospect = await records.account({ OwnerId: rep.user.id, Type: 'Prospect' });
      const opportunity = await records.opportunity({ AccountId: prospect.Id, OwnerId: rep.user.id, StageName: 'Negotiation/Review' });
      expect((await rep.api.sobject('Opportunity').update({ Id: opportunity.Id, StageName: 'Closed Lost' })).success).toBe(true);
      expect(await typeOf(prospect.Id)).toBe('Prospect');
      expect(await tasksOn(prospect.Id)).toEqual([]);
    });

    await test.step('a deal entered already won for a channel customer: it stays a channel customer and its owner gets one task', async () => {
      const customer = await records.account({ OwnerId: rep.user.id, Type: 'Customer - Channel' });
      const won = await records.opportunity({ AccountId: customer.Id, OwnerId: rep.user.id, StageName: 'Closed Won' });
      expect(await typeOf(customer.Id)).toBe('Customer - Channel');
      expect(await tasksOn(customer.Id)).toEqual([expect.objectContaining({ Subject: ONBOARDING_TASK, OwnerId: rep.user.id })]);
      if (log.available) expect(await log.fired(won.Id, CLOSED_WON_FLOW)).toBe(1);
    });
  });
});
