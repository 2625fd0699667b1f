import type { Locator, Page } from '@playwright/test';
import { Connection } from 'jsforce';
import { expect, test, unique, type UiTestOrg } from './fixtures.ts';

/**
 * Convert Lead: the header's Convert button opens Lightning's dialog; the post goes through the
 * LeadConverter the SOAP API's convertLead uses, as the signed-in user. Outcomes are checked in
 * the org's store, not only on screen.
 */

type Row = Record<string, unknown>;

function leadRow(localOrg: UiTestOrg, id: string): Row {
  return localOrg.org.store.getById(localOrg.object('Lead'), id) as Row;
}

function rowsNamed(localOrg: UiTestOrg, objectName: string, name: string): Row[] {
  return localOrg.org.store.findBy(localOrg.object(objectName), 'Name', name, 10) as Row[];
}

async function openConvert(page: Page, leadId: string): Promise<Locator> {
  await page.goto(`/lightning/r/Lead/${leadId}/view`);
  await page.getByRole('list', { name: 'Record actions' }).getByRole('button', { name: 'Convert' }).click();
  const dialog = page.getByRole('dialog', { name: 'Convert Lead' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A forged post: the browser's own session cookie and CSRF token, a body the dialog would not send. */
async function forgedPost(page: Page, url: string, data: unknown) {
  const token = await page.locator('meta[name="csrf-token"]').getAttribute('content');
  return page.request.post(url, { headers: { 'X-CSRF-Token': token! }, data });
}

test('Convert creates a new account, contact and opportunity and links to each', async ({ page, localOrg }) => {
  const company = unique('Convert Co');
  const lastName = unique('Cleo');
  const id = localOrg.create('Lead', { FirstName: 'Cleo', LastName: lastName, Company: company });
  const dialog = await openConvert(page, id);

  const account = dialog.getByRole('group', { name: 'Account' });
  const contact = dialog.getByRole('group', { name: 'Contact' });
  const opportunity = dialog.getByRole('group', { name: 'Opportunity' });
  await expect(account.getByRole('radio', { name: 'Create New' })).toBeChecked();
  await expect(account.getByRole('textbox', { name: 'Account Name' })).toHaveValue(company);
  await expect(contact.getByRole('textbox', { name: 'First Name' })).toHaveValue('Cleo');
  await expect(contact.getByRole('textbox', { name: 'Last Name' })).toHaveValue(lastName);
  await expect(opportunity.getByRole('textbox', { name: 'Opportunity Name' })).toHaveValue(`${company}-`);
  await expect(dialog.getByRole('combobox', { name: 'Record Owner' })).toHaveValue('Ada Admin');
  await expect(dialog.getByRole('checkbox', { name: "Don't create an opportunity upon conversion" })).not.toBeChecked();
  const status = dialog.getByRole('combobox', { name: 'Converted Status' });
  await expect(status).toHaveText('Closed - Converted');
  await status.click();
  await dialog.getByRole('listbox', { name: 'Converted Status' }).getByRole('option', { name: 'Closed - Converted' }).click();
  await expect(status).toHaveText('Closed - Converted');

  await opportunity.getByRole('textbox', { name: 'Opportunity Name' }).fill(`${company} Deal`);
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Your lead has been converted' })).toBeVisible();

  const lead = leadRow(localOrg, id);
  expect(lead.IsConverted).toBe(1);
  expect(lead.Status).toBe('Closed - Converted');
  const conn = new Connection({ instanceUrl: localOrg.url, accessToken: localOrg.apiLogin('admin').sessionId, version: '60.0' });
  const viaApi = await conn.sobject('Lead').retrieve(id);
  expect(viaApi.IsConverted).toBe(true);
  expect(viaApi.ConvertedAccountId).toBe(lead.ConvertedAccountId);
  const converted = dialog.getByRole('list', { name: 'Converted records' });
  const links = {
    Account: [converted.getByRole('link', { name: company, exact: true }), lead.ConvertedAccountId],
    Contact: [converted.getByRole('link', { name: `Cleo ${lastName}` }), lead.ConvertedContactId],
    Opportunity: [converted.getByRole('link', { name: `${company} Deal` }), lead.ConvertedOpportunityId],
  } as const;
  const hrefs: Array<[string, string, string]> = [];
  for (const [objectName, [link, recordId]] of Object.entries(links)) {
    expect(recordId).toBeTruthy();
    await expect(link).toHaveAttribute('href', `/lightning/r/${objectName}/${String(recordId)}/view`);
    hrefs.push([objectName, (await link.getAttribute('href'))!, (await link.textContent())!]);
  }
  const contactRow = localOrg.org.store.getById(localOrg.object('Contact'), String(lead.ConvertedContactId)) as Row;
  expect(contactRow.AccountId).toBe(lead.ConvertedAccountId);

  await dialog.getByRole('button', { name: 'Go to Leads' }).click();
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/list/);

  for (const [objectName, href, name] of hrefs) {
    await page.goto(href);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(objectName);
    await expect(heading).toContainText(name);
  }

  // The converted lead: says so, links to what it became, offers nothing that edits.
  await page.goto(`/lightning/r/Lead/${id}/view`);
  const notice = page.getByRole('region', { name: /This lead was converted/ });
  await expect(notice.getByRole('link', { name: company, exact: true })).toHaveAttribute('href', `/lightning/r/Account/${String(lead.ConvertedAccountId)}/view`);
  const actions = page.getByRole('list', { name: 'Record actions' });
  await expect(actions.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Convert' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Show more actions' })).toHaveCount(0);
});

