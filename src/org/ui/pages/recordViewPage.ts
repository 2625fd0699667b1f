import type { FastifyInstance } from 'fastify';
import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { toId18 } from '../../ids/salesforceId.ts';
import { UI_API_VERSION, type UiDeps, uiState } from '../UiDeps.ts';
import { buttonIcon } from '../components/icon.ts';
import { pageHeader } from '../components/pageHeader.ts';
import { lazyRegion } from '../components/lazyRegion.ts';
import { uiFieldLabel } from '../fields/uiFieldLabel.ts';
import { type Html, html } from '../render/html.ts';
import { objectNameOfId } from '../records/objectOfId.ts';
import { recordDetails } from '../records/recordDetails.ts';
import { recordEditable } from '../inlineEdit/recordEditable.ts';
import { recordPath } from '../records/recordPath.ts';
import { relatedListsOf } from '../records/relatedLists.ts';
import { activityTimeline } from '../records/activityTimeline.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { type ReferenceName, referenceNames } from '../records/referenceNames.ts';
import { displayValue } from '../recordForms/formFields.ts';
import { convertedLeadNotice } from '../recordActions/convertedLeadNotice.ts';
import { headerActionBar } from '../recordActions/headerActionBar.ts';
import { headerActions } from '../recordActions/headerActions.ts';
import { RECORD_ACTION_SCRIPTS, recordActionDialogs } from '../recordActions/recordActionDialogs.ts';
import { trackRecordView } from '../recent/trackRecordView.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { renderPage, sendFragment, sendHtml } from '../shell/pageShell.ts';
import { isNoAccessError, sendNoAccessPage } from './noAccessPage.ts';
import { sendNotFoundPage } from './notFoundPage.ts';

type ApiRecord = Record<string, unknown>;

/** The record's name as Lightning titles it (the name field; the id if it has none). */
export function recordTitle(object: ObjectDef, record: ApiRecord): string {
  return String(record[object.nameField] ?? record.Id);
}

const PAGE_SCRIPTS = ['/assets/golive/record/recordPage.js', '/assets/golive/record/activityComposer.js', '/assets/golive/record/inlineEdit.js'];

/** The view layout for the record's record type. */
function viewLayout(deps: UiDeps, ui: UiRequestState, object: ObjectDef, record: ApiRecord): PageLayout {
  return deps.org.layouts.layoutFor(ui.user.context, object, typeof record.RecordTypeId === 'string' ? record.RecordTypeId : undefined, 'view');
}

const detailsUrl = (object: ObjectDef, id: string): string => `/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(id)}/details`;

/**
 * The record page: the highlights panel (icon, object label, name as the heading, the actions
 * the layout and the user's permissions allow, a few key fields) and the Details tab with the
 * layout's sections, loaded behind the spinner when realism is on. The Edit page reuses the body
 * under its dialog. Delete asks in a dialog, then assets/record/recordPage.js posts it; Convert
 * and Change Owner are recordActions/ (a converted lead shows what it became instead of the Path).
 */
