import { covers, expect, lightning, test, type PersonaHandle } from '../../fixtures/index.ts';

/**
 * Convert the lead: a qualified lead becomes an account, a contact and (usually) an opportunity,
 * through the Convert Lead dialog on the lead's page. The leads are the rep's own (Phone Inquiry,
 * so no assignment rule moves them). What the conversion carries over field by field (Region)
 * is proven in region-mapping.spec.ts and deliberately not checked here.
 */
test.describe('Convert the lead', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test('converting a lead creates an account, a contact and an opportunity at Prospecting, closing at the end of the quarter', covers('LTO-03'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const lead = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry', Status: 'Working - Contacted' });
    const opportunityName = `${lead.Company} - New Business`;
    const leadPage = ui.recordPage('Lead');

    const { dialog, result } = await test.step('the rep converts the lead into a new account and an opportunity', async () => {
      await leadPage.open(lead.Id);
      const dialog = await leadPage.convert();
      return { dialog, result: await dialog.convertWith({ account: { create: true }, opportunity: { create: true, name: opportunityName } }) };
    });
    const quarterEnds = await closeDatesAllowedFor(rep.api, rep.user.id);

    await test.step('"Your lead has been converted" names the new account, contact and opportunity', async () => {
      expect(result.account.name).toBe(lead.Company);
      expect(result.contact.name).toBe(`${lead.FirstName} ${lead.LastName}`);
      expect(result.opportunity?.name).toBe(opportunityName);
    });

    await test.step('the rep opens the opportunity: Prospecting, closing at the end of the quarter, no amount yet', async () => {
      await dialog.openConverted('Opportunity');
      const opportunity = ui.recordPage('Opportunity');
      await opportunity.waitUntilReady();
      expect(await opportunity.recordName()).toBe(opportunityName);
      expect(await opportunity.path.currentStep()).toBe('Prospecting');
      expect(await opportunity.fieldValue('AccountId')).toBe(lead.Company);
      expect(quarterEnds.map(usDate)).toContain(await opportunity.fieldValue('CloseDate'));
      expect(await opportunity.fieldValue('Amount')).toBe('');
    });

    await test.step('the org holds the account, the contact under it and the opportunity, all linked from the converted lead', async () => {
      const converted = await rep.api.sobject('Lead').retrieve(lead.Id);
      expect(converted).toMatchObject({ IsConverted: true, Status: 'Closed - Converted', ConvertedAccountId: result.account.id, ConvertedContactId: result.contact.id, ConvertedOpportunityId: result.opportunity?.id });
      expect(await rep.api.sobject('Account').retrieve(result.account.id)).toMatchObject({ Name: lead.Company, OwnerId: rep.user.id });
      expect(await rep.api.sobject('Contact').retrieve(result.contact.id)).toMatchObject({ FirstName: lead.FirstName, LastName: lead.LastName, Email: lead.Email, AccountId: result.account.id, OwnerId: rep.user.id });
      const opportunity = await rep.api.sobject('Opportunity').retrieve(result.opportunity!.id);
      expect(opportunity).toMatchObject({ Name: opportunityName, AccountId: result.account.id, StageName: 'Prospecting', Amount: null, OwnerId: rep.user.id });
      expect(quarterEnds).toContain(opportunity.CloseDate);
    });
  });

  test('a lead can be converted into an existing account', covers('LTO-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const customer = await records.account({ OwnerId: rep.user.id });
    const lead = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry' });
    const leadPage = ui.recordPage('Lead');

    const result = await test.step(`the rep converts the lead, choosing the existing account ${customer.Name}`, async () => {
      await leadPage.open(lead.Id);
      const dialog = await leadPage.convert();
      return dialog.convertWith({ account: { existing: customer.Name! } });
    });

    await test.step('the contact and the opportunity are under the existing account, and no new account was made', async () => {
      expect(result.account).toEqual({ name: customer.Name, id: customer.Id });
      expect(await rep.api.sobject('Contact').retrieve(result.contact.id)).toMatchObject({ LastName: lead.LastName, AccountId: customer.Id });
      expect(await rep.api.sobject('Opportunity').retrieve(result.opportunity!.id)).toMatchObject({ AccountId: customer.Id });
      const sameNamed = await rep.api.query(`SELECT Id FROM Account WHERE Name = '${soqlText(lead.Company!)}'`);
      expect(sameNamed.totalSize, `accounts named after the lead's company ${lead.Company}`).toBe(0);
      expect(await rep.api.sobject('Lead').retrieve(lead.Id)).toMatchObject({ IsConverted: true, ConvertedAccountId: customer.Id });
    });
  });

  test("a lead can be converted without creating an opportunity", covers('LTO-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const lead = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry' });
    const leadPage = ui.recordPage('Lead');

    const result = await test.step("the rep converts the lead and ticks \"Don't create an opportunity upon conversion\"", async () => {
      await leadPage.open(lead.Id);
      const dialog = await leadPage.convert();
      return dialog.convertWith({ account: { create: true }, opportunity: false });
    });

    await test.step('the result shows an account and a contact, and no opportunity', async () => {
      expect(result.account.name).toBe(lead.Company);
      expect(result.contact.name).toBe(`${lead.FirstName} ${lead.LastName}`);
      expect(result.opportunity).toBeNull();
    });

    await test.step('the org agrees: the lead is converted with no opportunity, and the new account has none', async () => {
      expect(await rep.api.sobject('Lead').retrieve(lead.Id)).toMatchObject({ IsConverted: true, ConvertedAccountId: result.account.id, ConvertedContactId: result.contact.id, ConvertedOpportunityId: null });
      const opportunities = await rep.api.query(`SELECT Id FROM Opportunity WHERE AccountId = '${result.account.id}'`);
      expect(opportunities.totalSize).toBe(0);
    });
  });
});

