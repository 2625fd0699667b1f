import { type Html, html } from './html.ts';
import { moduleGraph } from './modulePreloads.ts';

export interface DocumentOptions {
  /** The page's own part of the title: "Leads" → "Leads | Salesforce", as Lightning titles tabs. */
  title: string;
  body: Html;
  bodyClass?: string;
  /** The session's CSRF token, published for client scripts' fetch calls (absent on the login page). */
  csrfToken?: string;
  /** Page-specific client modules, each a path under /assets/golive/ (see assets/README in src/org/ui/README.md). */
  scripts?: readonly string[];
}

const SLDS_CSS = '/assets/slds/styles/salesforce-lightning-design-system.min.css';
const GOLIVE_CSS = '/assets/golive/golive.css';
const APP_SCRIPT = '/assets/golive/app.js';

/**
 * The HTML document around every UI page. No inline script or style: the CSP forbids them, so
 * everything is a file under /assets. Every module the page will load is announced with
 * `<link rel="modulepreload">` before the scripts that start them. `data:,` as favicon stops the
 * browser's /favicon.ico request (which the API's JSON 404 would answer).
 */
export function renderDocument(options: DocumentOptions): string {
  const scripts = [APP_SCRIPT, ...(options.scripts ?? [])];
  // The whole module graph up front (render/modulePreloads.ts): one wave of requests instead of
  // one per import level. Same-origin files, so the CSP's script-src 'self' covers them.
  const preloads = moduleGraph(scripts);
  return (
    '<!doctype html>\n' +
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.csrfToken ? html`<meta name="csrf-token" content="${options.csrfToken}">` : ''}
<title>${options.title} | Salesforce</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${SLDS_CSS}">
<link rel="stylesheet" href="${GOLIVE_CSS}">
${preloads.map((href) => html`<link rel="modulepreload" href="${href}">`)}
${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
</head>
<body class="${options.bodyClass ?? ''}">
${options.body}
</body>
</html>
`.value
  );
}
