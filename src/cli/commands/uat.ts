import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureChromium } from '../../browser/ensureChromium.ts';
import { ensureVideoEncoder } from '../../browser/ensureVideoEncoder.ts';
import { reportsDir } from '../../harness/run/reportsDir.ts';
import { REPO_ROOT } from '../../harness/target/orgTarget.ts';
import { ExitCode } from '../exitCodes.ts';
import { gateCommand } from './gate.ts';
import { allureEnvironment } from '../../gate/allure/allureEnvironment.ts';
import { generateAllureReport } from '../../gate/allure/generateAllureReport.ts';
import { readRunFacts } from '../../gate/results/readRunFacts.ts';

/**
 * `golive uat [playwright test options]` (what `npm run uat` runs): the whole job a release
 * manager asks for, in one command — a browser found or installed, the UAT suite run (which
 * starts the local org itself), the Allure report built, and the go-live gate's verdict last.
 *
 * The exit code is the gate's (0 GO, 1 NO-GO, 2 cannot decide), not Playwright's: a failed
 * scenario is an input to the verdict, and a waived one may still allow GO. Options are handed to
 * `playwright test` as they are (`--grep @blocker`, `--project desktop-chrome`, `--workers 2`).
 */
function runPlaywright(args: string[]): Promise<number> {
  const cli = path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js');
  const child = spawn(process.execPath, [cli, 'test', '-c', path.join(REPO_ROOT, 'playwright.config.ts'), ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
}

/**
 * The Allure report beside the gate's record. A report that cannot be built is said loudly but
 * changes nothing about the verdict, which is already written and sealed.
 */
async function buildAllureReport(reports: string): Promise<void> {
  try {
    const { run, org } = readRunFacts(reports);
    await generateAllureReport({
      resultsDir: path.join(reports, 'allure-results'),
      reportDir: path.join(reports, 'allure-report'),
      historyFile: path.join(reports, 'allure-history.jsonl'),
      environment: allureEnvironment(run, org),
    });
    console.log(`golive: Allure report in ${path.relative(process.cwd(), path.join(reports, 'allure-report')) || 'allure-report'} (open with: npx allure open ${path.relative(process.cwd(), path.join(reports, 'allure-report'))})`);
  } catch (err) {
    console.error(`golive: the Allure report could not be built: ${(err as Error).message.split('\n')[0]} (the gate's verdict stands; see reports/html for the Playwright report).`);
  }
}

export async function uatCommand(args: string[]): Promise<number> {
  const browser = ensureChromium();
  if (browser !== 0) return browser;
  // Video of failures needs an ffmpeg Playwright can use; without one the run goes on without video.
  ensureVideoEncoder();
  const suiteExit = await runPlaywright(args);
  const reports = reportsDir();
  // The gate reads what the run wrote; a run that wrote nothing makes it say so (exit 2).
  console.log(`\ngolive: the suite finished (playwright exit ${suiteExit}); the go-live gate decides on ${path.relative(process.cwd(), path.join(reports, 'results.json')) || 'results.json'}:`);
  const gateExit = await gateCommand(['--results', path.join(reports, 'results.json')]);
  await buildAllureReport(reports);
  if (gateExit === ExitCode.ok && suiteExit !== 0) {
    console.log(`golive: note: playwright exited ${suiteExit} though the gate says GO (failures waived by the policy or outside the gate's scope); see reports/html.`);
  }
  return gateExit;
}
