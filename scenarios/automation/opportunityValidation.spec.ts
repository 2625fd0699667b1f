import type { Connection } from 'jsforce';
import { addDays, automationRuns, covers, expect, lightning, test, userToday } from '../../fixtures/index.ts';

/**
 * AUT-04 (Amount_Required_From_Proposal) and AUT-05 (Close_Date_Not_In_Past): each boundary
 * from both sides, through the API and where the rep sees it in Lightning. The AUT-04 scenarios
 * keep close dates in the future and the AUT-05 ones always have an Amount, so each proves its
 * own rule and no other.
 */

const AMOUNT_MESSAGE = 'Enter an Amount before moving the opportunity to Proposal/Price Quote, Negotiation/Review or Closed Won.';
const CLOSE_DATE_MESSAGE = 'The close date of an open opportunity cannot be in the past. Choose today or a later date, or close the opportunity.';

/** What the API answered to a save: saved, or the error the org gave. */
type ApiSave = { saved: true } | { saved: false; errorCode: string; message: string };

/** Updates one opportunity through the REST API as the connection's user, and says what happened. */
async function updateOpportunity(api: Connection, fields: Record<string, unknown> & { Id: string }): Promise<ApiSave> {
  try {
    const result = await api.sobject('Opportunity').update(fields);
    if (result.success) return { saved: true };
    const [error] = result.errors as unknown as Array<{ errorCode?: string; statusCode?: string; message: string }>;
    return { saved: false, errorCode: error.errorCode ?? error.statusCode ?? '', message: error.message };
  } catch (err) {
    const e = err as Error & { errorCode?: string };
    return { saved: false, errorCode: e.errorCode ?? e.name, message: e.message };
  }
}

const refusedBy = (message: string) => ({ saved: false, errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message });

