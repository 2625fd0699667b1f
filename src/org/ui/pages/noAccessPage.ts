import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SalesforceError } from '../../errors/SalesforceError.ts';
import type { UiDeps } from '../UiDeps.ts';
import { messagePanel } from '../components/messagePanel.ts';
import { html } from '../render/html.ts';
import { renderPage, sendHtml } from '../shell/pageShell.ts';

/**
 * The page for a record the user cannot open. One page, HTTP 200 as in Lightning, for every
 * reason the service layer gives: not shared with the user, deleted, no such id, or a malformed
 * one. Showing the same page for all of them is deliberate: the UI must not reveal whether a
 * record the user may not see exists.
 */
export const NO_ACCESS_HEADING = "You don't have access to this record";
export const NO_ACCESS_TEXT = 'Ask your administrator for help or to request access.';

/** The service-layer errors that mean "this record cannot be shown to this user". */
const NO_ACCESS_CODES = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED', 'MALFORMED_ID', 'INVALID_ID_FIELD', 'INSUFFICIENT_ACCESS', 'INSUFFICIENT_ACCESS_OR_READONLY']);

export function isNoAccessError(err: SalesforceError): boolean {
  return NO_ACCESS_CODES.has(err.errorCode);
}

export function sendNoAccessPage(deps: UiDeps, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!req.ui) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  const body = messagePanel(NO_ACCESS_HEADING, NO_ACCESS_TEXT, html`<p class="slds-m-top_medium"><a href="/lightning/page/home">Go to Home</a></p>`);
  return sendHtml(reply, renderPage(deps, req.ui, { title: 'Insufficient Privileges', body }));
}
