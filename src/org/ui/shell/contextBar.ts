import { type Html, html } from '../render/html.ts';
import type { NavItem } from './navItems.ts';

/**
 * The app bar: App Launcher (waffle), the app's name and the navigation landmark "Global" with
 * one link per tab. On phones (golive.css) the links collapse into a drawer that the header's
 * "Show Navigation Menu" button opens: the same landmark and links at every size, so locators
 * do not depend on the viewport.
 */
export function contextBar(items: NavItem[], activeKey: string | undefined): Html {
  return html`<div class="slds-context-bar gl-context-bar">
  <div class="slds-context-bar__primary">
    <div class="slds-context-bar__item slds-no-hover">
      <div class="slds-context-bar__icon-action">
        <button type="button" class="slds-button slds-icon-waffle_container slds-context-bar__button gl-waffle" aria-haspopup="dialog" data-gl-dialog-open="gl-app-launcher">
          <span class="slds-icon-waffle" aria-hidden="true">${['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'].map((r) => html`<span class="slds-${r}"></span>`)}</span>
          <span class="slds-assistive-text">App Launcher</span>
        </button>
      </div>
      <span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate" title="Sales">Sales</span></span>
    </div>
  </div>
  <nav class="slds-context-bar__secondary gl-global-nav" id="gl-global-nav" aria-label="Global">
    <ul class="slds-grid gl-global-nav__list">
      ${items.map((item) => {
        const active = item.key === activeKey;
        return html`<li class="slds-context-bar__item${active ? ' slds-is-active' : ''}">
        <a href="${item.href}" class="slds-context-bar__label-action"${active ? html` aria-current="page"` : ''}><span class="slds-truncate" title="${item.label}">${item.label}</span></a>
      </li>`;
      })}
    </ul>
  </nav>
</div>`;
}
