import type { Page } from '@playwright/test';
import {
  DEFAULT_ORG_EXPECTATIONS,
  hiddenFieldsOf,
  PERSONAS,
  type Persona,
  SALES_APP_OBJECTS,
  type SalesObject,
  SECURED_FIELDS,
  type SecuredField,
  SEED_LEADS,
  SEED_OPPORTUNITIES,
} from '../support/defaultOrgExpectations.ts';
import { expect, test, type UiTestOrg, unique } from './fixtures.ts';

/**
 * Each persona of the default org sees in the UI what its permissions allow and no more, checked
 * against the same table as the API suite (test/support/defaultOrgExpectations.ts): list views,
 * search, record pages, field-level security, actions and navigation. Only the seed records are
 * compared, since other tests of the worker add records of their own.
 */

const NO_ACCESS = "You don't have access to this record";
const OBJECT_LABELS: Record<SalesObject, { label: string; plural: string }> = {
  Lead: { label: 'Lead', plural: 'Leads' },
  Account: { label: 'Account', plural: 'Accounts' },
  Contact: { label: 'Contact', plural: 'Contacts' },
  Opportunity: { label: 'Opportunity', plural: 'Opportunities' },
  Task: { label: 'Task', plural: 'Tasks' },
};
const SEED_ACCOUNT = 'Acme Corporation';
/** How the dialog renders each secured field when editable: picklists as comboboxes, currency as a number input. */
const CONTROL_ROLE: Record<SecuredField, 'combobox' | 'spinbutton'> = {
  'Lead.Region__c': 'combobox',
  'Account.Region__c': 'combobox',
  'Opportunity.Commission__c': 'spinbutton',
};

const seedNames = (names: readonly string[]) => names.filter((n) => (SEED_LEADS as readonly string[]).includes(n)).sort();

function seedId(localOrg: UiTestOrg, object: 'Lead' | 'Opportunity' | 'Account', name: string): string {
  const [field, value] = object === 'Lead' ? ['LastName', name.slice(name.lastIndexOf(' ') + 1)] : ['Name', name];
  const row = localOrg.org.store.findBy(localOrg.object(object), field, value, 1)[0];
  if (!row) throw new Error(`the default org has no seed ${object} ${name}`);
  return String(row.Id);
}

async function expectLoaded(page: Page) {
  await expect(page.getByRole('status', { name: 'Loading' })).toHaveCount(0);
}

/** The names in a list view's name column, after loading every page of it. */
async function listedNames(page: Page, viewLabel: string): Promise<string[]> {
  await expectLoaded(page);
  await expect(page.locator('[data-gl-list-status]')).toBeVisible();
  const rows = page.getByRole('table', { name: viewLabel }).getByRole('rowheader');
  const more = page.getByRole('button', { name: 'Load more' });
  while ((await more.count()) > 0) {
    const shown = await rows.count();
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(shown);
  }
  return rows.allInnerTexts();
}

/**
 * A record of the object the persona can open: a seed record it sees, else one it creates (and
 * the caller removes). Undefined when it can neither see one nor create one.
 */
function recordToOpen(localOrg: UiTestOrg, persona: Persona, object: 'Lead' | 'Opportunity' | 'Account'): { id: string; name: string; created: boolean } | undefined {
  const expected = DEFAULT_ORG_EXPECTATIONS[persona];
  // Accounts are Public Read/Write: whoever reads Account sees the seed account.
  if (object === 'Account') return { id: seedId(localOrg, 'Account', SEED_ACCOUNT), name: SEED_ACCOUNT, created: false };
  const seen = object === 'Lead' ? expected.leads : expected.opportunities;
  if (seen.length > 0) return { id: seedId(localOrg, object, seen[0]), name: seen[0], created: false };
  if (!expected.objects[object]?.create) return undefined;
  const name = unique(`${persona} ${object}`);
  const fields = object === 'Lead' ? { LastName: name, Company: 'Persona Co' } : { Name: name, StageName: 'Prospecting', CloseDate: '2031-03-31' };
  return { id: localOrg.create(object, fields, persona), name, created: true };
}

