import { devices, type Page } from '@playwright/test';
import { expect, test, unique } from './fixtures.ts';

/**
 * Phones (the "phone" project is Pixel 7 emulation; the iPhone 14 viewport is checked below in
 * the same Chromium): the same URLs, one column, navigation behind the menu button, no
 * horizontal scrolling and tap targets of at least 24×24 CSS px.
 */

const PAGES = [
  '/lightning/page/home',
  '/lightning/o/Lead/list?filterName=AllOpenLeads',
  '/lightning/o/Opportunity/list?filterName=AllOpportunities',
  '/lightning/search?q=acme',
  '/lightning/r/Lead/00Q5g0000000005EAA/view',
  '/lightning/r/Lead/00Q5g00000009ZZEAA/view',
  '/lightning/o/Lead/new',
  '/lightning/o/Opportunity/new',
  '/lightning/r/Lead/00Q5g0000000005EAA/edit',
];

async function loaded(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
}

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
}

/** Visible interactive elements smaller than 24×24 CSS px (visually hidden 1px ones are not tap targets). */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="option"], [role="menuitem"], [role="combobox"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.width < 24 || box.height < 24) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

function phoneChecks() {
  test('navigation is behind the menu button', async ({ page }) => {
    await loaded(page, '/lightning/page/home');
    const nav = page.getByRole('navigation', { name: 'Global' });
    const menu = page.getByRole('button', { name: /Menu/ });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Leads' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Leads' })).toBeVisible();
    await expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await nav.getByRole('link', { name: 'Leads' }).click();
    await expect(page).toHaveURL(/\/lightning\/o\/Lead\/list/);
  });

  test("Home is one column with Today's Tasks first", async ({ page }) => {
    await loaded(page, '/lightning/page/home');
    const tasks = await page.getByRole('region', { name: "Today's Tasks" }).boundingBox();
    const recent = await page.getByRole('region', { name: 'Recent Records' }).boundingBox();
    expect(tasks!.y).toBeLessThan(recent!.y);
    expect(Math.abs(tasks!.x - recent!.x)).toBeLessThan(2);
    expect(Math.abs(tasks!.width - recent!.width)).toBeLessThan(2);
  });

  test('no page scrolls sideways and every tap target is at least 24×24', async ({ page }) => {
    for (const url of PAGES) {
      await loaded(page, url);
      await expectNoHorizontalScroll(page);
      expect(await smallTapTargets(page), url).toEqual([]);
    }
    // The open menus and dialogs too.
    await loaded(page, '/lightning/o/Lead/list?filterName=AllOpenLeads');
    await page.getByRole('button', { name: 'Select a List View: Leads' }).click();
    await expect(page.getByRole('menu', { name: 'List Views' })).toBeVisible();
    expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'App Launcher' }).click();
    await expect(page.getByRole('dialog', { name: 'App Launcher' })).toBeVisible();
    expect(await smallTapTargets(page)).toEqual([]);
  });

  test('the New Lead dialog is one column that fits the screen', async ({ page }) => {
    await loaded(page, '/lightning/o/Lead/new');
    const form = page.getByRole('dialog', { name: 'New Lead' });
    const company = await form.getByRole('textbox', { name: 'Company' }).boundingBox();
    const title = await form.getByRole('textbox', { name: 'Title' }).boundingBox();
    // One column: fields sit under each other at the same x, and inside the viewport.
    expect(Math.abs(company!.x - title!.x)).toBeLessThan(2);
    expect(title!.y).toBeGreaterThan(company!.y);
    const width = page.viewportSize()!.width;
    expect(company!.x + company!.width).toBeLessThanOrEqual(width);
    await expect(form.getByRole('button', { name: 'Save', exact: true })).toBeInViewport();
    await expectNoHorizontalScroll(page);
  });

  test('record actions sit in a bar at the bottom of the screen and work from there', async ({ page, localOrg }) => {
    const company = unique('Phone Convert Co');
    const id = localOrg.create('Lead', { LastName: unique('Phoebe'), Company: company });
    await loaded(page, `/lightning/r/Lead/${id}/view`);
    const bar = page.getByRole('list', { name: 'Record actions' });
    const viewport = page.viewportSize()!;
    const box = (await bar.boundingBox())!;
    // Fixed to the bottom edge, the full width: reachable without scrolling either way.
    expect(Math.abs(box.y + box.height - viewport.height)).toBeLessThan(2);
    expect(Math.abs(box.width - viewport.width)).toBeLessThan(2);
    for (const name of ['Edit', 'Convert', 'Delete', 'Show more actions']) {
      const action = bar.getByRole('button', { name, exact: true });
      await expect(action).toBeInViewport({ ratio: 1 });
      const size = (await action.boundingBox())!;
      expect(Math.min(size.width, size.height), name).toBeGreaterThanOrEqual(24);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(bar).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);

    // "Show more actions" opens upwards, inside the screen.
    await bar.getByRole('button', { name: 'Show more actions' }).click();
    const changeOwner = page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Change Owner' });
    await expect(changeOwner).toBeInViewport({ ratio: 1 });
    expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await changeOwner.click();
    const ownerDialog = page.getByRole('dialog', { name: 'Change Owner' });
    await expect(ownerDialog.getByRole('button', { name: 'Change Owner' })).toBeInViewport();
    expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await ownerDialog.getByRole('button', { name: 'Cancel' }).click();

    // Convert from the bar, all the way to the success view.
    await bar.getByRole('button', { name: 'Convert', exact: true }).click();
    const convert = page.getByRole('dialog', { name: 'Convert Lead' });
    await expect(convert.getByRole('group', { name: 'Account' }).getByRole('textbox', { name: 'Account Name' })).toHaveValue(company);
    expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await convert.getByRole('button', { name: 'Convert', exact: true }).click();
    await expect(convert.getByRole('heading', { name: 'Your lead has been converted' })).toBeVisible();
    await expect(convert.getByRole('link', { name: company, exact: true })).toBeInViewport();
    expect(await smallTapTargets(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
  });

  test('list rows are compact cards: the name as title, then only the fields with a value', async ({ page, localOrg }) => {
    const lastName = unique('Compact');
    localOrg.create('Lead', { LastName: lastName, Company: unique('Card Co') });
    await loaded(page, '/lightning/o/Lead/list?filterName=AllOpenLeads');
    const table = page.getByRole('table', { name: 'All Open Leads' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: lastName }) });
    const cells = row.locator('th, td');
    const shown = await cells.evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => ({ label: el.getAttribute('data-label'), x: Math.round(el.getBoundingClientRect().x) })));
    // One column: every shown cell of a row starts at the same x.
    expect(new Set(shown.map((c) => c.x)).size).toBe(1);
    // No Title, no Phone, no Email: those take no room; the name, company, status and owner do.
    expect(shown.map((c) => c.label)).toEqual(['Name', 'Company', 'Lead Status', 'Lead Owner']);
    await expect(row.getByRole('cell').filter({ hasText: /\S/ })).toHaveCount(3);
    // Every column label stays in the accessibility tree: the header row is only visually hidden.
    await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Title', 'Company', 'Phone', 'Email', 'Lead Status', 'Lead Owner']);
  });

  test('at the bottom of a record page the action bar covers nothing', async ({ page }) => {
    await loaded(page, '/lightning/r/Lead/00Q5g0000000005EAA/view');
    const bar = page.getByRole('list', { name: 'Record actions' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const barTop = (await bar.boundingBox())!.y;
    const { contentBottom, padding } = await page.evaluate(() => {
      const recordPage = document.querySelector('.gl-record-page')!;
      const last = [...recordPage.children].filter((el) => el.checkVisibility() && getComputedStyle(el).position !== 'fixed').at(-1)!;
      return { contentBottom: last.getBoundingClientRect().bottom, padding: parseFloat(getComputedStyle(recordPage).paddingBottom) };
    });
    expect(contentBottom).toBeLessThanOrEqual(barTop);
    // Room exactly the bar's height, not a guess at it.
    expect(Math.abs(padding - (await bar.boundingBox())!.height)).toBeLessThan(1);
  });
}

test.describe('Pixel 7', () => {
  phoneChecks();

  test.describe('login page', () => {
    test.use({ persona: null });
    test('fits the phone', async ({ page }) => {
      await page.goto('/');
      await expectNoHorizontalScroll(page);
      expect(await smallTapTargets(page)).toEqual([]);
    });
  });
});

test.describe('iPhone 14', () => {
  // Its viewport, scale and touch in Chromium (WebKit is not installed here).
  const { defaultBrowserType: _webkit, ...iPhone14 } = devices['iPhone 14'];
  test.use(iPhone14);
  phoneChecks();
});
