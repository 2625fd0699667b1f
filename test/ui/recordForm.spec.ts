import type { Page } from '@playwright/test';
import { dayIn, expect, test, unique } from './fixtures.ts';

/**
 * The new and edit dialogs (Lightning's record-edit modal): layout sections and fields, the
 * picklist and lookup comboboxes, saving through RecordService as the user (toasts, landing on
 * the record page), and what a failed save shows: "We hit a snag.", messages under fields, the
 * duplicate warning.
 */

const LA = 'America/Los_Angeles';

function dialog(page: Page, name: string) {
  return page.getByRole('dialog', { name });
}

function toast(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** Leads with this last name, read back as admin straight from the store. */
function leadsNamed(localOrg: import('./fixtures.ts').UiTestOrg, lastName: string) {
  return localOrg.org.store.findBy(localOrg.object('Lead'), 'LastName', lastName, 5).filter((r) => r.IsDeleted === 0);
}

test('New Lead from the list view: layout sections, required markers, save → toast and the record page', async ({ page, localOrg }) => {
  const lastName = unique('Dialog');
  await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
  await page.getByRole('button', { name: 'New' }).click();
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/new$/);
  const form = dialog(page, 'New Lead');
  await expect(form).toBeVisible();
  await expect(form.getByRole('group', { name: 'Lead Information' })).toBeVisible();
  const last = form.getByRole('textbox', { name: 'Last Name' });
  await expect(last).toHaveAttribute('aria-required', 'true');
  await expect(form.locator('label[for="gl-f-LastName"] abbr[title="required"]')).toHaveText('*');
  await expect(form.getByRole('textbox', { name: 'First Name' })).toHaveAttribute('aria-required', 'false');
  // The default Lead Status is preselected in its combobox.
  await expect(form.getByRole('combobox', { name: 'Lead Status' })).toHaveText(/Open - Not Contacted/);
  // The Lead layout shows the assignment-rule checkbox, unchecked by default.
  await expect(form.getByRole('checkbox', { name: 'Assign using active assignment rule' })).not.toBeChecked();
  await last.fill(lastName);
  await form.getByRole('textbox', { name: 'Company' }).fill('Dialog Co');
  await form.getByRole('textbox', { name: 'Email' }).fill(`${lastName.replace(/\W/g, '')}@dialog.example`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(toast(page, `Lead "${lastName}" was created.`)).toBeVisible();
  await expect(page).toHaveURL(/\/lightning\/r\/Lead\/00Q\w{15}\/view$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(lastName);
  const saved = leadsNamed(localOrg, lastName);
  expect(saved).toHaveLength(1);
  expect(saved[0].Company).toBe('Dialog Co');
  expect(saved[0].CreatedById).toBe(localOrg.userId('admin'));
  expect(saved[0].OwnerId).toBe(localOrg.userId('admin'));
  localOrg.remove('Lead', [String(saved[0].Id)]);
});

test('a failed save keeps the dialog: required fields, then the Phone format rule under Phone', async ({ page, localOrg }) => {
  await page.goto('/lightning/o/Lead/new');
  const form = dialog(page, 'New Lead');
  const last = form.getByRole('textbox', { name: 'Last Name' });
  const company = form.getByRole('textbox', { name: 'Company' });
  await form.getByRole('textbox', { name: 'First Name' }).fill('Kept');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'We hit a snag.' })).toBeVisible();
  await expect(last).toHaveAttribute('aria-invalid', 'true');
  await expect(last).toHaveAccessibleDescription('Complete this field.');
  await expect(company).toHaveAccessibleDescription('Complete this field.');
  await expect(form.getByRole('textbox', { name: 'First Name' })).toHaveValue('Kept');

  const lastName = unique('Phone Rule');
  await last.fill(lastName);
  await company.fill('Rule Co');
  const phone = form.getByRole('textbox', { name: 'Phone', exact: true });
  await phone.fill('12345');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  const message = 'Enter the phone number in the format (NNN) NNN-NNNN, for example (415) 555-0123.';
  await expect(phone).toHaveAccessibleDescription(message);
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  // The earlier errors are gone; what the user typed is still there.
  await expect(last).toHaveAttribute('aria-invalid', 'false');
  await expect(form.getByRole('alert').filter({ hasText: 'We hit a snag.' })).toContainText(message);
  await expect(phone).toHaveValue('12345');
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/new$/);
  expect(leadsNamed(localOrg, lastName)).toHaveLength(0);

  await phone.fill('(415) 555-0123');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(toast(page, `Lead "Kept ${lastName}" was created.`)).toBeVisible();
  localOrg.remove('Lead', leadsNamed(localOrg, lastName).map((r) => String(r.Id)));
});

