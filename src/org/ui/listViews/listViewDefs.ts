import type { ObjectDef } from '../../schema/types.ts';
import type { ColumnSpec } from '../records/columns.ts';
import { soqlString } from '../records/soqlLiteral.ts';

/** Who a filter is evaluated for. */
export interface FilterContext {
  userId: string;
  /** Picklist values of an object's field, for filters on attributes (closed lead statuses). */
  object: ObjectDef;
}

export interface ListViewDef {
  /** The `filterName` URL parameter, as in Lightning's URLs. */
  filterName: string;
  label: string;
  /** "Recently Viewed": the user's recent items (RecentItems), most recent first unless sorted. */
  recent?: boolean;
  /** The SOQL condition, without WHERE; absent for "All". */
  where?: (ctx: FilterContext) => string;
  /** Default order when the URL gives none: field API name and direction. */
  defaultSort?: { field: string; dir: 'asc' | 'desc' };
}

export interface ObjectListViews {
  defaultFilter: string;
  columns: ColumnSpec[];
  views: ListViewDef[];
}

const mine = (ctx: FilterContext) => `OwnerId = ${soqlString(ctx.userId)}`;

const recent = (labelPlural: string): ListViewDef => ({ filterName: 'Recent', label: `Recently Viewed ${labelPlural}`, recent: true });

/** Lead statuses that close a lead without converting it: the "closed" statuses of All Open Leads. */
function openLeadCondition(ctx: FilterContext): string {
  const status = ctx.object.fieldsByLowerName.get('status');
  const closed = (status?.picklistValues ?? []).filter((p) => p.attributes?.converted === true || /^closed\b/i.test(p.value)).map((p) => soqlString(p.value));
  return closed.length > 0 ? `IsConverted = false AND Status NOT IN (${closed.join(', ')})` : 'IsConverted = false';
}

/**
 * Lightning's standard list views of the Sales app objects, with their filterName, label and
 * columns. Tasks have no standard object-home lists in Lightning (it shows a split view); the
 * local org offers the open-task lists a UAT scenario needs: Recently Viewed, My Open Tasks
 * (default), Due Today (open, due today or overdue, as Home's "Today's Tasks"), Overdue and
 * All Open Tasks.
 */
const STANDARD: Record<string, ObjectListViews> = {
  Lead: {
    defaultFilter: 'Recent',
    columns: [
      { field: 'Name', link: 'record' },
      { field: 'Title' },
      { field: 'Company' },
      { field: 'Phone' },
      { field: 'Email' },
      { field: 'Status' },
      { field: 'OwnerId', path: 'Owner.Name' },
    ],
    views: [
      recent('Leads'),
      { filterName: 'AllOpenLeads', label: 'All Open Leads', where: openLeadCondition },
      { filterName: 'MyUnreadLeads', label: 'My Unread Leads', where: (ctx) => `${mine(ctx)} AND IsUnreadByOwner = true` },
      { filterName: 'TodaysLeads', label: "Today's Leads", where: () => 'CreatedDate = TODAY' },
    ],
  },
  Account: {
    defaultFilter: 'Recent',
    columns: [
      { field: 'Name', link: 'record' },
      { field: 'Site' },
      { field: 'BillingState' },
      { field: 'Phone' },
      { field: 'Type' },
      { field: 'OwnerId', path: 'Owner.Name' },
    ],
    views: [
      recent('Accounts'),
      { filterName: 'AllAccounts', label: 'All Accounts' },
      { filterName: 'MyAccounts', label: 'My Accounts', where: mine },
      { filterName: 'NewThisWeek', label: 'New This Week', where: () => 'CreatedDate = THIS_WEEK' },
    ],
  },
  Contact: {
    defaultFilter: 'Recent',
    columns: [
      { field: 'Name', link: 'record' },
      { field: 'AccountId', path: 'Account.Name', link: 'parent' },
      { field: 'Title' },
      { field: 'Phone' },
      { field: 'Email' },
      { field: 'OwnerId', path: 'Owner.Name' },
    ],
    views: [
      recent('Contacts'),
      { filterName: 'AllContacts', label: 'All Contacts' },
      { filterName: 'MyContacts', label: 'My Contacts', where: mine },
      { filterName: 'NewThisWeek', label: 'New This Week', where: () => 'CreatedDate = THIS_WEEK' },
    ],
  },
  Opportunity: {
    defaultFilter: 'Recent',
    columns: [
      { field: 'Name', link: 'record' },
      { field: 'AccountId', path: 'Account.Name', link: 'parent' },
      { field: 'Amount' },
      { field: 'CloseDate' },
      { field: 'StageName' },
      { field: 'OwnerId', path: 'Owner.Name' },
    ],
    views: [
      recent('Opportunities'),
      { filterName: 'AllOpportunities', label: 'All Opportunities' },
      { filterName: 'MyOpportunities', label: 'My Opportunities', where: mine },
      { filterName: 'ClosingThisMonth', label: 'Closing This Month', where: () => 'CloseDate = THIS_MONTH', defaultSort: { field: 'CloseDate', dir: 'asc' } },
      { filterName: 'Won', label: 'Won', where: () => 'IsWon = true' },
    ],
  },
  Task: {
    defaultFilter: 'MyOpenTasks',
    columns: [
      { field: 'Subject', link: 'record' },
      { field: 'WhoId', path: 'Who.Name', link: 'parent' },
      { field: 'WhatId', path: 'What.Name', link: 'parent' },
      { field: 'ActivityDate' },
      { field: 'Status' },
      { field: 'Priority' },
      { field: 'OwnerId', path: 'Owner.Name' },
    ],
    views: [
      recent('Tasks'),
      { filterName: 'MyOpenTasks', label: 'My Open Tasks', where: (ctx) => `${mine(ctx)} AND IsClosed = false`, defaultSort: { field: 'ActivityDate', dir: 'asc' } },
      { filterName: 'TodaysTasks', label: 'Due Today', where: (ctx) => `${mine(ctx)} AND IsClosed = false AND ActivityDate <= TODAY`, defaultSort: { field: 'ActivityDate', dir: 'asc' } },
      { filterName: 'OverdueTasks', label: 'Overdue Tasks', where: (ctx) => `${mine(ctx)} AND IsClosed = false AND ActivityDate < TODAY`, defaultSort: { field: 'ActivityDate', dir: 'asc' } },
      { filterName: 'AllOpenTasks', label: 'All Open Tasks', where: () => 'IsClosed = false', defaultSort: { field: 'ActivityDate', dir: 'asc' } },
    ],
  },
};

/**
 * The list views of an object: the standard ones above, or for any other object (custom objects
 * included) Recently Viewed and All, with the name and owner columns.
 */
export function listViewsOf(object: ObjectDef): ObjectListViews {
  const standard = STANDARD[object.name];
  if (standard) return standard;
  const columns: ColumnSpec[] = [{ field: object.nameField, link: 'record' }];
  if (object.fieldsByLowerName.has('ownerid')) columns.push({ field: 'OwnerId', path: 'Owner.Name' });
  columns.push({ field: 'CreatedDate' });
  return { defaultFilter: 'Recent', columns, views: [recent(object.labelPlural), { filterName: 'All', label: `All ${object.labelPlural}` }] };
}
