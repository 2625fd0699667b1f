import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Connection } from 'jsforce';
import { dayIn, expect, test, unique, type UiTestOrg } from './fixtures.ts';

/**
 * Inline edit on the record page's Details tab: the pencil "Edit <label>" on each field the user
 * may change switches the Details to edit mode (the new/edit dialog's controls), Save posts the
 * changes to the dialog's update endpoint (RecordService as the user), Cancel restores. Saved
 * values are read back over the REST API with jsforce.
 */

const LA = 'America/Los_Angeles';

/** A record's fields, read as admin through the REST API (jsforce over HTTP). */
async function apiRecord(localOrg: UiTestOrg, objectName: string, id: string, fields: string[]): Promise<Record<string, unknown>> {
  const conn = new Connection({ instanceUrl: localOrg.url, accessToken: localOrg.apiLogin('admin').sessionId, version: '60.0' });
  return (await conn.sobject(objectName).retrieve(id, { fields })) as Record<string, unknown>;
}

async function openDetails(page: Page, objectName: string, id: string) {
  await page.goto(`/lightning/r/${objectName}/${id}/view`);
  const details = page.getByRole('tabpanel', { name: 'Details' });
  // The Details arrive behind the spinner: wait for the first section.
  await expect(details.getByRole('region').first()).toBeVisible();
  return details;
}

function toast(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

test('a text field and a picklist, edited inline and saved through the update endpoint', async ({ page, localOrg }) => {
  const lastName = unique('Inline');
  const lead = localOrg.create('Lead', { LastName: lastName, Company: 'Before Co', Industry: 'Energy' });
  const details = await openDetails(page, 'Lead', lead);
  // Record-level and derived fields have no pencil: Name is composed, Created By is the system's.
  await expect(details.getByRole('button', { name: 'Edit Name', exact: true })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Edit Created By' })).toHaveCount(0);

  await details.getByRole('button', { name: 'Edit Company' }).click();
  const company = details.getByRole('textbox', { name: 'Company' });
  await expect(company).toBeFocused();
  await expect(company).toHaveValue('Before Co');
  await company.fill('After Co');
  const industry = details.getByRole('combobox', { name: 'Industry' });
  await expect(industry).toHaveText(/Energy/);
  await industry.click();
  await details.getByRole('listbox', { name: 'Industry' }).getByRole('option', { name: 'Banking' }).click();
  await expect(industry).toHaveText(/Banking/);
  await details.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(toast(page, `Lead "${lastName}" was saved.`)).toBeVisible();
  await expect(details.getByRole('button', { name: 'Edit Company' })).toBeVisible();
  await expect(details).toContainText('After Co');
  await expect(details).toContainText('Banking');
  expect(await apiRecord(localOrg, 'Lead', lead, ['Company', 'Industry', 'LastModifiedById'])).toMatchObject({
    Company: 'After Co',
    Industry: 'Banking',
    LastModifiedById: localOrg.userId('admin'),
  });
  localOrg.remove('Lead', [lead]);
});

test('a date field edited inline', async ({ page, localOrg }) => {
  const name = unique('Inline Deal');
  const deal = localOrg.create('Opportunity', { Name: name, StageName: 'Prospecting', CloseDate: dayIn(LA, 10) });
  const details = await openDetails(page, 'Opportunity', deal);
  await details.getByRole('button', { name: 'Edit Close Date' }).click();
  const closeDate = details.getByRole('textbox', { name: 'Close Date' });
  await expect(closeDate).toHaveValue(dayIn(LA, 10));
  await closeDate.fill(dayIn(LA, 45));
  await details.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(toast(page, `Opportunity "${name}" was saved.`)).toBeVisible();
  expect((await apiRecord(localOrg, 'Opportunity', deal, ['CloseDate'])).CloseDate).toBe(dayIn(LA, 45));
  localOrg.remove('Opportunity', [deal]);
});

test('a validation rule’s error shows under the field and in the page-level list; nothing is saved', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('Rule'), Company: 'Rule Co', Phone: '(415) 555-0100' });
  const details = await openDetails(page, 'Lead', lead);
  await details.getByRole('button', { name: 'Edit Phone', exact: true }).click();
  const phone = details.getByRole('textbox', { name: 'Phone', exact: true });
  await phone.fill('555');
  await details.getByRole('textbox', { name: 'Company' }).fill('Changed Co');
  await details.getByRole('button', { name: 'Save', exact: true }).click();
  const message = 'Enter the phone number in the format (NNN) NNN-NNNN, for example (415) 555-0123.';
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAccessibleDescription(message);
  const snag = details.getByRole('alert');
  await expect(snag).toContainText('We hit a snag.');
  await expect(snag.getByRole('listitem')).toHaveText([message]);
  // Edit mode with its errors passes axe (no serious or critical violation).
  const axe = await new AxeBuilder({ page }).include('#gl-tab-details').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Still in edit mode, with what the user typed.
  await expect(details.getByRole('textbox', { name: 'Company' })).toHaveValue('Changed Co');
  expect(await apiRecord(localOrg, 'Lead', lead, ['Phone', 'Company'])).toMatchObject({ Phone: '(415) 555-0100', Company: 'Rule Co' });
  localOrg.remove('Lead', [lead]);
});

