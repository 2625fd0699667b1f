import type { PageLayoutRelatedList } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { ApiRecord } from '../../service/recordShape.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { card } from '../components/card.ts';
import { type Html, html } from '../render/html.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { type ColumnSpec, resolveColumns, selectList } from './columns.ts';
import { objectNameOfId } from './objectOfId.ts';
import { recordTable } from './recordTable.ts';
import { soqlString } from './soqlLiteral.ts';

/** Rows a related list shows on the record page; more makes the count read "10+", as Lightning's "6+". */
const SHOWN = 10;

/**
 * The Related tab: one card per related list of the view layout (lists whose child object and
 * lookup the user can read), each a table of the child records the user can see, read through
 * QueryService as the user. Activity lists (Open Activities / Activity History) are the record's
 * open or closed tasks.
 */
export function relatedListsOf(deps: UiDeps, user: UiUser, lists: readonly PageLayoutRelatedList[], recordId: string): Html {
  if (lists.length === 0) return html`<p class="slds-p-around_medium">No related lists.</p>`;
  return html`<div class="gl-related">${lists.map((rl, i) => relatedList(deps, user, rl, recordId, i))}</div>`;
}

function relatedList(deps: UiDeps, user: UiUser, rl: PageLayoutRelatedList, recordId: string, index: number): Html {
  const child = deps.org.records.findObject(user.context, rl.childObject);
  if (!child) return html``;
  const columns = resolveColumns(deps, user, child, rl.columns.map((f, i) => specFor(child, f.name, i === 0)));
  const records = columns.length > 0 ? rowsOf(deps, user, child, rl, columns, recordId) : [];
  const count = records.length > SHOWN ? `${SHOWN}+` : String(records.length);
  const body = records.length === 0
    ? html`<p class="slds-text-color_weak">No items to display.</p>`
    : recordTable({ object: child, columns, records: records.slice(0, SHOWN), timeZone: user.timeZone, label: rl.label, objectNameOfId: (id) => objectNameOfId(deps, id) });
  return card({ title: `${rl.label} (${count})`, headingId: `gl-related-${index}`, body, className: 'slds-m-bottom_small gl-related-list' });
}

/** The first column links to the child record; lookups show the parent's name linking to it. */
function specFor(child: ObjectDef, name: string, first: boolean): ColumnSpec {
  const field = child.fieldsByLowerName.get(name.toLowerCase());
  if (field?.type === 'reference' && field.relationshipName) return { field: field.name, path: `${field.relationshipName}.Name`, link: 'parent' };
  return first ? { field: name, link: 'record' } : { field: name };
}

function rowsOf(deps: UiDeps, user: UiUser, child: ObjectDef, rl: PageLayoutRelatedList, columns: ReturnType<typeof resolveColumns>, recordId: string): ApiRecord[] {
  const where = [`${rl.field} = ${soqlString(recordId)}`];
  if (rl.activities && child.fieldsByLowerName.has('isclosed')) where.push(`IsClosed = ${rl.activities === 'history'}`);
  const order = rl.sort ? ` ORDER BY ${rl.sort.field} ${rl.sort.descending ? 'DESC' : 'ASC'}` : '';
  const soql = `SELECT ${selectList(columns)} FROM ${child.name} WHERE ${where.join(' AND ')}${order} LIMIT ${SHOWN + 1}`;
  try {
    return deps.org.query.query(user.context, soql, { includeDeleted: false, apiVersion: UI_API_VERSION }).records;
  } catch {
    // A list the engine refuses for this user (a sort field hidden by FLS): shown empty rather than breaking the page.
    return [];
  }
}
