import type { FastifyInstance } from 'fastify';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { toId18 } from '../../ids/salesforceId.ts';
import { UI_API_VERSION, type UiDeps, uiState } from '../UiDeps.ts';
import { objectIconName, standardIcon } from '../components/icon.ts';
import { formatValue } from '../fields/formatValue.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { html } from '../render/html.ts';
import { objectNameOfId } from '../records/objectOfId.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { trackRecordView } from '../recent/trackRecordView.ts';
import { renderPage, sendHtml } from '../shell/pageShell.ts';
import { isNoAccessError, sendNoAccessPage } from './noAccessPage.ts';
import { sendNotFoundPage } from './notFoundPage.ts';

/** System fields the details section leaves out (Lightning shows them in the footer or not at all). */
const HIDDEN = new Set(['Id', 'IsDeleted', 'SystemModstamp']);

/**
 * A MINIMAL record page: header and a read-only list of the fields the user may read. It exists
 * so that links from lists, search and home lead somewhere, that opening a record feeds
 * "recently viewed", and that a record the user cannot see gets the insufficient-privileges
 * page. The full record page (highlights, layout sections, related lists, actions) replaces the
 * body of this module; keep the three behaviours above.
 */
export function recordViewRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/r/:object/:id/view', async (req, reply) => {
    const ui = uiState(req);
    const { object: name, id } = req.params as { object: string; id: string };
    const object = deps.org.records.findObject(ui.user.context, name);
    if (!object) return sendNotFoundPage(deps, req, reply);
    let record;
    try {
      record = deps.org.records.retrieve(ui.user.context, object, id, undefined, UI_API_VERSION);
    } catch (err) {
      if (isSalesforceError(err) && isNoAccessError(err)) return sendNoAccessPage(deps, req, reply);
      throw err;
    }
    trackRecordView(deps, ui.user, object.name, String(record.Id));
    const fields = deps.org.records.readableFields(ui.user.context, object).filter((f) => !HIDDEN.has(f.name));
    const title = String(record[object.nameField] ?? record.Id);
    const body = html`<div class="gl-record-page">
  <div class="slds-page-header slds-page-header_record-home gl-page-header">
    <div class="slds-page-header__row">
      <div class="slds-page-header__col-title">
        <div class="slds-media">
          <div class="slds-media__figure">${standardIcon(objectIconName(object.name), { size: 'small' })}</div>
          <div class="slds-media__body">
            <div class="slds-page-header__name">
              <div class="slds-page-header__name-title">
                <h1><span class="slds-text-body_small">${object.label}</span><span class="slds-page-header__title slds-truncate" title="${title}">${title}</span></h1>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
  <section class="slds-card gl-record-details" aria-labelledby="gl-details-heading">
    <div class="slds-card__header"><h2 class="slds-card__header-title" id="gl-details-heading">Details</h2></div>
    <div class="slds-card__body slds-card__body_inner">
      <dl class="slds-dl_horizontal gl-details">
        ${fields.map(
          (f) => html`<dt class="slds-dl_horizontal__label">${uiFieldLabel(object, f)}</dt><dd class="slds-dl_horizontal__detail">${formatValue(f, record[f.name], ui.user.timeZone)}</dd>`,
        )}
      </dl>
    </div>
  </section>
</div>`;
    return sendHtml(reply, renderPage(deps, ui, { title: `${title} | ${object.label}`, activeNav: object.name, body }));
  });

  // Lightning also opens /lightning/r/<id>/view: the object comes from the id's key prefix.
  app.get('/r/:id/view', async (req, reply) => {
    const { id } = req.params as { id: string };
    const full = toId18(id);
    const objectName = full ? objectNameOfId(deps, full) : undefined;
    if (!objectName) return sendNoAccessPage(deps, req, reply);
    return reply.redirect(recordViewUrl(objectName, id), 302);
  });
}
