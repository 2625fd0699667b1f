import { readFile, writeFile } from 'node:fs/promises';

/**
 * Allure 3's report pages load Google Analytics when opened (the "awesome" plugin ignores
 * ALLURE_NO_ANALYTICS). A UAT report of a customer's org must not call anyone: the loader and the
 * inline gtag script are cut out, and if anything else in the page would still load from the
 * network, generation fails rather than hand out a report that phones home.
 */
const GTAG_LOADER = /\s*<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=[^"]*"><\/script>/g;
const GTAG_INLINE = /\s*<script>\s*window\.dataLayer = window\.dataLayer \|\| \[\];[\s\S]*?<\/script>/g;
const REMOTE_LOAD = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?\/\/[^"]*"/i;

export async function stripReportAnalytics(indexFile: string): Promise<void> {
  const page = await readFile(indexFile, 'utf8');
  const stripped = page.replace(GTAG_LOADER, '').replace(GTAG_INLINE, '');
  const remote = REMOTE_LOAD.exec(stripped);
  if (remote) throw new Error(`${indexFile} would load ${remote[0]} from the network; golive's Allure report must work offline (update src/gate/allure/stripReportAnalytics.ts).`);
  if (/googletagmanager|gtag\(/.test(stripped)) throw new Error(`${indexFile} still contains analytics after stripping; update src/gate/allure/stripReportAnalytics.ts for this Allure version.`);
  if (stripped !== page) await writeFile(indexFile, stripped);
}
