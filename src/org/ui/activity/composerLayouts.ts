import type { PageLayout, PageLayoutItem, PageLayoutRelatedList } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { UiDeps } from '../UiDeps.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';

/**
 * The activity publisher's two composers as page layouts, so the new/edit dialog's field controls
 * (formFields.ts) draw them and its save helpers (formSave.ts) read and check what they post.
 * Lightning's "New Task" asks for Subject, Due Date, Assigned To, Status and Priority; "Log a
 * Call" for Subject and Comments (the task's Description). Subject is required in both, as
 * Lightning's quick actions make it, though the API does not require it.
 */
export type ComposerKind = 'task' | 'call';

export const COMPOSER_TITLES: Readonly<Record<ComposerKind, string>> = { task: 'New Task', call: 'Log a Call' };

const COMPOSER_FIELDS: Readonly<Record<ComposerKind, readonly string[]>> = {
  task: ['Subject', 'ActivityDate', 'OwnerId', 'Status', 'Priority'],
  call: ['Subject', 'Description'],
};

/** The Task object, when the user may create tasks ("Edit Tasks"): the publisher is offered only then. */
export function creatableTask(deps: UiDeps, user: UserContext): ObjectDef | undefined {
  const task = deps.org.records.findObject(user, 'Task');
  if (!task || !task.createable || !deps.org.records.access.objectAccess(user, task).create) return undefined;
  return task;
}

/**
 * The composer's fields the user can read, editable where field-level security lets the user set
 * them; undefined when the user cannot set the Subject (then there is nothing to compose).
 */
export function composerLayout(deps: UiDeps, user: UserContext, task: ObjectDef, kind: ComposerKind): PageLayout | undefined {
  const items: PageLayoutItem[] = [];
  for (const name of COMPOSER_FIELDS[kind]) {
    const field = task.fieldsByLowerName.get(name.toLowerCase());
    if (!field) continue;
    const fls = deps.org.records.access.fieldAccess(user, task, field);
    if (!fls.read) continue;
    const editable = fls.edit && field.createable;
    items.push({ field, label: uiFieldLabel(task, field), required: editable && (name === 'Subject' || field.required), editable, column: 1, row: items.length });
  }
  if (!items.some((i) => i.field.name === 'Subject' && i.editable)) return undefined;
  return {
    name: COMPOSER_TITLES[kind],
    sections: [{ label: COMPOSER_TITLES[kind], columns: 1, heading: false, tabOrder: 'topToBottom', items }],
    relatedLists: [],
  };
}

/** What a composer starts with: the picklists' defaults, the user as assignee, "Call" as a call's subject. */
export function composerDefaults(task: ObjectDef, kind: ComposerKind, userId: string): Record<string, unknown> {
  if (kind === 'call') return { Subject: 'Call' };
  const values: Record<string, unknown> = { OwnerId: userId };
  for (const name of ['Status', 'Priority']) {
    const def = task.fieldsByLowerName.get(name.toLowerCase())?.picklistValues?.find((p) => p.active && p.defaultValue);
    if (def) values[name] = def.value;
  }
  return values;
}

/**
 * Which task lookup points at the record: the layout's open-activities list names it (WhoId for
 * leads and contacts, WhatId for accounts, opportunities and custom objects with activities).
 * Undefined when the record's layout has no activities.
 */
export function activityLinkField(lists: readonly PageLayoutRelatedList[]): string | undefined {
  return lists.find((l) => l.activities === 'open')?.field;
}
