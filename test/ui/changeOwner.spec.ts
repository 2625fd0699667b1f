import type { Page } from '@playwright/test';
import { Connection } from 'jsforce';
import { expect, test, unique, type UiTestOrg } from './fixtures.ts';

/**
 * Change Owner: behind the record page's "Show more actions" menu, a dialog with a user lookup;
 * the save is RecordService.update of OwnerId as the signed-in user, so sharing and the
 * transfer rules decide, and a forged post is refused as the hidden action is.
 */

const ownerOf = (localOrg: UiTestOrg, id: string) => (localOrg.org.store.getById(localOrg.object('Lead'), id) as Record<string, unknown>).OwnerId;

async function forgedOwnerPost(page: Page, leadId: string, ownerId: string) {
  const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
  return page.request.post(`/lightning/_ui/record/Lead/${leadId}/owner`, { headers: { 'X-CSRF-Token': token! }, data: { ownerId } });
}

test('Change Owner from "Show more actions" gives the lead to another user', async ({ page, localOrg }) => {
  const lastName = unique('Owned');
  const id = localOrg.create('Lead', { LastName: lastName, Company: 'Owner Co' });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  const more = page.getByRole('list', { name: 'Record actions' }).getByRole('button', { name: 'Show more actions' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem', { name: 'Change Owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change Owner' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('menu', { name: 'More actions' })).toBeHidden();

  // Nothing chosen: the dialog says so and nothing changes.
  await dialog.getByRole('button', { name: 'Change Owner' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'We hit a snag.' })).toContainText('Choose the new owner.');
  await expect(dialog.getByRole('combobox', { name: 'Search Users' })).toHaveAttribute('aria-invalid', 'true');
  expect(ownerOf(localOrg, id)).toBe(localOrg.userId('admin'));

  await dialog.getByRole('combobox', { name: 'Search Users' }).fill('Sofia');
  await dialog.getByRole('listbox', { name: 'Search Users suggestions' }).getByRole('option', { name: 'Sofia Senior' }).click();
  await dialog.getByRole('checkbox', { name: 'Send notification email' }).check();
  await dialog.getByRole('button', { name: 'Change Owner' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Owner changed to Sofia Senior.' })).toBeVisible();
  expect(ownerOf(localOrg, id)).toBe(localOrg.userId('senior-rep'));
  // And as the API reports it.
  const conn = new Connection({ instanceUrl: localOrg.url, accessToken: localOrg.apiLogin('admin').sessionId, version: '60.0' });
  const viaApi = await conn.sobject('Lead').retrieve(id);
  expect(viaApi.OwnerId).toBe(localOrg.userId('senior-rep'));
  await expect(page.getByRole('dialog', { name: 'Change Owner' })).toBeHidden();
  localOrg.remove('Lead', [id]);
});

test('Cancel and Escape close the dialog and change nothing', async ({ page, localOrg }) => {
  const id = localOrg.create('Lead', { LastName: unique('Kept'), Company: 'Kept Co' });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  const more = page.getByRole('button', { name: 'Show more actions' });
  await more.click();
  await page.getByRole('menuitem', { name: 'Change Owner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change Owner' });
  await dialog.getByRole('combobox', { name: 'Search Users' }).fill('Sofia');
  await expect(dialog.getByRole('option', { name: 'Sofia Senior' })).toBeVisible();
  // Escape closes the open suggestions first, then the dialog; focus goes back to the menu button.
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('option', { name: 'Sofia Senior' })).toBeHidden();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(more).toBeFocused();
  await more.click();
  await page.getByRole('menuitem', { name: 'Change Owner' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(ownerOf(localOrg, id)).toBe(localOrg.userId('admin'));
  localOrg.remove('Lead', [id]);
});

test.describe('a user who may not edit the lead (Compliance Officer: read-only)', () => {
  test.use({ persona: 'compliance' });

  test('gets no Change Owner action and a forged post is refused', async ({ page, localOrg }) => {
    const id = localOrg.create('Lead', { LastName: unique('Audited'), Company: 'Audit Co' });
    await page.goto(`/lightning/r/Lead/${id}/view`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Audited');
    const actions = page.getByRole('list', { name: 'Record actions' });
    await expect(actions.getByRole('button', { name: 'Show more actions' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'Change Owner' })).toHaveCount(0);

    const response = await forgedOwnerPost(page, id, localOrg.userId('compliance'));
    expect(response.status()).toBe(400);
    expect((await response.json()).pageErrors).toEqual([expect.stringMatching(/can't change the owner/)]);
    expect(ownerOf(localOrg, id)).toBe(localOrg.userId('admin'));
    localOrg.remove('Lead', [id]);
  });
});

test.describe('a rep', () => {
  test.use({ persona: 'junior-rep' });

  test('may give away an own lead but not forge a transfer of a lead it cannot see', async ({ page, localOrg }) => {
    const own = localOrg.create('Lead', { LastName: unique('Rep Owned'), Company: 'Rep Co' }, 'junior-rep');
    await page.goto(`/lightning/r/Lead/${own}/view`);
    await page.getByRole('button', { name: 'Show more actions' }).click();
    await expect(page.getByRole('menuitem', { name: 'Change Owner' })).toBeVisible();

    const other = localOrg.create('Lead', { LastName: unique('Not Yours'), Company: 'Other Co' });
    const response = await forgedOwnerPost(page, other, localOrg.userId('junior-rep'));
    expect(response.status()).toBe(400);
    expect((await response.json()).pageErrors).toEqual([expect.stringMatching(/don't have access/)]);
    expect(ownerOf(localOrg, other)).toBe(localOrg.userId('admin'));
    localOrg.remove('Lead', [own, other]);
  });
});