test.describe('Opportunity validation', { annotation: { type: 'owner', description: 'Finance' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test('through the API an opportunity moves freely without an Amount until Proposal/Price Quote, and from there on only with one', covers('AUT-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const log = automationRuns(rep.api);

    const opportunity = await test.step('an opportunity without an Amount is created at Prospecting', async () => {
      const account = await records.account({ OwnerId: rep.user.id });
      return records.opportunity({ AccountId: account.Id, OwnerId: rep.user.id, StageName: 'Prospecting', Amount: null });
    });

    await test.step('the rep moves it to Needs Analysis and then Perception Analysis, still without an Amount', async () => {
      expect(await updateOpportunity(rep.api, { Id: opportunity.Id, StageName: 'Needs Analysis' })).toEqual({ saved: true });
      expect(await updateOpportunity(rep.api, { Id: opportunity.Id, StageName: 'Perception Analysis' })).toEqual({ saved: true });
    });

    await test.step('Proposal/Price Quote, Negotiation/Review and Closed Won are refused with the rule\'s message', async () => {
      for (const stage of ['Proposal/Price Quote', 'Negotiation/Review', 'Closed Won']) {
        expect(await updateOpportunity(rep.api, { Id: opportunity.Id, StageName: stage }), stage).toEqual(refusedBy(AMOUNT_MESSAGE));
      }
      const stored = await rep.api.sobject('Opportunity').retrieve(opportunity.Id);
      expect(stored.StageName).toBe('Perception Analysis');
    });

    await test.step('a new opportunity cannot start at Proposal/Price Quote without an Amount either', async () => {
      await expect(records.opportunity({ OwnerId: rep.user.id, StageName: 'Proposal/Price Quote', Amount: null })).rejects.toThrow(AMOUNT_MESSAGE);
    });

    await test.step('with an Amount the rep moves it to Proposal/Price Quote', async () => {
      expect(await updateOpportunity(rep.api, { Id: opportunity.Id, StageName: 'Proposal/Price Quote', Amount: 42000 })).toEqual({ saved: true });
      const stored = await rep.api.sobject('Opportunity').retrieve(opportunity.Id);
      expect({ StageName: stored.StageName, Amount: stored.Amount }).toEqual({ StageName: 'Proposal/Price Quote', Amount: 42000 });
    });

    if (log.available) {
      await test.step('the local org logged the rule blocking exactly the three refused stage changes', async () => {
        const blocked = (await log.entries(opportunity.Id, { validationRule: 'Amount_Required_From_Proposal' })).filter((e) => e.outcome === 'blocked');
        expect(blocked).toHaveLength(3);
      });
    }
  });

  test('in Lightning the rule stops the Path and the edit dialog at Proposal/Price Quote with its message, until the rep enters an Amount', covers('AUT-04'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const page = ui.recordPage('Opportunity');

    const opportunity = await test.step('the rep has an opportunity at Qualification without an Amount', async () => {
      const account = await records.account({ OwnerId: rep.user.id });
      return records.opportunity({ AccountId: account.Id, OwnerId: rep.user.id, StageName: 'Qualification', Amount: null });
    });

    await test.step('on the Path the rep marks Qualification complete: it moves to Needs Analysis', async () => {
      await page.open(opportunity.Id);
      await page.path.markComplete();
      expect(await page.path.currentStep()).toBe('Needs Analysis');
    });

    await test.step('choosing Proposal/Price Quote on the Path shows the rule\'s message, and the stage stays', async () => {
      await page.path.step('Proposal/Price Quote').click();
      await page.path.markCurrentButton().click();
      const toast = await ui.toasts.waitForError();
      expect(toast.message).toContain(AMOUNT_MESSAGE);
      const stored = await rep.api.sobject('Opportunity').retrieve(opportunity.Id);
      expect(stored.StageName).toBe('Needs Analysis');
    });

    const form = await test.step('in the edit dialog, Proposal/Price Quote without an Amount is refused with the message under Amount', async () => {
      await page.open(opportunity.Id);
      const dialog = await page.edit();
      await dialog.setFields({ StageName: 'Proposal/Price Quote' });
      expect(await dialog.save()).toBe('errors');
      const errors = await dialog.errors();
      expect(errors.fields).toContainEqual({ field: await ui.labels.label('Opportunity', 'Amount'), message: AMOUNT_MESSAGE });
      return dialog;
    });

    await test.step('the rep enters an Amount in the same dialog and the save goes through', async () => {
      await form.setFields({ Amount: 18500 });
      expect(await form.save()).toBe('saved');
      await page.waitUntilReady();
      expect(await page.path.currentStep()).toBe('Proposal/Price Quote');
      const stored = await rep.api.sobject('Opportunity').retrieve(opportunity.Id);
      expect({ StageName: stored.StageName, Amount: stored.Amount }).toEqual({ StageName: 'Proposal/Price Quote', Amount: 18500 });
    });
  });

  test('through the API an open opportunity may close today or later, never in the past; a closed one keeps its past date', covers('AUT-05'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const log = automationRuns(rep.api);
    const today = await userToday(rep.api, rep.user.id);
    const yesterday = addDays(today, -1);

    await test.step('a new open opportunity closing yesterday is refused with the rule\'s message', async () => {
      await expect(records.opportunity({ OwnerId: rep.user.id, StageName: 'Prospecting', CloseDate: yesterday })).rejects.toThrow(CLOSE_DATE_MESSAGE);
    });

    const opportunity = await test.step('one closing today is accepted', () => records.opportunity({ OwnerId: rep.user.id, StageName: 'Prospecting', CloseDate: today }));

    await test.step('moving its close date to yesterday is refused; to next week it is accepted', async () => {
      expect(await updateOpportunity(rep.api, { Id: opportunity.Id, CloseDate: yesterday })).toEqual(refusedBy(CLOSE_DATE_MESSAGE));
      expect(await updateOpportunity(rep.api, { Id: opportunity.Id, CloseDate: addDays(today, 7) })).toEqual({ saved: true });
      expect((await rep.api.sobject('Opportunity').retrieve(opportunity.Id)).CloseDate).toBe(addDays(today, 7));
    });

    await test.step('a lost opportunity is recorded with the past date it was lost on', async () => {
      const lost = await records.opportunity({ OwnerId: rep.user.id, StageName: 'Closed Lost', CloseDate: addDays(today, -10) });
      expect((await rep.api.sobject('Opportunity').retrieve(lost.Id)).CloseDate).toBe(addDays(today, -10));
    });

    if (log.available) {
      await test.step('the local org logged the rule blocking the refused date change', async () => {
        const blocked = (await log.entries(opportunity.Id, { validationRule: 'Close_Date_Not_In_Past' })).filter((e) => e.outcome === 'blocked');
        expect(blocked).toHaveLength(1);
      });
    }
  });

  test('in the edit dialog a past close date is refused with the message under Close Date, and today is accepted', covers('AUT-05'), async ({ asPersona, records }) => {
    const rep = await asPersona('junior-rep');
    const ui = lightning(rep);
    const page = ui.recordPage('Opportunity');
    const today = await userToday(rep.api, rep.user.id);

    const opportunity = await test.step('the rep has an open opportunity closing next month', async () => {
      const account = await records.account({ OwnerId: rep.user.id });
      return records.opportunity({ AccountId: account.Id, OwnerId: rep.user.id, StageName: 'Needs Analysis', CloseDate: addDays(today, 30) });
    });

    const form = await test.step('the rep sets the close date to yesterday: the dialog shows the rule\'s message under Close Date', async () => {
      await page.open(opportunity.Id);
      const dialog = await page.edit();
      await dialog.setFields({ CloseDate: addDays(today, -1) });
      expect(await dialog.save()).toBe('errors');
      expect((await dialog.errors()).fields).toContainEqual({ field: await ui.labels.label('Opportunity', 'CloseDate'), message: CLOSE_DATE_MESSAGE });
      expect((await rep.api.sobject('Opportunity').retrieve(opportunity.Id)).CloseDate).toBe(addDays(today, 30));
      return dialog;
    });

    await test.step('the rep changes it to today in the same dialog and the save goes through', async () => {
      await form.setFields({ CloseDate: today });
      expect(await form.save()).toBe('saved');
      await page.waitUntilReady();
      expect((await rep.api.sobject('Opportunity').retrieve(opportunity.Id)).CloseDate).toBe(today);
    });
  });
});
