import type { Page } from '@playwright/test';
import { dayIn, expect, signIn, test, unique } from './fixtures.ts';

const LA = 'America/Los_Angeles';

/** Opens a list view through the picker, as a user would, and waits for its rows. */
async function pickListView(page: Page, objectPlural: string, label: string) {
  await page.getByRole('button', { name: `Select a List View: ${objectPlural}` }).click();
  await page.getByRole('menu', { name: 'List Views' }).getByRole('menuitem', { name: label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(label);
  await expectRowsLoaded(page);
}

async function expectRowsLoaded(page: Page) {
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
  await expect(page.locator('[data-gl-list-status]')).toBeVisible();
}

function table(page: Page, label: string) {
  return page.getByRole('table', { name: label });
}

const VIEWS: Record<string, { plural: string; views: Array<[filterName: string, label: string]>; columns: string[] }> = {
  Lead: {
    plural: 'Leads',
    views: [
      ['Recent', 'Recently Viewed Leads'],
      ['AllOpenLeads', 'All Open Leads'],
      ['MyUnreadLeads', 'My Unread Leads'],
      ['TodaysLeads', "Today's Leads"],
    ],
    columns: ['Name', 'Title', 'Company', 'Phone', 'Email', 'Lead Status', 'Lead Owner'],
  },
  Account: {
    plural: 'Accounts',
    views: [
      ['Recent', 'Recently Viewed Accounts'],
      ['AllAccounts', 'All Accounts'],
      ['MyAccounts', 'My Accounts'],
      ['NewThisWeek', 'New This Week'],
    ],
    columns: ['Account Name', 'Account Site', 'Billing State/Province', 'Phone', 'Type', 'Account Owner'],
  },
  Contact: {
    plural: 'Contacts',
    views: [
      ['Recent', 'Recently Viewed Contacts'],
      ['AllContacts', 'All Contacts'],
      ['MyContacts', 'My Contacts'],
      ['NewThisWeek', 'New This Week'],
    ],
    columns: ['Name', 'Account Name', 'Title', 'Phone', 'Email', 'Contact Owner'],
  },
  Opportunity: {
    plural: 'Opportunities',
    views: [
      ['Recent', 'Recently Viewed Opportunities'],
      ['AllOpportunities', 'All Opportunities'],
      ['MyOpportunities', 'My Opportunities'],
      ['ClosingThisMonth', 'Closing This Month'],
      ['Won', 'Won'],
    ],
    columns: ['Opportunity Name', 'Account Name', 'Amount', 'Close Date', 'Stage', 'Opportunity Owner'],
  },
  Task: {
    plural: 'Tasks',
    views: [
      ['Recent', 'Recently Viewed Tasks'],
      ['MyOpenTasks', 'My Open Tasks'],
      ['TodaysTasks', 'Due Today'],
      ['OverdueTasks', 'Overdue Tasks'],
      ['AllOpenTasks', 'All Open Tasks'],
    ],
    columns: ['Subject', 'Name', 'Related To', 'Due Date', 'Status', 'Priority', 'Assigned To'],
  },
};

for (const [objectName, spec] of Object.entries(VIEWS)) {
  test(`${spec.plural}: every standard list view through the picker, with the form labels as column headers`, async ({ page, localOrg }) => {
    // A record in every list of the object (all views but Recent read it back), viewed so Recent has it too.
    const id = seedFor(objectName, localOrg);
    await page.goto(`/lightning/r/${objectName}/${id}/view`);
    await page.goto(`/lightning/o/${objectName}/home`);
    const defaultView = objectName === 'Task' ? 'MyOpenTasks' : 'Recent';
    await expect(page).toHaveURL(new RegExp(`/lightning/o/${objectName}/list\\?filterName=${defaultView}$`));
    await expectRowsLoaded(page);
    for (const [filterName, label] of spec.views) {
      await pickListView(page, spec.plural, label);
      await expect(page).toHaveURL(new RegExp(`filterName=${filterName}$`));
      const list = table(page, label);
      await expect(list.getByRole('columnheader')).toHaveText(spec.columns);
      await expect(list.getByRole('rowheader').first()).toBeVisible();
    }
    localOrg.remove(objectName, [id]);
  });
}

/** A record that every list view of its object shows for admin. */
function seedFor(objectName: string, localOrg: import('./fixtures.ts').UiTestOrg): string {
  const name = unique('Every View');
  switch (objectName) {
    case 'Lead':
      return localOrg.create('Lead', { LastName: name, Company: 'Everywhere Inc', IsUnreadByOwner: true });
    case 'Account':
      return localOrg.create('Account', { Name: name });
    case 'Contact':
      return localOrg.create('Contact', { LastName: name });
    case 'Opportunity':
      return localOrg.create('Opportunity', { Name: name, StageName: 'Closed Won', CloseDate: dayIn(LA), Amount: 1000 });
    default:
      return localOrg.create('Task', { Subject: name, ActivityDate: dayIn(LA, -1), Status: 'Not Started', OwnerId: localOrg.userId('admin') });
  }
}

test('Leads: the filters select the right records', async ({ page, localOrg }) => {
  const open = localOrg.create('Lead', { LastName: unique('Open'), Company: 'Filter Co', OwnerId: localOrg.userId('junior-rep'), IsUnreadByOwner: true });
  const read = localOrg.create('Lead', { LastName: unique('Read'), Company: 'Filter Co', OwnerId: localOrg.userId('junior-rep'), IsUnreadByOwner: false });
  const closed = localOrg.create('Lead', { LastName: unique('Closed'), Company: 'Filter Co', Status: 'Closed - Not Converted', OwnerId: localOrg.userId('junior-rep') });
  const nameOf = (id: string) => String(localOrg.org.store.getById(localOrg.object('Lead'), id)!.Name);

  await signIn(page, localOrg, 'junior-rep');
  await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads&sortBy=Company&sortDir=asc');
  await expectRowsLoaded(page);
  const allOpen = table(page, 'All Open Leads');
  await expect(allOpen.getByRole('link', { name: nameOf(open) })).toBeVisible();
  await expect(allOpen.getByRole('link', { name: nameOf(read) })).toBeVisible();
  await expect(allOpen.getByRole('link', { name: nameOf(closed) })).toHaveCount(0);

  await pickListView(page, 'Leads', 'My Unread Leads');
  const unread = table(page, 'My Unread Leads');
  await expect(unread.getByRole('link', { name: nameOf(open) })).toBeVisible();
  await expect(unread.getByRole('link', { name: nameOf(read) })).toHaveCount(0);

  await pickListView(page, 'Leads', "Today's Leads");
  await expect(table(page, "Today's Leads").getByRole('link', { name: nameOf(closed) })).toBeVisible();

  // Recently Viewed: what this user opened, most recent first.
  await page.goto(`/lightning/r/Lead/${read}/view`);
  await page.goto(`/lightning/r/Lead/${open}/view`);
  await page.goto('/lightning/o/Lead/list?filterName=Recent');
  await expectRowsLoaded(page);
  // Other tests of the worker may have had junior-rep open leads before: only the top two are ours.
  const recent = table(page, 'Recently Viewed Leads').getByRole('rowheader');
  await expect(recent.nth(0)).toHaveText(nameOf(open));
  await expect(recent.nth(1)).toHaveText(nameOf(read));
  localOrg.remove('Lead', [open, read, closed]);
});

test('Accounts and Opportunities: "My", "New This Week", "Closing This Month" and "Won"', async ({ page, localOrg }) => {
  const mine = unique('Mine');
  const theirs = unique('Theirs');
  const a1 = localOrg.create('Account', { Name: mine });
  const a2 = localOrg.create('Account', { Name: theirs, OwnerId: localOrg.userId('senior-rep') });
  const closing = unique('Closing');
  const later = unique('Later');
  const o1 = localOrg.create('Opportunity', { Name: closing, StageName: 'Prospecting', CloseDate: dayIn(LA), AccountId: a1 });
  const o2 = localOrg.create('Opportunity', { Name: later, StageName: 'Closed Won', CloseDate: dayIn(LA, 400), AccountId: a1, Amount: 5000 });

  await page.goto('/lightning/o/Account/list?filterName=MyAccounts');
  await expectRowsLoaded(page);
  await expect(table(page, 'My Accounts').getByRole('link', { name: mine })).toBeVisible();
  await expect(table(page, 'My Accounts').getByRole('link', { name: theirs })).toHaveCount(0);
  await pickListView(page, 'Accounts', 'New This Week');
  await expect(table(page, 'New This Week').getByRole('link', { name: theirs })).toBeVisible();

  await page.goto('/lightning/o/Opportunity/list?filterName=ClosingThisMonth');
  await expectRowsLoaded(page);
  const closingList = table(page, 'Closing This Month');
  await expect(closingList.getByRole('link', { name: closing })).toBeVisible();
  await expect(closingList.getByRole('link', { name: later })).toHaveCount(0);
  // The account column links to the parent record.
  await expect(closingList.getByRole('row', { name: new RegExp(closing) }).getByRole('link', { name: mine })).toHaveAttribute('href', `/lightning/r/Account/${a1}/view`);
  await pickListView(page, 'Opportunities', 'Won');
  await expect(table(page, 'Won').getByRole('link', { name: later })).toBeVisible();
  await expect(table(page, 'Won').getByRole('link', { name: closing })).toHaveCount(0);
  localOrg.remove('Opportunity', [o1, o2]);
  localOrg.remove('Account', [a1, a2]);
});

test('sorting by a column header: aria-sort and row order follow', async ({ page }) => {
  await page.goto('/lightning/o/Contact/list?filterName=AllContacts');
  await expectRowsLoaded(page);
  const list = table(page, 'All Contacts');
  const name = list.getByRole('columnheader', { name: 'Name', exact: true });
  // Sorted by the name column by default.
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.locator('[data-gl-list-status]')).toContainText('Sorted by Name');

  const title = list.getByRole('columnheader', { name: 'Title', exact: true });
  await expect(title).toHaveAttribute('aria-sort', 'none');
  await title.getByRole('link').click();
  await expectRowsLoaded(page);
  await expect(list.getByRole('columnheader', { name: 'Title', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await expect(list.getByRole('columnheader', { name: 'Name', exact: true })).toHaveAttribute('aria-sort', 'none');
  const ascending = await titles(page);

  await list.getByRole('columnheader', { name: 'Title', exact: true }).getByRole('link').click();
  await expectRowsLoaded(page);
  await expect(list.getByRole('columnheader', { name: 'Title', exact: true })).toHaveAttribute('aria-sort', 'descending');
  const descending = await titles(page);
  // Empty titles last both ways (NULLS LAST); the titled rows in exactly reverse order.
  const titled = (values: string[]) => values.filter((v) => v.trim() !== '');
  expect(ascending.slice(titled(ascending).length).every((v) => v.trim() === '')).toBe(true);
  expect(descending.slice(titled(descending).length).every((v) => v.trim() === '')).toBe(true);
  expect(titled(ascending).length).toBeGreaterThan(1);
  expect(titled(descending)).toEqual([...titled(ascending)].reverse());
  expect(titled(ascending)).toEqual([...titled(ascending)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
});

async function titles(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'All Contacts' }).locator('tbody td[data-label="Title"]').allInnerTexts();
}

test('paging: 50 rows, then "Load more" appends the next page', async ({ page, localOrg }) => {
  const company = unique('Paging Co');
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) ids.push(localOrg.create('Lead', { LastName: `Pager ${String(i).padStart(2, '0')}`, Company: company }));
  try {
    await page.goto('/lightning/o/Lead/list?filterName=TodaysLeads');
    await expectRowsLoaded(page);
    const list = table(page, "Today's Leads");
    await expect(list.getByRole('rowheader')).toHaveCount(50);
    await expect(page.locator('[data-gl-list-status]')).toContainText('50+ items');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => list.getByRole('rowheader').count()).toBeGreaterThan(50);
    const shown = await list.getByRole('rowheader').count();
    // The 60 made here and the seed's 5, all created today.
    expect(shown).toBeGreaterThanOrEqual(65);
    if (shown < 100) {
      await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
      await expect(page.locator('[data-gl-list-status]')).toContainText(`${shown} items`);
    }
    // Rows are not repeated across pages.
    const names = await list.getByRole('rowheader').allInnerTexts();
    expect(new Set(names).size).toBe(names.length);
  } finally {
    localOrg.remove('Lead', ids);
  }
});

test('rows link to their records and "New" links to the new-record URL', async ({ page, localOrg }) => {
  await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
  await expectRowsLoaded(page);
  const dana = localOrg.org.store.findBy(localOrg.object('Lead'), 'LastName', 'Scully', 1)[0];
  await expect(table(page, 'All Open Leads').getByRole('link', { name: 'Dana Scully' })).toHaveAttribute('href', `/lightning/r/Lead/${String(dana.Id)}/view`);
  await expect(page.getByRole('button', { name: 'New' })).toHaveAttribute('href', '/lightning/o/Lead/new');
  // Lightning's short record URL, without the object, leads to the same page.
  await page.goto(`/lightning/r/${String(dana.Id)}/view`);
  await expect(page).toHaveURL(new RegExp(`/lightning/r/Lead/${String(dana.Id)}/view$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Dana Scully');
});
