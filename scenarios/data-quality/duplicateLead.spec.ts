import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * Duplicate rule Block_Duplicate_Open_Lead_Email: a new lead with the email of an open lead is
 * blocked, and the dialog links to the match so the rep can work that lead instead. Converted
 * leads do not count, and the rule looks past sharing (a colleague's lead blocks too).
 */
const RULE_MESSAGE = 'A lead with this email address already exists. Use the existing lead instead.';

test.describe('Capture the lead: duplicates', { annotation: { type: 'owner', description: 'Marketing' } }, () => {
  test('a new lead with the email of an open lead is blocked, with a link to the existing lead', covers('DQ-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const existing = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry' });
    const existingName = `${existing.FirstName} ${existing.LastName}`;
    const { FirstName, LastName, Company } = await records.build('Lead');
    const form = await ui.newRecord('Lead');

    const errors = await test.step(`the rep enters a new lead with ${existingName}'s email, ${existing.Email}, and saves`, async () => {
      await form.setFields({ FirstName: FirstName!, LastName: LastName!, Company: Company!, Email: existing.Email!, LeadSource: 'Phone Inquiry' });
      return form.saveExpectingRefusal({ ifSaved: (id) => records.adopt('Lead', id) });
    });

    await test.step('the dialog says it is a duplicate and links to the existing lead', async () => {
      expect(errors.page).toContain(RULE_MESSAGE);
      expect(errors.duplicates).toEqual([expect.objectContaining({ name: existingName, id: existing.Id })]);
    });

    await test.step('no second lead with that email was saved', async () => {
      const withEmail = await rep.api.query<{ Id: string }>(`SELECT Id FROM Lead WHERE Email = '${existing.Email}'`);
      expect(withEmail.records.map((l) => l.Id)).toEqual([existing.Id]);
    });

    await test.step('the rep follows the link to the existing lead', async () => {
      await form.openDuplicate(existingName);
      const leadPage = ui.recordPage('Lead');
      await leadPage.waitUntilReady();
      expect(leadPage.recordId()).toBe(existing.Id);
      expect(await leadPage.recordName()).toBe(existingName);
    });
  });

  test("a colleague's open lead blocks a duplicate too, although the rep cannot see it", covers('DQ-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const colleague = await asPersona('senior-rep');
    const ui = lightning(rep);
    const theirs = await records.lead({ OwnerId: colleague.user.id, LeadSource: 'Phone Inquiry' });
    const { LastName, Company } = await records.build('Lead');
    const form = await ui.newRecord('Lead');

    const errors = await test.step("the rep enters a lead with the email of a West rep's lead and saves", async () => {
      await form.setFields({ LastName: LastName!, Company: Company!, Email: theirs.Email!, LeadSource: 'Phone Inquiry' });
      return form.saveExpectingRefusal({ ifSaved: (id) => records.adopt('Lead', id) });
    });

    await test.step('the save is blocked as a duplicate, with a link to the matching record', async () => {
      expect(errors.page).toContain(RULE_MESSAGE);
      expect(errors.duplicates).toEqual([expect.objectContaining({ id: theirs.Id })]);
      const seenByRep = await rep.api.query(`SELECT Id FROM Lead WHERE Email = '${theirs.Email}'`);
      expect(seenByRep.totalSize, 'leads with that email the rep can see').toBe(0);
    });
  });

  test('a new lead with the email of a converted lead is saved', covers('DQ-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const earlier = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry' });
    const { FirstName, LastName, Company } = await records.build('Lead');

    await test.step(`an earlier lead with the email ${earlier.Email} has been converted`, async () => {
      const conversion = await records.conn.soap.convertLead({ leadId: earlier.Id, convertedStatus: 'Closed - Converted', doNotCreateOpportunity: true });
      expect(conversion.success, JSON.stringify(conversion.errors)).toBe(true);
    });

    const leadId = await test.step('the rep enters a new lead with that email and saves', async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({ FirstName: FirstName!, LastName: LastName!, Company: Company!, Email: earlier.Email!, LeadSource: 'Phone Inquiry' });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      return id;
    });

    await test.step('the new lead is saved with that email, beside the converted one', async () => {
      expect(await rep.api.sobject('Lead').retrieve(leadId)).toMatchObject({ Email: earlier.Email, IsConverted: false });
    });
  });
});
