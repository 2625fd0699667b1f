import { devices, type BrowserContext } from '@playwright/test';
import { expect, test, type PersonaKey } from '../../fixtures/index.ts';

/**
 * The fixture layer's promises to scenarios: personas without the login form, each in its own
 * browser, sessions that end mid-test renewed without the scenario noticing.
 */

/** Ends a session the way an admin (or Salesforce's timeout) would: the org forgets it. */
async function revoke(orgUrl: string, sessionId: string): Promise<void> {
  const response = await fetch(new URL('/services/oauth2/revoke', orgUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: sessionId }),
  });
  expect(response.status).toBe(200);
}

async function browserSession(context: BrowserContext): Promise<string> {
  const sid = (await context.cookies()).find((c) => c.name === 'sid');
  expect(sid, 'the persona context has a session cookie').toBeDefined();
  return sid!.value;
}

async function expectLoggedOut(context: BrowserContext): Promise<void> {
  const probe = await context.request.get('/lightning/page/home', { maxRedirects: 0 });
  expect(probe.status()).toBe(302);
  expect(probe.headers().location).toContain('startURL=');
}

const ALL_OPEN_LEADS = '/lightning/o/Lead/list?filterName=AllOpenLeads';

test('a session that ends mid-test is renewed, in the browser and in the API', async ({ asPersona, orgTarget }) => {
  const rep = await asPersona('junior-rep');
  const leads = rep.page.getByRole('table', { name: 'All Open Leads' });
  await rep.page.goto(ALL_OPEN_LEADS);
  await expect(leads.getByRole('link', { name: 'Dana Scully', exact: true })).toBeVisible();
  await rep.api.query('SELECT Id FROM Lead LIMIT 1');

  const oldBrowserSession = await browserSession(rep.page.context());
  const oldApiSession = rep.api.accessToken!;
  await revoke(orgTarget.loginUrl, oldBrowserSession);
  await revoke(orgTarget.loginUrl, oldApiSession);
  await expectLoggedOut(rep.page.context());

  const response = await rep.page.goto(ALL_OPEN_LEADS);
  expect(response?.status()).toBe(200);
  await expect(rep.page).toHaveURL(/\/lightning\/o\/Lead\/list\?filterName=AllOpenLeads$/);
  await expect(leads.getByRole('link', { name: 'Dana Scully', exact: true })).toBeVisible();
  expect(await browserSession(rep.page.context())).not.toBe(oldBrowserSession);

  const scully = await rep.api.query<{ Name: string }>("SELECT Name FROM Lead WHERE Name = 'Dana Scully'");
  expect(scully.records.map((l) => l.Name)).toEqual(['Dana Scully']);
  expect(rep.api.accessToken).not.toBe(oldApiSession);
});

test('a click that lands on the login page continues, signed in, to where it was going', async ({ asPersona, orgTarget }) => {
  const rep = await asPersona('junior-rep');
  await rep.page.goto(ALL_OPEN_LEADS);
  const scully = rep.page.getByRole('table', { name: 'All Open Leads' }).getByRole('link', { name: 'Dana Scully', exact: true });
  await expect(scully).toBeVisible();

  await revoke(orgTarget.loginUrl, await browserSession(rep.page.context()));
  await scully.click();

  await expect(rep.page).toHaveURL(/\/lightning\/r\/Lead\/\w+\/view$/);
  await expect(rep.page.getByRole('heading', { name: 'Dana Scully' })).toBeVisible();
});

test('several personas in one test each have their own browser and API session', async ({ asPersona }) => {
  const junior = await asPersona('junior-rep');
  const senior = await asPersona('senior-rep');
  expect(await asPersona('junior-rep')).toBe(junior);
  expect(junior.page.context()).not.toBe(senior.page.context());
  expect(junior.user.username).toBe('junior.rep@golive.local');
  expect(senior.user.username).toBe('senior.rep@golive.local');

  await Promise.all([junior.page.goto(ALL_OPEN_LEADS), senior.page.goto(ALL_OPEN_LEADS)]);
  const row = (who: typeof junior, name: string) => who.page.getByRole('table', { name: 'All Open Leads' }).getByRole('link', { name, exact: true });
  await expect(row(junior, 'Dana Scully')).toBeVisible();
  await expect(row(senior, 'Ellen Ripley')).toBeVisible();
  await expect(row(junior, 'Ellen Ripley')).toHaveCount(0);
  await expect(row(senior, 'Dana Scully')).toHaveCount(0);

  const mine = async (who: typeof junior) => (await who.api.query<{ Name: string }>("SELECT Name FROM Lead WHERE Name IN ('Dana Scully', 'Ellen Ripley')")).records.map((l) => l.Name);
  expect(await mine(junior)).toEqual(['Dana Scully']);
  expect(await mine(senior)).toEqual(['Ellen Ripley']);
});

test('an unknown persona is a one-line error naming the known ones', async ({ asPersona }) => {
  await expect(asPersona('sales-rep' as PersonaKey)).rejects.toThrow(
    new Error("Unknown persona 'sales-rep': the known personas are admin, sales-manager, junior-rep, senior-rep, marketing, compliance, field-rep (declared in fixtures/personas.ts)."),
  );
});

test.describe('on a phone', () => {
  const { viewport, userAgent, isMobile, hasTouch, deviceScaleFactor } = devices['Pixel 7'];
  test.use({ viewport, userAgent, isMobile, hasTouch, deviceScaleFactor });

  test("a persona's browser is the project's device", async ({ asPersona }) => {
    const rep = await asPersona('field-rep');
    expect(rep.page.viewportSize()).toEqual(viewport);
    await rep.page.goto('/lightning/page/home');
    expect(await rep.page.evaluate(() => navigator.userAgent)).toBe(userAgent);
    expect(await rep.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  });
});