test('the duplicate rule blocks a lead with an open lead’s email and links to it', async ({ page, localOrg }) => {
  const email = `${unique('dup').replace(/\W/g, '')}@dup.example`;
  const existing = localOrg.create('Lead', { LastName: unique('Original'), Company: 'Dup Co', Email: email });
  await page.goto('/lightning/o/Lead/new');
  const form = dialog(page, 'New Lead');
  await form.getByRole('textbox', { name: 'Last Name' }).fill(unique('Copy'));
  await form.getByRole('textbox', { name: 'Company' }).fill('Dup Co');
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  const warning = form.getByRole('alert').filter({ hasText: "It looks like you're creating a duplicate Lead." });
  await expect(warning).toBeVisible();
  await expect(form.getByRole('alert').filter({ hasText: 'We hit a snag.' })).toContainText('A lead with this email address already exists.');
  await warning.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/lightning/r/Lead/${existing}/view$`));
  localOrg.remove('Lead', [existing]);
});

test('Cancel closes the dialog without saving; Save & New shows the toast and a fresh dialog', async ({ page, localOrg }) => {
  const cancelled = unique('Cancelled');
  await page.goto('/lightning/o/Lead/new');
  let form = dialog(page, 'New Lead');
  // Focus starts in the first field and stays inside the modal.
  await expect(form.getByRole('combobox', { name: 'Lead Owner' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(form.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('link', { name: 'Cancel and close' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Last Name' }).fill(cancelled);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/list/);
  expect(leadsNamed(localOrg, cancelled)).toHaveLength(0);

  const first = unique('First Of Two');
  await page.goto('/lightning/o/Lead/new');
  form = dialog(page, 'New Lead');
  await form.getByRole('textbox', { name: 'Last Name' }).fill(first);
  await form.getByRole('textbox', { name: 'Company' }).fill('Two Co');
  await form.getByRole('button', { name: 'Save & New' }).click();
  await expect(toast(page, `Lead "${first}" was created.`)).toBeVisible();
  await expect(page).toHaveURL(/\/lightning\/o\/Lead\/new$/);
  await expect(dialog(page, 'New Lead').getByRole('textbox', { name: 'Last Name' })).toHaveValue('');
  localOrg.remove('Lead', leadsNamed(localOrg, first).map((r) => String(r.Id)));
});

test('New Opportunity: Stage picklist combobox, Account lookup typeahead, date input', async ({ page, localOrg }) => {
  const accountName = unique('Lookup Target');
  const account = localOrg.create('Account', { Name: accountName });
  const name = unique('Lookup Deal');
  await page.goto('/lightning/o/Opportunity/new');
  const form = dialog(page, 'New Opportunity');
  await form.getByRole('textbox', { name: 'Opportunity Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Close Date' }).fill(dayIn(LA, 10));

  const stage = form.getByRole('combobox', { name: 'Stage' });
  await expect(stage).toHaveAttribute('aria-haspopup', 'listbox');
  await expect(stage).toHaveAttribute('aria-expanded', 'false');
  await stage.click();
  await expect(stage).toHaveAttribute('aria-expanded', 'true');
  await form.getByRole('listbox', { name: 'Stage' }).getByRole('option', { name: 'Qualification' }).click();
  await expect(stage).toHaveText(/Qualification/);
  await expect(stage).toHaveAttribute('aria-expanded', 'false');
  // Keyboard: open with Enter, move down, choose with Enter.
  await stage.press('Enter');
  await expect(form.getByRole('option', { name: 'Qualification' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(stage).toHaveText(/Needs Analysis/);

  const lookup = form.getByRole('combobox', { name: 'Account Name' });
  await lookup.fill(accountName.slice(0, 1));
  await expect(form.getByRole('listbox', { name: 'Account Name suggestions' })).toBeHidden();
  await lookup.fill(accountName.slice(0, 12));
  await form.getByRole('option', { name: accountName }).click();
  await expect(lookup).toHaveValue(accountName);
  await form.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(toast(page, `Opportunity "${name}" was created.`)).toBeVisible();
  const details = page.getByRole('tabpanel', { name: 'Details' });
  await expect(details.getByRole('link', { name: accountName })).toHaveAttribute('href', `/lightning/r/Account/${account}/view`);
  await expect(details).not.toContainText(account);
  const saved = localOrg.org.store.findBy(localOrg.object('Opportunity'), 'Name', name, 2)[0];
  expect(saved.AccountId).toBe(account);
  expect(saved.StageName).toBe('Needs Analysis');
  expect(saved.CloseDate).toBe(dayIn(LA, 10));
  localOrg.remove('Opportunity', [String(saved.Id)]);
  localOrg.remove('Account', [account]);
});

test('Edit from the record page: prefilled, read-only fields as text, save → toast and new values', async ({ page, localOrg }) => {
  const lastName = unique('Editable');
  const id = localOrg.create('Lead', { LastName: lastName, Company: 'Before Co' });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/lightning/r/Lead/${id}/edit$`));
  const form = dialog(page, `Edit ${lastName}`);
  const company = form.getByRole('textbox', { name: 'Company' });
  await expect(company).toHaveValue('Before Co');
  await expect(form.getByRole('textbox', { name: 'Last Name' })).toHaveValue(lastName);
  // System Information is read-only in the edit layout: text, not inputs.
  await expect(form.getByText('Created By', { exact: true })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Created By' })).toHaveCount(0);
  await company.fill('After Co');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(toast(page, `Lead "${lastName}" was saved.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/lightning/r/Lead/${id}/view$`));
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toContainText('After Co');
  expect(localOrg.org.store.getById(localOrg.object('Lead'), id)!.Company).toBe('After Co');

  // An edit that breaks a validation rule stays in the dialog with the message under the field.
  await page.goto(`/lightning/r/Lead/${id}/edit`);
  const again = dialog(page, `Edit ${lastName}`);
  await again.getByRole('textbox', { name: 'Phone', exact: true }).fill('555');
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(again.getByRole('textbox', { name: 'Phone', exact: true })).toHaveAccessibleDescription(/format \(NNN\) NNN-NNNN/);
  localOrg.remove('Lead', [id]);
});

