import { buttonIcon, utilityIcon } from '../components/icon.ts';
import { type Html, html } from '../render/html.ts';
import type { UiRequestState } from '../session/UiSessions.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * The global header: navigation menu button (phones only), logo, the search combobox and the
 * user menu. The search box is a real GET form to /lightning/search (works without script); the
 * client script (assets/lib/searchBox.js) adds the suggestion listbox as the user types.
 */
export function globalHeader(state: UiRequestState, searchTerm = ''): Html {
  const { user } = state;
  return html`<div class="slds-global-header slds-grid slds-grid_align-spread gl-global-header">
  <div class="slds-global-header__item gl-global-header__start">
    <button type="button" class="slds-button slds-button_icon slds-button_icon-container gl-nav-toggle" aria-expanded="false" aria-controls="gl-global-nav" aria-label="Show Navigation Menu" data-gl-nav-toggle>${buttonIcon('rows')}</button>
    <a class="gl-logo" href="/lightning/page/home"><img src="/assets/slds/images/logo-noname.svg" alt="Home" width="41" height="28"></a>
  </div>
  <div class="slds-global-header__item slds-global-header__item_search gl-search">
    <form role="search" aria-label="Global" action="/lightning/search" method="get" class="gl-search__form">
      <div class="slds-form-element">
        <label class="slds-form-element__label slds-assistive-text" for="gl-search-input">Search</label>
        <div class="slds-form-element__control">
          <div class="slds-combobox_container">
            <div class="slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click" data-gl-search>
              <div class="slds-combobox__form-element slds-input-has-icon slds-input-has-icon_left" role="none">
                ${utilityIcon('search', 'slds-icon slds-input__icon slds-input__icon_left slds-icon-text-default')}
                <input type="search" id="gl-search-input" name="q" value="${searchTerm}" class="slds-input slds-combobox__input" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="gl-search-listbox" aria-haspopup="listbox" autocomplete="off" placeholder="Search...">
              </div>
              <div id="gl-search-listbox" class="slds-dropdown slds-dropdown_fluid slds-dropdown_length-with-icon-7" role="listbox" aria-label="Search suggestions"></div>
            </div>
          </div>
        </div>
      </div>
    </form>
  </div>
  <div class="slds-global-header__item">
    <ul class="slds-global-actions">
      <li class="slds-global-actions__item">
        <div class="slds-dropdown-trigger slds-dropdown-trigger_click gl-user-menu" data-gl-menu>
          <button type="button" class="slds-button slds-global-actions__avatar gl-user-menu__button" aria-haspopup="menu" aria-expanded="false" aria-controls="gl-user-menu" aria-label="${user.name}">
            <span class="slds-avatar slds-avatar_circle slds-avatar_medium" aria-hidden="true"><abbr class="slds-avatar__initials slds-icon-standard-user" title="${user.name}">${initials(user.name)}</abbr></span>
          </button>
          <div class="slds-dropdown slds-dropdown_right gl-user-menu__panel" id="gl-user-menu">
            <div class="gl-user-menu__card">
              <p class="slds-text-heading_small">${user.name}</p>
              <p class="slds-text-body_small slds-text-color_weak">${user.context.username}</p>
            </div>
            <ul class="slds-dropdown__list" role="menu" aria-label="${user.name}">
              <li class="slds-dropdown__item" role="presentation">
                <form method="post" action="/secur/logout.jsp" class="gl-menu-form">
                  <input type="hidden" name="_csrf" value="${state.csrfToken}">
                  <button type="submit" role="menuitem" class="slds-button gl-menuitem" tabindex="-1">${buttonIcon('logout', 'slds-button__icon_left')}Log Out</button>
                </form>
              </li>
            </ul>
          </div>
        </div>
      </li>
    </ul>
  </div>
</div>`;
}
