import type { PageLayoutRelatedList } from '../../layouts/pageLayout.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { activityPublisher } from '../activity/activityComposer.ts';
import { activityLinkField, creatableTask } from '../activity/composerLayouts.ts';
import { userToday } from '../activity/userCalendar.ts';
import { formatDate } from '../fields/formatValue.ts';
import { card } from '../components/card.ts';
import { standardIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { objectNameOfId } from './objectOfId.ts';
import { namesOfIds } from './referenceNames.ts';
import { recordViewUrl } from './recordUrls.ts';
import { soqlString } from './soqlLiteral.ts';

type Row = Record<string, unknown>;

/**
 * The Activity tab, as Lightning's activity timeline: the publisher ("Log a Call", "New Task")
 * when the user may create tasks, then "Upcoming & Overdue" (the record's open tasks, soonest due
 * first, no due date last, each overdue one flagged by the user's calendar: Home's rule) and "Past
 * Activities" (closed tasks, newest first). Only tasks the user can see (QueryService as the
 * user). Which lookup points at the record comes from the layout's open activities list (WhoId
 * for leads and contacts, WhatId for the rest); without one, no timeline.
 */
export function activityTimeline(deps: UiDeps, user: UiUser, lists: readonly PageLayoutRelatedList[], recordId: string): Html {
  const field = activityLinkField(lists);
  const objectName = objectNameOfId(deps, recordId);
  if (!field || !objectName || !deps.org.records.findObject(user.context, 'Task')) return html`<p class="slds-p-around_medium">No activities to show.</p>`;
  const task = creatableTask(deps, user.context);
  const where = `${field} = ${soqlString(recordId)}`;
  const open = tasks(deps, user, `SELECT Id, Subject, ActivityDate, OwnerId FROM Task WHERE ${where} AND IsClosed = false ORDER BY ActivityDate ASC NULLS LAST LIMIT 50`);
  const past = tasks(deps, user, `SELECT Id, Subject, ActivityDate, OwnerId, TaskSubtype, LastModifiedDate FROM Task WHERE ${where} AND IsClosed = true ORDER BY ActivityDate DESC NULLS LAST, LastModifiedDate DESC LIMIT 50`);
  const owners = namesOfIds(deps, user.context, [...open, ...past].map((r) => r.OwnerId));
  const who = (r: Row): string | undefined => (r.OwnerId === user.context.userId ? undefined : owners.get(String(r.OwnerId))?.name);
  const today = userToday(user.timeZone, deps.org.now());
  const timelineUrl = `/lightning/_ui/record/${encodeURIComponent(objectName)}/${encodeURIComponent(recordId)}/activity`;
  return html`<div class="gl-activity-timeline" data-gl-activity-timeline="${timelineUrl}">
  ${task ? activityPublisher(deps, user, task, objectName, recordId) : ''}
  ${card({
    title: 'Upcoming & Overdue',
    headingId: 'gl-activity-upcoming',
    className: 'gl-activity',
    body:
      open.length === 0
        ? html`<p class="slds-text-color_weak">No next steps. To get things moving, add a task or set up a meeting.</p>`
        : html`<ul class="gl-timeline" aria-label="Upcoming &amp; Overdue">${open.map((r) => {
            const due = typeof r.ActivityDate === 'string' ? r.ActivityDate : '';
            const overdue = due !== '' && due < today;
            const owner = who(r);
            return item(r, html`${owner ?? 'You'} ${owner ? 'has' : 'have'} an upcoming task`, html`<span class="${overdue ? 'slds-text-color_error' : ''}">${due ? formatDate(due) : 'No due date'}</span>${overdue ? html` <span class="slds-badge slds-theme_error">Overdue</span>` : ''}`);
          })}</ul>`,
  })}
  ${card({
    title: 'Past Activities',
    headingId: 'gl-activity-past',
    className: 'gl-activity slds-m-top_small',
    body:
      past.length === 0
        ? html`<p class="slds-text-color_weak">No past activity. Past meetings and tasks marked as done show up here.</p>`
        : html`<ul class="gl-timeline" aria-label="Past Activities">${past.map((r) => {
            const owner = who(r);
            const what = r.TaskSubtype === 'Call' ? 'logged a call' : 'had a task';
            const due = typeof r.ActivityDate === 'string' ? formatDate(r.ActivityDate) : '';
            return item(r, html`${owner ?? 'You'} ${what}`, html`${due}`);
          })}</ul>`,
  })}
</div>`;
}

/** One timeline entry: the subject linking to the task, who it is assigned to, and its date. */
function item(r: Row, sentence: Html, date: Html): Html {
  return html`<li class="slds-p-vertical_x-small gl-timeline-item"><div class="slds-media"><div class="slds-media__figure">${standardIcon('task', { size: 'small' })}</div><div class="slds-media__body">
  <div class="slds-grid slds-grid_align-spread slds-wrap">
    <a href="${recordViewUrl('Task', String(r.Id))}">${String(r.Subject ?? '')}</a>
    <span class="slds-text-body_small gl-timeline-item__date">${date}</span>
  </div>
  <p class="slds-text-body_small slds-text-color_weak">${sentence}</p>
</div></div></li>`;
}

function tasks(deps: UiDeps, user: UiUser, soql: string): Row[] {
  try {
    return deps.org.query.query(user.context, soql, { includeDeleted: false, apiVersion: UI_API_VERSION }).records as Row[];
  } catch {
    // A task field the user cannot read: no timeline rather than an error page.
    return [];
  }
}
