import type { StandardObjectSpec } from '../standardObjects.ts';
import { READ_ONLY, checkbox, date, dateTime, integer, lookup, picklist, text, textArea, values } from './fieldSpecs.ts';
import { ACTIVITY_TYPES, TASK_PRIORITIES, TASK_STATUSES } from './standardValueSets.ts';

/**
 * Tasks and events. A fresh org's activity sharing is Private: users see the activities they own
 * plus those of users below them in the role hierarchy (Salesforce's "Activity: Private"
 * default; "Controlled by Parent" is the other choice a project can make).
 *
 * WhatId lists Account and Opportunity here; the metadata loader adds every custom object that
 * allows activities (enableActivities in its object-meta.xml), as Salesforce does.
 */

export const WHO_OBJECTS = ['Contact', 'Lead'];
export const WHAT_OBJECTS = ['Account', 'Opportunity'];

export function activityObjects(): StandardObjectSpec[] {
  return [
    {
      object: { name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: '00T', owned: true, sharingModel: 'Private', nameField: 'Subject' },
      fields: [
        text('Subject', 'Subject', 255),
        lookup('WhoId', 'Name ID', [...WHO_OBJECTS], 'Who', 'Tasks'),
        lookup('WhatId', 'Related To ID', [...WHAT_OBJECTS], 'What', 'Tasks'),
        date('ActivityDate', 'Due Date Only'),
        picklist('Status', 'Status', [...TASK_STATUSES], { required: true }),
        picklist('Priority', 'Priority', [...TASK_PRIORITIES], { required: true }),
        checkbox('IsClosed', 'Closed', false, { calculated: true, ...READ_ONLY }),
        checkbox('IsHighPriority', 'High Priority', false, { calculated: true, ...READ_ONLY }),
        textArea('Description', 'Description', 32000),
        picklist('Type', 'Type', [...ACTIVITY_TYPES]),
        // Chosen when the task is created (a logged call, an email …); fixed afterwards.
        picklist('TaskSubtype', 'Task Subtype', values(['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn']), {
          restrictedPicklist: true,
          updateable: false,
        }),
        integer('CallDurationInSeconds', 'Call Duration', 8),
        picklist('CallType', 'Call Type', values(['Internal', 'Inbound', 'Outbound']), { restrictedPicklist: true }),
        text('CallDisposition', 'Call Result', 255),
        dateTime('ReminderDateTime', 'Reminder Date/Time'),
        checkbox('IsReminderSet', 'Reminder Set', false),
      ],
    },
    {
      object: { name: 'Event', label: 'Event', labelPlural: 'Events', keyPrefix: '00U', owned: true, sharingModel: 'Private', nameField: 'Subject' },
      fields: [
        text('Subject', 'Subject', 255),
        lookup('WhoId', 'Name ID', [...WHO_OBJECTS], 'Who', 'Events'),
        lookup('WhatId', 'Related To ID', [...WHAT_OBJECTS], 'What', 'Events'),
        dateTime('StartDateTime', 'Start Date Time'),
        dateTime('EndDateTime', 'End Date Time'),
        dateTime('ActivityDateTime', 'Due Date Time'),
        date('ActivityDate', 'Due Date Only'),
        integer('DurationInMinutes', 'Duration', 8),
        text('Location', 'Location', 255),
        textArea('Description', 'Description', 32000),
        checkbox('IsAllDayEvent', 'All-Day Event', false),
        picklist('Type', 'Type', [...ACTIVITY_TYPES]),
        picklist('ShowAs', 'Show Time As', values(['Busy', 'OutOfOffice', 'Free']).map((v) => ({ ...v, defaultValue: v.value === 'Busy' })), {
          defaultValue: 'Busy',
          restrictedPicklist: true,
        }),
        checkbox('IsPrivate', 'Private', false),
      ],
    },
  ];
}