export function recordPageBody(deps: UiDeps, ui: UiRequestState, object: ObjectDef, record: ApiRecord): Html {
  const id = String(record.Id);
  const title = recordTitle(object, record);
  const layout = viewLayout(deps, ui, object, record);
  const allowed = headerActions(deps, ui.user.context, object, layout, record);
  const highlights = highlightItems(object, layout);
  const refs = referenceNames(deps, ui.user.context, highlights.map((i) => i.field), record);
  return html`<div class="gl-record-page">
  ${pageHeader({
    variant: 'record-home',
    objectName: object.name,
    heading: html`<h1><span class="slds-text-body_small">${object.label}</span><span class="slds-page-header__title slds-truncate" title="${title}">${title}</span></h1>`,
    actions: html`<div class="slds-page-header__control">${headerActionBar(object, id, layout, allowed)}</div>`,
    below:
      highlights.length > 0
        ? html`<div class="slds-page-header__row slds-page-header__row_gutters"><div class="slds-page-header__col-details">
      <ul class="slds-page-header__detail-row gl-highlights" aria-label="Highlights">
        ${highlights.map((i) => html`<li class="slds-page-header__detail-block"><div class="slds-text-title slds-truncate">${uiFieldLabel(object, i.field)}</div><div class="slds-truncate">${displayValue(i.field, record[i.field.name], { timeZone: ui.user.timeZone, references: refs }, (r: ReferenceName) => recordViewUrl(r.objectName, r.id))}</div></li>`)}
      </ul>
    </div></div>`
        : undefined,
  })}
  ${allowed.converted ? convertedLeadNotice(deps, ui.user.context, object, record, ui.user.timeZone) : recordPath(object, layout, record, `/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(id)}/update`)}
  <div class="slds-tabs_default slds-card slds-m-top_small gl-record-tabs">
    <ul class="slds-tabs_default__nav" role="tablist">
      <li class="slds-tabs_default__item slds-is-active" role="presentation"><a class="slds-tabs_default__link" role="tab" href="#gl-tab-details" id="gl-tab-details-label" aria-selected="true" aria-controls="gl-tab-details" tabindex="0" data-gl-tab>Details</a></li>
      <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" role="tab" href="#gl-tab-related" id="gl-tab-related-label" aria-selected="false" aria-controls="gl-tab-related" tabindex="-1" data-gl-tab>Related</a></li>
      <li class="slds-tabs_default__item" role="presentation"><a class="slds-tabs_default__link" role="tab" href="#gl-tab-activity" id="gl-tab-activity-label" aria-selected="false" aria-controls="gl-tab-activity" tabindex="-1" data-gl-tab>Activity</a></li>
    </ul>
    <div id="gl-tab-details" class="slds-tabs_default__content slds-show slds-p-horizontal_small" role="tabpanel" aria-labelledby="gl-tab-details-label">
      ${lazyRegion(deps.settings.realism, { url: detailsUrl(object, id), render: () => detailsOf(deps, ui, object, layout, record), className: 'gl-details-region' })}
    </div>
    <div id="gl-tab-related" class="slds-tabs_default__content slds-p-horizontal_small" role="tabpanel" aria-labelledby="gl-tab-related-label" hidden>
      ${lazyRegion(deps.settings.realism, { url: `${detailsUrl(object, id).replace(/details$/, 'related')}`, render: () => relatedListsOf(deps, ui.user, layout.relatedLists, id), className: 'gl-related-region' })}
    </div>
    <div id="gl-tab-activity" class="slds-tabs_default__content slds-p-horizontal_small" role="tabpanel" aria-labelledby="gl-tab-activity-label" hidden>
      ${lazyRegion(deps.settings.realism, { url: `${detailsUrl(object, id).replace(/details$/, 'activity')}`, render: () => activityTimeline(deps, ui.user, layout.relatedLists, id), className: 'gl-activity-region' })}
    </div>
  </div>
  ${allowed.delete ? deleteDialog(object, id) : ''}
  ${recordActionDialogs(deps, ui, object, record, allowed)}
</div>`;
}

/** Key fields for the highlights panel: the first few of the layout's first section (Lightning's compact layout is not emulated). */
function highlightItems(object: ObjectDef, layout: PageLayout) {
  const first = layout.sections[0]?.items ?? [];
  return first.filter((i) => i.field.name !== object.nameField && !i.compound && i.field.type !== 'textarea').slice(0, 4);
}

function detailsOf(deps: UiDeps, ui: UiRequestState, object: ObjectDef, layout: PageLayout, record: ApiRecord): Html {
  const fields = layout.sections.flatMap((s) => s.items.map((i) => i.field));
  return recordDetails(object, layout, record, ui.user.timeZone, referenceNames(deps, ui.user.context, fields, record), recordEditable(deps, ui.user.context, object, record));
}

