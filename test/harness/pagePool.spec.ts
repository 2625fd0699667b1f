import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/index.ts';

/**
 * The worker keeps a passed test's persona pages for the next test (fixtures/session/
 * personaPagePool.ts), reset so that nothing of the earlier test shows; a failed test's pages are
 * never handed on. Serial: the tests depend on running one after the other in one worker.
 */
test.describe.configure({ mode: 'serial' });

let first: Page | undefined;

test('a test leaves a persona page behind with a second tab and a queued toast', async ({ asPersona }) => {
  const admin = await asPersona('admin');
  first = admin.page;
  await admin.page.goto('/lightning/page/home');
  await admin.page.evaluate(() => sessionStorage.setItem('golive-pool-probe', 'left by the first test'));
  await admin.page.context().newPage();
  expect(admin.page.context().pages()).toHaveLength(2);
});

test('the next test gets the same page, reset: about:blank, one tab, empty sessionStorage, still signed in', async ({ asPersona }) => {
  const admin = await asPersona('admin');
  expect(admin.page).toBe(first);
  expect(admin.page.url()).toBe('about:blank');
  expect(admin.page.context().pages()).toHaveLength(1);
  await admin.page.goto('/lightning/page/home');
  await expect(admin.page.getByRole('heading', { name: "Today's Tasks" })).toBeVisible();
  expect(await admin.page.evaluate(() => sessionStorage.getItem('golive-pool-probe'))).toBeNull();
});

test('a failed test keeps its page for the evidence, not for the next test', async ({ asPersona }) => {
  test.fail(true, 'fails on purpose: its page must not be handed on');
  const admin = await asPersona('admin');
  first = admin.page;
  expect(admin.page.url()).toBe('a page this test never opened');
});

test('after a failure the next test gets a fresh page', async ({ asPersona }) => {
  const admin = await asPersona('admin');
  expect(admin.page).not.toBe(first);
  expect(first?.isClosed()).toBe(true);
});
