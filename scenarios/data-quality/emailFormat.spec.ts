import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/** A lead's Email must be an address: a malformed one is refused under the field, a good one saved. */
test.describe('Capture the lead: email format', { annotation: { type: 'owner', description: 'Marketing' } }, () => {
  test('a lead with a malformed email is refused, with the message under Email', covers('DQ-02'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { LastName, Company } = await records.build('Lead');
    const malformed = `${LastName!.toLowerCase()}.at.example.com`;
    const form = await ui.newRecord('Lead');

    const errors = await test.step(`the rep types the email "${malformed}" and saves`, async () => {
      await form.setFields({ LastName: LastName!, Company: Company!, Email: malformed, LeadSource: 'Phone Inquiry' });
      return form.saveExpectingRefusal({ ifSaved: (id) => records.adopt('Lead', id) });
    });

    await test.step('the dialog says the email is invalid, under the Email field', async () => {
      const emailError = errors.fields.find((f) => f.field === 'Email');
      expect(emailError?.message, `field errors: ${JSON.stringify(errors.fields)}`).toMatch(/invalid/i);
      await expect(form.controls.textbox('Email')).toHaveAccessibleDescription(emailError!.message);
      expect(errors.fields.map((f) => f.field)).toEqual(['Email']);
    });

    await test.step('nothing was saved', async () => {
      const saved = await rep.api.query(`SELECT Id FROM Lead WHERE Company = '${Company!.replace(/'/g, "\\'")}'`);
      expect(saved.totalSize).toBe(0);
    });
  });

  test('a lead with a well-formed email is saved', covers('DQ-02'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { LastName, Company, Email } = await records.build('Lead');

    const leadId = await test.step(`the rep types the email "${Email}" and saves`, async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({ LastName: LastName!, Company: Company!, Email: Email!, LeadSource: 'Phone Inquiry' });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      return id;
    });

    await test.step('the lead is saved with that email', async () => {
      expect(await rep.api.sobject('Lead').retrieve(leadId)).toMatchObject({ Email });
    });
  });
});
