import type { FastifyInstance } from 'fastify';
import { type UiDeps, uiState } from '../UiDeps.ts';
import { createActivity } from '../activity/createActivity.ts';
import type { ComposerKind } from '../activity/composerLayouts.ts';

/**
 * The activity publisher's saves (the composers on the record page's Activity tab):
 *
 * POST /lightning/_ui/activity/<Object>/<id>/task   New Task: { fields } → { id, toast } | 4xx FormFailure
 * POST /lightning/_ui/activity/<Object>/<id>/call   Log a Call: the same, a completed call
 */
export function activityRoutes(app: FastifyInstance, deps: UiDeps): void {
  for (const kind of ['task', 'call'] as const satisfies readonly ComposerKind[]) {
    app.post(`/_ui/activity/:object/:id/${kind}`, async (req, reply) => {
      const ui = uiState(req);
      const { object: name, id } = req.params as { object: string; id: string };
      const object = deps.org.records.findObject(ui.user.context, name);
      const json = (status: number, body: unknown) => reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
      if (!object) return json(404, { pageErrors: ['Not found'], fieldErrors: {} });
      const result = createActivity(deps, ui.user, object, id, kind, req.body);
      return result.ok ? json(200, { id: result.id, toast: result.toast }) : json(result.status, result.failure);
    });
  }
}
