import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { UI_API_VERSION, type UiDeps, uiState } from '../UiDeps.ts';
import { html } from '../render/html.ts';
import { objectHomeUrl, recordViewUrl } from '../records/recordUrls.ts';
import { referenceNames } from '../records/referenceNames.ts';
import { soqlContains } from '../records/soqlLiteral.ts';
import { lookupTarget } from '../recordForms/formFields.ts';
import { recordDialog } from '../recordForms/recordDialog.ts';
import { type FormFailure, missingRequired, saveOptions, toFormFailure, toRecordInput } from '../recordForms/formSave.ts';
import { renderPage, sendHtml } from '../shell/pageShell.ts';
import { isNoAccessError, sendNoAccessPage } from './noAccessPage.ts';
import { sendNotFoundPage } from './notFoundPage.ts';
import { recordPageBody, recordTitle } from './recordViewPage.ts';

/**
 * New and Edit (Lightning's record-edit modal) and the JSON endpoints the dialog and the record
 * page post to. Every write is RecordService as the signed-in user, so validation rules,
 * duplicate rules, flows and sharing apply exactly as through the API.
 *
 * GET  /lightning/o/<Object>/new                     New <Object> dialog (layout 'create')
 * GET  /lightning/r/<Object>/<id>/edit               the record page with Edit <name> open (layout 'edit')
 * POST /lightning/_ui/record/<Object>/create         { fields } → { id, url, toast } | 400 FormFailure
 * POST /lightning/_ui/record/<Object>/<id>/update    the same, RecordService.update
 * POST /lightning/_ui/record/<Object>/<id>/delete    → { url, toast } | 400 FormFailure
 * GET  /lightning/_ui/lookup/<Object>/<field>?q=     lookup suggestions [{ id, name }] (≥ 2 characters)
 */

const FORM_SCRIPTS = ['/assets/golive/record/recordForm.js', '/assets/golive/record/recordPage.js'];

type ObjectParams = { object: string; id?: string };

function objectOf(deps: UiDeps, req: FastifyRequest): ObjectDef | undefined {
  return deps.org.records.findObject(uiState(req).user.context, (req.params as ObjectParams).object);
}

/** A layout, or undefined when the user may not create/edit the object (the page says so). */
function layoutOrNone(deps: UiDeps, req: FastifyRequest, object: ObjectDef, mode: 'create' | 'edit', recordTypeId?: string): PageLayout | undefined {
  try {
    return deps.org.layouts.layoutFor(uiState(req).user.context, object, recordTypeId, mode);
  } catch (err) {
    if (isSalesforceError(err) && isNoAccessError(err)) return undefined;
    throw err;
  }
}

/** The values a new record starts with in the dialog: picklist and checkbox defaults, the user as owner. */
function createDefaults(object: ObjectDef, userId: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of object.fields) {
    if (f.type === 'picklist') {
      const def = f.picklistValues?.find((p) => p.active && p.defaultValue);
      if (def) values[f.name] = def.value;
    } else if (f.type === 'boolean') values[f.name] = f.defaultValue === true || f.defaultValue === 'true';
  }
  if (object.fieldsByLowerName.has('ownerid')) values.OwnerId = userId;
  return values;
}

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function sendFailure(reply: FastifyReply, failure: FormFailure): FastifyReply {
  return sendJson(reply, 400, failure);
}

/** The saved record's name for the toast: read back as the user (derived names like a lead's), else what was typed. */
function savedName(deps: UiDeps, req: FastifyRequest, object: ObjectDef, id: string, input: Record<string, unknown>): string {
  try {
    const rec = deps.org.records.retrieve(uiState(req).user.context, object, id, [object.nameField], UI_API_VERSION);
    return String(rec[object.nameField] ?? id);
  } catch {
    // Assignment rules may have given the record to someone the user cannot see it through.
    return String(input[object.nameField] ?? input.LastName ?? id);
  }
}

