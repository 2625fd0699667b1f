import type { FastifyRequest } from 'fastify';
import type { OrgServices } from '../api/OrgServices.ts';
import { LATEST_API_VERSION } from '../api/apiVersions.ts';
import type { CsrfTokens } from './http/csrf.ts';
import type { RecentItems } from './recent/RecentItems.ts';
import type { UiSettings } from './settings.ts';
import type { UiRequestState, UiSessions } from './session/UiSessions.ts';

/**
 * What every UI route module gets. Pages read and write only through `org` (RecordService,
 * QueryService, DescribeService as the request's user), never the store, so the security model
 * applies to the UI without the UI knowing about it.
 */
export interface UiDeps {
  org: OrgServices;
  sessions: UiSessions;
  csrf: CsrfTokens;
  recent: RecentItems;
  settings: UiSettings;
}

/** The API version the UI's own service calls use (record shapes, query results). */
export const UI_API_VERSION = `${LATEST_API_VERSION}.0`;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the /lightning scope's session hook; null outside it. */
    ui: UiRequestState | null;
  }
}

/** The session state of a /lightning request (the scope's hook guarantees it is there). */
export function uiState(req: FastifyRequest): UiRequestState {
  if (!req.ui) throw new Error('uiState() called outside the /lightning scope');
  return req.ui;
}
