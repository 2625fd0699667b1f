import { devices } from '@playwright/test';
import type { Connection } from 'jsforce';
import { expect, test } from '../../fixtures/index.ts';
import { lightning, lightningFieldLabel, NoAccessPage } from '../../fixtures/pages/index.ts';

/**
 * The page objects (fixtures/pages/) driven for real: the personas' browsers against the local
 * org's Lightning-style UI, outcomes checked through the API as well. Records the UI creates are
 * not the `records` factory's, so each test deletes them itself (as admin) in a finally.
 */

/** A name no other test uses (the harness tests share one org). */
function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Today in the users' time zone (the default org's users are in Los Angeles), shifted. */
function dayInLosAngeles(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + offsetDays * 86_400_000);
}

/** Deletes what a test made through the UI; ids already gone are fine. */
async function deleteAll(conn: Connection, byObject: Array<[object: string, ids: Array<string | null | undefined>]>): Promise<void> {
  for (const [object, ids] of byObject) {
    const present = ids.filter((id): id is string => Boolean(id));
    if (present.length > 0) await conn.sobject(object).destroy(present, { allOrNone: false });
  }
}

async function userIdNamed(conn: Connection, name: string): Promise<string> {
  const result = await conn.query<{ Id: string }>(`SELECT Id FROM User WHERE Name = '${name.replace(/'/g, "\\'")}'`);
  expect(result.records, `user ${name}`).toHaveLength(1);
  return result.records[0].Id;
}

test.describe('field labels (fieldLabels.ts)', () => {
  test('Lightning form labels from describe labels, and relabelled fields keep their new label', () => {
    const label = (object: string, objectLabel: string, name: string, describeLabel: string, type = 'string') =>
      lightningFieldLabel(object, objectLabel, { name, label: describeLabel, type: type as never });
    expect(label('Lead', 'Lead', 'Status', 'Status', 'picklist')).toBe('Lead Status');
    expect(label('Lead', 'Lead', 'OwnerId', 'Owner ID', 'reference')).toBe('Lead Owner');
    expect(label('Lead', 'Lead', 'Name', 'Full Name')).toBe('Name');
    expect(label('Lead', 'Lead', 'ConvertedAccountId', 'Converted Account ID', 'reference')).toBe('Converted Account');
    expect(label('Opportunity', 'Opportunity', 'AccountId', 'Account ID', 'reference')).toBe('Account Name');
    expect(label('Opportunity', 'Opportunity', 'Name', 'Name')).toBe('Opportunity Name');
    expect(label('Task', 'Task', 'ActivityDate', 'Due Date Only', 'date')).toBe('Due Date');
    expect(label('Lead', 'Lead', 'Company', 'Company')).toBe('Company');
    // An admin's relabel wins over the standard mapping: Lightning shows the admin's label.
    expect(label('Lead', 'Lead', 'Status', 'Pipeline Stage', 'picklist')).toBe('Pipeline Stage');
    expect(label('Lead', 'Lead', 'OwnerId', 'Account Executive', 'reference')).toBe('Account Executive');
    expect(label('Lead', 'Prospect', 'OwnerId', 'Owner ID', 'reference')).toBe('Prospect Owner');
  });

  test("every field of the New Lead dialog is found by its API name through the persona's describe", async ({ asPersona }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const form = await ui.newRecord('Lead');
    for (const apiName of ['OwnerId', 'Salutation', 'FirstName', 'LastName', 'Company', 'LeadSource', 'Status', 'AnnualRevenue', 'NumberOfEmployees', 'Phone', 'Description', 'DoNotCall']) {
      const field = await ui.labels.formField('Lead', apiName);
      const control = field.kind === 'checkbox' ? form.controls.checkbox(field.label)
        : field.kind === 'picklist' || field.kind === 'lookup' ? form.controls.combobox(field.label)
        : field.kind === 'number' ? form.controls.numberInput(field.label)
        : form.controls.textbox(field.label);
      await expect(control, `${apiName} → "${field.label}" (${field.kind})`).toHaveCount(1);
    }
    await expect(ui.labels.formField('Lead', 'Name')).rejects.toThrow('Lead.Name is not one field on the form: set FirstName and LastName instead.');
    await expect(ui.labels.field('Lead', 'Nope__c')).rejects.toThrow("Lead has no field 'Nope__c'");
    await form.cancel();
  });
});

