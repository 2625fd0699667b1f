import type { FastifyInstance } from 'fastify';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { UI_API_VERSION, type UiDeps, uiState } from '../UiDeps.ts';
import { detailsEditForm } from '../inlineEdit/detailsEditForm.ts';
import { recordEditable } from '../inlineEdit/recordEditable.ts';
import { referenceNames } from '../records/referenceNames.ts';
import { sendFragment } from '../shell/pageShell.ts';

/**
 * Inline edit on the Details tab (Lightning's pencil buttons):
 *
 * GET /lightning/_ui/record/<Object>/<id>/details/edit   the Details in edit mode (fragment)
 *
 * Saving reuses the new/edit dialog's endpoint, POST /lightning/_ui/record/<Object>/<id>/update
 * (pages/recordFormPages.ts), which writes through RecordService as the user: what this form
 * offers is a convenience, the service decides.
 */
export function inlineEditRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/_ui/record/:object/:id/details/edit', async (req, reply) => {
    const ui = uiState(req);
    const user = ui.user.context;
    const { object: name, id } = req.params as { object: string; id: string };
    const text = (status: number, body: string) => reply.code(status).type('text/plain; charset=utf-8').send(body);
    const object = deps.org.records.findObject(user, name);
    if (!object) return text(404, 'Not found');
    let record: Record<string, unknown>;
    try {
      record = deps.org.records.retrieve(user, object, id, undefined, UI_API_VERSION);
    } catch (err) {
      if (isSalesforceError(err)) return text(404, 'Not found');
      throw err;
    }
    if (!recordEditable(deps, user, object, record)) return text(403, "You don't have access to edit this record. Ask your administrator for help.");
    const layout = deps.org.layouts.layoutFor(user, object, typeof record.RecordTypeId === 'string' ? record.RecordTypeId : undefined, 'view');
    const fields = layout.sections.flatMap((s) => s.items.map((i) => i.field));
    const recordId = String(record.Id);
    const base = `/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(recordId)}`;
    return sendFragment(
      reply,
      detailsEditForm({
        layout,
        ctx: { object, timeZone: ui.user.timeZone, values: record, references: referenceNames(deps, user, fields, record), idPrefix: 'ie-' },
        saveUrl: `${base}/update`,
        viewUrl: `${base}/details`,
      }),
    );
  });
}
