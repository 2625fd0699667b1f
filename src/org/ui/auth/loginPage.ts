import { renderDocument } from '../render/document.ts';
import { html } from '../render/html.ts';

/** Salesforce's wording for any failed login; it never says which of the two was wrong. */
export const LOGIN_FAILED_MESSAGE = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

export interface LoginPageModel {
  csrfToken: string;
  username?: string;
  /** Where to go after login; already checked to be a relative URL. */
  startUrl?: string;
  error?: string;
}

/**
 * The login page, with the element ids of Salesforce's own (#username, #password, #Login,
 * #error) so scenarios written against a real org's login page run here unchanged.
 */
export function renderLoginPage(model: LoginPageModel): string {
  return renderDocument({
    title: 'Login',
    bodyClass: 'gl-login-body',
    body: html`<main class="gl-login">
  <div class="gl-login__panel slds-card">
    <div class="gl-login__brand"><img src="/assets/slds/images/logo.svg" alt="Salesforce" width="140" height="98"></div>
    <h1 class="slds-text-heading_medium slds-m-bottom_medium">Log In</h1>
    ${model.error ? html`<div id="error" class="loginError slds-text-color_error slds-m-bottom_medium" role="alert">${model.error}</div>` : ''}
    <form method="post" action="/login" id="login_form" name="login" novalidate>
      <input type="hidden" name="_csrf" value="${model.csrfToken}">
      ${model.startUrl ? html`<input type="hidden" name="startURL" value="${model.startUrl}">` : ''}
      <div class="slds-form-element slds-m-bottom_small">
        <label class="slds-form-element__label" for="username">Username</label>
        <div class="slds-form-element__control"><input class="slds-input" type="email" id="username" name="username" value="${model.username ?? ''}" autocomplete="username" autocapitalize="off" spellcheck="false" required></div>
      </div>
      <div class="slds-form-element slds-m-bottom_medium">
        <label class="slds-form-element__label" for="password">Password</label>
        <div class="slds-form-element__control"><input class="slds-input" type="password" id="password" name="pw" autocomplete="current-password" required></div>
      </div>
      <input class="slds-button slds-button_brand gl-login__submit" type="submit" id="Login" name="Login" value="Log In">
    </form>
    <p class="slds-text-body_small slds-text-color_weak slds-m-top_medium">golive local org: local-only test users, see orgs/default/golive/users.json.</p>
  </div>
</main>`,
  });
}
