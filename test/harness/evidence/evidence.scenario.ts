import { expect, test } from '../../../fixtures/index.ts';

/** Run by ../evidence.test.ts, which reads what each test had attached. One fails on purpose. */

const ALL_OPEN_LEADS = '/lightning/o/Lead/list?filterName=AllOpenLeads';

test('two personas, a hot lead: step screenshots and the automation log', async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const manager = await asPersona('sales-manager');
  await test.step('the rep and the manager open the open leads', async () => {
    await Promise.all([rep.page.goto(ALL_OPEN_LEADS), manager.page.goto(ALL_OPEN_LEADS)]);
    await expect(rep.page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
    await expect(manager.page.getByRole('table', { name: 'All Open Leads' })).toBeVisible();
  });
  await test.step('a hot lead arrives', async () => {
    await records.lead({ Rating: 'Hot', LeadSource: 'Other' });
  });
});

test('nothing ran on the org: no automation log on a pass', async ({ asPersona, orgTarget }) => {
  const rep = await asPersona('junior-rep');
  await test.step('the rep looks at Home', async () => {
    await rep.page.goto('/lightning/page/home');
  });
  // A careless title: the attachment's name must not carry the password on.
  const credentials = orgTarget.credentials('junior-rep');
  await test.step(`the rep remembers ${credentials.flow === 'password' ? credentials.password : ''}`, async () => {});
});

test('a failing step', async ({ asPersona }) => {
  const rep = await asPersona('junior-rep');
  await test.step('the rep expects a lead that is not there', async () => {
    await rep.page.goto(ALL_OPEN_LEADS);
    await expect(rep.page.getByRole('link', { name: 'Nobody Atall', exact: true })).toBeVisible({ timeout: 500 });
  });
});
