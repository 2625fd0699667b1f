import type { Page } from '@playwright/test';
import { expect, signIn, test, unique } from './fixtures.ts';

const NO_ACCESS = "You don't have access to this record";

async function expectNoAccess(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response!.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: NO_ACCESS })).toBeVisible();
  // A page, never a stack trace or the API's error JSON.
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bat \S+ \(|errorCode|SalesforceError|ENTITY_IS_DELETED|NOT_FOUND/);
  await expect(page.getByRole('navigation', { name: 'Global' })).toBeVisible();
}

test('a record id that does not exist, or is malformed, gets the insufficient-privileges page', async ({ page }) => {
  await expectNoAccess(page, '/lightning/r/Lead/00Q5g00000009ZZEAA/view');
  await expectNoAccess(page, '/lightning/r/Lead/not-an-id/view');
  await expectNoAccess(page, '/lightning/r/Lead/0015g0000000001AAA/view');
});

test('a deleted record gets the insufficient-privileges page', async ({ page, localOrg }) => {
  const id = localOrg.create('Lead', { LastName: unique('Deleted'), Company: 'Gone Inc' });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Deleted');
  localOrg.remove('Lead', [id]);
  await expectNoAccess(page, `/lightning/r/Lead/${id}/view`);
});

test("a rep cannot open another rep's lead, nor find it in lists or search", async ({ page, localOrg }) => {
  const name = unique('Senior Secret');
  const id = localOrg.create('Lead', { LastName: name, Company: 'Hidden Holdings', OwnerId: localOrg.userId('senior-rep') });
  try {
    await signIn(page, localOrg, 'junior-rep');
    await expectNoAccess(page, `/lightning/r/Lead/${id}/view`);
    await page.goto('/lightning/o/Lead/list?filterName=TodaysLeads');
    await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: "Today's Leads" }).getByRole('rowheader').first()).toBeVisible();
    await expect(page.getByRole('link', { name })).toHaveCount(0);
    await page.goto(`/lightning/search?q=${encodeURIComponent('Hidden Holdings')}`);
    await expect(page.getByText(/couldn't find any results/)).toBeVisible();

    // Its owner sees it.
    await signIn(page, localOrg, 'senior-rep');
    await page.goto(`/lightning/r/Lead/${id}/view`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  } finally {
    localOrg.remove('Lead', [id]);
  }
});

test('an unknown /lightning URL is a Lightning page, not the API’s JSON', async ({ page }) => {
  const response = await page.goto('/lightning/no/such/page');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: "Page doesn't exist" })).toBeVisible();
});

test('XSS: a lead named with markup shows as text in the list and in search, and runs nothing', async ({ page, localOrg }) => {
  const evil = '<img src=x onerror=alert(1)>';
  const id = localOrg.create('Lead', { LastName: evil, Company: '"><script>alert(2)</script>' });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await page.goto('/lightning/o/Lead/list?filterName=TodaysLeads&sortBy=Name&sortDir=asc');
    const list = page.getByRole('table', { name: "Today's Leads" });
    await expect(list.getByRole('link', { name: evil })).toBeVisible();
    await expect(list.getByRole('cell', { name: '"><script>alert(2)</script>' })).toBeVisible();

    await page.goto(`/lightning/search?q=${encodeURIComponent('onerror')}`);
    await expect(page.getByRole('region', { name: 'Leads' }).getByRole('link', { name: evil })).toBeVisible();
    await page.getByRole('combobox', { name: 'Search' }).fill('onerror');
    await expect(page.getByRole('listbox', { name: 'Search suggestions' }).getByRole('option', { name: new RegExp('onerror') })).toBeVisible();

    await page.goto(`/lightning/r/Lead/${id}/view`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(evil);
    await page.goto('/lightning/page/home');
    await expect(page.getByRole('region', { name: 'Recent Records' }).getByRole('link', { name: evil })).toBeVisible();

    // Nothing was parsed as markup: no such image, no script element, no dialog.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    localOrg.remove('Lead', [id]);
  }
});