test('a rep creates a lead in the dialog, moves it along the Path, logs activity and converts it', async ({ asPersona, records }) => {
  // A whole lead lifecycle in one browser: on a loaded 2-core machine it can outgrow 60 s.
  test.slow();
  const rep = await asPersona('junior-rep');
  const ui = lightning(rep);
  const lastName = unique('Page Objects');
  const company = unique('PO Co');
  const made: { lead?: string; account?: string; contact?: string; opportunity?: string } = {};
  try {
    await test.step('the New Lead dialog: picklists, lookup, number, checkbox, textarea by API name', async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({
        FirstName: 'Ada',
        LastName: lastName,
        Company: company,
        OwnerId: { search: 'Jamie', pick: 'Jamie Junior' },
        LeadSource: 'Phone Inquiry',
        Industry: 'Banking',
        AnnualRevenue: 250000,
        DoNotCall: true,
        Description: 'Met at the fair.\nWants a demo.',
      });
      expect(await form.save()).toBe('saved');
      await ui.toasts.expectSuccess(`Lead "Ada ${lastName}" was created.`);
    });

    const lead = ui.recordPage('Lead');
    await lead.waitUntilReady();
    made.lead = lead.recordId();

    await test.step('the record page reads back as data; the API agrees', async () => {
      expect(await lead.recordName()).toBe(`Ada ${lastName}`);
      expect(await lead.highlights()).toMatchObject({ 'Lead Owner': 'Jamie Junior', Company: company, 'Lead Source': 'Phone Inquiry' });
      expect(await lead.fieldValue('Industry')).toBe('Banking');
      expect(await lead.fieldValue('Status')).toBe('Open - Not Contacted');
      const saved = await rep.api.sobject('Lead').retrieve(made.lead!);
      expect(saved).toMatchObject({ LastName: lastName, Company: company, OwnerId: rep.user.id, LeadSource: 'Phone Inquiry', AnnualRevenue: 250000, DoNotCall: true });
    });

    await test.step('Path: Mark Status as Complete, then back to a chosen step', async () => {
      expect(await lead.path.currentStep()).toBe('Open - Not Contacted');
      await lead.path.markComplete();
      await ui.toasts.expectSuccess('Status changed successfully.');
      expect(await lead.path.currentStep()).toBe('Working - Contacted');
      await lead.path.markAsCurrent('Open - Not Contacted');
      await lead.path.markAsCurrent('Working - Contacted');
      await expect.poll(async () => (await rep.api.sobject('Lead').retrieve(made.lead!)).Status).toBe('Working - Contacted');
    });

    await test.step('inline edit of a field on the Details tab', async () => {
      expect(await lead.inlineEdit('Title', 'CFO')).toBeNull();
      await ui.toasts.expectSuccess(`Lead "Ada ${lastName}" was saved.`);
      expect(await lead.fieldValue('Title')).toBe('CFO');
    });

    await test.step('Activity: a task with a due date, a logged call', async () => {
      await lead.openTab('Activity');
      const followUp = unique('Send pricing');
      await lead.activity.newTask({ subject: followUp, dueDate: dayInLosAngeles(3), priority: 'High' });
      await lead.activity.logCall('Intro call', 'Talked budgets.');
      const upcoming = await lead.activity.upcomingItems();
      expect(upcoming).toEqual([expect.objectContaining({ subject: followUp, overdue: false, summary: 'You have an upcoming task' })]);
      const past = await lead.activity.pastItems();
      expect(past).toEqual([expect.objectContaining({ subject: 'Intro call', summary: 'You logged a call' })]);
      const tasks = await rep.api.query<{ Subject: string; ActivityDate: string; Priority: string; TaskSubtype: string | null; Status: string }>(
        `SELECT Subject, ActivityDate, Priority, TaskSubtype, Status FROM Task WHERE WhoId = '${made.lead}' ORDER BY Subject`,
      );
      expect(tasks.records).toEqual([
        expect.objectContaining({ Subject: 'Intro call', TaskSubtype: 'Call', Status: 'Completed' }),
        expect.objectContaining({ Subject: followUp, ActivityDate: dayInLosAngeles(3), Priority: 'High' }),
      ]);
      expect(upcoming[0].id).toMatch(/^00T/);
    });

    const convert = await test.step('Convert: a new account, contact and opportunity; the result links them', async () => {
      const convert = await lead.convert();
      const result = await convert.convertWith({ account: { create: true, name: `${company} Holdings` }, opportunity: { create: true, name: `${company} deal` }, convertedStatus: 'Closed - Converted' });
      made.account = result.account.id;
      made.contact = result.contact.id;
      made.opportunity = result.opportunity?.id;
      expect(result).toEqual({
        account: { name: `${company} Holdings`, id: expect.stringMatching(/^001/) },
        contact: { name: `Ada ${lastName}`, id: expect.stringMatching(/^003/) },
        opportunity: { name: `${company} deal`, id: expect.stringMatching(/^006/) },
      });
      const converted = await rep.api.sobject('Lead').retrieve(made.lead!);
      expect(converted).toMatchObject({ IsConverted: true, ConvertedAccountId: made.account, ConvertedContactId: made.contact, ConvertedOpportunityId: made.opportunity });
      return convert;
    });

    await test.step('the rep lands on the opportunity', async () => {
      await convert.openConverted('Opportunity');
      const opportunity = ui.recordPage('Opportunity');
      await opportunity.waitUntilReady();
      expect(opportunity.recordId()).toBe(made.opportunity);
      expect(await opportunity.fieldValue('AccountId')).toBe(`${company} Holdings`);
      expect(await opportunity.path.currentStep()).toBe((await rep.api.sobject('Opportunity').retrieve(made.opportunity!)).StageName);
    });
  } finally {
    await deleteAll(records.conn, [
      ['Opportunity', [made.opportunity]],
      ['Contact', [made.contact]],
      ['Account', [made.account]],
      ['Lead', [made.lead]],
    ]);
  }
});

