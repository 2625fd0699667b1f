import type { ObjectDef } from '../../schema/types.ts';
import type { ApiRecord } from '../../service/recordShape.ts';
import { formatValue } from '../fields/formatValue.ts';
import { utilityIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import { type Column, valueAt } from './columns.ts';
import { recordViewUrl } from './recordUrls.ts';

export type SortDirection = 'asc' | 'desc';

export interface TableSort {
  /** API name of the sorted column's field, if any. */
  by?: string;
  dir: SortDirection;
  /** The URL that sorts by a field in a direction (a full page load, as the sort is in the URL). */
  href: (field: string, dir: SortDirection) => string;
}

export interface RecordTableOptions {
  object: ObjectDef;
  columns: readonly Column[];
  records: readonly ApiRecord[];
  timeZone: string;
  /** The table's accessible name (the list view's or the result section's label). */
  label: string;
  /** Column sorting; absent for tables that cannot be sorted (search results). */
  sort?: TableSort;
  /** The object an id belongs to (by key prefix), for links to parents. */
  objectNameOfId: (id: string) => string | undefined;
}

/**
 * An SLDS data table of records: the first column is the row header linking to the record,
 * column headers carry the form labels, sortable headers are links with aria-sort. At phone
 * widths the SLDS "stacked" variant turns each row into a card, as Salesforce mobile's list
 * cards: the record's name as its title, then one "label value" line per field that has a value
 * (the data-label attributes; golive.css), so nothing scrolls sideways. The header row stays in
 * the accessibility tree (visually hidden), so the column labels remain reachable.
 */
export function recordTable(options: RecordTableOptions): Html {
  return html`<table class="slds-table slds-table_bordered slds-table_cell-buffer slds-max-medium-table_stacked gl-record-table" aria-label="${options.label}">
  <thead><tr class="slds-line-height_reset">${options.columns.map((c) => headerCell(c, options.sort))}</tr></thead>
  <tbody>${recordRows(options)}</tbody>
</table>`;
}

/** Only the rows: what "Load more" appends. */
export function recordRows(options: RecordTableOptions): Html {
  return html`${options.records.map((record) => html`<tr class="slds-hint-parent">${options.columns.map((c, i) => bodyCell(options, record, c, i === 0))}</tr>`)}`;
}

function headerCell(column: Column, sort: TableSort | undefined): Html {
  const label = html`<span class="slds-truncate" title="${column.label}">${column.label}</span>`;
  if (!sort || !column.sortable) return html`<th scope="col" class="gl-th"><div class="slds-th__action gl-th__static">${label}</div></th>`;
  const sorted = sort.by === column.field.name;
  const next: SortDirection = sorted && sort.dir === 'asc' ? 'desc' : 'asc';
  const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const classes = `slds-is-sortable gl-th${sorted ? ` slds-is-sorted slds-is-sorted_${sort.dir}` : ''}`;
  return html`<th scope="col" class="${classes}" aria-sort="${ariaSort}">
    <a class="slds-th__action slds-text-link_reset" href="${sort.href(column.field.name, next)}">${label}<span class="slds-icon_container slds-m-left_xx-small">${
      // One glyph: SLDS turns it upside down for ascending (.slds-is-sorted_asc).
      utilityIcon('arrowdown', 'slds-icon slds-icon-text-default slds-is-sortable__icon')
    }</span></a>
  </th>`;
}

function bodyCell(options: RecordTableOptions, record: ApiRecord, column: Column, isRowHeader: boolean): Html {
  const value = valueAt(record, column.path);
  let content: Html;
  if (column.spec.link === 'record') {
    content = html`<a href="${recordViewUrl(options.object.name, String(record.Id))}">${value === null || value === undefined || value === '' ? String(record.Id) : String(value)}</a>`;
  } else if (column.spec.link === 'parent' && value !== null && value !== undefined) {
    const parentId = valueAt(record, column.field.name);
    const parentObject = typeof parentId === 'string' ? options.objectNameOfId(parentId) : undefined;
    content = parentObject ? html`<a href="${recordViewUrl(parentObject, String(parentId))}">${String(value)}</a>` : html`${String(value)}`;
  } else {
    content = formatValue(column.displayField, value, options.timeZone);
  }
  const inner = html`<div class="gl-cell">${content}</div>`;
  if (isRowHeader) return html`<th scope="row" data-label="${column.label}">${inner}</th>`;
  // Phones leave empty cells out of a row's card (golive.css); desktop keeps the grid.
  const empty = value === null || value === undefined || value === '';
  return html`<td data-label="${column.label}"${empty ? html` class="gl-cell_empty"` : ''}>${inner}</td>`;
}
