import { covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * Qualify the lead: the rep works a lead along the Path at the top of its page, one status at a
 * time, and the org records each move (the Path must not jump, nor show a move it did not save).
 */
test.describe('Qualify the lead', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test('a rep moves a lead along the Path one status at a time', covers('LTO-02'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const lead = await records.lead({ OwnerId: rep.user.id, LeadSource: 'Phone Inquiry' });
    const leadPage = ui.recordPage('Lead');
    const statusInOrg = async () => (await rep.api.sobject('Lead').retrieve(lead.Id)).Status;

    await test.step('the rep opens their new lead: the Path shows it open and not yet contacted', async () => {
      await leadPage.open(lead.Id);
      expect(await leadPage.path.stepNames()).toEqual(['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted']);
      expect(await leadPage.path.currentStep()).toBe('Open - Not Contacted');
    });

    await test.step('after the first call the rep marks the status as complete: the lead moves to the next status only', async () => {
      await leadPage.path.markComplete();
      await ui.toasts.expectSuccess('Status changed successfully.');
      expect(await leadPage.path.currentStep()).toBe('Working - Contacted');
      await expect.poll(statusInOrg).toBe('Working - Contacted');
    });

    await test.step('the lead is not ready to buy: the rep picks Closed - Not Converted and marks it as the current status', async () => {
      await leadPage.path.markAsCurrent('Closed - Not Converted');
      await expect.poll(statusInOrg).toBe('Closed - Not Converted');
    });

    await test.step('it comes back to life: the rep puts it back to Working - Contacted', async () => {
      await leadPage.path.markAsCurrent('Working - Contacted');
      await expect.poll(statusInOrg).toBe('Working - Contacted');
      await leadPage.open(lead.Id);
      expect(await leadPage.path.currentStep()).toBe('Working - Contacted');
    });
  });
});
