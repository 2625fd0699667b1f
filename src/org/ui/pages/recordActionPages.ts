import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ObjectDef } from '../../schema/types.ts';
import type { UserContext } from '../../service/UserContext.ts';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { UI_API_VERSION, type UiDeps, uiState } from '../UiDeps.ts';
import { COMPLETE_THIS_FIELD, type FormFailure, toFormFailure } from '../recordForms/formSave.ts';
import { namesOfIds } from '../records/referenceNames.ts';
import { objectHomeUrl } from '../records/recordUrls.ts';
import { isLookupTarget, lookupRecords } from '../recordActions/actionLookup.ts';
import { convertLead, isFormFailure, missingConvertFields, readConvertPost } from '../recordActions/convertLeadSubmit.ts';
import { type HeaderActions, headerActions } from '../recordActions/headerActions.ts';

/**
 * The record page's header actions beyond Edit and Delete: Convert (leads) and Change Owner.
 * A post is accepted only when the page would offer the action (headerActions: the layout, the
 * object permissions, the record's access), and then carried out by the services as the user:
 * LeadConverter (the SOAP convertLead's converter) and RecordService.update, which check again.
 *
 * POST /lightning/_ui/record/Lead/<id>/convert          ConvertPost → { account, contact, opportunity, leadsUrl } | 400 FormFailure
 * POST /lightning/_ui/record/<Object>/<id>/owner        { ownerId } → { toast } | 400 FormFailure
 * GET  /lightning/_ui/record-actions/lookup/<Target>?q=&accountId=   [{ id, name }] (Account, Contact, Opportunity, User)
 */

type ApiRecord = Record<string, unknown>;

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

const refuse = (reply: FastifyReply, message: string, fieldErrors: Record<string, string> = {}): FastifyReply =>
  sendJson(reply, 400, { pageErrors: [message], fieldErrors } satisfies FormFailure);

/** The record and what the page would offer on it, read as the user; undefined when the user cannot see it. */
function recordAndActions(deps: UiDeps, req: FastifyRequest): { object: ObjectDef; record: ApiRecord; actions: HeaderActions } | undefined {
  const user = uiState(req).user.context;
  const { object: name, id } = req.params as { object: string; id: string };
  const object = deps.org.records.findObject(user, name);
  if (!object) return undefined;
  let record: ApiRecord;
  try {
    record = deps.org.records.retrieve(user, object, id, undefined, UI_API_VERSION);
  } catch (err) {
    if (isSalesforceError(err)) return undefined;
    throw err;
  }
  const layout = deps.org.layouts.layoutFor(user, object, typeof record.RecordTypeId === 'string' ? record.RecordTypeId : undefined, 'view');
  return { object, record, actions: headerActions(deps, user, object, layout, record) };
}

const NO_ACCESS = "You don't have access to this record. Ask your administrator for help or to request access.";

function ownerName(deps: UiDeps, user: UserContext, ownerId: string): string {
  return namesOfIds(deps, user, [ownerId]).get(ownerId)?.name ?? 'the new owner';
}

export function recordActionRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.post('/_ui/record/:object/:id/convert', async (req, reply) => {
    const user = uiState(req).user.context;
    const found = recordAndActions(deps, req);
    if (!found) return refuse(reply, NO_ACCESS);
    const { object, record, actions } = found;
    if (object.name !== 'Lead') return refuse(reply, `${object.label} records can't be converted: only leads can.`);
    if (actions.converted) return refuse(reply, 'This lead was already converted. Open the records it became from the lead’s page.');
    if (!actions.convert) return refuse(reply, "You can't convert this lead. Ask your administrator for the Convert Leads permission and edit access to the lead.");
    const post = readConvertPost(req.body);
    const missing = missingConvertFields(post);
    if (missing) return sendJson(reply, 400, missing);
    const lead = { company: String(record.Company ?? ''), firstName: String(record.FirstName ?? ''), lastName: String(record.LastName ?? '') };
    const outcome = convertLead(deps, user, String(record.Id), lead, post);
    if (isFormFailure(outcome)) return sendJson(reply, 400, outcome);
    return sendJson(reply, 200, { ...outcome, leadsUrl: objectHomeUrl('Lead') });
  });

  app.post('/_ui/record/:object/:id/owner', async (req, reply) => {
    const user = uiState(req).user.context;
    const found = recordAndActions(deps, req);
    if (!found) return refuse(reply, NO_ACCESS);
    const { object, record, actions } = found;
    if (!actions.changeOwner) return refuse(reply, "You can't change the owner of this record. Ask its owner or your administrator to transfer it.");
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const ownerId = typeof body.ownerId === 'string' ? body.ownerId.trim() : '';
    if (!ownerId) return refuse(reply, 'Choose the new owner.', { ownerId: COMPLETE_THIS_FIELD });
    try {
      // "Send notification email" is accepted and ignored: the local org sends no email.
      deps.org.records.update(user, object, String(record.Id), { OwnerId: ownerId }, { useAssignmentRules: false });
    } catch (err) {
      if (!isSalesforceError(err)) throw err;
      const failure = toFormFailure(deps, user, object, err);
      const underOwner = failure.fieldErrors.OwnerId;
      return sendJson(reply, 400, { pageErrors: failure.pageErrors, fieldErrors: underOwner ? { ownerId: underOwner } : {} } satisfies FormFailure);
    }
    return sendJson(reply, 200, { toast: `Owner changed to ${ownerName(deps, user, ownerId)}.` });
  });

  app.get('/_ui/record-actions/lookup/:target', async (req, reply) => {
    const user = uiState(req).user.context;
    const { target } = req.params as { target: string };
    if (!isLookupTarget(target)) return sendJson(reply, 404, []);
    const query = req.query as { q?: string; accountId?: string };
    return sendJson(reply, 200, lookupRecords(deps, user, target, String(query.q ?? ''), query.accountId ? String(query.accountId) : undefined));
  });
}
