import { covers, expect, lightning, test } from '../fixtures/index.ts';

/**
 * Smoke: the suite reaches the org, signs a persona in and sees what the security model lets that
 * persona see. Uses the default org's seed leads: Dana Scully is the East rep Jamie Junior's,
 * Ellen Ripley belongs to a West team colleague (private leads, sibling roles).
 */
test.describe('Lead management', { annotation: { type: 'owner', description: 'Sales' } }, () => {
  test("a sales rep sees their own open leads and not a colleague's", covers('PERM-01', '@smoke', '@mobile'), async ({ asPersona }) => {
    const rep = await asPersona('junior-rep');
    const admin = await asPersona('admin');
    const allOpenLeads = lightning(rep).listView('Lead');

    const names = await test.step('the rep opens the list of all open leads', async () => {
      await allOpenLeads.open('AllOpenLeads');
      await expect(allOpenLeads.title()).toContainText('All Open Leads');
      // open() waited for the item count: the rows are all there, so an absent name means hidden.
      return allOpenLeads.columnValues('Name');
    });

    await test.step('their own lead, Dana Scully, is on the list', async () => {
      expect(names).toContain('Dana Scully');
      await expect(allOpenLeads.recordLink('Dana Scully')).toBeVisible();
    });

    await test.step("a West team colleague's lead, Ellen Ripley, is not", async () => {
      expect(names).not.toContain('Ellen Ripley');
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