test('the sales manager changes a lead’s owner through "Show more actions"', async ({ asPersona, records }) => {
  const manager = await asPersona('sales-manager');
  const junior = await userIdNamed(records.conn, 'Jamie Junior');
  const senior = await userIdNamed(records.conn, 'Sofia Senior');
  const lead = await records.lead({ LeadSource: 'Phone Inquiry', OwnerId: junior });
  const ui = lightning(manager);
  const page = ui.recordPage('Lead');
  await page.open(lead.Id);
  expect(await page.actions()).toContain('Change Owner');
  const dialog = await page.changeOwner();
  expect(await dialog.changeTo('Sofia Senior', { search: 'Sofia' })).toBeNull();
  await ui.toasts.expectSuccess('Owner changed to Sofia Senior.');
  await page.waitUntilReady();
  expect((await page.highlights())['Lead Owner']).toBe('Sofia Senior');
  expect((await records.conn.sobject('Lead').retrieve(lead.Id)).OwnerId).toBe(senior);
});

test('a failed save comes back as data: required fields, the phone rule, the duplicate rule, inline edit', async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const ui = lightning(rep);
  const existing = await records.lead({ LeadSource: 'Phone Inquiry', OwnerId: rep.user.id });
  const lastName = unique('Invalid');

  const form = await ui.newRecord('Lead');
  expect(await form.save()).toBe('errors');
  expect(await form.errors()).toEqual({
    page: ['These required fields must be completed: Last Name, Company'],
    fields: [
      { field: 'Last Name', message: 'Complete this field.' },
      { field: 'Company', message: 'Complete this field.' },
    ],
    duplicates: [],
  });

  await form.setFields({ LastName: lastName, Company: 'Invalid Co', Phone: '12345' });
  expect(await form.save()).toBe('errors');
  const phoneRule = 'Enter the phone number in the format (NNN) NNN-NNNN, for example (415) 555-0123.';
  expect(await form.errors()).toEqual({ page: [phoneRule], fields: [{ field: 'Phone', message: phoneRule }], duplicates: [] });

  await form.setFields({ Phone: '(415) 555-0123', Email: existing.Email! });
  expect(await form.save()).toBe('errors');
  const duplicate = await form.errors();
  expect(duplicate.duplicates).toEqual([{ name: `${existing.FirstName} ${existing.LastName}`, href: `/lightning/r/Lead/${existing.Id}/view`, id: existing.Id }]);
  expect((await rep.api.query(`SELECT Id FROM Lead WHERE LastName = '${lastName}'`)).totalSize).toBe(0);

  await form.openDuplicate(`${existing.FirstName} ${existing.LastName}`);
  const page = ui.recordPage('Lead');
  await page.waitUntilReady();
  expect(page.recordId()).toBe(existing.Id);
  expect(await page.inlineEdit('Phone', '555')).toEqual({ page: [phoneRule], fields: [{ field: 'Phone', message: phoneRule }], duplicates: [] });
  expect((await rep.api.sobject('Lead').retrieve(existing.Id)).Phone).toBe(existing.Phone ?? null);
});