test('Cancel leaves edit mode with the values as they were', async ({ page, localOrg }) => {
  const lead = localOrg.create('Lead', { LastName: unique('Cancel'), Company: 'Kept Co' });
  const details = await openDetails(page, 'Lead', lead);
  await details.getByRole('button', { name: 'Edit Company' }).click();
  await details.getByRole('textbox', { name: 'Company' }).fill('Discarded Co');
  await details.getByRole('button', { name: 'Cancel' }).click();
  await expect(details.getByRole('textbox', { name: 'Company' })).toHaveCount(0);
  await expect(details.getByRole('button', { name: 'Edit Company' })).toBeVisible();
  await expect(details).toContainText('Kept Co');
  await expect(details).not.toContainText('Discarded Co');
  expect((await apiRecord(localOrg, 'Lead', lead, ['Company'])).Company).toBe('Kept Co');
  localOrg.remove('Lead', [lead]);
});

test.describe('a sales manager (Commission is read-only)', () => {
  test.use({ persona: 'sales-manager' });
  test('gets no pencil on Commission, and the server refuses a forged update of it', async ({ page, localOrg }) => {
    const deal = localOrg.create('Opportunity', { Name: unique('Managed Deal'), StageName: 'Prospecting', CloseDate: dayIn(LA, 20), Commission__c: 500 });
    localOrg.org.services.records.update(localOrg.apiLogin('admin').user, localOrg.object('Opportunity'), deal, { OwnerId: localOrg.userId('sales-manager') });
    const details = await openDetails(page, 'Opportunity', deal);
    await expect(details.getByRole('button', { name: 'Edit Amount' })).toBeVisible();
    await expect(details.getByText('Commission', { exact: true })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Edit Commission' })).toHaveCount(0);

    // In edit mode Commission stays text.
    await details.getByRole('button', { name: 'Edit Amount' }).click();
    await expect(details.getByRole('spinbutton', { name: 'Amount' })).toBeFocused();
    await expect(details.getByRole('spinbutton', { name: 'Commission' })).toHaveCount(0);

    // A hand-made post to the same endpoint: refused as the API refuses it, and nothing of it saved.
    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const response = await page.request.post(`/lightning/_ui/record/Opportunity/${deal}/update`, {
      headers: { 'X-CSRF-Token': token ?? '' },
      data: { fields: { Commission__c: '99999', NextStep: 'Call back' } },
    });
    expect(response.status()).toBe(400);
    const failure = await response.json();
    expect(failure.pageErrors).toEqual([expect.stringContaining('Unable to create/update fields: Commission__c.')]);
    expect(failure.fieldErrors).toHaveProperty('Commission__c');
    expect(await apiRecord(localOrg, 'Opportunity', deal, ['Commission__c', 'NextStep'])).toMatchObject({ Commission__c: 500, NextStep: null });
    localOrg.remove('Opportunity', [deal]);
  });
});

test.describe('a compliance officer (reads everything, edits nothing)', () => {
  test.use({ persona: 'compliance' });
  test('sees no pencils, and the server refuses a forged inline save', async ({ page, localOrg }) => {
    const lead = localOrg.create('Lead', { LastName: unique('Read Only'), Company: 'Locked Co' });
    const details = await openDetails(page, 'Lead', lead);
    await expect(details).toContainText('Locked Co');
    await expect(details.getByRole('button', { name: /^Edit / })).toHaveCount(0);

    const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
    const edit = await page.request.get(`/lightning/_ui/record/Lead/${lead}/details/edit`);
    expect(edit.status()).toBe(403);
    const response = await page.request.post(`/lightning/_ui/record/Lead/${lead}/update`, {
      headers: { 'X-CSRF-Token': token ?? '' },
      data: { fields: { Company: 'Forged Co' } },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).pageErrors).toEqual(['insufficient access rights on object id']);
    expect((await apiRecord(localOrg, 'Lead', lead, ['Company'])).Company).toBe('Locked Co');
    localOrg.remove('Lead', [lead]);
  });
});
