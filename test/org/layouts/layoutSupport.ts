import { buildOrgApp, type LocalOrg } from '../../../src/org/app.ts';
import type { LayoutMode, PageLayout } from '../../../src/org/layouts/pageLayout.ts';
import type { UserContext } from '../../../src/org/service/UserContext.ts';
import { xml } from '../metadata/sfdxProject.ts';

/**
 * Helpers for the page layout tests: layout files written the way Salesforce retrieves them, an
 * in-process org (no port: LayoutService is called directly, as the UI does), and compact
 * renderings of what a user gets so that one assertion shows a whole section.
 */

export type Cell = string | { field: string; behavior?: 'Required' | 'Edit' | 'Readonly' } | null;

/** A layoutSections element; `null` cells are blank spaces. */
export function sectionXml(label: string, columns: Cell[][], style = 'TwoColumnsTopToBottom', headings = { detail: true, edit: true }): string {
  const item = (c: Cell) => {
    if (c === null) return '<layoutItems><emptySpace>true</emptySpace></layoutItems>';
    const { field, behavior = 'Edit' } = typeof c === 'string' ? { field: c } : c;
    return `<layoutItems>\n<behavior>${behavior}</behavior>\n<field>${field}</field>\n</layoutItems>`;
  };
  return [
    '<layoutSections>',
    '<customLabel>false</customLabel>',
    `<detailHeading>${headings.detail}</detailHeading>`,
    `<editHeading>${headings.edit}</editHeading>`,
    `<label>${label}</label>`,
    ...columns.map((col) => `<layoutColumns>\n${col.map(item).join('\n')}\n</layoutColumns>`),
    `<style>${style}</style>`,
    '</layoutSections>',
  ].join('\n');
}

export function relatedListXml(name: string, fields: string[] = [], extra = ''): string {
  return `<relatedLists>\n${fields.map((f) => `<fields>${f}</fields>`).join('\n')}\n<relatedList>${name}</relatedList>${extra}\n</relatedLists>`;
}

export const layoutXml = (...parts: string[]) => xml('Layout', parts.join('\n'));

export async function buildOrg(metadataDir: string): Promise<LocalOrg> {
  return buildOrgApp({ metadataDir, dbFile: ':memory:' });
}

/** The service layer's caller for a user of the org, as a login would make it. */
export function userOf(org: LocalOrg, username: string): UserContext {
  const row = org.store.selectOne(`SELECT "Id", "ProfileId" FROM "User" WHERE "Username" = ?`, [username]);
  if (!row) throw new Error(`no user ${username}`);
  const orgRow = org.store.selectOne(`SELECT "Id" FROM "Organization"`, []);
  return { userId: String(row.Id), orgId: String(orgRow!.Id), username, profileId: String(row.ProfileId) };
}

export function layoutOf(org: LocalOrg, username: string, object: string, mode: LayoutMode = 'view', recordTypeId?: string): PageLayout {
  return org.services.layouts.layoutFor(userOf(org, username), org.definition.schema.object(object)!, recordTypeId, mode);
}

/**
 * Sections as `label: items`, each item its field name with `*` when required and `(ro)` when not
 * editable; compound parts as `Compound/Part`.
 */
export function outline(layout: PageLayout): string[] {
  return layout.sections.map(
    (s) => `${s.label}: ${s.items.map((i) => `${i.compound ? `${i.compound.name}/` : ''}${i.field.name}${i.required ? '*' : ''}${i.editable ? '' : '(ro)'}`).join(', ')}`,
  );
}

/** Every item of the layout, by field name. */
export function itemsByField(layout: PageLayout) {
  return new Map(layout.sections.flatMap((s) => s.items.map((i) => [i.field.name, i] as const)));
}

export function expectFailure(fn: () => unknown): { errorCode?: string; message: string } {
  try {
    fn();
  } catch (err) {
    return err as { errorCode?: string; message: string };
  }
  throw new Error('expected a failure');
}