test("a junior rep gets the insufficient-privileges page for a colleague's lead", async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const senior = await userIdNamed(records.conn, 'Sofia Senior');
  const theirs = await records.lead({ LeadSource: 'Phone Inquiry', OwnerId: senior });
  await rep.page.goto(`/lightning/r/Lead/${theirs.Id}/view`);
  const noAccess = new NoAccessPage(rep.page);
  await noAccess.expectShown();
  expect(await noAccess.message()).toContain('Ask your administrator for help or to request access.');
  // The API agrees: the lead exists, the rep cannot read it.
  expect((await rep.api.query(`SELECT Id FROM Lead WHERE Id = '${theirs.Id}'`)).totalSize).toBe(0);
  expect((await records.conn.query(`SELECT Id FROM Lead WHERE Id = '${theirs.Id}'`)).totalSize).toBe(1);
});

test('list views: pick a view, read rows, sort by a column, open a record, New', async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const ui = lightning(rep);
  const tag = unique('Sortable');
  const mine = await records.leads(3, (i) => ({ LeadSource: 'Phone Inquiry', OwnerId: rep.user.id, Company: `${tag} ${'CAB'[i]}` }));
  const list = ui.listView('Lead');
  await list.open('Recent');
  await list.pickListView('All Open Leads');
  expect(await list.columns()).toEqual(['Name', 'Title', 'Company', 'Phone', 'Email', 'Lead Status', 'Lead Owner']);
  const rows = await list.rows();
  const byName = (lead: (typeof mine)[number]) => rows.find((r) => r.Name === `${lead.FirstName} ${lead.LastName}`);
  expect(byName(mine[0])).toMatchObject({ Company: `${tag} C`, 'Lead Status': 'Open - Not Contacted', 'Lead Owner': 'Jamie Junior' });
  // A West colleague's lead exists (the admin's API sees it) but is neither in the rep's API nor on the list.
  expect((await records.conn.query("SELECT Id FROM Lead WHERE Name = 'Ellen Ripley'")).totalSize).toBe(1);
  expect((await rep.api.query("SELECT Id FROM Lead WHERE Name = 'Ellen Ripley'")).totalSize).toBe(0);
  expect(rows.map((r) => r.Name)).not.toContain('Ellen Ripley');

  await list.sortBy('Company', 'descending');
  expect(await list.sortOf('Company')).toBe('descending');
  const ours = (await list.columnValues('Company')).filter((c) => c.startsWith(tag));
  expect(ours).toEqual([`${tag} C`, `${tag} B`, `${tag} A`]);
  await list.sortBy('Company', 'ascending');
  expect((await list.columnValues('Company')).filter((c) => c.startsWith(tag))).toEqual([`${tag} A`, `${tag} B`, `${tag} C`]);

  await list.openRecord(`${mine[1].FirstName} ${mine[1].LastName}`);
  const page = ui.recordPage('Lead');
  await page.waitUntilReady();
  expect(page.recordId()).toBe(mine[1].Id);

  await list.open('AllOpenLeads');
  const form = await list.newRecord();
  await expect(form.dialog()).toBeVisible();
  expect(await form.controls.picklistValue('Lead Status')).toBe('Open - Not Contacted');
  await form.cancel();
});

test('desktop navigation: tabs, App Launcher, global search, user menu', async ({ asPersona }) => {
  const rep = await asPersona('senior-rep');
  const ui = lightning(rep);
  await rep.page.goto('/lightning/page/home');
  expect(await ui.nav.isCollapsed()).toBe(false);
  expect(await ui.nav.tabLabels()).toEqual(['Home', 'Leads', 'Accounts', 'Contacts', 'Opportunities', 'Tasks']);
  await ui.nav.goToTab('Leads');
  await expect(rep.page).toHaveURL(/\/lightning\/o\/Lead\/list\?filterName=Recent$/);
  expect(await ui.nav.isCurrentTab('Leads')).toBe(true);
  await ui.nav.openFromAppLauncher('Accounts');
  await expect(rep.page).toHaveURL(/\/lightning\/o\/Account\/list/);
  await ui.nav.typeSearch('ripley');
  expect(await ui.nav.searchSuggestionNames()).toEqual([expect.stringContaining('Ellen Ripley')]);
  await ui.nav.search('ripley');
  await expect(rep.page.getByRole('region', { name: 'Leads' }).getByRole('link', { name: 'Ellen Ripley' })).toBeVisible();
  await ui.nav.userMenuButton('Sofia Senior').click();
  await expect(rep.page.getByRole('menuitem', { name: 'Log Out' })).toBeVisible();
});

