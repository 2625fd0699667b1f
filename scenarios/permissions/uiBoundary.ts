import { expect, lightning, type LightningUi, type ListViewPage, type PersonaHandle, type RecordPage } from '../../fixtures/index.ts';
import type { CellChecks } from './matrixSteps.ts';
import type { MatrixSubjects } from './matrixSubjects.ts';
import { FIELDS, SEED_RECORDS, mayRead, type ConvertCell, type FieldCell, type ObjectRightCell, type RecordCell, type SalesObject } from './permissionMatrix.ts';

/**
 * The matrix's cells checked in the browser, as the persona: what Lightning offers it (the New
 * button of the list, Edit / Delete / Convert on the record page, the inline-edit pencil of a
 * field) and what it withholds (the no-access page, a field absent from the Details tab).
 */

const TAB_LABELS: Record<SalesObject, string> = { Lead: 'Leads', Account: 'Accounts', Contact: 'Contacts', Opportunity: 'Opportunities' };

export class UiBoundary implements CellChecks {
  private readonly ui: LightningUi;
  /** The record page last opened and what its header offered, so cells on one record share a visit. */
  private opened?: { id: string; page: RecordPage; actions?: string[] };
  private readonly withheldChecked = new Set<SalesObject>();

  constructor(
    private readonly me: PersonaHandle,
    private readonly subjects: MatrixSubjects,
  ) {
    this.ui = lightning(me);
  }

  async objectRight(cell: ObjectRightCell): Promise<void> {
    if (mayRead(cell.persona, cell.object) === false) {
      expect(cell.allowed, `${cell.persona} cannot read ${cell.object}, so it cannot ${cell.operation} them`).toBe(false);
      await this.expectObjectWithheld(cell.object);
      return;
    }
    switch (cell.operation) {
      case 'read': {
        await this.openList(cell.object);
        await expect(this.ui.nav.tab(TAB_LABELS[cell.object])).toBeVisible();
        const subject = await this.subjects.of(cell.object);
        const page = await this.openRecord(cell.object, subject.id);
        await expect(page.heading()).toContainText(subject.name);
        return;
      }
      case 'create': {
        const list = await this.openList(cell.object);
        expect(await list.offersNew(), `New on the ${cell.object} list`).toBe(cell.allowed);
        return;
      }
      case 'edit':
      case 'delete': {
        const action = cell.operation === 'edit' ? 'Edit' : 'Delete';
        const subject = await this.subjects.of(cell.object);
        await this.openRecord(cell.object, subject.id);
        expect(await this.offered(action), `"${action}" on ${subject.name} (offered: ${this.offeredList()})`).toBe(cell.allowed);
        return;
      }
    }
  }

  async conversion(cell: ConvertCell): Promise<void> {
    const lead = await this.subjects.of('Lead');
    await this.openRecord('Lead', lead.id);
    expect(await this.offered('Convert'), `"Convert" on ${lead.name} (offered: ${this.offeredList()})`).toBe(cell.allowed);
  }

  async field(cell: FieldCell): Promise<void> {
    const { object, label } = FIELDS[cell.field];
    const subject = await this.subjects.of(object);
    const page = await this.openRecord(object, subject.id);
    await page.openTab('Details');
    const item = page.detailItem(label);
    if (cell.access === 'hidden') {
      // The Details tab has loaded (openTab waited for it): absent now means absent.
      await expect(item, `${label} on the Details tab`).toHaveCount(0);
      await expect(page.inlineEditButton(label)).toHaveCount(0);
      return;
    }
    await expect(item, `${label} on the Details tab`).toBeVisible();
    await expect(page.inlineEditButton(label), `the pencil to change ${label}`).toHaveCount(cell.access === 'editable' ? 1 : 0);
  }

  async record(cell: RecordCell): Promise<void> {
    const { object } = SEED_RECORDS[cell.record];
    const seed = await this.subjects.seed(cell.record);
    if (cell.access === 'invisible') {
      this.opened = undefined;
      await this.me.page.goto(`/lightning/r/${object}/${seed.id}/view`);
      await expect(this.ui.noAccess.withheldHeading(), `${cell.record} must be withheld from ${cell.persona} ("You don't have access to this record")`).toBeVisible();
      await expect(this.me.page.getByRole('main')).not.toContainText(cell.record);
      return;
    }
    const page = await this.openRecord(object, seed.id);
    await expect(page.heading()).toContainText(cell.record);
    expect(await this.offered('Edit'), `"Edit" on ${cell.record} (offered: ${this.offeredList()})`).toBe(cell.access === 'editable');
  }

  /** An object the persona may not read: no tab, its list and its records are not there. */
  private async expectObjectWithheld(object: SalesObject): Promise<void> {
    // Create, read, edit and delete are withheld by the same pages: checked once per test.
    if (this.withheldChecked.has(object)) return;
    this.withheldChecked.add(object);
    const list = this.ui.listView(object);
    await list.visit('Recent');
    await expect(this.ui.noAccess.pageMissingHeading(), `the ${object} list must not exist for ${this.subjects.persona}`).toBeVisible();
    expect(await this.ui.nav.tabLabels(), 'the navigation tabs').not.toContain(TAB_LABELS[object]);
    const someoneElses = await this.subjects.of(object);
    this.opened = undefined;
    await this.me.page.goto(`/lightning/r/${object}/${someoneElses.id}/view`);
    await expect(this.ui.noAccess.withheldHeading(), `${object} ${someoneElses.name} must be withheld from ${this.subjects.persona}`).toBeVisible();
    await expect(this.me.page.getByRole('main')).not.toContainText(someoneElses.name);
  }

  /** The object's Recently Viewed list, loaded; kept while the page stays on it. */
  private async openList(object: SalesObject): Promise<ListViewPage> {
    const list = this.ui.listView(object);
    if (!this.me.page.url().includes(`/lightning/o/${object}/list`)) {
      this.opened = undefined;
      await list.open('Recent');
    }
    return list;
  }

  private async openRecord(object: SalesObject, id: string): Promise<RecordPage> {
    if (this.opened?.id === id && this.me.page.url().includes(id)) return this.opened.page;
    const page = this.ui.recordPage(object);
    await page.open(id);
    this.opened = { id, page };
    return page;
  }

  /** Whether the open record page offers an action (its actions read once per visit). */
  private async offered(action: string): Promise<boolean> {
    const opened = this.opened!;
    opened.actions ??= await opened.page.actions();
    return opened.actions.includes(action);
  }

  private offeredList(): string {
    return this.opened?.actions?.join(', ') || 'nothing';
  }
}
