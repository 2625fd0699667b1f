import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Connection } from 'jsforce';
import { dayIn, expect, test, unique, type UiTestOrg } from './fixtures.ts';

/**
 * The Activity tab as Lightning's activity timeline: the publisher's "New Task" and "Log a Call"
 * composers (tasks created through RecordService as the signed-in user, linked by WhoId or WhatId),
 * "Upcoming & Overdue" and "Past Activities", what other users' tasks a persona sees, and who may
 * compose at all. Saved tasks are read back over the REST API with jsforce.
 */

const LA = 'America/Los_Angeles';

interface TaskRow {
  Id: string;
  Subject: string;
  WhoId: string | null;
  WhatId: string | null;
  OwnerId: string;
  Status: string;
  Priority: string;
  ActivityDate: string | null;
  TaskSubtype: string | null;
  Description: string | null;
}

/** Tasks with this subject, read as admin through the REST API (jsforce over HTTP). */
async function tasksNamed(localOrg: UiTestOrg, subject: string): Promise<TaskRow[]> {
  const conn = new Connection({ instanceUrl: localOrg.url, accessToken: localOrg.apiLogin('admin').sessionId, version: '60.0' });
  const result = await conn.query<TaskRow>(
    `SELECT Id, Subject, WhoId, WhatId, OwnerId, Status, Priority, ActivityDate, TaskSubtype, Description FROM Task WHERE Subject = '${subject.replace(/'/g, "\\'")}'`,
  );
  return result.records;
}

async function openActivity(page: Page, objectName: string, id: string) {
  await page.goto(`/lightning/r/${objectName}/${id}/view`);
  await page.getByRole('tab', { name: 'Activity' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Activity' });
  // The timeline arrives behind the spinner: wait for its first card.
  await expect(panel.getByRole('region', { name: 'Upcoming & Overdue' })).toBeVisible();
  return panel;
}

function toast(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

test('New Task on a lead: saved as the user with WhoId, listed under Upcoming & Overdue, overdue flagged', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('Composer'), Company: 'Composer Co' });
  const later = unique('Send Quote');
  const late = unique('Late Letter');
  const panel = await openActivity(page, 'Lead', lead);
  await expect(panel.getByRole('list', { name: 'Upcoming & Overdue' })).toHaveCount(0);
  await expect(panel.getByRole('region', { name: 'Upcoming & Overdue' })).toContainText('No next steps.');

  await panel.getByRole('button', { name: 'New Task' }).click();
  const form = panel.getByRole('form', { name: 'New Task' });
  await expect(form.getByRole('textbox', { name: 'Subject' })).toBeFocused();
  // Assigned To starts as the signed-in user; Status and Priority at their defaults.
  await expect(form.getByRole('combobox', { name: 'Assigned To' })).toHaveValue('Ada Admin');
  await expect(form.getByRole('combobox', { name: 'Status' })).toHaveText(/Not Started/);
  await form.getByRole('textbox', { name: 'Subject' }).fill(later);
  await form.getByRole('textbox', { name: 'Due Date' }).fill(dayIn(LA, 3));
  await form.getByRole('combobox', { name: 'Priority' }).click();
  await form.getByRole('listbox', { name: 'Priority' }).getByRole('option', { name: 'High' }).click();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, `Task "${later}" was created.`)).toBeVisible();

  const upcoming = panel.getByRole('list', { name: 'Upcoming & Overdue' });
  await expect(upcoming.getByRole('listitem')).toHaveCount(1);
  await expect(upcoming.getByRole('listitem').first()).toContainText('You have an upcoming task');
  const [saved] = await tasksNamed(localOrg, later);
  expect(saved).toMatchObject({ WhoId: lead, WhatId: null, OwnerId: localOrg.userId('admin'), Status: 'Not Started', Priority: 'High', ActivityDate: dayIn(LA, 3) });
  await expect(upcoming.getByRole('link', { name: later })).toHaveAttribute('href', `/lightning/r/Task/${saved.Id}/view`);

  // A second task, due yesterday on the user's calendar and assigned to a rep through the user
  // lookup, comes first, marked Overdue.
  await panel.getByRole('button', { name: 'New Task' }).click();
  await form.getByRole('textbox', { name: 'Subject' }).fill(late);
  await form.getByRole('textbox', { name: 'Due Date' }).fill(dayIn(LA, -1));
  const assignee = form.getByRole('combobox', { name: 'Assigned To' });
  await assignee.fill('Sofia');
  await form.getByRole('listbox', { name: 'Assigned To suggestions' }).getByRole('option', { name: 'Sofia Senior' }).click();
  await expect(assignee).toHaveValue('Sofia Senior');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, `Task "${late}" was created.`)).toBeVisible();
  await expect(upcoming.getByRole('listitem')).toHaveCount(2);
  await expect(upcoming.getByRole('listitem').nth(0)).toContainText(late);
  await expect(upcoming.getByRole('listitem').nth(0)).toContainText('Overdue');
  await expect(upcoming.getByRole('listitem').nth(0)).toContainText('Sofia Senior has an upcoming task');
  await expect(upcoming.getByRole('listitem').nth(1)).not.toContainText('Overdue');
  const [overdue] = await tasksNamed(localOrg, late);
  expect(overdue).toMatchObject({ WhoId: lead, OwnerId: localOrg.userId('senior-rep'), ActivityDate: dayIn(LA, -1) });
  localOrg.remove('Task', [saved.Id, overdue.Id]);
  localOrg.remove('Lead', [lead]);
});

