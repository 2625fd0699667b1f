import { addDays, covers, expect, lightning, test, userToday } from '../../fixtures/index.ts';

/**
 * MOB-01..03: the field rep's day on a phone. Tagged @mobile (the Pixel 7 and iPhone 14
 * projects) and @phone-only (not on desktop Chrome: a desktop pass proves nothing about phones).
 * Every record is made here with `records`, owned by the field rep: no scenario relies on the
 * org's automation (no Web source, no Hot rating, Amount always set, close dates in the future).
 */

test.describe('A field rep on a phone', { annotation: { type: 'owner', description: 'Field Sales' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test("finds today's tasks on Home, and not tomorrow's", covers('MOB-01', '@mobile', '@phone-only'), async ({ asPersona, records }) => {
    const fieldRep = await asPersona('field-rep');
    const ui = lightning(fieldRep);
    const today = await userToday(fieldRep.api, fieldRep.user.id);

    const [dueToday, dueTomorrow] = await test.step('the field rep has a customer visit due today and a follow-up due tomorrow', async () => {
      const account = await records.account({ OwnerId: fieldRep.user.id });
      return records.tasks(2, (i) => ({
        OwnerId: fieldRep.user.id,
        WhatId: account.Id,
        Subject: i === 0 ? `Visit ${account.Name}` : `Follow up with ${account.Name}`,
        ActivityDate: i === 0 ? today : addDays(today, 1),
        Status: 'Not Started',
      }));
    });

    const items = await test.step("the field rep opens Home: Today's Tasks lists the visit", async () => {
      await ui.home.open();
      await expect(ui.home.taskLink(dueToday.Subject as string).first()).toBeVisible();
      return ui.home.todaysTaskItems();
    });

    await test.step("tomorrow's follow-up is not among today's tasks", async () => {
      const ids = items.map((i) => i.id?.slice(0, 15));
      expect(ids).toContain(dueToday.Id.slice(0, 15));
      expect(ids).not.toContain(dueTomorrow.Id.slice(0, 15));
    });

    await test.step('the field rep opens the visit from Home', async () => {
      await ui.home.openTask(dueToday.Subject as string);
      await expect(fieldRep.page.getByRole('main').getByRole('heading', { level: 1 })).toContainText(dueToday.Subject as string);
    });
  });

  test('finds a lead with search, opens it and logs a call', covers('MOB-02', '@mobile', '@phone-only'), async ({ asPersona, records }) => {
    const fieldRep = await asPersona('field-rep');
    const ui = lightning(fieldRep);
    const leadPage = ui.recordPage('Lead');

    const lead = await test.step('the field rep has a lead from a phone inquiry', () =>
      records.lead({ OwnerId: fieldRep.user.id, LeadSource: 'Phone Inquiry', Rating: 'Warm' }),
    );
    const name = `${lead.FirstName} ${lead.LastName}`;
    const subject = `Call with ${lead.Company}`;

    await test.step("the field rep searches for the lead's email from the header", async () => {
      await ui.home.open();
      await ui.nav.search(String(lead.Email));
    });

    await test.step('and opens the lead from the results', async () => {
      await ui.nav.openSearchResult(name, 'Lead');
      await leadPage.waitUntilReady();
      expect(leadPage.recordId().slice(0, 15)).toBe(lead.Id.slice(0, 15));
    });

    await test.step('on the Activity tab the field rep logs the call', async () => {
      await leadPage.openTab('Activity');
      await leadPage.activity.logCall(subject, 'Interested in a demo next week.');
    });

    await test.step('the call is on the lead\'s past activities, and in the org as a completed task of the rep', async () => {
      const past = await leadPage.activity.pastItems();
      expect(past.map((i) => i.subject)).toContain(subject);
      const calls = await fieldRep.api.query<{ Subject: string; Status: string; OwnerId: string }>(`SELECT Subject, Status, OwnerId FROM Task WHERE WhoId = '${lead.Id}'`);
      expect(calls.records).toEqual([expect.objectContaining({ Subject: subject, Status: 'Completed', OwnerId: fieldRep.user.id })]);
    });
  });

  test("moves an opportunity to its next stage on the Path", covers('MOB-03', '@mobile', '@phone-only'), async ({ asPersona, records }) => {
    const fieldRep = await asPersona('field-rep');
    const ui = lightning(fieldRep);
    const opportunityPage = ui.recordPage('Opportunity');

    const opportunity = await test.step('the field rep has an opportunity at Qualification', async () => {
      const account = await records.account({ OwnerId: fieldRep.user.id });
      return records.opportunity({ AccountId: account.Id, OwnerId: fieldRep.user.id, StageName: 'Qualification' });
    });

    await test.step('the field rep opens it: the Path shows Qualification as the current stage', async () => {
      await opportunityPage.open(opportunity.Id);
      await expect(opportunityPage.path.steps()).toBeVisible();
      expect(await opportunityPage.path.currentStep()).toBe('Qualification');
    });

    await test.step('the field rep marks the stage as complete: the opportunity moves to Needs Analysis', async () => {
      await opportunityPage.path.markComplete();
      expect(await opportunityPage.path.currentStep()).toBe('Needs Analysis');
    });

    await test.step('the org has the opportunity at Needs Analysis', async () => {
      const stored = await fieldRep.api.sobject('Opportunity').retrieve(opportunity.Id);
      expect(stored.StageName).toBe('Needs Analysis');
    });
  });
});
