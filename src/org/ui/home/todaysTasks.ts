import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { formatDate } from '../fields/formatValue.ts';
import { type Html, html } from '../render/html.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { soqlString } from '../records/soqlLiteral.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { userToday } from '../activity/userCalendar.ts';

const MAX_TASKS = 25;

/**
 * Home's "Today's Tasks": the user's open tasks due today or overdue (TODAY is the user's day,
 * as the SOQL engine evaluates it), read with SOQL as the user.
 */
export function renderTodaysTasks(deps: UiDeps, ui: UiRequestState): Html {
  const task = deps.org.records.findObject(ui.user.context, 'Task');
  if (!task) return html`<p class="slds-text-color_weak">Nothing due today. Be a go-getter, and check back soon.</p>`;
  let records;
  try {
    records = deps.org.query.query(
      ui.user.context,
      `SELECT Id, Subject, ActivityDate, Who.Name, What.Name FROM Task WHERE OwnerId = ${soqlString(ui.user.context.userId)} AND IsClosed = false AND ActivityDate <= TODAY ORDER BY ActivityDate ASC NULLS LAST, Id ASC LIMIT ${MAX_TASKS}`,
      { includeDeleted: false, apiVersion: UI_API_VERSION },
    ).records;
  } catch (err) {
    if (!isSalesforceError(err)) throw err;
    return html`<p class="slds-text-color_error" role="alert">Today's tasks can't be displayed: ${err.message}</p>`;
  }
  if (records.length === 0) return html`<p class="slds-text-color_weak gl-empty">Nothing due today. Be a go-getter, and check back soon.</p>`;
  const today = userToday(ui.user.timeZone, deps.org.now());
  return html`<ul class="slds-has-dividers_bottom-space gl-task-list">${records.map((r) => {
    const due = typeof r.ActivityDate === 'string' ? r.ActivityDate : undefined;
    const overdue = due !== undefined && due < today;
    const related = [nameOf(r.Who), nameOf(r.What)].filter(Boolean).join(' • ');
    return html`<li class="slds-item gl-task">
      <a class="gl-task__subject" href="${recordViewUrl('Task', String(r.Id))}">${String(r.Subject ?? '(no subject)')}</a>
      <div class="slds-text-body_small${overdue ? ' slds-text-color_error' : ' slds-text-color_weak'}">${due ? (overdue ? `Overdue: ${formatDate(due)}` : 'Today') : ''}${related ? html` • ${related}` : ''}</div>
    </li>`;
  })}</ul>`;
}

function nameOf(parent: unknown): string {
  return parent && typeof parent === 'object' && typeof (parent as Record<string, unknown>).Name === 'string' ? String((parent as Record<string, unknown>).Name) : '';
}