test('Log a Call on an account: a completed call with WhatId, due today, under Past Activities', async ({ page, localOrg }) => {
  const account = localOrg.create('Account', { Name: unique('Call Account') });
  const earlier = localOrg.create('Task', { Subject: unique('Old Task'), WhatId: account, Status: 'Completed', ActivityDate: dayIn(LA, -5), OwnerId: localOrg.userId('admin') });
  const panel = await openActivity(page, 'Account', account);
  await panel.getByRole('button', { name: 'Log a Call' }).click();
  const form = panel.getByRole('form', { name: 'Log a Call' });
  const subject = form.getByRole('textbox', { name: 'Subject' });
  await expect(subject).toHaveValue('Call');
  const callSubject = unique('Call');
  await subject.fill(callSubject);
  await form.getByRole('textbox', { name: 'Comments' }).fill('Talked about the renewal.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, `Task "${callSubject}" was created.`)).toBeVisible();

  const past = panel.getByRole('list', { name: 'Past Activities' });
  await expect(past.getByRole('listitem')).toHaveCount(2);
  // Newest first: today's call above the task done five days ago.
  await expect(past.getByRole('listitem').nth(0)).toContainText(callSubject);
  await expect(past.getByRole('listitem').nth(0)).toContainText('You logged a call');
  await expect(past.getByRole('listitem').nth(1)).toContainText('You had a task');
  await expect(panel.getByRole('region', { name: 'Upcoming & Overdue' })).not.toContainText(callSubject);
  const [call] = await tasksNamed(localOrg, callSubject);
  expect(call).toMatchObject({
    WhatId: account,
    WhoId: null,
    OwnerId: localOrg.userId('admin'),
    Status: 'Completed',
    TaskSubtype: 'Call',
    ActivityDate: dayIn(LA),
    Description: 'Talked about the renewal.',
  });
  localOrg.remove('Task', [call.Id, earlier]);
  localOrg.remove('Account', [account]);
});

test('a New Task without a Subject is refused in the form, and nothing is saved', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('No Subject'), Company: 'Blank Co' });
  const panel = await openActivity(page, 'Lead', lead);
  await panel.getByRole('button', { name: 'New Task' }).click();
  const form = panel.getByRole('form', { name: 'New Task' });
  await form.getByRole('textbox', { name: 'Due Date' }).fill(dayIn(LA, 1));
  await form.getByRole('button', { name: 'Save' }).click();
  const subject = form.getByRole('textbox', { name: 'Subject' });
  await expect(subject).toHaveAttribute('aria-invalid', 'true');
  // The open composer with its errors passes axe (no serious or critical violation).
  const axe = await new AxeBuilder({ page }).include('#gl-tab-activity').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(subject).toHaveAccessibleDescription('Complete this field.');
  await expect(form.getByRole('alert')).toContainText('These required fields must be completed: Subject');
  await expect(panel.getByRole('region', { name: 'Upcoming & Overdue' })).toContainText('No next steps.');
  // Typing the subject and saving again clears the error and creates the task.
  const name = unique('Now With Subject');
  await subject.fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, `Task "${name}" was created.`)).toBeVisible();
  const [saved] = await tasksNamed(localOrg, name);
  expect(saved.WhoId).toBe(lead);
  localOrg.remove('Task', [saved.Id]);
  localOrg.remove('Lead', [lead]);
});

