import { dayIn, expect, signIn, test, unique } from './fixtures.ts';

const NAV: Array<[label: string, url: RegExp]> = [
  ['Home', /\/lightning\/page\/home$/],
  ['Leads', /\/lightning\/o\/Lead\/list\?filterName=Recent$/],
  ['Accounts', /\/lightning\/o\/Account\/list\?filterName=Recent$/],
  ['Contacts', /\/lightning\/o\/Contact\/list\?filterName=Recent$/],
  ['Opportunities', /\/lightning\/o\/Opportunity\/list\?filterName=Recent$/],
  ['Tasks', /\/lightning\/o\/Task\/list\?filterName=MyOpenTasks$/],
];

test('the navigation bar links every tab and marks the current one', async ({ page }) => {
  await page.goto('/lightning/page/home');
  const nav = page.getByRole('navigation', { name: 'Global' });
  await expect(nav.getByRole('link')).toHaveText(NAV.map(([label]) => label));
  for (const [label, url] of NAV) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(nav.getByRole('link', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
  }
});

test('the App Launcher lists the objects; Escape closes it and focus returns', async ({ page }) => {
  await page.goto('/lightning/page/home');
  const waffle = page.getByRole('button', { name: 'App Launcher' });
  await waffle.click();
  const launcher = page.getByRole('dialog', { name: 'App Launcher' });
  await expect(launcher).toBeVisible();
  await expect(launcher.getByRole('link')).toHaveText(['Home', 'Leads', 'Accounts', 'Contacts', 'Opportunities', 'Tasks']);
  await page.keyboard.press('Escape');
  await expect(launcher).toBeHidden();
  await expect(waffle).toBeFocused();

  await waffle.click();
  await launcher.getByRole('link', { name: 'Opportunities' }).click();
  await expect(page).toHaveURL(/\/lightning\/o\/Opportunity\/list/);
});

test('the user menu is named after the user and offers Log Out', async ({ page }) => {
  await page.goto('/lightning/page/home');
  const button = page.getByRole('button', { name: 'Ada Admin', exact: true });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const menu = page.getByRole('menu', { name: 'Ada Admin' });
  await expect(menu.getByRole('menuitem', { name: 'Log Out' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

test('header search: suggestions while typing, Enter for the results page', async ({ page }) => {
  await page.goto('/lightning/page/home');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toHaveAttribute('placeholder', 'Search...');
  await search.fill('scully');
  const suggestions = page.getByRole('listbox', { name: 'Search suggestions' });
  await expect(suggestions.getByRole('option', { name: /Dana Scully/ })).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/lightning\/search\?q=scully$/);
  await expect(page.getByRole('region', { name: 'Leads' }).getByRole('link', { name: 'Dana Scully' })).toBeVisible();

  // By company and by email, across objects.
  await page.goto('/lightning/search?q=acme');
  await expect(page.getByRole('region', { name: 'Accounts' }).getByRole('link', { name: 'Acme Corporation' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' }).getByRole('row').nth(1)).toContainText('Acme Corporation');
  await page.goto('/lightning/search?q=ripley%40weyland');
  await expect(page.getByRole('region', { name: 'Leads' }).getByRole('link', { name: 'Ellen Ripley' })).toBeVisible();

  // Keyboard: ArrowDown picks the first suggestion, Enter opens the record.
  await search.fill('knope');
  await expect(suggestions.getByRole('option', { name: /Leslie Knope/ })).toBeVisible();
  await search.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: /Leslie Knope/ })).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(page).toHaveURL(/\/lightning\/r\/Lead\/00Q\w+\/view$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Leslie Knope');
});

test('search refuses a one-character term with Salesforce’s message', async ({ page }) => {
  await page.goto('/lightning/search?q=a');
  await expect(page.getByText('Your search term must have 2 or more characters.')).toBeVisible();
});

test("Home: Today's Tasks shows the user's open tasks due today or overdue", async ({ page, localOrg }) => {
  const admin = localOrg.userId('admin');
  const due = unique('Call about renewal');
  const overdue = unique('Send the quote');
  const future = unique('Plan next quarter');
  const done = unique('Already done');
  const others = unique('Not yours');
  const dana = String(localOrg.org.store.findBy(localOrg.object('Lead'), 'LastName', 'Scully', 1)[0].Id);
  const ids = [
    localOrg.create('Task', { Subject: due, ActivityDate: dayIn('America/Los_Angeles'), OwnerId: admin, WhoId: dana }),
    localOrg.create('Task', { Subject: overdue, ActivityDate: dayIn('America/Los_Angeles', -3), OwnerId: admin }),
    localOrg.create('Task', { Subject: future, ActivityDate: dayIn('America/Los_Angeles', 2), OwnerId: admin }),
    localOrg.create('Task', { Subject: done, ActivityDate: dayIn('America/Los_Angeles'), OwnerId: admin, Status: 'Completed' }),
    localOrg.create('Task', { Subject: others, ActivityDate: dayIn('America/Los_Angeles'), OwnerId: localOrg.userId('junior-rep') }),
  ];
  try {
    await page.goto('/lightning/page/home');
    const tasks = page.getByRole('region', { name: "Today's Tasks" });
    await expect(tasks.getByRole('link', { name: due })).toBeVisible();
    await expect(tasks.getByRole('link', { name: overdue })).toBeVisible();
    await expect(tasks).toContainText('Dana Scully');
    await expect(tasks).toContainText('Overdue');
    for (const absent of [future, done, others]) await expect(tasks.getByRole('link', { name: absent })).toHaveCount(0);
    await tasks.getByRole('link', { name: due }).click();
    await expect(page).toHaveURL(/\/lightning\/r\/Task\/00T\w+\/view$/);
  } finally {
    localOrg.remove('Task', ids);
  }
});

test('Home: Recent Records lists what the user opened, newest first', async ({ page, localOrg }) => {
  await signIn(page, localOrg, 'senior-rep');
  const account = localOrg.create('Account', { Name: unique('Recently Opened') }, 'admin');
  const name = String(localOrg.org.store.getById(localOrg.object('Account'), account)!.Name);
  await page.goto(`/lightning/r/Account/${account}/view`);
  await page.goto('/lightning/page/home');
  const recent = page.getByRole('region', { name: 'Recent Records' });
  await expect(recent.getByRole('link').first()).toHaveText(name);
  localOrg.remove('Account', [account]);
});
