import { expect, test } from '../fixtures/index.ts';

/**
 * Smoke: the suite reaches the org, signs a persona in and sees what the security model lets that
 * persona see. Uses the default org's seed leads: Dana Scully is the East rep Jamie Junior's,
 * Ellen Ripley belongs to a West team colleague (private leads, sibling roles).
 */
test.describe('Lead management', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test("a sales rep sees their own open leads and not a colleague's", { tag: ['@smoke', '@mobile'] }, async ({ asPersona }) => {
    const rep = await asPersona('junior-rep');
    const admin = await asPersona('admin');
    const openLeads = rep.page.getByRole('table', { name: 'All Open Leads' });

    await test.step('the rep opens the list of all open leads', async () => {
      await rep.page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
      await expect(rep.page.getByRole('heading', { level: 1 })).toContainText('All Open Leads');
    });

    await test.step('their own lead, Dana Scully, is on the list', async () => {
      await expect(openLeads.getByRole('link', { name: 'Dana Scully', exact: true })).toBeVisible();
    });

    await test.step("a West team colleague's lead, Ellen Ripley, is not", async () => {
      // The list has loaded (the step above), so an absent row means hidden, not "not yet there".
      await expect(openLeads.getByRole('link', { name: 'Ellen Ripley', exact: true })).toHaveCount(0);
    });

    await test.step('the API tells the same story: Ripley exists, only the admin and her owner see her', async () => {
      const asAdmin = await admin.api.query<{ Name: string; OwnerId: string }>("SELECT Name, OwnerId FROM Lead WHERE Name IN ('Dana Scully', 'Ellen Ripley') ORDER BY Name");
      expect(asAdmin.records.map((l) => l.Name)).toEqual(['Dana Scully', 'Ellen Ripley']);
      const ripley = asAdmin.records.find((l) => l.Name === 'Ellen Ripley');
      expect(ripley?.OwnerId).not.toBe(rep.user.id);

      const asRep = await rep.api.query<{ Name: string; OwnerId: string }>("SELECT Name, OwnerId FROM Lead WHERE Name IN ('Dana Scully', 'Ellen Ripley')");
      expect(asRep.records).toEqual([expect.objectContaining({ Name: 'Dana Scully', OwnerId: rep.user.id })]);
    });
  });
});
