import { expect, test } from '../../fixtures/index.ts';

/**
 * Two ways to start a scenario as the admin persona with 10 leads of its own and to leave nothing
 * behind, timed by bench/harness.bench.ts from each test's duration:
 * - `fixtures`: the harness's way: the persona's page from the saved browser state, its API
 *   connection, 10 leads from the records factory (created through the API, deleted after the test).
 * - `ui`: the way a script without the harness does it: the login form, then 10 leads through
 *   the New Lead dialog and 10 deletes through the record page.
 * The first test of each kind also pays for the worker (browser, API logins): the median leaves it out.
 * Both as the admin (who the records factory creates as, and who sees Delete on the record page).
 */
const RUNS = Number(process.env.GOLIVE_BENCH_TESTS ?? 20);
// The UI way takes seconds a test: fewer runs give a median as steady.
const UI_RUNS = Number(process.env.GOLIVE_BENCH_UI_TESTS ?? 5);
const LEADS = 10;

for (let i = 1; i <= RUNS; i++) {
  test(`fixtures ${i}`, async ({ asPersona, records }) => {
    const rep = await asPersona('admin');
    const leads = await records.leads(LEADS, { LeadSource: 'Other' });
    expect(leads).toHaveLength(LEADS);
    expect(rep.page.url()).toBe('about:blank');
  });
}

for (let i = 1; i <= UI_RUNS; i++) {
  test(`ui ${i}`, async ({ browser, orgTarget }) => {
    const credentials = orgTarget.credentials('admin');
    if (credentials.flow !== 'password') throw new Error('the UI variant needs a password login (the local org has one)');
    const context = await browser.newContext({ baseURL: orgTarget.loginUrl });
    const page = await context.newPage();
    // A broken step fails fast instead of waiting out the test's timeout.
    page.setDefaultTimeout(15_000);
    try {
      await page.goto('/');
      await page.locator('#username').fill(credentials.username);
      await page.locator('#password').fill(credentials.password);
      await page.locator('#Login').click();
      await expect(page).toHaveURL(/\/lightning\/page\/home/);

      const created: string[] = [];
      for (let n = 1; n <= LEADS; n++) {
        const lastName = `Bench ${i}-${n}`;
        await page.goto('/lightning/o/Lead/new');
        const form = page.getByRole('dialog', { name: 'New Lead' });
        await form.getByRole('textbox', { name: 'Last Name' }).fill(lastName);
        await form.getByRole('textbox', { name: 'Company' }).fill('Bench Co');
        await form.getByRole('button', { name: 'Save', exact: true }).click();
        await expect(page.getByRole('status').filter({ hasText: `Lead "${lastName}" was created.` })).toBeVisible();
        await expect(page).toHaveURL(/\/lightning\/r\/Lead\/\w+\/view$/);
        created.push(page.url());
      }
      for (const [n, url] of created.entries()) {
        await page.goto(url);
        await page.getByRole('button', { name: 'Delete' }).click();
        await page.getByRole('dialog', { name: 'Delete Lead?' }).getByRole('button', { name: 'Delete' }).click();
        await expect(page.getByRole('status').filter({ hasText: `Lead "Bench ${i}-${n + 1}" was deleted.` })).toBeVisible();
      }
    } finally {
      await context.close();
    }
  });
}
