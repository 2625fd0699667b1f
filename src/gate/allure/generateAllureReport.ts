import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AllureConfig } from 'allure';
import { ALLURE_CATEGORIES } from './allureCategories.ts';
import { labelTriage } from './labelTriage.ts';
import { stripReportAnalytics } from './stripReportAnalytics.ts';

/**
 * The Allure 3 report of a run, generated on this machine with nothing fetched or sent: the
 * `allure` CLI (3.x, "awesome" report) over the run's allure-results, with the run's facts as
 * the report's environment, the gate's triage as its categories, and a history file that lives
 * outside allure-results (which each run clears) so the report's trends accumulate run after run.
 */

export interface AllureReportInput {
  resultsDir: string;
  reportDir: string;
  /** JSON Lines, one entry per generated report; e.g. reports/allure-history.jsonl. */
  historyFile: string;
  /** Shown at the top of the report as its variables: target, org id and name, instance, API version, run id, commit. */
  environment: Record<string, string>;
  reportName?: string;
}

export interface AllureReportOutput {
  indexFile: string;
  historyEntries: number;
  /** Failed results given a triage label for the categories. */
  triaged: number;
}

const run = promisify(execFile);

function allureCli(): string {
  // The package's exports hide package.json; its entry point sits in dist/ beside cli.js's folder.
  return path.resolve(path.dirname(fileURLToPath(import.meta.resolve('allure'))), '..', 'cli.js');
}

async function countLines(file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  return (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim()).length;
}

export async function generateAllureReport(input: AllureReportInput): Promise<AllureReportOutput> {
  const resultsDir = path.resolve(input.resultsDir);
  const entries = existsSync(resultsDir) ? await readdir(resultsDir) : [];
  if (!entries.some((name) => name.endsWith('-result.json'))) {
    throw new Error(`No Allure results in ${resultsDir}: run the suite first (npm run uat writes them there).`);
  }
  const triaged = await labelTriage(resultsDir);

  const historyFile = path.resolve(input.historyFile);
  const reportDir = path.resolve(input.reportDir);
  // The report folder is replaced whole: it must not hold the results, the history or anything above them.
  const inside = (parent: string, child: string): boolean => !path.relative(parent, child).startsWith('..');
  if (inside(reportDir, resultsDir) || inside(reportDir, historyFile)) {
    throw new Error(`Allure report folder ${reportDir} would contain the results or the history it is built from; give the report a folder of its own (e.g. reports/allure-report).`);
  }
  await mkdir(path.dirname(historyFile), { recursive: true });
  const config: AllureConfig = {
    name: input.reportName ?? 'golive UAT',
    output: reportDir,
    historyPath: historyFile,
    appendHistory: true,
    // Allure 3 shows report variables at the top of the report; an environment.properties in the
    // results would show the same facts a second time, as "Metadata".
    variables: input.environment,
    categories: [...ALLURE_CATEGORIES],
    plugins: { awesome: { options: { reportName: input.reportName ?? 'golive UAT', reportLanguage: 'en' } } },
  };
  // A config of our own in a folder of our own: an allurerc.* in the work tree must not change the gate's report.
  const configDir = await mkdtemp(path.join(tmpdir(), 'golive-allure-'));
  try {
    const configFile = path.join(configDir, 'allurerc.json');
    await writeFile(configFile, JSON.stringify(config, null, 2));
    await rm(reportDir, { recursive: true, force: true });
    try {
      await run(process.execPath, [allureCli(), 'generate', resultsDir, '--config', configFile, '--output', reportDir], {
        cwd: configDir,
        env: { ...process.env, ALLURE_NO_ANALYTICS: 'true', NO_COLOR: '1' },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const detail = `${(error as { stderr?: string }).stderr ?? ''}${(error as { stdout?: string }).stdout ?? ''}`.trim().split('\n').slice(-3).join(' ');
      throw new Error(`allure generate failed for ${resultsDir}: ${detail || (error as Error).message}`);
    }
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
  const indexFile = path.join(reportDir, 'index.html');
  await stripReportAnalytics(indexFile);
  return { indexFile, historyEntries: await countLines(historyFile), triaged };
}