test.describe('on a phone', () => {
  // Pixel 7 is Chromium already; its defaultBrowserType cannot be set per describe.
  const { defaultBrowserType: _chromium, ...pixel7 } = devices['Pixel 7'];
  test.use(pixel7);

  test('navigation sits behind the menu button; search, App Launcher and Log Out still work', async ({ asPersona }) => {
    // The compliance officer: no other harness test uses this persona, so logging its browser
    // out cannot pull the session from under a test running alongside.
    const officer = await asPersona('compliance');
    const ui = lightning(officer);
    await officer.page.goto('/lightning/page/home');
    expect(await ui.nav.isCollapsed()).toBe(true);
    await expect(ui.nav.navBar()).toBeHidden();
    expect(await ui.nav.tabLabels()).toContain('Accounts');
    await ui.nav.goToTab('Accounts');
    await expect(officer.page).toHaveURL(/\/lightning\/o\/Account\/list/);
    await ui.nav.openFromAppLauncher('Home');
    await expect(officer.page).toHaveURL(/\/lightning\/page\/home$/);
    await ui.nav.search('acme');
    await expect(officer.page).toHaveURL(/\/lightning\/search\?q=acme$/);
    await ui.nav.logOut();
    await expect(officer.page).toHaveURL(/\/(\?.*)?$/);
  });
});

test('an error toast is read as data: a Path move a validation rule refuses', async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const ui = lightning(rep);
  const deal = await records.opportunity({ OwnerId: rep.user.id, StageName: 'Prospecting', Amount: null });
  const page = ui.recordPage('Opportunity');
  await page.open(deal.Id);
  await page.path.step('Proposal/Price Quote').click();
  await page.path.markCurrentButton().click();
  const toast = await ui.toasts.waitForError();
  expect(toast).toEqual({ kind: 'error', message: expect.stringContaining('Amount') });
  expect(await page.path.currentStep()).toBe('Prospecting');
  expect((await rep.api.sobject('Opportunity').retrieve(deal.Id)).StageName).toBe('Prospecting');
});

test('header actions and dialogs: Save & New, Edit, Delete with confirmation; related list rows', async ({ asPersona, records }) => {
  // The admin: the Sales Rep profile may not delete leads.
  const admin = await asPersona('admin');
  const ui = lightning(admin);
  const lastName = unique('Save And New');
  try {
    const form = await ui.newRecord('Lead');
    await form.setFields({ LastName: lastName, Company: 'Twice Co', LeadSource: 'Phone Inquiry' });
    expect(await form.saveAndNew()).toBe('saved');
    await ui.toasts.expectSuccess(`Lead "${lastName}" was created.`);
    await form.waitUntilOpen();
    await expect(form.controls.textbox('Last Name')).toHaveValue('');
    await form.cancel();

    const created = await admin.api.query<{ Id: string }>(`SELECT Id FROM Lead WHERE LastName = '${lastName}'`);
    expect(created.totalSize).toBe(1);
    const page = ui.recordPage('Lead');
    await page.open(created.records[0].Id);
    const edit = await page.edit();
    await edit.setFields({ Company: 'Renamed Co', Rating: 'Hot' });
    expect(await edit.save()).toBe('saved');
    await ui.toasts.expectSuccess(`Lead "${lastName}" was saved.`);
    await page.waitUntilReady();
    expect(await page.fieldValue('Company')).toBe('Renamed Co');
    expect(await page.fieldValue('Rating')).toBe('Hot');

    await page.delete();
    await ui.toasts.expectSuccess(`Lead "${lastName}" was deleted.`);
    expect((await admin.api.query(`SELECT Id FROM Lead WHERE LastName = '${lastName}'`)).totalSize).toBe(0);
  } finally {
    const left = await records.conn.query<{ Id: string }>(`SELECT Id FROM Lead WHERE LastName = '${lastName}'`);
    await deleteAll(records.conn, [['Lead', left.records.map((r) => r.Id)]]);
  }

  const account = await records.account({ OwnerId: admin.user.id });
  const contacts = await records.contacts(2, { AccountId: account.Id, OwnerId: admin.user.id });
  const accountPage = ui.recordPage('Account');
  await accountPage.open(account.Id);
  expect(await accountPage.relatedCount('Contacts')).toBe(2);
  const rows = await accountPage.relatedRows('Contacts');
  expect(rows.map((r) => Object.values(r)[0]).sort()).toEqual(contacts.map((c) => `${c.FirstName} ${c.LastName}`).sort());
});

test('an action the user is not offered is a one-line error naming what the page offers', async ({ asPersona, records }) => {
  const rep = await asPersona('junior-rep');
  const lead = await records.lead({ LeadSource: 'Phone Inquiry', OwnerId: rep.user.id });
  const page = lightning(rep).recordPage('Lead');
  await page.open(lead.Id);
  await expect(page.delete()).rejects.toThrow(/^The Lead page offers no "Delete" action to this user \(it offers: .*Edit.*\)\.$/);
});