function deleteDialog(object: ObjectDef, id: string): Html {
  return html`<div class="gl-dialog" id="gl-delete-dialog" hidden data-gl-dialog>
  <section role="dialog" tabindex="-1" aria-modal="true" aria-labelledby="gl-delete-heading" aria-describedby="gl-delete-text" class="slds-modal slds-fade-in-open slds-modal_prompt">
    <div class="slds-modal__container">
      <button type="button" class="slds-button slds-button_icon slds-modal__close" data-gl-dialog-close>${buttonIcon('close', 'slds-button__icon_large')}<span class="slds-assistive-text">Close</span></button>
      <div class="slds-modal__header"><h2 id="gl-delete-heading" class="slds-modal__title">Delete ${object.label}?</h2></div>
      <div class="slds-modal__content slds-p-around_medium"><p id="gl-delete-text">Are you sure you want to delete this ${object.label.toLowerCase()}?</p></div>
      <div class="slds-modal__footer">
        <button type="button" class="slds-button slds-button_neutral" data-gl-dialog-close>Cancel</button>
        <button type="button" class="slds-button slds-button_brand" data-gl-record-delete="/lightning/_ui/record/${encodeURIComponent(object.name)}/${encodeURIComponent(id)}/delete">Delete</button>
      </div>
    </div>
  </section>
  <div class="slds-backdrop slds-backdrop_open" role="presentation" data-gl-dialog-close></div>
</div>`;
}

/** Reads the record as the user, or answers with the insufficient-privileges page. */
function readRecord(deps: UiDeps, ui: UiRequestState, object: ObjectDef, id: string): ApiRecord | undefined {
  try {
    return deps.org.records.retrieve(ui.user.context, object, id, undefined, UI_API_VERSION);
  } catch (err) {
    if (isSalesforceError(err) && isNoAccessError(err)) return undefined;
    throw err;
  }
}

export function recordViewRoutes(app: FastifyInstance, deps: UiDeps): void {
  app.get('/r/:object/:id/view', async (req, reply) => {
    const ui = uiState(req);
    const { object: name, id } = req.params as { object: string; id: string };
    const object = deps.org.records.findObject(ui.user.context, name);
    if (!object) return sendNotFoundPage(deps, req, reply);
    const record = readRecord(deps, ui, object, id);
    if (!record) return sendNoAccessPage(deps, req, reply);
    trackRecordView(deps, ui.user, object.name, String(record.Id));
    const title = recordTitle(object, record);
    const body = recordPageBody(deps, ui, object, record);
    return sendHtml(reply, renderPage(deps, ui, { title: `${title} | ${object.label}`, activeNav: object.name, body, scripts: [...PAGE_SCRIPTS, ...RECORD_ACTION_SCRIPTS] }));
  });

  app.get('/_ui/record/:object/:id/details', async (req, reply) => {
    const ui = uiState(req);
    const { object: name, id } = req.params as { object: string; id: string };
    const object = deps.org.records.findObject(ui.user.context, name);
    const record = object ? readRecord(deps, ui, object, id) : undefined;
    if (!object || !record) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return sendFragment(reply, detailsOf(deps, ui, object, viewLayout(deps, ui, object, record), record));
  });

  app.get('/_ui/record/:object/:id/related', async (req, reply) => {
    const ui = uiState(req);
    const { object: name, id } = req.params as { object: string; id: string };
    const object = deps.org.records.findObject(ui.user.context, name);
    const record = object ? readRecord(deps, ui, object, id) : undefined;
    if (!object || !record) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return sendFragment(reply, relatedListsOf(deps, ui.user, viewLayout(deps, ui, object, record).relatedLists, String(record.Id)));
  });

  app.get('/_ui/record/:object/:id/activity', async (req, reply) => {
    const ui = uiState(req);
    const { object: name, id } = req.params as { object: string; id: string };
    const object = deps.org.records.findObject(ui.user.context, name);
    const record = object ? readRecord(deps, ui, object, id) : undefined;
    if (!object || !record) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return sendFragment(reply, activityTimeline(deps, ui.user, viewLayout(deps, ui, object, record).relatedLists, String(record.Id)));
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
