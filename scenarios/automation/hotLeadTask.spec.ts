import { automationRuns, covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * AUT-03: a lead rated Hot gets one "Call hot lead" task for its owner, due today (flow
 * Hot_Lead_Call_Task). The leads come from the phone, not the web, and are given to the rep
 * directly: no assignment rule entry matches them, so these scenarios do not depend on lead
 * routing (AUT-01/02).
 */

const CALL_TASK = 'Call hot lead';
const HOT_LEAD_FLOW = { flow: 'Hot_Lead_Call_Task' };

interface TaskRow {
  Id: string;
  Subject: string;
  OwnerId: string;
  Status: string;
  Priority: string;
}

test.describe('Hot leads get a call task', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test('a lead created Hot gets one call task for its owner, due today, on its timeline; editing the lead adds none', covers('AUT-03'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const log = automationRuns(rep.api);
    const callTasks = async () => (await rep.api.query<TaskRow>(`SELECT Id, Subject, OwnerId, Status, Priority FROM Task WHERE WhoId = '${lead.Id}'`)).records;

    const lead = await test.step('a Hot phone lead is entered for the East rep', () =>
      records.lead({ Rating: 'Hot', LeadSource: 'Phone Inquiry', OwnerId: rep.user.id }),
    );

    const task = await test.step('the lead has exactly one open, high-priority "Call hot lead" task, assigned to its owner and due today', async () => {
      const tasks = await callTasks();
      expect(tasks).toEqual([expect.objectContaining({ Subject: CALL_TASK, OwnerId: rep.user.id, Status: 'Not Started', Priority: 'High' })]);
      // TODAY is the rep's own day (their time zone), as the org evaluates it.
      const dueToday = await rep.api.query(`SELECT Id FROM Task WHERE Id = '${tasks[0].Id}' AND ActivityDate = TODAY`);
      expect(dueToday.totalSize, 'the call task is due today').toBe(1);
      return tasks[0];
    });

    const page = lightning(rep).recordPage('Lead');
    await test.step("the rep sees the call task under Upcoming & Overdue on the lead's activity timeline", async () => {
      await page.open(lead.Id);
      await page.openTab('Activity');
      const upcoming = await page.activity.upcomingItems();
      expect(upcoming.filter((i) => i.subject === CALL_TASK)).toEqual([expect.objectContaining({ id: task.Id, overdue: false })]);
    });

    await test.step("the rep updates the lead's title: it stays Hot and gets no second task", async () => {
      expect(await page.inlineEdit('Title', 'Head of Purchasing')).toBeNull();
      expect(await callTasks()).toEqual([expect.objectContaining({ Id: task.Id })]);
    });

    if (log.available) {
      await test.step('the local org logged the flow firing once, on creation', async () => {
        expect(await log.fired(lead.Id, HOT_LEAD_FLOW)).toBe(1);
      });
    }
  });

  test('a Warm lead has no call task; rated Hot by the rep it gets exactly one', covers('AUT-03'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const log = automationRuns(rep.api);
    const callTasks = async () => (await rep.api.query<TaskRow>(`SELECT Id, Subject, OwnerId FROM Task WHERE WhoId = '${lead.Id}'`)).records;

    const lead = await test.step('a Warm phone lead is entered for the East rep', () =>
      records.lead({ Rating: 'Warm', LeadSource: 'Phone Inquiry', OwnerId: rep.user.id }),
    );

    await test.step('a lead that is not Hot gets no call task', async () => {
      expect(await callTasks()).toEqual([]);
    });

    const page = lightning(rep).recordPage('Lead');
    await test.step('the rep opens the lead and rates it Hot', async () => {
      await page.open(lead.Id);
      expect(await page.inlineEdit('Rating', 'Hot')).toBeNull();
      expect(await page.fieldValue('Rating')).toBe('Hot');
    });

    const task = await test.step('now the lead has exactly one "Call hot lead" task, for the rep, due today, on its timeline', async () => {
      const tasks = await callTasks();
      expect(tasks).toEqual([expect.objectContaining({ Subject: CALL_TASK, OwnerId: rep.user.id })]);
      expect((await rep.api.query(`SELECT Id FROM Task WHERE Id = '${tasks[0].Id}' AND ActivityDate = TODAY`)).totalSize, 'the call task is due today').toBe(1);
      await page.openTab('Activity');
      const upcoming = await page.activity.upcomingItems();
      expect(upcoming.filter((i) => i.subject === CALL_TASK).map((i) => i.id)).toEqual([tasks[0].Id]);
      return tasks[0];
    });

    await test.step('changing the phone number of the Hot lead creates no second task', async () => {
      expect(await page.inlineEdit('Phone', '(415) 555-0117')).toBeNull();
      expect((await callTasks()).map((t) => t.Id)).toEqual([task.Id]);
    });

    if (log.available) {
      await test.step('the local org logged the flow firing once, when the rating changed to Hot', async () => {
        expect(await log.fired(lead.Id, HOT_LEAD_FLOW)).toBe(1);
      });
    }
  });
});
