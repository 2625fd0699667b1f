import { dayIn, expect, test, unique } from './fixtures.ts';

/**
 * The record page: highlights (name as the heading, object label, key fields, actions), the
 * Details tab with the layout's sections loaded behind the spinner, lookups as names, Delete
 * with its confirmation, and the insufficient-privileges page.
 */

test('highlights, actions and the Details tab with layout sections; lookups show names, not ids', async ({ page, localOrg }) => {
  const accountName = unique('Parent Account');
  const account = localOrg.create('Account', { Name: accountName });
  const contact = localOrg.create('Contact', { LastName: unique('Detail Contact'), AccountId: account, Email: 'detail@example.com' });
  await page.goto(`/lightning/r/Contact/${contact}/view`);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Contact');
  await expect(heading).toContainText('Detail Contact');
  const actions = page.getByRole('list', { name: 'Record actions' });
  await expect(actions.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Delete' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
  const details = page.getByRole('tabpanel', { name: 'Details' });
  await expect(details.getByRole('region', { name: 'Contact Information' })).toBeVisible();
  await expect(details.getByRole('link', { name: accountName })).toHaveAttribute('href', `/lightning/r/Account/${account}/view`);
  await expect(details.getByRole('link', { name: 'detail@example.com' })).toBeVisible();
  await expect(details).not.toContainText(account);
  localOrg.remove('Contact', [contact]);
  localOrg.remove('Account', [account]);
});

test('Delete asks first, then deletes through the service, toasts and goes to the list view', async ({ page, localOrg }) => {
  const lastName = unique('Doomed');
  const id = localOrg.create('Lead', { LastName: lastName, Company: 'Doomed Co' });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete Lead?' });
  await expect(confirm).toBeVisible();
  // Cancel keeps the record.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(localOrg.org.store.getById(localOrg.object('Lead'), id)!.IsDeleted).toBe(0);
  await page.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Lead "${lastName}" was deleted.` })).toBeVisible();
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/list/);
  expect(localOrg.org.store.getById(localOrg.object('Lead'), id)!.IsDeleted).toBe(1);
  // The deleted record's page is the insufficient-privileges page.
  await page.goto(`/lightning/r/Lead/${id}/view`);
  await expect(page.getByRole('heading', { name: "You don't have access to this record" })).toBeVisible();
});

test.describe('a user without Delete', () => {
  test.use({ persona: 'junior-rep' });
  test('gets no Delete action on a lead (Sales Rep: no allowDelete)', async ({ page, localOrg }) => {
    const id = localOrg.create('Lead', { LastName: unique('Rep Lead'), Company: 'Rep Co' }, 'junior-rep');
    await page.goto(`/lightning/r/Lead/${id}/view`);
    const actions = page.getByRole('list', { name: 'Record actions' });
    await expect(actions.getByRole('button', { name: 'Edit' })).toBeVisible();
    // The Sales Rep profile has Lead without allowDelete.
    await expect(actions.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    localOrg.remove('Lead', [id]);
  });
});

test('the edit URL of a record the user cannot see is the insufficient-privileges page', async ({ page }) => {
  await page.goto('/lightning/r/Lead/00Q5g00000009ZZEAA/edit');
  await expect(page.getByRole('heading', { name: "You don't have access to this record" })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test.describe('Path', () => {
  test('Lead: statuses without the converted ones; Mark Status as Complete, then pick a step', async ({ page, localOrg }) => {
    const id = localOrg.create('Lead', { LastName: unique('Path Lead'), Company: 'Path Co', Status: 'Open - Not Contacted' });
    await page.goto(`/lightning/r/Lead/${id}/view`);
    const path = page.getByRole('listbox', { name: 'Lead Status' });
    await expect(path.getByRole('option')).toHaveText([/Open - Not Contacted/, /Working - Contacted/, /Closed - Not Converted/]);
    await expect(path.getByRole('option', { name: /Open - Not Contacted/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Mark Status as Complete' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Status changed successfully.' })).toBeVisible();
    await expect(path.getByRole('option', { name: /Working - Contacted/ })).toHaveAttribute('aria-selected', 'true');
    expect(localOrg.org.store.getById(localOrg.object('Lead'), id)!.Status).toBe('Working - Contacted');

    await path.getByRole('option', { name: /Closed - Not Converted/ }).click();
    await page.getByRole('button', { name: 'Mark as Current Status' }).click();
    await expect(path.getByRole('option', { name: /Closed - Not Converted/ })).toHaveAttribute('aria-current', 'step');
    expect(localOrg.org.store.getById(localOrg.object('Lead'), id)!.Status).toBe('Closed - Not Converted');
    localOrg.remove('Lead', [id]);
  });

  test('Opportunity: a validation rule refusing the stage shows as an error toast', async ({ page, localOrg }) => {
    const id = localOrg.create('Opportunity', {
      Name: unique('Path Deal'),
      StageName: 'Qualification',
      CloseDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    });
    await page.goto(`/lightning/r/Opportunity/${id}/view`);
    const path = page.getByRole('listbox', { name: 'Stage' });
    await path.getByRole('option', { name: /Proposal\/Price Quote/ }).click();
    await page.getByRole('button', { name: 'Mark as Current Stage' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Enter an Amount before moving the opportunity to Proposal/Price Quote' })).toBeVisible();
    expect(localOrg.org.store.getById(localOrg.object('Opportunity'), id)!.StageName).toBe('Qualification');
    localOrg.remove('Opportunity', [id]);
  });
});

test('Related tab: the layout’s related lists with the child records, open and closed activities apart', async ({ page, localOrg }) => {
  const account = localOrg.create('Account', { Name: unique('Related Parent') });
  const contactName = unique('Related Contact');
  const contact = localOrg.create('Contact', { LastName: contactName, AccountId: account });
  const open = localOrg.create('Task', { Subject: unique('Open Call'), WhatId: account, Status: 'Not Started', OwnerId: localOrg.userId('admin') });
  const done = localOrg.create('Task', { Subject: unique('Done Call'), WhatId: account, Status: 'Completed', OwnerId: localOrg.userId('admin') });
  const subject = (id: string) => String(localOrg.org.store.getById(localOrg.object('Task'), id)!.Subject);
  await page.goto(`/lightning/r/Account/${account}/view`);
  const related = page.getByRole('tabpanel', { name: 'Related' });
  await expect(related).toBeHidden();
  await page.getByRole('tab', { name: 'Related' }).click();
  await expect(page.getByRole('tab', { name: 'Related' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toBeHidden();
  const contacts = related.getByRole('region', { name: 'Contacts (1)' });
  await expect(contacts.getByRole('link', { name: contactName })).toHaveAttribute('href', `/lightning/r/Contact/${contact}/view`);
  await expect(related.getByRole('region', { name: 'Open Activities (1)' })).toContainText(subject(open));
  await expect(related.getByRole('region', { name: 'Activity History (1)' })).toContainText(subject(done));
  await expect(related.getByRole('region', { name: 'Open Activities (1)' })).not.toContainText(subject(done));
  await expect(related.getByRole('region', { name: 'Opportunities (0)' })).toContainText('No items to display.');
  localOrg.remove('Task', [open, done]);
  localOrg.remove('Contact', [contact]);
  localOrg.remove('Account', [account]);
});

test('Activity tab: upcoming and overdue open tasks, soonest first, overdue flagged', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('Timeline'), Company: 'Timeline Co' });
  const admin = localOrg.userId('admin');
  // Admin's calendar is Los Angeles (the default org's users).
  const later = localOrg.create('Task', { Subject: unique('Later Call'), WhoId: lead, ActivityDate: dayIn('America/Los_Angeles', 3), Status: 'Not Started', OwnerId: admin });
  const overdue = localOrg.create('Task', { Subject: unique('Late Call'), WhoId: lead, ActivityDate: dayIn('America/Los_Angeles', -2), Status: 'Not Started', OwnerId: admin });
  const done = localOrg.create('Task', { Subject: unique('Done Call'), WhoId: lead, ActivityDate: dayIn('America/Los_Angeles', -1), Status: 'Completed', OwnerId: admin });
  const subject = (id: string) => String(localOrg.org.store.getById(localOrg.object('Task'), id)!.Subject);
  await page.goto(`/lightning/r/Lead/${lead}/view`);
  await page.getByRole('tab', { name: 'Activity' }).click();
  const timeline = page.getByRole('tabpanel', { name: 'Activity' }).getByRole('list', { name: 'Upcoming & Overdue' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').nth(0)).toContainText(subject(overdue));
  await expect(timeline.getByRole('listitem').nth(0)).toContainText('Overdue');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText(subject(later));
  await expect(timeline.getByRole('listitem').nth(1)).not.toContainText('Overdue');
  await expect(timeline).not.toContainText(subject(done));
  localOrg.remove('Task', [later, overdue, done]);
  localOrg.remove('Lead', [lead]);
});
