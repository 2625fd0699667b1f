import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UiDeps } from '../UiDeps.ts';
import { messagePanel } from '../components/messagePanel.ts';
import { html } from '../render/html.ts';
import { renderPage, sendHtml } from '../shell/pageShell.ts';

/** Lightning's page for a URL it cannot route (also an object the user cannot read). */
export function sendNotFoundPage(deps: UiDeps, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!req.ui) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  const body = messagePanel("Page doesn't exist", 'Enter a valid URL and try again.', html`<p class="slds-m-top_medium"><a href="/lightning/page/home">Go to Home</a></p>`);
  return sendHtml(reply, renderPage(deps, req.ui, { title: 'Page not found', body }), 404);
}