test('Convert into an existing account chosen through the typeahead', async ({ page, localOrg }) => {
  const accountName = unique('Existing Acct');
  const accountId = localOrg.create('Account', { Name: accountName });
  const company = unique('Other Co');
  const id = localOrg.create('Lead', { LastName: unique('Ewan'), Company: company });
  const dialog = await openConvert(page, id);

  const account = dialog.getByRole('group', { name: 'Account' });
  await account.getByRole('radio', { name: 'Choose Existing' }).check();
  await expect(account.getByRole('textbox', { name: 'Account Name' })).toBeDisabled();
  const search = account.getByRole('combobox', { name: 'Account Search' });
  await search.fill(accountName.slice(0, 14));
  await dialog.getByRole('listbox', { name: 'Account Search suggestions' }).getByRole('option', { name: accountName }).click();
  await expect(search).toHaveValue(accountName);
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Your lead has been converted' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Converted records' }).getByRole('link', { name: accountName })).toHaveAttribute('href', `/lightning/r/Account/${accountId}/view`);

  const lead = leadRow(localOrg, id);
  expect(lead.ConvertedAccountId).toBe(accountId);
  expect(rowsNamed(localOrg, 'Account', company)).toEqual([]);
  const contactRow = localOrg.org.store.getById(localOrg.object('Contact'), String(lead.ConvertedContactId)) as Row;
  expect(contactRow.AccountId).toBe(accountId);

  // Closing the success view shows the lead converted.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: /This lead was converted/ })).toBeVisible();
});

test("\"Don't create an opportunity upon conversion\" creates none", async ({ page, localOrg }) => {
  const company = unique('No Opp Co');
  const id = localOrg.create('Lead', { LastName: unique('Nora'), Company: company });
  const dialog = await openConvert(page, id);
  await dialog.getByRole('checkbox', { name: "Don't create an opportunity upon conversion" }).check();
  await expect(dialog.getByRole('group', { name: 'Opportunity' }).getByRole('textbox', { name: 'Opportunity Name' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Your lead has been converted' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Converted records' }).getByRole('link')).toHaveCount(2);
  const lead = leadRow(localOrg, id);
  expect(lead.IsConverted).toBe(1);
  expect(lead.ConvertedOpportunityId ?? null).toBeNull();
  expect(rowsNamed(localOrg, 'Opportunity', `${company}-`)).toEqual([]);
});

