import type { PageLayout } from '../../layouts/pageLayout.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { UiDeps } from '../UiDeps.ts';
import { type FieldContext, formField } from '../recordForms/formFields.ts';
import { referenceNames } from '../records/referenceNames.ts';
import { snagList } from '../fields/fieldControls.ts';
import { type Html, html } from '../render/html.ts';
import type { UiUser } from '../session/UiSessions.ts';
import { COMPOSER_TITLES, type ComposerKind, composerDefaults, composerLayout } from './composerLayouts.ts';

/** Where a composer posts: pages/activityPages.ts. */
export const composerSaveUrl = (objectName: string, recordId: string, kind: ComposerKind): string =>
  `/lightning/_ui/activity/${encodeURIComponent(objectName)}/${encodeURIComponent(recordId)}/${kind}`;

/**
 * Lightning's activity publisher above the timeline: "Log a Call" and "New Task" buttons, each
 * opening its composer below (aria-expanded / aria-controls), one at a time. A composer is a form
 * named by its title with the dialog's field controls and error regions; assets/record/
 * activityComposer.js posts it and refreshes the timeline. The caller has checked that the user
 * may create tasks (composerLayouts.creatableTask).
 */
export function activityPublisher(deps: UiDeps, user: UiUser, task: ObjectDef, objectName: string, recordId: string): Html {
  const composers = (['call', 'task'] as const).flatMap((kind) => {
    const layout = composerLayout(deps, user.context, task, kind);
    return layout ? [{ kind, layout }] : [];
  });
  if (composers.length === 0) return html``;
  return html`<div class="gl-activity-publisher slds-m-bottom_small">
  <ul class="slds-button-group-list gl-activity-publisher__actions" aria-label="Activity actions">
    ${composers.map(({ kind }) => html`<li><button type="button" class="slds-button slds-button_neutral" aria-expanded="false" aria-controls="gl-composer-${kind}" data-gl-composer-toggle>${COMPOSER_TITLES[kind]}</button></li>`)}
  </ul>
  ${composers.map(({ kind, layout }) => composer(deps, user, task, objectName, recordId, kind, layout))}
</div>`;
}

function composer(deps: UiDeps, user: UiUser, task: ObjectDef, objectName: string, recordId: string, kind: ComposerKind, layout: PageLayout): Html {
  const values = composerDefaults(task, kind, user.context.userId);
  const items = layout.sections[0].items;
  const ctx: FieldContext = {
    object: task,
    timeZone: user.timeZone,
    values,
    references: referenceNames(deps, user.context, items.map((i) => i.field), values),
    idPrefix: `${kind}-`,
  };
  const headingId = `gl-composer-${kind}-heading`;
  return html`<form class="slds-box slds-m-top_small gl-composer" id="gl-composer-${kind}" aria-labelledby="${headingId}" novalidate hidden data-gl-activity-form data-save-url="${composerSaveUrl(objectName, recordId, kind)}">
  <h3 class="slds-text-heading_small slds-m-bottom_small" id="${headingId}">${COMPOSER_TITLES[kind]}</h3>
  ${snagList({ className: 'slds-m-bottom_small' })}
  ${items.map((item) => html`<div class="slds-p-vertical_xx-small">${formField(item, ctx)}</div>`)}
  <div class="slds-m-top_small slds-text-align_right">
    <button type="button" class="slds-button slds-button_brand" data-gl-composer-save>Save</button>
  </div>
</form>`;
}
