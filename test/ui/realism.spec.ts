import { expect, test } from './fixtures.ts';

test('list rows load after the page, behind a Loading spinner', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // Hold the rows' fragment request until the spinner has been seen: no timing luck involved.
  await page.route('**/lightning/_ui/list/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
  const spinner = page.getByRole('status', { name: 'Loading' });
  await expect(spinner).toBeVisible();
  await expect(page.locator('.slds-spinner')).toBeVisible();
  await expect(page.getByRole('table', { name: 'All Open Leads' })).toHaveCount(0);
  release();
  await expect(spinner).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'All Open Leads' }).getByRole('rowheader').first()).toBeVisible();
});

test('home cards load after the page too', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/lightning/_ui/home/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/lightning/page/home');
  await expect(page.getByRole('region', { name: "Today's Tasks" }).getByRole('status', { name: 'Loading' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recent Records' }).getByRole('status', { name: 'Loading' })).toBeVisible();
  release();
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
});

test('the framework error dialog is always in the page, hidden', async ({ page }) => {
  for (const url of ['/lightning/page/home', '/lightning/o/Account/list?filterName=AllAccounts', '/lightning/search?q=acme']) {
    await page.goto(url);
    const auraError = page.locator('div[role="dialog"].auraError');
    await expect(auraError).toHaveCount(1);
    await expect(auraError).toBeHidden();
  }
});

test('a failing fragment request shows the "Sorry to interrupt" dialog', async ({ page }) => {
  await page.route('**/lightning/_ui/list/**', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
  await page.goto('/lightning/o/Account/list?filterName=AllAccounts');
  const dialog = page.getByRole('dialog', { name: 'Sorry to interrupt' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('boom');
});

test('a fragment request after the session ended sends the browser to the login page', async ({ page, localOrg }) => {
  await page.route('**/lightning/_ui/list/**', async (route) => {
    // The session ends while the page is loading its rows.
    localOrg.org.sessions.revokeAll();
    await route.continue();
  });
  await page.goto('/lightning/o/Account/list?filterName=AllAccounts');
  await expect(page).toHaveURL(/\/\?startURL=%2Flightning%2Fo%2FAccount%2Flist/);
});
