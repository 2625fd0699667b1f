import path from 'node:path';
import { REPO_ROOT } from '../target/orgTarget.ts';

/**
 * Where a run's reports and evidence go: reports/ at the project root, or GOLIVE_REPORTS_DIR
 * (two runs in one work tree, CI artefact folders). The Playwright config, global setup and the
 * gate all ask here, so they never disagree about where results.json is.
 */
export function reportsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(REPO_ROOT, env.GOLIVE_REPORTS_DIR?.trim() || 'reports');
}