export function recordFormRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/o/:object/new', async (req, reply) => {
    const ui = uiState(req);
    const object = objectOf(deps, req);
    if (!object) return sendNotFoundPage(deps, req, reply);
    const layout = layoutOrNone(deps, req, object, 'create');
    if (!layout) return sendNoAccessPage(deps, req, reply);
    const values = createDefaults(object, ui.user.context.userId);
    const ctx = { object, timeZone: ui.user.timeZone, values, references: referenceNames(deps, ui.user.context, object.fields, values) };
    const body = html`<div class="gl-object-home gl-record-new"></div>${recordDialog({
      mode: 'create',
      title: `New ${object.label}`,
      layout,
      ctx,
      saveUrl: `/lightning/_ui/record/${encodeURIComponent(object.name)}/create`,
      cancelUrl: objectHomeUrl(object.name),
    })}`;
    return sendHtml(reply, renderPage(deps, ui, { title: `New ${object.label}`, activeNav: object.name, body, scripts: FORM_SCRIPTS }));
  });

  app.get('/r/:object/:id/edit', async (req, reply) => {
    const ui = uiState(req);
    const object = objectOf(deps, req);
    if (!object) return sendNotFoundPage(deps, req, reply);
    const { id } = req.params as { id: string };
    let record;
    try {
      record = deps.org.records.retrieve(ui.user.context, object, id, undefined, UI_API_VERSION);
    } catch (err) {
      if (isSalesforceError(err) && isNoAccessError(err)) return sendNoAccessPage(deps, req, reply);
      throw err;
    }
    const layout = layoutOrNone(deps, req, object, 'edit', typeof record.RecordTypeId === 'string' ? record.RecordTypeId : undefined);
    if (!layout) return sendNoAccessPage(deps, req, reply);
    const ctx = { object, timeZone: ui.user.timeZone, values: record, references: referenceNames(deps, ui.user.context, object.fields, record) };
    const title = recordTitle(object, record);
    const body = html`${recordPageBody(deps, ui, object, record)}${recordDialog({
      mode: 'edit',
      title: `Edit ${title}`,
      layout,
      ctx,
      saveUrl: `/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(String(record.Id))}/update`,
      cancelUrl: recordViewUrl(object.name, String(record.Id)),
    })}`;
    return sendHtml(reply, renderPage(deps, ui, { title: `Edit ${title} | ${object.label}`, activeNav: object.name, body, scripts: FORM_SCRIPTS }));
  });

  app.post('/_ui/record/:object/create', async (req, reply) => {
    const user = uiState(req).user.context;
    const object = objectOf(deps, req);
    if (!object) return sendJson(reply, 404, { pageErrors: ['Not found'], fieldErrors: {} });
    const layout = layoutOrNone(deps, req, object, 'create');
    if (!layout) return sendFailure(reply, { pageErrors: ['insufficient access rights on object id'], fieldErrors: {} });
    const input = toRecordInput(layout, req.body, 'create');
    const missing = missingRequired(object, layout, input, 'create');
    if (missing) return sendFailure(reply, missing);
    let id: string;
    try {
      id = deps.org.records.create(user, object, input, saveOptions(layout, req.body));
    } catch (err) {
      if (isSalesforceError(err)) return sendFailure(reply, toFormFailure(deps, user, object, err));
      throw err;
    }
    const name = savedName(deps, req, object, id, input);
    return sendJson(reply, 200, { id, url: recordViewUrl(object.name, id), toast: `${object.label} "${name}" was created.` });
  });

  app.post('/_ui/record/:object/:id/update', async (req, reply) => {
    const user = uiState(req).user.context;
    const object = objectOf(deps, req);
    if (!object) return sendJson(reply, 404, { pageErrors: ['Not found'], fieldErrors: {} });
    const { id } = req.params as { id: string };
    let current;
    try {
      current = deps.org.records.retrieve(user, object, id, undefined, UI_API_VERSION);
    } catch (err) {
      if (isSalesforceError(err)) return sendFailure(reply, toFormFailure(deps, user, object, err));
      throw err;
    }
    const layout = layoutOrNone(deps, req, object, 'edit', typeof current.RecordTypeId === 'string' ? current.RecordTypeId : undefined);
    if (!layout) return sendFailure(reply, { pageErrors: ['insufficient access rights on object id'], fieldErrors: {} });
    const input = toRecordInput(layout, req.body, 'edit');
    const missing = missingRequired(object, layout, input, 'edit', current);
    if (missing) return sendFailure(reply, missing);
    try {
      deps.org.records.update(user, object, id, input, saveOptions(layout, req.body));
    } catch (err) {
      if (isSalesforceError(err)) return sendFailure(reply, toFormFailure(deps, user, object, err));
      throw err;
    }
    const saved = String(current.Id);
    const name = savedName(deps, req, object, saved, input);
    return sendJson(reply, 200, { id: saved, url: recordViewUrl(object.name, saved), toast: `${object.label} "${name}" was saved.` });
  });

  app.post('/_ui/record/:object/:id/delete', async (req, reply) => {
    const user = uiState(req).user.context;
    const object = objectOf(deps, req);
    if (!object) return sendJson(reply, 404, { pageErrors: ['Not found'], fieldErrors: {} });
    const { id } = req.params as { id: string };
    try {
      const record = deps.org.records.retrieve(user, object, id, [object.nameField], UI_API_VERSION);
      deps.org.records.delete(user, object, id);
      return sendJson(reply, 200, { url: objectHomeUrl(object.name), toast: `${object.label} "${recordTitle(object, record)}" was deleted.` });
    } catch (err) {
      if (isSalesforceError(err)) return sendFailure(reply, toFormFailure(deps, user, object, err));
      throw err;
    }
  });

  app.get('/_ui/lookup/:object/:field', async (req, reply) => {
    const user = uiState(req).user.context;
    const object = objectOf(deps, req);
    const { field: fieldName } = req.params as { field: string };
    const field = object ? deps.org.records.readableFields(user, object).find((f) => f.name.toLowerCase() === fieldName.toLowerCase()) : undefined;
    const target = field?.type === 'reference' ? deps.org.records.findObject(user, lookupTarget(field)) : undefined;
    const term = String((req.query as { q?: string }).q ?? '').trim();
    if (!target) return sendJson(reply, 404, []);
    if (term.length < 2) return sendJson(reply, 200, []);
    // QueryService as the user: only records the user may see are suggested.
    const soql = `SELECT Id, ${target.nameField} FROM ${target.name} WHERE ${target.nameField} LIKE ${soqlContains(term)} ORDER BY ${target.nameField} LIMIT 10`;
    const page = deps.org.query.query(user, soql, { includeDeleted: false, apiVersion: UI_API_VERSION });
    return sendJson(
      reply,
      200,
      (page.records as Array<Record<string, unknown>>).map((r) => ({ id: String(r.Id), name: String(r[target.nameField] ?? '') })),
    );
  });
}
