import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type UiTestOrg, unique } from './fixtures.ts';

/**
 * axe-core on the pages a UAT scenario walks through, at the desktop and the phone size (this
 * spec is in both projects of playwright.config.ts): no violation of impact "serious" or
 * "critical". Every page is checked once it is ready (spinners gone, the named dialog open), so
 * axe sees what the user sees. Violations are fixed in the UI, not excluded here.
 */

const BLOCKING = new Set(['serious', 'critical']);

/** The serious and critical violations on the page as it is now, one line per element (empty when none). */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map((n) => {
        const why = [...n.all, ...n.none, ...n.any][0]?.message;
        return `  ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}${why ? ` (${why})` : ''}`;
      }),
    );
}

async function expectNoBlockingViolations(page: Page, what: string) {
  const found = await blockingViolations(page);
  expect(found.length, `serious or critical accessibility violations on ${what}:\n${found.join('\n')}\n`).toBe(0);
}

async function expectLoaded(page: Page) {
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
}

/** A lead of the test's own, so dialogs over it change nothing others see. */
function newLead(localOrg: UiTestOrg): { id: string; name: string } {
  const lastName = unique('Axe');
  return { id: localOrg.create('Lead', { FirstName: 'Ada', LastName: lastName, Company: 'Axe Audits', Email: 'axe@audit.example', Phone: '(415) 555-0111' }), name: `Ada ${lastName}` };
}

test.describe('no serious or critical accessibility violations on', () => {
  test('Home', async ({ page }) => {
    await page.goto('/lightning/page/home');
    await expectLoaded(page);
    await expect(page.getByRole('region', { name: 'Recent Records' })).toBeVisible();
    await expectNoBlockingViolations(page, 'Home');
  });

  test('a list view', async ({ page }) => {
    await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
    await expectLoaded(page);
    await expect(page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
    await expectNoBlockingViolations(page, 'All Open Leads');
  });

  test('a record page with its Details loaded', async ({ page, localOrg }) => {
    const lead = newLead(localOrg);
    try {
      await page.goto(`/lightning/r/Lead/${lead.id}/view`);
      await expectLoaded(page);
      await expect(page.getByRole('tabpanel', { name: 'Details' }).getByRole('region', { name: 'Lead Information' })).toBeVisible();
      await expectNoBlockingViolations(page, 'Lead record page');
    } finally {
      localOrg.remove('Lead', [lead.id]);
    }
  });

  test('the New Lead dialog', async ({ page }) => {
    await page.goto('/lightning/o/Lead/new');
    await expect(page.getByRole('dialog', { name: 'New Lead' })).toBeVisible();
    await expectNoBlockingViolations(page, 'New Lead dialog');
  });

  test('the New Lead dialog showing its errors, with a picklist open', async ({ page }) => {
    await page.goto('/lightning/o/Lead/new');
    const dialog = page.getByRole('dialog', { name: 'New Lead' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByText('Complete this field.').first()).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Lead Source' }).click();
    await expect(dialog.getByRole('listbox', { name: 'Lead Source' })).toBeVisible();
    await expectNoBlockingViolations(page, 'New Lead dialog with errors and an open picklist');
  });

  test('the App Launcher', async ({ page }) => {
    await page.goto('/lightning/page/home');
    await expectLoaded(page);
    await page.getByRole('button', { name: 'App Launcher' }).click();
    await expect(page.getByRole('dialog', { name: 'App Launcher' })).toBeVisible();
    await expectNoBlockingViolations(page, 'App Launcher');
  });

  test('search results and the insufficient-privileges page', async ({ page }) => {
    await page.goto('/lightning/search?q=Scully');
    await expectLoaded(page);
    await expect(page.getByRole('region', { name: 'Leads' })).toBeVisible();
    await expectNoBlockingViolations(page, 'search results');
    await page.goto('/lightning/r/Lead/00Q5g00000009ZZEAA/view');
    await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this record" })).toBeVisible();
    await expectNoBlockingViolations(page, 'insufficient-privileges page');
  });

  test('the Edit dialog', async ({ page, localOrg }) => {
    const lead = newLead(localOrg);
    try {
      await page.goto(`/lightning/r/Lead/${lead.id}/edit`);
      await expect(page.getByRole('dialog', { name: `Edit ${lead.name}` })).toBeVisible();
      await expectLoaded(page);
      await expectNoBlockingViolations(page, 'Edit dialog');
    } finally {
      localOrg.remove('Lead', [lead.id]);
    }
  });

  test('the Convert Lead dialog', async ({ page, localOrg }) => {
    const lead = newLead(localOrg);
    try {
      await page.goto(`/lightning/r/Lead/${lead.id}/view`);
      await expectLoaded(page);
      await page.getByRole('button', { name: 'Convert', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Convert Lead' });
      await expect(dialog).toBeVisible();
      await expectLoaded(page);
      await expectNoBlockingViolations(page, 'Convert Lead dialog');
    } finally {
      localOrg.remove('Lead', [lead.id]);
    }
  });
});