test('the Hot Lead Call Task flow’s task shows under Upcoming & Overdue', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('Hot'), Company: 'Hot Co', Rating: 'Hot', OwnerId: localOrg.userId('admin') });
  const panel = await openActivity(page, 'Lead', lead);
  const upcoming = panel.getByRole('list', { name: 'Upcoming & Overdue' });
  await expect(upcoming.getByRole('listitem')).toHaveCount(1);
  await expect(upcoming.getByRole('listitem').first()).toContainText('Call hot lead');
  await expect(upcoming.getByRole('listitem').first()).not.toContainText('Overdue');
  const flowTasks = localOrg.org.store.findBy(localOrg.object('Task'), 'WhoId', lead, 5).map((r) => String(r.Id));
  localOrg.remove('Task', flowTasks);
  localOrg.remove('Lead', [lead]);
});

test.describe('a sales rep', () => {
  test.use({ persona: 'junior-rep' });
  test('sees their own task on their contact but not one also linked to a deal they cannot see', async ({ page, localOrg }) => {
    // Activities are seen through their records: a task is visible when every record it names is.
    const contact = localOrg.create('Contact', { LastName: unique('Rep Contact') }, 'junior-rep');
    const deal = localOrg.create('Opportunity', { Name: unique('Admin Deal'), StageName: 'Prospecting', CloseDate: dayIn(LA, 30) });
    const mine = unique('Rep Call');
    const hidden = unique('Deal Call');
    const ids = [
      localOrg.create('Task', { Subject: mine, WhoId: contact, ActivityDate: dayIn(LA, 1), OwnerId: localOrg.userId('junior-rep') }, 'junior-rep'),
      localOrg.create('Task', { Subject: hidden, WhoId: contact, WhatId: deal, ActivityDate: dayIn(LA, 1), OwnerId: localOrg.userId('admin') }),
    ];
    const panel = await openActivity(page, 'Contact', contact);
    const upcoming = panel.getByRole('list', { name: 'Upcoming & Overdue' });
    await expect(upcoming.getByRole('listitem')).toHaveCount(1);
    await expect(upcoming).toContainText(mine);
    await expect(panel).not.toContainText(hidden);
    // The rep has "Edit Tasks": the publisher is there.
    await expect(panel.getByRole('button', { name: 'New Task' })).toBeVisible();
    localOrg.remove('Task', ids);
    localOrg.remove('Contact', [contact]);
    localOrg.remove('Opportunity', [deal]);
  });
});

test.describe('a compliance officer (no Edit Tasks)', () => {
  test.use({ persona: 'compliance' });
  test('sees the timeline without the publisher, and a forged New Task post is refused', async ({ page, localOrg }) => {
    const lead = localOrg.create('Lead', { LastName: unique('Audited'), Company: 'Audit Co' });
    const existing = unique('Visible Call');
    const task = localOrg.create('Task', { Subject: existing, WhoId: lead, ActivityDate: dayIn(LA, 2), OwnerId: localOrg.userId('admin') });
    const panel = await openActivity(page, 'Lead', lead);
    // View All Data shows every task; nothing offers to create one.
    await expect(panel.getByRole('list', { name: 'Upcoming & Overdue' })).toContainText(existing);
    await expect(panel.getByRole('button', { name: 'New Task' })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Log a Call' })).toHaveCount(0);

    const forged = unique('Forged Task');
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    for (const kind of ['task', 'call']) {
      const response = await page.request.post(`/lightning/_ui/activity/Lead/${lead}/${kind}`, {
        headers: { 'X-CSRF-Token': token ?? '' },
        data: { fields: { Subject: forged } },
      });
      expect(response.status()).toBe(403);
      expect((await response.json()).pageErrors).toEqual(["You can't create tasks. Ask your administrator for the Edit Tasks permission."]);
    }
    expect(await tasksNamed(localOrg, forged)).toEqual([]);
    localOrg.remove('Task', [task]);
    localOrg.remove('Lead', [lead]);
  });
});
