import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { OrgServices } from '../api/OrgServices.ts';
import { frontdoorRoutes } from './auth/frontdoorRoutes.ts';
import { loginRoutes } from './auth/loginRoutes.ts';
import { logoutRoutes } from './auth/logoutRoutes.ts';
import { CsrfTokens } from './http/csrf.ts';
import { latencyHook } from './http/latency.ts';
import { uiSecurityHeaders } from './http/securityHeaders.ts';
import { serveDirectory } from './http/staticFiles.ts';
import { lightningScope } from './lightningScope.ts';
import { RecentItems } from './recent/RecentItems.ts';
import { UiSessions } from './session/UiSessions.ts';
import { resolveUiSettings } from './settings.ts';
import type { UiDeps } from './UiDeps.ts';
import { uiErrorHandler } from './uiErrors.ts';

export interface OrgUiOptions {
  org: OrgServices;
  /** The org's SQLite database, for the recently-viewed table (beside the sessions). */
  db: Database.Database;
  /** OrgOptions.uiRealism; undefined → ORG_UI_REALISM, default on. */
  realism?: boolean;
  /** OrgOptions.latencyMs; undefined → ORG_LATENCY_MS, default 0. */
  latencyMs?: number;
}

const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const SLDS_ASSETS_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@salesforce-ux/design-system/package.json')), 'assets');

/**
 * The local org's Lightning-style UI, registered once by app.ts. Its only effect outside the
 * UI is the optional injected latency, which must reach the API routes too, so this outer
 * plugin is not encapsulated (fastify's skip-override, what fastify-plugin sets); everything
 * else lives in the encapsulated `uiScope`, whose hooks, error handler and request decoration
 * touch UI routes only.
 */
export async function orgUi(app: FastifyInstance, opts: OrgUiOptions): Promise<void> {
  const settings = resolveUiSettings(opts, process.env);
  if (settings.latencyMs > 0) app.addHook('onRequest', latencyHook(settings.latencyMs));
  const csrf = new CsrfTokens();
  const deps: UiDeps = {
    org: opts.org,
    csrf,
    sessions: new UiSessions(opts.org.login, csrf),
    recent: new RecentItems(opts.db, opts.org.now),
    settings,
  };
  await app.register(uiScope, { deps });
}
(orgUi as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

async function uiScope(app: FastifyInstance, opts: { deps: UiDeps }): Promise<void> {
  const { deps } = opts;
  app.decorateRequest('ui', null);
  app.addHook('onSend', uiSecurityHeaders);
  app.setErrorHandler(uiErrorHandler(deps));

  // SLDS from node_modules (no CDN): CSS, icons and images; it has no web fonts (system fonts).
  serveDirectory(app, { prefix: '/assets/slds/', root: SLDS_ASSETS_DIR, cacheControl: 'public, max-age=86400' });
  // golive's own CSS and browser modules; revalidated on every load so edits show at once.
  serveDirectory(app, { prefix: '/assets/golive/', root: ASSETS_DIR, cacheControl: 'no-cache' });

  loginRoutes(app, deps);
  frontdoorRoutes(app, deps);
  logoutRoutes(app, deps);
  await app.register(lightningScope, { prefix: '/lightning', deps });
}
