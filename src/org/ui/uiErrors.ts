import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isSalesforceError } from '../errors/SalesforceError.ts';
import type { UiDeps } from './UiDeps.ts';
import { messagePanel } from './components/messagePanel.ts';
import { html } from './render/html.ts';
import { renderDocument } from './render/document.ts';
import { renderPage, sendHtml } from './shell/pageShell.ts';
import { isNoAccessError, sendNoAccessPage } from './pages/noAccessPage.ts';

/** Fragment and client-script requests get short text answers; the client shows its error dialog. */
export function isFragmentRequest(req: FastifyRequest): boolean {
  return req.url.startsWith('/lightning/_ui/');
}

/**
 * The UI scope's error handler: never a stack trace, never the API's JSON. A record the user may
 * not see (the service layer's NOT_FOUND, ENTITY_IS_DELETED …) on a page → the
 * insufficient-privileges page; another Salesforce error (an expected failure) → its message;
 * anything else is logged with an id and shown as Lightning's "Sorry to interrupt".
 */
export function uiErrorHandler(deps: UiDeps) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (isSalesforceError(err) && req.method === 'GET' && isNoAccessError(err) && !isFragmentRequest(req)) {
      return sendNoAccessPage(deps, req, reply);
    }
    let status: number;
    let detail: string;
    if (isSalesforceError(err)) {
      status = err.httpStatus >= 500 ? 500 : err.httpStatus;
      detail = err.message;
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      // fastify's own client errors (unsupported media type, body too large …).
      status = err.statusCode;
      detail = err.message;
    } else {
      const errorId = randomUUID();
      req.log.error({ err, errorId }, 'UI request failed');
      status = 500;
      detail = `An internal server error has occurred. Error ID: ${errorId}`;
    }
    if (isFragmentRequest(req)) return reply.code(status).type('text/plain; charset=utf-8').send(detail);
    const body = messagePanel('Sorry to interrupt', 'This page has an error. You might just need to refresh it.', html`<p class="slds-text-body_small slds-m-top_small">${detail}</p>`);
    if (req.ui) return sendHtml(reply, renderPage(deps, req.ui, { title: 'Error', body }), status);
    return sendHtml(reply, renderDocument({ title: 'Error', body: html`<main class="gl-main">${body}</main>` }), status);
  };
}
