import { expect, signIn, test } from './fixtures.ts';

const LOGIN_FAILED = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

test.describe('login page', () => {
  test.use({ persona: null });

  test('logs in with the form and lands on Home', async ({ page }) => {
    await page.goto('/');
    await page.locator('#username').fill('admin@golive.local');
    await page.locator('#password').fill('golive-local-1');
    await page.locator('#Login').click();
    await expect(page).toHaveURL(/\/lightning\/page\/home$/);
    await expect(page.getByRole('button', { name: 'Ada Admin' })).toBeVisible();
  });

  test('a wrong password shows Salesforce’s message and keeps the username', async ({ page }) => {
    await page.goto('/');
    await page.locator('#username').fill('admin@golive.local');
    await page.locator('#password').fill('not-the-password');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/login')), page.locator('#Login').click()]);
    expect(response.status()).toBe(200);
    await expect(page.getByRole('alert')).toHaveText(LOGIN_FAILED);
    await expect(page.locator('#username')).toHaveValue('admin@golive.local');
    await expect(page.locator('#password')).toHaveValue('');
  });

  test('an expired session on a /lightning URL goes to the login page, then back to that URL', async ({ page, localOrg }) => {
    await signIn(page, localOrg, 'admin');
    await page.goto('/lightning/o/Account/list?filterName=AllAccounts');
    await expect(page.getByRole('heading', { name: /All Accounts/ })).toBeVisible();

    localOrg.advanceClock((localOrg.org.sessions.lifetimeSeconds + 60) * 1000);
    await page.goto('/lightning/o/Account/list?filterName=AllAccounts');
    await expect(page).toHaveURL(/\/\?startURL=%2Flightning%2Fo%2FAccount%2Flist%3FfilterName%3DAllAccounts$/);
    await expect(page.locator('#Login')).toBeVisible();

    await page.locator('#username').fill('admin@golive.local');
    await page.locator('#password').fill('golive-local-1');
    await page.locator('#Login').click();
    await expect(page).toHaveURL(/\/lightning\/o\/Account\/list\?filterName=AllAccounts$/);
  });

  test('a missing session on a /lightning URL goes to the login page with startURL', async ({ page }) => {
    await page.goto('/lightning/page/home');
    await expect(page).toHaveURL(/\/\?startURL=%2Flightning%2Fpage%2Fhome$/);
  });

  test('frontdoor by GET: sid and a relative retURL', async ({ page, localOrg }) => {
    const { sessionId } = localOrg.apiLogin('junior-rep');
    await page.goto(`/secur/frontdoor.jsp?sid=${encodeURIComponent(sessionId)}&retURL=${encodeURIComponent('/lightning/o/Lead/list?filterName=AllOpenLeads')}`);
    await expect(page).toHaveURL(/\/lightning\/o\/Lead\/list\?filterName=AllOpenLeads$/);
    await expect(page.getByRole('button', { name: 'Jamie Junior' })).toBeVisible();
  });

  test('frontdoor by POST from a browser form', async ({ page, localOrg }) => {
    const { sessionId } = localOrg.apiLogin('senior-rep');
    // A real form post from the browser, as the harness does it: the sid stays out of every URL.
    await page.goto('/');
    await page.evaluate(
      ({ sid }) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = '/secur/frontdoor.jsp';
        for (const [name, value] of Object.entries({ sid, retURL: '/lightning/o/Contact/home' })) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = value;
          form.appendChild(input);
        }
        document.body.appendChild(form);
        form.submit();
      },
      { sid: sessionId },
    );
    await expect(page).toHaveURL(/\/lightning\/o\/Contact\/list\?filterName=Recent$/);
    await expect(page.getByRole('button', { name: 'Sofia Senior' })).toBeVisible();
  });

  for (const foreign of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example']) {
    test(`frontdoor ignores a retURL that is not relative: ${foreign}`, async ({ page, localOrg }) => {
      const { sessionId } = localOrg.apiLogin('admin');
      const response = await page.request.post('/secur/frontdoor.jsp', { form: { sid: sessionId, retURL: foreign }, maxRedirects: 0 });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe('/lightning/page/home');
    });
  }

  test('frontdoor with a dead sid goes to the login page', async ({ page }) => {
    await page.goto(`/secur/frontdoor.jsp?sid=00D000000000001!nope&retURL=${encodeURIComponent('/lightning/o/Lead/home')}`);
    await expect(page).toHaveURL(/\/\?startURL=%2Flightning%2Fo%2FLead%2Fhome$/);
  });

  test('the login page refuses a foreign startURL', async ({ page }) => {
    await page.goto('/?startURL=' + encodeURIComponent('https://evil.example/'));
    await page.locator('#username').fill('admin@golive.local');
    await page.locator('#password').fill('golive-local-1');
    await page.locator('#Login').click();
    await expect(page).toHaveURL(/\/lightning\/page\/home$/);
  });

  test('a login post without the form’s token is refused', async ({ page }) => {
    const response = await page.request.post('/login', { form: { username: 'admin@golive.local', pw: 'golive-local-1' }, maxRedirects: 0 });
    expect(response.status()).toBe(403);
  });
});