/**
 * The close dates a conversion may give: the last day of the fiscal quarter of "today" in the
 * rep's time zone, taken just after the conversion and a day earlier, so a run across midnight
 * does not fail on the calendar.
 */
async function closeDatesAllowedFor(api: PersonaHandle['api'], userId: string): Promise<string[]> {
  const user = await api.query<{ TimeZoneSidKey: string }>(`SELECT TimeZoneSidKey FROM User WHERE Id = '${userId}'`);
  // Real orgs say where their fiscal year starts; the local org has no such field and uses January.
  const orgFields = (await api.describe('Organization')).fields.map((f) => f.name);
  const org = orgFields.includes('FiscalYearStartMonth') ? await api.query<{ FiscalYearStartMonth: number }>('SELECT FiscalYearStartMonth FROM Organization') : undefined;
  const zone = user.records[0]?.TimeZoneSidKey ?? 'UTC';
  const fiscalStart = org?.records[0]?.FiscalYearStartMonth ?? 1;
  const now = Date.now();
  return [...new Set([now - 86_400_000, now].map((t) => endOfFiscalQuarter(dayIn(zone, new Date(t)), fiscalStart)))];
}

function dayIn(timeZone: string, at: Date): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(at).split('-').map(Number);
  return { year, month };
}

/** yyyy-MM-dd of the last day of the fiscal quarter holding that month (fiscal years starting in month 1-12). */
function endOfFiscalQuarter({ year, month }: { year: number; month: number }, fiscalStart: number): string {
  const intoYear = (month - fiscalStart + 12) % 12;
  // Months counted from January of `year`; the quarter's last month may fall in the next year.
  const lastMonthIndex = month - 1 - (intoYear % 3) + 2;
  const end = new Date(Date.UTC(year, lastMonthIndex + 1, 0));
  return end.toISOString().slice(0, 10);
}

/** 2026-12-31 → 12/31/2026, as the record page shows dates to an en_US user. */
function usDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

function soqlText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
