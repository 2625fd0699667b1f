import { isSalesforceError } from '../../errors/SalesforceError.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { UiDeps } from '../UiDeps.ts';
import { buttonIcon } from '../components/icon.ts';
import { pageHeader } from '../components/pageHeader.ts';
import { type Html, html } from '../render/html.ts';
import { resolveColumns } from '../records/columns.ts';
import { recordTable } from '../records/recordTable.ts';
import { objectNameOfId } from '../records/objectOfId.ts';
import { listViewUrl, newRecordUrl } from '../records/recordUrls.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import type { ListViewDef, ObjectListViews } from './listViewDefs.ts';
import { fetchListPage, PAGE_SIZE, resolveSort } from './listQuery.ts';

/** What a list view URL asks for (page and fragment alike). */
export interface ListState {
  object: ObjectDef;
  views: ObjectListViews;
  view: ListViewDef;
  sortBy?: string;
  sortDir?: string;
}

export function listFragmentUrl(state: ListState, offset: number, limit: number): string {
  const q = new URLSearchParams({ filterName: state.view.filterName });
  if (state.sortBy) q.set('sortBy', state.sortBy);
  if (state.sortDir) q.set('sortDir', state.sortDir);
  q.set('offset', String(offset));
  q.set('limit', String(limit));
  return `/lightning/_ui/list/${encodeURIComponent(state.object.name)}?${q}`;
}

/**
 * The rows part of a list view: status line ("50+ items • Sorted by Name"), the table and the
 * "Load more" control. The same fragment serves the first load and every further page; the
 * client script (assets/lib/listView.js) appends a further page's rows to the table already shown.
 */
export function renderListRows(deps: UiDeps, ui: UiRequestState, state: ListState, offset: number, limit: number): Html {
  const { object, view } = state;
  const columns = resolveColumns(deps, ui.user, object, state.views.columns);
  const sort = resolveSort(object, view, columns, state.sortBy, state.sortDir);
  let page;
  try {
    page = fetchListPage(deps, ui.user, object, view, columns, sort, offset, limit);
  } catch (err) {
    if (!isSalesforceError(err)) throw err;
    return html`<div class="gl-list" data-gl-list><p class="slds-text-color_error gl-list__error" role="alert">This list view can't be displayed: ${err.message}</p></div>`;
  }
  const shown = offset + page.records.length;
  const status = [`${shown}${page.more ? '+' : ''} ${shown === 1 && !page.more ? 'item' : 'items'}`];
  if (page.sort) status.push(`Sorted by ${page.sort.label}`);
  const empty = page.records.length === 0 && offset === 0;
  const table = recordTable({
    object,
    columns,
    records: page.records,
    timeZone: ui.user.timeZone,
    label: view.label,
    objectNameOfId: (id) => objectNameOfId(deps, id),
    sort: {
      by: page.sort?.field,
      dir: page.sort?.dir ?? 'asc',
      href: (field, dir) => listViewUrl(object.name, { filterName: view.filterName, sortBy: field, sortDir: dir }),
    },
  });
  const nextHref = listViewUrl(object.name, { filterName: view.filterName, sortBy: state.sortBy, sortDir: state.sortDir, rows: shown + PAGE_SIZE });
  return html`<div class="gl-list" data-gl-list>
  <p class="slds-text-body_small gl-list__status" data-gl-list-status>${status.join(' • ')}</p>
  ${
    empty
      ? html`<div class="gl-list__empty slds-text-align_center slds-p-around_large"><p class="slds-text-heading_small">${
          view.recent ? `You haven't viewed any ${object.labelPlural.toLowerCase()} recently.` : 'No items to display.'
        }</p>${view.recent ? html`<p class="slds-text-color_weak">Try switching list views.</p>` : ''}</div>`
      : html`<div class="gl-list__table">${table}</div>`
  }
  <div class="gl-list__more" data-gl-list-more>${
    page.more
      ? html`<a class="slds-button slds-button_neutral gl-load-more" role="button" href="${nextHref}" data-gl-load-more="${listFragmentUrl(state, shown, PAGE_SIZE)}">Load more</a>`
      : ''
  }</div>
</div>`;
}

/**
 * The object home header: object icon and name, the list view name with its picker (an SLDS
 * dropdown menu of the object's list views) and the "New" button (shown only to users who may
 * create the object; the new-record dialog itself lives at /lightning/o/<Object>/new).
 */
export function listViewHeader(deps: UiDeps, ui: UiRequestState, state: ListState): Html {
  const { object, view } = state;
  const canCreate = object.createable && deps.org.records.access.objectAccess(ui.user.context, object).create;
  const pickerLabel = `Select a List View: ${object.labelPlural}`;
  const heading = html`<h1>
  <span class="slds-text-body_small">${object.labelPlural}</span>
  <span class="slds-page-header__title slds-truncate" title="${view.label}">${view.label}</span>
</h1>`;
  const picker = html`<div class="slds-dropdown-trigger slds-dropdown-trigger_click" data-gl-menu>
  <button type="button" class="slds-button slds-button_icon slds-button_icon-small gl-listview-picker" aria-haspopup="menu" aria-expanded="false" aria-controls="gl-listview-menu" title="${pickerLabel}">${buttonIcon('down')}<span class="slds-assistive-text">${pickerLabel}</span></button>
  <div class="slds-dropdown slds-dropdown_left gl-listview-menu" id="gl-listview-menu">
    <ul class="slds-dropdown__list" role="menu" aria-label="List Views">
      ${state.views.views.map((v) => {
        const current = v.filterName === view.filterName;
        return html`<li class="slds-dropdown__item${current ? ' slds-is-selected' : ''}" role="presentation"><a role="menuitem" tabindex="-1" href="${listViewUrl(object.name, { filterName: v.filterName })}"${current ? html` aria-current="page"` : ''}><span class="slds-truncate">${v.label}</span></a></li>`;
      })}
    </ul>
  </div>
</div>`;
  const newButton = canCreate ? html`<div class="slds-page-header__control"><a class="slds-button slds-button_neutral" role="button" href="${newRecordUrl(object.name)}">New</a></div>` : html``;
  return pageHeader({ variant: 'object-home', objectName: object.name, heading, switcher: picker, actions: newButton });
}
