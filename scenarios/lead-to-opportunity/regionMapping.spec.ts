import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * The lead's Region (a custom field) is carried to the new account by the org's lead field
 * mapping (LeadConvertSettings). Central, not the rep's own East: a value nothing else would put
 * on the account by chance.
 */
test.describe('Convert the lead', { annotation: { type: 'owner', description: 'Sales Operations' } }, () => {
  test("conversion carries the lead's Region to the new account", covers('LTO-05'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const lead = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry', Region__c: 'Central' });
    const leadPage = ui.recordPage('Lead');

    const { dialog, accountId } = await test.step('the rep converts a Central region lead into a new account', async () => {
      await leadPage.open(lead.Id);
      expect(await leadPage.fieldValue('Region__c')).toBe('Central');
      const dialog = await leadPage.convert();
      const result = await dialog.convertWith({ account: { create: true } });
      return { dialog, accountId: result.account.id };
    });

    await test.step('the new account is in the Central region', async () => {
      expect(await rep.api.sobject('Account').retrieve(accountId)).toMatchObject({ Name: lead.Company, Region__c: 'Central' });
    });

    await test.step("the account's page shows Region Central", async () => {
      await dialog.openConverted('Account');
      const account = ui.recordPage('Account');
      await account.waitUntilReady();
      expect(await account.fieldValue('Region__c')).toBe('Central');
    });
  });
});
