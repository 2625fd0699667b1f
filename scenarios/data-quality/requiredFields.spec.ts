import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * Last Name and Company are required on a lead: the New Lead dialog refuses to save without
 * them and says which are missing, and saves as soon as both are there (nothing else is needed).
 */
test.describe('Capture the lead: required fields', { annotation: { type: 'owner', description: 'Sales Operations' } }, () => {
  test('a lead without Last Name and Company is refused, naming both fields', covers('DQ-01'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { FirstName, Email } = await records.build('Lead');
    const form = await ui.newRecord('Lead');

    await test.step('the rep enters only a first name and an email and saves', async () => {
      await form.setFields({ FirstName: FirstName!, Email: Email!, LeadSource: 'Phone Inquiry' });
      const errors = await form.saveExpectingRefusal({ ifSaved: (id) => records.adopt('Lead', id) });
      expect(errors.fields).toEqual(expect.arrayContaining([
        { field: 'Last Name', message: 'Complete this field.' },
        { field: 'Company', message: 'Complete this field.' },
      ]));
      expect(errors.page).toEqual([expect.stringMatching(/^These required fields must be completed: .*Last Name.*/)]);
      expect(errors.page[0]).toContain('Company');
    });

    await test.step('the dialog stays open and nothing was saved', async () => {
      await expect(form.dialog()).toBeVisible();
      const saved = await rep.api.query(`SELECT Id FROM Lead WHERE Email = '${Email}'`);
      expect(saved.totalSize).toBe(0);
    });
  });

  test('a lead with only Last Name and Company is saved', covers('DQ-01'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { LastName, Company } = await records.build('Lead');

    const leadId = await test.step('the rep enters just a last name and a company and saves', async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({ LastName: LastName!, Company: Company! });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      return id;
    });

    await test.step('the lead is saved with those two values', async () => {
      expect(await rep.api.sobject('Lead').retrieve(leadId)).toMatchObject({ LastName, Company, FirstName: null, Email: null, Phone: null });
    });
  });
});
