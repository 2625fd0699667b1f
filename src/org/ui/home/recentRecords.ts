import { isSalesforceError } from '../../errors/SalesforceError.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { UI_API_VERSION, type UiDeps } from '../UiDeps.ts';
import { objectIconName, standardIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import { recordViewUrl } from '../records/recordUrls.ts';
import { soqlString } from '../records/soqlLiteral.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { navItemsFor } from '../shell/navItems.ts';

const SHOWN = 10;

interface RecentEntry {
  object: ObjectDef;
  id: string;
  name: string;
  at: number;
}

/**
 * Home's "Recent Records": what the user viewed (RecentItems) or last modified (LastModifiedById,
 * per Sales app object), newest first. Names are read back with SOQL as the user, so records
 * the user can no longer see drop out.
 */
export function renderRecentRecords(deps: UiDeps, ui: UiRequestState): Html {
  const user = ui.user.context;
  const objects = navItemsFor(deps, ui.user)
    .map((item) => deps.org.records.findObject(user, item.key))
    .filter((o): o is ObjectDef => o !== undefined);
  const byId = new Map<string, RecentEntry>();
  const keep = (e: RecentEntry) => {
    const known = byId.get(e.id);
    if (!known || known.at < e.at) byId.set(e.id, e);
  };
  const query = (soql: string) => deps.org.query.query(user, soql, { includeDeleted: false, apiVersion: UI_API_VERSION }).records;

  try {
    const viewed = deps.recent.list(user.userId, undefined, 50);
    for (const object of objects) {
      const ids = viewed.filter((v) => v.objectName === object.name);
      if (ids.length > 0) {
        const at = new Map(ids.map((v) => [v.recordId, v.viewedAt]));
        for (const r of query(`SELECT Id, ${object.nameField} FROM ${object.name} WHERE Id IN (${ids.map((v) => soqlString(v.recordId)).join(', ')})`)) {
          keep({ object, id: String(r.Id), name: String(r[object.nameField] ?? r.Id), at: at.get(String(r.Id)) ?? 0 });
        }
      }
      for (const r of query(
        `SELECT Id, ${object.nameField}, LastModifiedDate FROM ${object.name} WHERE LastModifiedById = ${soqlString(user.userId)} ORDER BY LastModifiedDate DESC LIMIT ${SHOWN}`,
      )) {
        keep({ object, id: String(r.Id), name: String(r[object.nameField] ?? r.Id), at: Date.parse(String(r.LastModifiedDate).replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) || 0 });
      }
    }
  } catch (err) {
    if (!isSalesforceError(err)) throw err;
    return html`<p class="slds-text-color_error" role="alert">Recent records can't be displayed: ${err.message}</p>`;
  }
  const entries = [...byId.values()].sort((a, b) => b.at - a.at).slice(0, SHOWN);
  if (entries.length === 0) return html`<p class="slds-text-color_weak gl-empty">No recent records.</p>`;
  return html`<ul class="slds-has-dividers_bottom-space gl-recent-list">${entries.map(
    (e) => html`<li class="slds-item gl-recent"><span class="gl-recent__icon">${standardIcon(objectIconName(e.object.name), { size: 'x-small', label: e.object.label })}</span><a href="${recordViewUrl(e.object.name, e.id)}">${e.name}</a></li>`,
  )}</ul>`;
}
