import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * A lead's Phone is written (NNN) NNN-NNNN, the one format sales dials and deduplicates on
 * (validation rule Phone_Format). Its message is the rule's own, shown under Phone.
 */
const PHONE_FORMAT_MESSAGE = 'Enter the phone number in the format (NNN) NNN-NNNN, for example (415) 555-0123.';

test.describe('Capture the lead: phone format', { annotation: { type: 'owner', description: 'Sales Operations' } }, () => {
  test('a lead with a phone in another format is refused, with the rule message under Phone', covers('DQ-03'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { LastName, Company } = await records.build('Lead');
    const form = await ui.newRecord('Lead');

    const errors = await test.step('the rep types the phone as 415-555-0123 and saves', async () => {
      await form.setFields({ LastName: LastName!, Company: Company!, Phone: '415-555-0123', LeadSource: 'Phone Inquiry' });
      return form.saveExpectingRefusal({ ifSaved: (id) => records.adopt('Lead', id) });
    });

    await test.step('the dialog shows the format rule under Phone and in its error list', async () => {
      expect(errors.fields).toEqual([{ field: 'Phone', message: PHONE_FORMAT_MESSAGE }]);
      await expect(form.controls.textbox('Phone')).toHaveAccessibleDescription(PHONE_FORMAT_MESSAGE);
      expect(errors.page).toContain(PHONE_FORMAT_MESSAGE);
    });

    await test.step('the rep corrects the phone to (415) 555-0123 and the lead saves', async () => {
      await form.setFields({ Phone: '(415) 555-0123' });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      expect(await rep.api.sobject('Lead').retrieve(id)).toMatchObject({ LastName, Phone: '(415) 555-0123' });
    });
  });

  test('a lead with a phone in the standard format is saved', covers('DQ-03'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const { LastName, Company, Phone } = await records.build('Lead');

    const leadId = await test.step(`the rep types the phone as ${Phone} and saves`, async () => {
      const form = await ui.newRecord('Lead');
      await form.setFields({ LastName: LastName!, Company: Company!, Phone: Phone!, LeadSource: 'Phone Inquiry' });
      const id = await form.saveExpectingSuccess();
      records.adopt('Lead', id);
      return id;
    });

    await test.step('the lead is saved with that phone', async () => {
      expect(await rep.api.sobject('Lead').retrieve(leadId)).toMatchObject({ Phone });
    });
  });
});
