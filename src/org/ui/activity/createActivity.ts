import { isSalesforceError } from '../../errors/SalesforceError.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { type FormFailure, missingRequired, toFormFailure, toRecordInput } from '../recordForms/formSave.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { activityLinkField, type ComposerKind, composerLayout, creatableTask } from './composerLayouts.ts';
import { userToday } from './userCalendar.ts';

export type ActivityResult = { ok: true; id: string; toast: string } | { ok: false; status: number; failure: FormFailure };

const NO_TASKS = "You can't create tasks. Ask your administrator for the Edit Tasks permission.";

/**
 * A composer's post: a Task created through RecordService as the user, linked to the record as
 * Salesforce links activities (WhoId for a lead or contact, WhatId otherwise). Only the composer's
 * fields are taken from the post. A logged call is a task already done: Status Completed (the
 * first closed status), TaskSubtype Call, due today on the user's calendar, assigned to the user.
 * Whatever the page offered, RecordService decides: a user without "Edit Tasks" is refused there.
 */
export function createActivity(deps: UiDeps, user: UiUser, object: ObjectDef, recordId: string, kind: ComposerKind, posted: unknown): ActivityResult {
  const ctx = user.context;
  const task = creatableTask(deps, ctx);
  const layout = task ? composerLayout(deps, ctx, task, kind) : undefined;
  if (!task || !layout) return { ok: false, status: 403, failure: { pageErrors: [NO_TASKS], fieldErrors: {} } };
  let linkField: string | undefined;
  let id: string;
  try {
    // The record must be one the user can see; its layout says which lookup an activity uses.
    const record = deps.org.records.retrieve(ctx, object, recordId, ['Id'], UI_API_VERSION);
    id = String(record.Id);
    linkField = activityLinkField(deps.org.layouts.layoutFor(ctx, object, undefined, 'view').relatedLists);
  } catch (err) {
    if (isSalesforceError(err)) return { ok: false, status: 400, failure: toFormFailure(deps, ctx, task, err) };
    throw err;
  }
  if (!linkField) return { ok: false, status: 400, failure: { pageErrors: [`${object.labelPlural} have no activities.`], fieldErrors: {} } };
  const input = toRecordInput(layout, posted, 'create');
  const missing = missingRequired(task, layout, input, 'create');
  if (missing) return { ok: false, status: 400, failure: missing };
  input[linkField] = id;
  if (kind === 'call') Object.assign(input, callFields(task, user, deps.org.now()));
  try {
    const taskId = deps.org.records.create(ctx, task, input);
    return { ok: true, id: taskId, toast: `Task "${String(input.Subject)}" was created.` };
  } catch (err) {
    if (isSalesforceError(err)) return { ok: false, status: 400, failure: toFormFailure(deps, ctx, task, err) };
    throw err;
  }
}

function callFields(task: ObjectDef, user: UiUser, now: Date): Record<string, unknown> {
  const status = task.fieldsByLowerName.get('status')?.picklistValues?.filter((p) => p.active) ?? [];
  const closed = status.find((p) => p.value === 'Completed') ?? status.find((p) => p.attributes?.closed === true);
  const fields: Record<string, unknown> = {
    Status: closed?.value ?? 'Completed',
    ActivityDate: userToday(user.timeZone, now),
    OwnerId: user.context.userId,
  };
  if (task.fieldsByLowerName.get('tasksubtype')?.createable) fields.TaskSubtype = 'Call';
  return fields;
}
