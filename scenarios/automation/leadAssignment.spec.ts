import { automationRuns, covers, expect, lightning, test } from '../../fixtures/index.ts';

/**
 * AUT-01 / AUT-02: web leads are routed by the lead's State (assignment rule Web_Leads_By_Region):
 * East states to the East rep (junior-rep), West states to the West rep (senior-rep), any other
 * or no state to the Unassigned Leads queue. Leads from other sources are not routed.
 *
 * Through the API the rule runs on every insert (Sforce-Auto-Assign defaults to true; the records
 * factory leaves it so). In Lightning's New Lead dialog it runs only when "Assign using active
 * assignment rule" is checked. Every lead is Warm, so the hot-lead flow (AUT-03) stays out of it.
 */

const ASSIGNMENT_RULE = { assignmentRule: 'Web_Leads_By_Region' };

interface OwnedLead {
  Id: string;
  State: string | null;
  OwnerId: string;
}

test.describe('Web leads are routed by region', { annotation: { type: 'owner', description: 'Sales Operations' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test('web leads from East states go to the East rep and from West states to the West rep; phone leads are not routed', covers('AUT-01'), async ({ asPersona, records }) => {
    const eastRep = await asPersona('junior-rep');
    const westRep = await asPersona('senior-rep');
    const log = automationRuns(eastRep.api);
    const states = ['NY', 'FL', 'DC', 'CA', 'HI', 'AK'];

    const leads = await test.step('web leads arrive from New York, Florida, Washington DC, California, Hawaii and Alaska', () =>
      records.leads(states.length, (i) => ({ LeadSource: 'Web', State: states[i], Rating: 'Warm' })),
    );
    const phoneLead = await test.step('a phone lead arrives from New York', () => records.lead({ LeadSource: 'Phone Inquiry', State: 'NY', Rating: 'Warm' }));

    const owners = await test.step('the org shows who owns each lead', async () => {
      const ids = [...leads.map((l) => l.Id), phoneLead.Id].map((id) => `'${id}'`).join(',');
      const rows = (await records.conn.query<OwnedLead>(`SELECT Id, State, OwnerId FROM Lead WHERE Id IN (${ids})`)).records;
      return new Map(rows.map((r) => [r.Id, r.OwnerId]));
    });

    await test.step('the East rep owns the web leads from NY, FL and DC', async () => {
      expect(leads.slice(0, 3).map((l) => owners.get(l.Id))).toEqual([eastRep.user.id, eastRep.user.id, eastRep.user.id]);
    });

    await test.step('the West rep owns the web leads from CA, HI and AK', async () => {
      expect(leads.slice(3).map((l) => owners.get(l.Id))).toEqual([westRep.user.id, westRep.user.id, westRep.user.id]);
    });

    await test.step('the phone lead from New York is not routed to the East rep', async () => {
      expect(owners.get(phoneLead.Id)).not.toBe(eastRep.user.id);
    });

    await test.step('each rep finds their new web leads through the API as themselves', async () => {
      const mine = async (handle: typeof eastRep, subset: typeof leads) =>
        (await handle.api.query<{ Id: string }>(`SELECT Id FROM Lead WHERE Id IN (${subset.map((l) => `'${l.Id}'`).join(',')}) AND OwnerId = '${handle.user.id}'`)).totalSize;
      expect(await mine(eastRep, leads.slice(0, 3))).toBe(3);
      expect(await mine(westRep, leads.slice(3))).toBe(3);
    });

    if (log.available) {
      await test.step('the local org logged the rule assigning each web lead once', async () => {
        for (const lead of leads) expect(await log.fired(lead.Id, ASSIGNMENT_RULE), `lead from ${lead.State}`).toBe(1);
        expect(await log.fired(phoneLead.Id, ASSIGNMENT_RULE)).toBe(0);
      });
    }
  });

  test('a web lead entered in the New Lead dialog is routed only when "Assign using active assignment rule" is checked', covers('AUT-01'), async ({ asPersona, records }) => {
    const manager = await asPersona('sales-manager');
    const eastRep = await asPersona('junior-rep');
    const ui = lightning(manager);
    const ownerOf = async (id: string) => (await records.conn.sobject('Lead').retrieve(id)).OwnerId as string;
    const enterWebLead = async (assign: boolean) => {
      const values = await records.build('Lead', { LeadSource: 'Web', Rating: 'Warm' });
      const form = await ui.newRecord('Lead');
      await form.setFields({ LastName: String(values.LastName), Company: String(values.Company), LeadSource: 'Web', State: 'VA', Rating: 'Warm' });
      await form.controls.setCheckbox('Assign using active assignment rule', assign);
      expect(await form.save()).toBe('saved');
      // Save opens the new lead's page.
      await expect(manager.page).toHaveURL(/\/lightning\/r\/Lead\/\w+\/view/);
      const page = ui.recordPage('Lead');
      await page.waitUntilReady();
      const id = page.recordId();
      // The dialog created it, not the factory: delete it with the test's other records.
      records.adopt('Lead', id);
      return id;
    };

    const routed = await test.step('the sales manager enters a web lead from Virginia with the assignment rule checked', () => enterWebLead(true));
    await test.step('the lead belongs to the East rep', async () => {
      expect(await ownerOf(routed)).toBe(eastRep.user.id);
    });

    const kept = await test.step('the manager enters another web lead from Virginia, the box left unchecked', () => enterWebLead(false));
    await test.step('that lead stays with the manager', async () => {
      expect(await ownerOf(kept)).toBe(manager.user.id);
    });
  });

  test('web leads from any other state, or none, go to the Unassigned Leads queue and not to a rep', covers('AUT-02'), async ({ asPersona, records }) => {
    const eastRep = await asPersona('junior-rep');
    const westRep = await asPersona('senior-rep');
    const log = automationRuns(eastRep.api);
    const states: Array<string | null> = ['TX', 'IL', 'OH', null];

    const queueId = await test.step('the org has the Unassigned Leads queue', async () => {
      const queues = await records.conn.query<{ Id: string }>("SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = 'Unassigned_Leads'");
      expect(queues.totalSize, 'queues named Unassigned_Leads').toBe(1);
      return queues.records[0].Id;
    });

    const leads = await test.step('web leads arrive from Texas, Illinois, Ohio and one without a state', () =>
      records.leads(states.length, (i) => ({ LeadSource: 'Web', State: states[i], Rating: 'Warm' })),
    );

    await test.step('every one of them waits in the Unassigned Leads queue', async () => {
      const ids = leads.map((l) => `'${l.Id}'`).join(',');
      const rows = (await records.conn.query<OwnedLead>(`SELECT Id, State, OwnerId FROM Lead WHERE Id IN (${ids})`)).records;
      const ownerById = new Map(rows.map((r) => [r.Id, r.OwnerId]));
      expect(leads.map((l) => ownerById.get(l.Id))).toEqual(leads.map(() => queueId));
    });

    await test.step('neither regional rep owns any of them', async () => {
      const ids = leads.map((l) => `'${l.Id}'`).join(',');
      const byReps = await records.conn.query(`SELECT Id FROM Lead WHERE Id IN (${ids}) AND OwnerId IN ('${eastRep.user.id}', '${westRep.user.id}')`);
      expect(byReps.totalSize).toBe(0);
    });

    await test.step('the East rep, a member of the queue, finds them in the queue', async () => {
      const ids = leads.map((l) => `'${l.Id}'`).join(',');
      const visible = await eastRep.api.query(`SELECT Id FROM Lead WHERE Id IN (${ids}) AND OwnerId = '${queueId}'`);
      expect(visible.totalSize).toBe(leads.length);
    });

    if (log.available) {
      await test.step('the local org logged the rule assigning each lead once', async () => {
        for (const lead of leads) expect(await log.fired(lead.Id, ASSIGNMENT_RULE), `lead from ${lead.State ?? 'no state'}`).toBe(1);
      });
    }
  });
});
