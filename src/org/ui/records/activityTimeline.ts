import type { PageLayoutRelatedList } from '../../layouts/pageLayout.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { formatDate } from '../fields/formatValue.ts';
import { card } from '../components/card.ts';
import { type Html, html } from '../render/html.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { recordViewUrl } from './recordUrls.ts';
import { soqlString } from './soqlLiteral.ts';

/**
 * The Activity tab's "Upcoming & Overdue": the record's open tasks the user can see, soonest due
 * first (no due date last), each overdue one flagged "Overdue" by the user's calendar (the same rule
 * as Home's Today's Tasks). Which lookup points at the record comes from the layout's open
 * activities list (WhoId for leads and contacts, WhatId for the rest); without one, no timeline.
 */
export function activityTimeline(deps: UiDeps, user: UiUser, lists: readonly PageLayoutRelatedList[], recordId: string): Html {
  const open = lists.find((l) => l.activities === 'open');
  const task = deps.org.records.findObject(user.context, 'Task');
  if (!open || !task) return html`<p class="slds-p-around_medium">No activities to show.</p>`;
  const soql = `SELECT Id, Subject, ActivityDate FROM Task WHERE ${open.field} = ${soqlString(recordId)} AND IsClosed = false ORDER BY ActivityDate ASC NULLS LAST LIMIT 50`;
  let rows: Array<Record<string, unknown>> = [];
  try {
    rows = deps.org.query.query(user.context, soql, { includeDeleted: false, apiVersion: UI_API_VERSION }).records;
  } catch {
    rows = [];
  }
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: safeZone(user.timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(deps.org.now()));
  const body =
    rows.length === 0
      ? html`<p class="slds-text-color_weak">No next steps. To get things moving, add a task or set up a meeting.</p>`
      : html`<ul class="slds-timeline" aria-label="Upcoming &amp; Overdue">${rows.map((r) => {
          const due = typeof r.ActivityDate === 'string' ? r.ActivityDate : '';
          const overdue = due !== '' && due < today;
          return html`<li class="slds-timeline__item_expandable slds-timeline__item_task gl-timeline-item"><div class="slds-media"><div class="slds-media__body">
            <a href="${recordViewUrl('Task', String(r.Id))}">${String(r.Subject ?? '')}</a>
            <span class="slds-m-left_small slds-text-body_small${overdue ? ' slds-text-color_error' : ''}">${due ? formatDate(due) : ''}${overdue ? html` <span class="slds-badge slds-theme_error">Overdue</span>` : ''}</span>
          </div></div></li>`;
        })}</ul>`;
  return card({ title: 'Upcoming & Overdue', headingId: 'gl-activity-upcoming', body, className: 'gl-activity' });
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
