import type { FastifyInstance } from 'fastify';
import type { UiDeps } from '../UiDeps.ts';
import { activityRoutes } from './activityPages.ts';
import { homeRoutes } from './homePage.ts';
import { inlineEditRoutes } from './inlineEditPage.ts';
import { listViewRoutes } from './listViewPage.ts';
import { recordActionRoutes } from './recordActionPages.ts';
import { recordFormRoutes } from './recordFormPages.ts';
import { recordViewRoutes } from './recordViewPage.ts';
import { searchRoutes } from './searchPage.ts';

/**
 * A page module registers its routes, relative to /lightning, inside the signed-in scope: the
 * session check, the CSRF check of state-changing requests, the security headers and the HTML
 * error pages apply to it without it doing anything. To add pages, write a module like these
 * and add it here (one line).
 */
export type UiPageRoutes = (app: FastifyInstance, deps: UiDeps) => void;

export const UI_PAGES: readonly UiPageRoutes[] = [homeRoutes, listViewRoutes, searchRoutes, recordViewRoutes, recordFormRoutes, recordActionRoutes, activityRoutes, inlineEditRoutes];
