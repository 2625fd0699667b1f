import { expect, test } from '../../../fixtures/index.ts';

/** Run by ../video.test.ts, which looks for each persona's video in the report. One fails on purpose. */

const ALL_OPEN_LEADS = '/lightning/o/Lead/list?filterName=AllOpenLeads';

test('two personas, then a lead that is not there: fails', async ({ asPersona }) => {
  const rep = await asPersona('junior-rep');
  const manager = await asPersona('sales-manager');
  await test.step('the rep and the manager open the open leads', async () => {
    await Promise.all([rep.page.goto(ALL_OPEN_LEADS), manager.page.goto(ALL_OPEN_LEADS)]);
    await expect(rep.page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
    await expect(manager.page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
  });
  await test.step('the rep expects a lead that is not there', async () => {
    await expect(rep.page.getByRole('link', { name: 'Nobody Atall', exact: true })).toBeVisible({ timeout: 500 });
  });
});

test('the rep opens the open leads: passes', async ({ asPersona }) => {
  const rep = await asPersona('junior-rep');
  await test.step('the rep opens the open leads', async () => {
    await rep.page.goto(ALL_OPEN_LEADS);
    await expect(rep.page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
  });
});