for (const persona of PERSONAS) {
  const expected = DEFAULT_ORG_EXPECTATIONS[persona];

  test.describe(`${persona}`, () => {
    test.use({ persona });

    test('All Open Leads and search show exactly the seed leads the table lets it see', async ({ page }) => {
      await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('All Open Leads');
      expect(seedNames(await listedNames(page, 'All Open Leads'))).toEqual([...expected.leads]);

      for (const name of SEED_LEADS) {
        await page.goto(`/lightning/search?q=${encodeURIComponent(name.slice(name.lastIndexOf(' ') + 1))}`);
        await expectLoaded(page);
        const link = page.getByRole('region', { name: 'Leads' }).getByRole('link', { name, exact: true });
        if ((expected.leads as readonly string[]).includes(name)) await expect(link, `search finds ${name}`).toBeVisible();
        else await expect(link, `search hides ${name}`).toHaveCount(0);
      }
    });

    if (expected.objects.Opportunity) {
      test('All Opportunities shows exactly the seed opportunities the table lets it see', async ({ page }) => {
        await page.goto('/lightning/o/Opportunity/list?filterName=AllOpportunities');
        await expect(page.getByRole('heading', { level: 1 })).toContainText('All Opportunities');
        const listed = await listedNames(page, 'All Opportunities');
        expect(listed.filter((n) => (SEED_OPPORTUNITIES as readonly string[]).includes(n)).sort()).toEqual([...expected.opportunities]);
      });
    }

    test('seed leads it sees open as record pages, the others as the insufficient-privileges page', async ({ page, localOrg }) => {
      for (const name of SEED_LEADS) {
        const response = await page.goto(`/lightning/r/Lead/${seedId(localOrg, 'Lead', name)}/view`);
        expect(response!.status()).toBe(200);
        if ((expected.leads as readonly string[]).includes(name)) {
          await expect(page.getByRole('heading', { level: 1 }), name).toContainText(name);
        } else {
          await expect(page.getByRole('heading', { level: 1, name: NO_ACCESS }), name).toBeVisible();
          await expect(page.getByRole('main'), name).not.toContainText(name);
        }
      }
    });

    test('field-level security: hidden fields are absent from Details, list columns and Edit; read-only ones are text in Edit', async ({ page, localOrg }) => {
      const hidden = new Set(hiddenFieldsOf(persona).map((f) => `${f.object}.${f.field}`));
      for (const [key, access] of Object.entries(expected.fields) as Array<[SecuredField, string]>) {
        const { object, label } = SECURED_FIELDS[key];
        const record = recordToOpen(localOrg, persona, object);
        if (!record) throw new Error(`${persona} can neither see nor create a ${object}: the table leaves ${key} untestable`);
        try {
          await page.goto(`/lightning/r/${object}/${record.id}/view`);
          await expect(page.getByRole('heading', { level: 1 })).toContainText(record.name);
          const details = page.getByRole('tabpanel', { name: 'Details' });
          await expect(details.getByRole('region', { name: `${OBJECT_LABELS[object].label} Information` })).toBeVisible();
          const labelInDetails = details.locator('.slds-form-element__label').filter({ hasText: new RegExp(`^${label}$`) });
          await expect(labelInDetails, `${key} (${access}) in Details`).toHaveCount(hidden.has(key) ? 0 : 1);
          if (hidden.has(key)) {
            // Nowhere in Details (no inline-edit button named after it either), nor in the highlights.
            await expect(details, `${key} in Details`).not.toContainText(label);
            await expect(page.getByRole('list', { name: 'Highlights' })).not.toContainText(label);
            // The record just opened is in Recently Viewed, so the list has a table with its columns.
            await page.goto(`/lightning/o/${object}/list?filterName=Recent`);
            await expectLoaded(page);
            const list = page.getByRole('table', { name: `Recently Viewed ${OBJECT_LABELS[object].plural}` });
            await expect(list.getByRole('link', { name: record.name, exact: true })).toBeVisible();
            await expect(list.getByRole('columnheader', { name: new RegExp(label) }), `${key} as a list column`).toHaveCount(0);
          }
          // The Edit dialog: a control when the field is editable, the value as text when read-only, nothing when hidden.
          if (expected.objects[object]?.edit) {
            await page.goto(`/lightning/r/${object}/${record.id}/edit`);
            const dialog = page.getByRole('dialog', { name: `Edit ${record.name}` });
            await expect(dialog).toBeVisible();
            await expect(dialog.getByRole(CONTROL_ROLE[key], { name: label, exact: true }), `${key} (${access}) as a control in Edit`).toHaveCount(access === 'edit' ? 1 : 0);
            await expect(dialog.locator('.slds-form-element__label').filter({ hasText: new RegExp(`^${label}$`) }), `${key} (${access}) in Edit`).toHaveCount(hidden.has(key) ? 0 : 1);
          }
        } finally {
          if (record.created) localOrg.remove(object, [record.id]);
        }
      }
    });

    test('New, Edit, Delete and Convert on Leads are offered exactly when the table says', async ({ page, localOrg }) => {
      const rights = expected.objects.Lead!;
      await page.goto('/lightning/o/Lead/list?filterName=AllOpenLeads');
      await expectLoaded(page);
      await expect(page.getByRole('button', { name: 'New', exact: true }), 'New on the list view').toHaveCount(rights.create ? 1 : 0);

      await page.goto('/lightning/o/Lead/new');
      if (rights.create) await expect(page.getByRole('dialog', { name: 'New Lead' })).toBeVisible();
      else await expect(page.getByRole('heading', { level: 1, name: NO_ACCESS })).toBeVisible();

      const lead = recordToOpen(localOrg, persona, 'Lead');
      if (!lead) throw new Error(`${persona} can neither see nor create a Lead`);
      try {
        await page.goto(`/lightning/r/Lead/${lead.id}/view`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(lead.name);
        const actions = page.getByRole('list', { name: 'Record actions' });
        await expect(actions.getByRole('button', { name: 'Edit', exact: true }), 'Edit').toHaveCount(rights.edit ? 1 : 0);
        await expect(actions.getByRole('button', { name: 'Delete', exact: true }), 'Delete').toHaveCount(rights.delete ? 1 : 0);
        await expect(actions.getByRole('button', { name: 'Convert', exact: true }), 'Convert').toHaveCount(expected.convertLeads ? 1 : 0);

        await page.goto(`/lightning/r/Lead/${lead.id}/edit`);
        if (rights.edit) await expect(page.getByRole('dialog', { name: `Edit ${lead.name}` })).toBeVisible();
        else {
          await expect(page.getByRole('heading', { level: 1, name: NO_ACCESS })).toBeVisible();
          await expect(page.getByRole('dialog')).toHaveCount(0);
        }
      } finally {
        if (lead.created) localOrg.remove('Lead', [lead.id]);
      }
    });

    test('the navigation and the App Launcher list exactly the objects it may read', async ({ page }) => {
      const readable = SALES_APP_OBJECTS.filter((o) => expected.objects[o]);
      const tabs = ['Home', ...readable.map((o) => OBJECT_LABELS[o].plural)];
      await page.goto('/lightning/page/home');
      await expect(page.getByRole('navigation', { name: 'Global' }).getByRole('link')).toHaveText(tabs);

      await page.getByRole('button', { name: 'App Launcher' }).click();
      const launcher = page.getByRole('dialog', { name: 'App Launcher' });
      await expect(launcher.getByRole('link')).toHaveText(tabs);
      await launcher.getByRole('button', { name: 'Close' }).click();

      // An object it cannot read has no pages at all, not an empty one.
      for (const object of SALES_APP_OBJECTS.filter((o) => !expected.objects[o])) {
        const response = await page.goto(`/lightning/o/${object}/list`);
        expect(response!.status(), object).toBe(404);
        await expect(page.getByRole('heading', { level: 1, name: "Page doesn't exist" })).toBeVisible();
      }
    });
  });
}