test.describe('signed in', () => {
  test('the session cookie is HttpOnly, SameSite=Lax, Path=/', async ({ page }) => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  test('Log Out in the user menu ends the session and returns to the login page', async ({ page }) => {
    await page.goto('/lightning/page/home');
    await page.getByRole('button', { name: 'Ada Admin' }).click();
    await page.getByRole('menu', { name: 'Ada Admin' }).getByRole('menuitem', { name: 'Log Out' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('#Login')).toBeVisible();
    expect((await page.context().cookies()).find((c) => c.name === 'sid')).toBeUndefined();
    await page.goto('/lightning/page/home');
    await expect(page).toHaveURL(/\/\?startURL=/);
  });

  test('logout.jsp by GET (Salesforce’s own URL) revokes the session server-side', async ({ page }) => {
    const sid = (await page.context().cookies()).find((c) => c.name === 'sid')!.value;
    await page.goto('/secur/logout.jsp');
    await expect(page.locator('#Login')).toBeVisible();
    // The old cookie value is dead, not merely forgotten by the browser.
    await page.context().addCookies([{ name: 'sid', value: sid, url: page.url() }]);
    await page.goto('/lightning/page/home');
    await expect(page).toHaveURL(/\/\?startURL=/);
  });

  test('CSRF: state-changing requests without the token are refused with 403', async ({ page }) => {
    await page.goto('/lightning/page/home');
    // A forged post that even carries the session cookie (SameSite would normally drop it).
    const logout = await page.request.post('/secur/logout.jsp', { form: {}, maxRedirects: 0 });
    expect(logout.status()).toBe(403);
    const lightning = await page.request.post('/lightning/o/Lead/list', { form: { anything: '1' }, maxRedirects: 0 });
    expect(lightning.status()).toBe(403);
    const wrongToken = await page.request.post('/lightning/o/Lead/list', { headers: { 'X-CSRF-Token': 'forged' }, maxRedirects: 0 });
    expect(wrongToken.status()).toBe(403);
    // Still signed in: nothing happened.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Ada Admin' })).toBeVisible();
    // With the page's token the same request passes the CSRF check (and finds no such route).
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const withToken = await page.request.post('/lightning/o/Lead/list', { headers: { 'X-CSRF-Token': token! }, maxRedirects: 0 });
    expect(withToken.status()).toBe(404);
  });

  test('every UI response carries the Content-Security-Policy, and pages have no inline script or style', async ({ page }) => {
    for (const url of ['/lightning/page/home', '/lightning/o/Lead/list?filterName=AllOpenLeads', '/lightning/_ui/home/tasks', '/', '/assets/golive/app.js']) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      const csp = response.headers()['content-security-policy'];
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
    }
    // Nothing the pages do trips the policy (a violation is reported on the console).
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const url of ['/lightning/o/Lead/list?filterName=AllOpenLeads', '/lightning/search?q=acme', '/lightning/page/home']) {
      await page.goto(url);
      await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'App Launcher' }).click();
    await expect(page.getByRole('dialog', { name: 'App Launcher' })).toBeVisible();
    expect(violations).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('[style]').count()).toBe(0);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}.${a.name}`)),
    );
    expect(handlers).toEqual([]);
  });
});
