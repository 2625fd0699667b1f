import { addDays, covers, expect, lightning, test, userToday, type ScreenFitReport } from '../../fixtures/index.ts';

/**
 * MOB-04: every page of the field rep's day fits the phone: no sideways scrolling
 * (scrollWidth ≤ innerWidth) and every visible tap target at least 24×24 CSS px (WCAG 2.2,
 * 2.5.8). Links inside a sentence are WCAG's "inline" exception: they do not fail, and the test
 * attaches the list of them so a reviewer sees what was excused. Pages are checked as the rep
 * sees them, menus and composers open included; every page is checked (soft assertions) so one
 * report names all that do not fit.
 */

test.describe('Pages on a phone', { annotation: { type: 'owner', description: 'Field Sales' } }, () => {
  // Several saves and page loads through the real UI each: twice the suite's minute, so a busy
  // CI machine does not turn a slow pass into a timeout.
  test.describe.configure({ timeout: 120_000 });

  test("the field rep's pages fit the screen, with tap targets of at least 24×24", covers('MOB-04', '@mobile', '@phone-only'), async ({ asPersona, records }) => {
    const fieldRep = await asPersona('field-rep');
    const ui = lightning(fieldRep);
    const reports: ScreenFitReport[] = [];
    const checkScreen = async (what: string) => {
      const fit = await ui.screenFit.check();
      reports.push(fit);
      expect.soft(fit.scrollWidth, `${what} (${fit.url}) scrolls sideways`).toBeLessThanOrEqual(fit.innerWidth);
      expect.soft(fit.smallTargets, `${what} (${fit.url}) has tap targets under 24×24`).toEqual([]);
    };

    const { lead, opportunity } = await test.step('the field rep has a task due today, a lead and an opportunity', async () => {
      const today = await userToday(fieldRep.api, fieldRep.user.id);
      const account = await records.account({ OwnerId: fieldRep.user.id });
      await records.task({ OwnerId: fieldRep.user.id, WhatId: account.Id, Subject: `Visit ${account.Name}`, ActivityDate: today, Status: 'Not Started' });
      return {
        lead: await records.lead({ OwnerId: fieldRep.user.id, LeadSource: 'Phone Inquiry', Rating: 'Warm' }),
        opportunity: await records.opportunity({ AccountId: account.Id, OwnerId: fieldRep.user.id, StageName: 'Qualification', CloseDate: addDays(today, 30) }),
      };
    });

    await test.step("Home with Today's Tasks, and its navigation menu open", async () => {
      await ui.home.open();
      await checkScreen('Home');
      await ui.nav.menuButton().click();
      await expect(ui.nav.navBar()).toBeVisible();
      await checkScreen('Home with the navigation menu');
      await ui.nav.menuButton().click();
    });

    await test.step('the Leads list', async () => {
      await ui.nav.goToTab('Leads');
      await ui.listView('Lead').open('AllOpenLeads');
      await checkScreen('All Open Leads');
    });

    await test.step('search results', async () => {
      await ui.nav.search(String(lead.Email));
      await checkScreen('Search results');
    });

    const leadPage = ui.recordPage('Lead');
    await test.step('the lead: details, and the Activity tab with Log a Call open', async () => {
      await leadPage.open(lead.Id);
      await checkScreen('Lead record page');
      await leadPage.openTab('Activity');
      await leadPage.activity.panel().getByRole('button', { name: 'Log a Call', exact: true }).click();
      await expect(leadPage.activity.composer('Log a Call')).toBeVisible();
      await checkScreen('Lead Activity tab with Log a Call');
    });

    const opportunityPage = ui.recordPage('Opportunity');
    await test.step('the opportunity with its Path, and its edit dialog', async () => {
      await opportunityPage.open(opportunity.Id);
      await checkScreen('Opportunity record page');
      const form = await opportunityPage.edit();
      await checkScreen('Opportunity edit dialog');
      await form.cancel();
    });

    await test.info().attach('tap targets excused as inline links (WCAG 2.5.8 inline exception)', {
      contentType: 'text/plain',
      body: reports.map((r) => `${r.url}\n${r.inlineExceptions.map((e) => `  ${e}`).join('\n') || '  (none)'}`).join('\n'),
    });
  });
});
