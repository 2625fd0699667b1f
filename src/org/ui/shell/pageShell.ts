import type { FastifyReply } from 'fastify';
import type { UiDeps } from '../UiDeps.ts';
import { renderDocument } from '../render/document.ts';
import { type Html, html } from '../render/html.ts';
import type { UiRequestState } from '../session/UiSessions.ts';
import { appLauncher } from './appLauncher.ts';
import { contextBar } from './contextBar.ts';
import { auraErrorDialog } from './errorDialog.ts';
import { globalHeader } from './globalHeader.ts';
import { navItemsFor } from './navItems.ts';

export interface PageOptions {
  /** Document title before " | Salesforce". */
  title: string;
  /** The nav item to mark current: 'home' or an object's API name. */
  activeNav?: string;
  /** The page's content, rendered inside <main>. */
  body: Html;
  /** The header search box's value (the search results page shows the term). */
  searchTerm?: string;
  /** Page-specific client modules under /assets/golive/. */
  scripts?: readonly string[];
}

/**
 * Every signed-in page: header, app bar with navigation, <main>, and the two dialogs every
 * Lightning page carries (App Launcher, hidden framework error). Pages supply only their body.
 */
export function renderPage(deps: UiDeps, state: UiRequestState, options: PageOptions): string {
  const items = navItemsFor(deps, state.user);
  return renderDocument({
    title: options.title,
    csrfToken: state.csrfToken,
    scripts: options.scripts,
    bodyClass: 'gl-body',
    body: html`<div class="gl-app" data-gl-app>
  <a class="slds-assistive-text slds-assistive-text_focus" href="#main">Skip to main content</a>
  <header class="gl-header">
    ${globalHeader(state, options.searchTerm)}
    ${contextBar(items, options.activeNav)}
  </header>
  <main id="main" class="gl-main" tabindex="-1">${options.body}</main>
  ${appLauncher(items)}
  ${auraErrorDialog()}
</div>`,
  });
}

/** Sends a rendered document. */
export function sendHtml(reply: FastifyReply, document: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(document);
}

/** Sends a fragment for a lazy region or a client script (no document around it). */
export function sendFragment(reply: FastifyReply, fragment: Html, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(fragment.value);
}