test('errors show in the dialog and convert nothing: a required field, a refused status, a service error', async ({ page, localOrg }) => {
  const company = unique('Snag Co');
  const id = localOrg.create('Lead', { LastName: unique('Sam'), Company: company });
  const dialog = await openConvert(page, id);
  const snag = dialog.getByRole('alert').filter({ hasText: 'We hit a snag.' });

  // A required field left empty, as Lightning checks it.
  const accountName = dialog.getByRole('group', { name: 'Account' }).getByRole('textbox', { name: 'Account Name' });
  await accountName.fill('');
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(snag).toBeVisible();
  await expect(accountName).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Complete this field.')).toBeVisible();
  expect(leadRow(localOrg, id).IsConverted).toBe(0);
  await accountName.fill(company);

  // A status that is not a converted one (a stale or tampered dialog): LeadConverter's INVALID_STATUS.
  await page.route('**/convert', async (route) => {
    const body = JSON.parse(route.request().postData()!);
    await route.continue({ postData: JSON.stringify({ ...body, convertedStatus: 'Open - Not Contacted' }) });
  });
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(snag).toContainText('invalid convertedStatus: Open - Not Contacted');
  await expect(accountName).toHaveAttribute('aria-invalid', 'false');
  await page.unroute('**/convert');
  expect(leadRow(localOrg, id).IsConverted).toBe(0);

  // RecordService refuses the opportunity (its name is too long) after the account and contact
  // were created: the whole conversion rolls back.
  await dialog.getByRole('group', { name: 'Opportunity' }).getByRole('textbox', { name: 'Opportunity Name' }).fill('x'.repeat(130));
  await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
  await expect(snag).toContainText(/too long|too large/i);
  expect(leadRow(localOrg, id).IsConverted).toBe(0);
  expect(rowsNamed(localOrg, 'Account', company)).toEqual([]);
  await expect(dialog.getByRole('heading', { name: 'Your lead has been converted' })).toBeHidden();
});

test('Cancel converts nothing', async ({ page, localOrg }) => {
  const company = unique('Cancel Co');
  const id = localOrg.create('Lead', { LastName: unique('Cal'), Company: company });
  const dialog = await openConvert(page, id);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Record actions' }).getByRole('button', { name: 'Convert' })).toBeFocused();
  expect(leadRow(localOrg, id).IsConverted).toBe(0);
  expect(rowsNamed(localOrg, 'Account', company)).toEqual([]);
});

test.describe('a rep (Sales Rep: Convert Leads)', () => {
  test.use({ persona: 'junior-rep' });

  test('converts an own lead; a forged convert of a lead the rep cannot see is refused', async ({ page, localOrg }) => {
    const company = unique('Rep Convert Co');
    const id = localOrg.create('Lead', { LastName: unique('Rita'), Company: company }, 'junior-rep');
    const dialog = await openConvert(page, id);
    await expect(dialog.getByRole('combobox', { name: 'Record Owner' })).toHaveValue('Jamie Junior');
    await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
    await expect(dialog.getByRole('heading', { name: 'Your lead has been converted' })).toBeVisible();
    expect(leadRow(localOrg, id).IsConverted).toBe(1);

    // Leads are Private: an admin's lead is invisible to the rep, so a forged post is refused.
    const hidden = localOrg.create('Lead', { LastName: unique('Hidden'), Company: unique('Hidden Co') });
    const response = await forgedPost(page, `/lightning/_ui/record/Lead/${hidden}/convert`, {
      convertedStatus: 'Closed - Converted',
      accountName: 'X',
      contactLastName: 'Y',
      opportunityName: 'Z',
      ownerId: localOrg.userId('junior-rep'),
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).pageErrors).toEqual([expect.stringMatching(/don't have access/)]);
    expect(leadRow(localOrg, hidden).IsConverted).toBe(0);
  });
});

test.describe('a user without Convert Leads (Marketing User)', () => {
  test.use({ persona: 'marketing' });

  test('sees no Convert button and a forged convert post is refused', async ({ page, localOrg }) => {
    const company = unique('Mkt Co');
    const id = localOrg.create('Lead', { LastName: unique('Milo'), Company: company }, 'marketing');
    await page.goto(`/lightning/r/Lead/${id}/view`);
    const actions = page.getByRole('list', { name: 'Record actions' });
    await expect(actions.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(actions.getByRole('button', { name: 'Convert' })).toHaveCount(0);
    await expect(page.getByRole('dialog', { name: 'Convert Lead' })).toHaveCount(0);

    const response = await forgedPost(page, `/lightning/_ui/record/Lead/${id}/convert`, {
      convertedStatus: 'Closed - Converted',
      accountName: company,
      contactLastName: 'Milo',
      doNotCreateOpportunity: true,
      ownerId: localOrg.userId('marketing'),
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).pageErrors).toEqual([expect.stringMatching(/can't convert this lead/)]);
    expect(leadRow(localOrg, id).IsConverted).toBe(0);
    expect(rowsNamed(localOrg, 'Account', company)).toEqual([]);
  });
});