test('markup in a value is text in the dialog and on the record page', async ({ page, localOrg }) => {
  const evil = '<img src=x onerror=alert(1)>';
  const id = localOrg.create('Lead', { LastName: evil, Company: evil });
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  await page.goto(`/lightning/r/Lead/${id}/view`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(evil);
  await expect(page.getByRole('tabpanel', { name: 'Details' })).toContainText(evil);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = dialog(page, `Edit ${evil}`);
  await expect(form.getByRole('textbox', { name: 'Company' })).toHaveValue(evil);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(alerted).toBe(false);
  localOrg.remove('Lead', [id]);
});

test.describe('field-level security on the opportunity form', () => {
  test.describe('junior rep', () => {
    test.use({ persona: 'junior-rep' });
    test('sees no Commission on the form or the page', async ({ page, localOrg }) => {
      await page.goto('/lightning/o/Opportunity/new');
      const form = dialog(page, 'New Opportunity');
      await expect(form.getByRole('textbox', { name: 'Opportunity Name' })).toBeVisible();
      await expect(form.getByText('Commission')).toHaveCount(0);
      const id = localOrg.create('Opportunity', { Name: unique('Rep Deal'), StageName: 'Prospecting', CloseDate: dayIn(LA, 5) }, 'junior-rep');
      await page.goto(`/lightning/r/Opportunity/${id}/view`);
      const details = page.getByRole('tabpanel', { name: 'Details' });
      await expect(details.getByText('Opportunity Name')).toBeVisible();
      await expect(details.getByText('Commission')).toHaveCount(0);
      localOrg.remove('Opportunity', [id]);
    });
  });

  test.describe('sales manager', () => {
    test.use({ persona: 'sales-manager' });
    test('sees Commission read-only', async ({ page, localOrg }) => {
      const name = unique('Mgr Deal');
      const id = localOrg.create('Opportunity', { Name: name, StageName: 'Prospecting', CloseDate: dayIn(LA, 5), Commission__c: 1234, OwnerId: localOrg.userId('sales-manager') });
      await page.goto(`/lightning/r/Opportunity/${id}/view`);
      await expect(page.getByRole('tabpanel', { name: 'Details' }).getByText('$1,234.00')).toBeVisible();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const form = dialog(page, `Edit ${name}`);
      await expect(form.getByText('Commission', { exact: true })).toBeVisible();
      await expect(form.getByText('$1,234.00')).toBeVisible();
      await expect(form.getByRole('spinbutton', { name: 'Commission' })).toHaveCount(0);
      await expect(form.getByRole('spinbutton', { name: 'Amount' })).toBeVisible();
      localOrg.remove('Opportunity', [id]);
    });
  });
});

test('the assignment rule runs only when "Assign using active assignment rule" is checked', async ({ page, localOrg }) => {
  const createWebLead = async (lastName: string, assign: boolean) => {
    await page.goto('/lightning/o/Lead/new');
    const form = dialog(page, 'New Lead');
    await form.getByRole('textbox', { name: 'Last Name' }).fill(lastName);
    await form.getByRole('textbox', { name: 'Company' }).fill('Rule Co');
    await form.getByRole('combobox', { name: 'Lead Source' }).click();
    await form.getByRole('listbox', { name: 'Lead Source' }).getByRole('option', { name: 'Web', exact: true }).click();
    await form.getByRole('textbox', { name: 'State/Province' }).fill('NY');
    if (assign) await form.getByRole('checkbox', { name: 'Assign using active assignment rule' }).check();
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(toast(page, `Lead "${lastName}" was created.`)).toBeVisible();
    return leadsNamed(localOrg, lastName)[0];
  };
  const kept = await createWebLead(unique('Unassigned'), false);
  expect(kept.OwnerId).toBe(localOrg.userId('admin'));
  // The default org's rule gives Web leads from the East Coast to the junior rep.
  const assigned = await createWebLead(unique('Assigned'), true);
  expect(assigned.OwnerId).toBe(localOrg.userId('junior-rep'));
  localOrg.remove('Lead', [String(kept.Id), String(assigned.Id)]);
});
