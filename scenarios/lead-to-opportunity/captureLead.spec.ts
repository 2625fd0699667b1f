import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * Capture the lead: a rep types a lead into the New Lead dialog. Phone Inquiry, not Web: the
 * assignment rule routes Web leads away from the rep who typed them.
 */
test.describe('Capture the lead', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test('a rep creates a lead with name, company and contact details and lands on its record page', covers('LTO-01'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { FirstName, LastName, Company, Title, Email, Phone } = await records.build('Lead');
    const fullName = `${FirstName} ${LastName}`;

    const leadId = await test.step('the rep fills in New Lead and saves', async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({ FirstName: FirstName!, LastName: LastName!, Company: Company!, Title: Title!, Email: Email!, Phone: Phone!, LeadSource: 'Phone Inquiry' });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      await ui.toasts.expectSuccess(`Lead "${fullName}" was created.`);
      return id;
    });

    const leadPage = ui.recordPage('Lead');

    await test.step("the rep is on the new lead's page, which shows what they entered", async () => {
      await leadPage.waitUntilReady();
      expect(leadPage.recordId()).toBe(leadId);
      expect(await leadPage.recordName()).toBe(fullName);
      expect(await leadPage.fieldValue('Company')).toBe(Company);
      expect(await leadPage.fieldValue('Title')).toBe(Title);
      expect(await leadPage.fieldValue('Email')).toBe(Email);
      expect(await leadPage.fieldValue('Phone')).toBe(Phone);
    });

    await test.step('the org holds the lead as typed: the rep owns it and it is open, not yet contacted', async () => {
      const saved = await rep.api.sobject('Lead').retrieve(leadId);
      expect(saved).toMatchObject({ FirstName, LastName, Company, Title, Email, Phone, LeadSource: 'Phone Inquiry', OwnerId: rep.user.id, Status: 'Open - Not Contacted', IsConverted: false });
    });
  });
});
