import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceFile, ScenarioResult, ScenarioStatus } from './scenarioResult.ts';
import { triageFailure } from './triage.ts';

/**
 * Reads Playwright's JSON report — `reporter: [['json', { outputFile }]]`, or what
 * `playwright merge-reports --reporter json <blobs>` prints for sharded runs — into the gate's
 * ScenarioResult list. The report nests file suites → describe suites → specs; a spec holds one
 * test per project (device) and a test one result per attempt. Only the fields read here are
 * typed: the rest of the report is Playwright's business.
 *
 * Setup projects (default: `sessions`, and any `*.setup.ts` file) are not scenarios: they are
 * returned apart, so the gate can treat their failure as the environment problem it is.
 */
interface JsonLocation {
  file: string;
  line: number;
  column: number;
}
interface JsonAnnotation {
  type: string;
  description?: string;
}
interface JsonAttachment {
  name: string;
  path?: string;
  contentType: string;
}
interface JsonError {
  message?: string;
  stack?: string;
  location?: JsonLocation;
}
interface JsonResult {
  status?: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  duration: number;
  retry: number;
  error?: JsonError;
  errors?: JsonError[];
  errorLocation?: JsonLocation;
  annotations?: JsonAnnotation[];
  attachments?: JsonAttachment[];
}
interface JsonTest {
  annotations?: JsonAnnotation[];
  expectedStatus: string;
  projectName: string;
  results: JsonResult[];
  status: 'skipped' | 'expected' | 'unexpected' | 'flaky';
}
interface JsonSpec {
  title: string;
  tags?: string[];
  file: string;
  line: number;
  tests: JsonTest[];
}
interface JsonSuite {
  title: string;
  file: string;
  specs?: JsonSpec[];
  suites?: JsonSuite[];
}
interface JsonReport {
  config?: { rootDir?: string };
  suites: JsonSuite[];
  errors?: JsonError[];
  stats?: { startTime?: string; duration?: number };
}

export interface PlaywrightRun {
  scenarios: ScenarioResult[];
  /** Results of setup projects (persona sign-in): a failure here means the org could not be used. */
  setup: ScenarioResult[];
  /** Errors outside any test (global setup, a test file that does not load), one line each. */
  runErrors: { message: string; location?: string }[];
  startTime?: string;
  durationMs?: number;
}

export interface ReadOptions {
  /** Attachment paths are made relative to this folder (default: the report's folder). */
  reportsDir: string;
  /** Project names that are setup, not scenarios (default ['sessions']). */
  setupProjects?: string[];
}

export class ResultsError extends Error {
  override name = 'ResultsError';
}

const SETUP_FILE = /\.setup\.[cm]?[jt]s$/;
const KEY_SEPARATOR = ' › ';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The first lines of an error, up to the first blank line (the source snippet follows it). */
function errorMessage(error: JsonError): string {
  const text = stripAnsi(error.message ?? error.stack ?? '').trim();
  const head = text.split(/\n\s*\n/)[0] ?? '';
  return head.split('\n').slice(0, 4).join('\n').slice(0, 500);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function relativeLocation(location: JsonLocation | undefined, rootDir: string | undefined): string | undefined {
  if (!location?.file) return undefined;
  const file = rootDir && path.isAbsolute(location.file) ? toPosix(path.relative(rootDir, location.file)) : toPosix(location.file);
  return `${file}:${location.line}`;
}

/** Final status of a test from Playwright's outcome and its last attempt. */
function statusOf(test: JsonTest): ScenarioStatus {
  const last = test.results.at(-1);
  switch (test.status) {
    case 'flaky':
      return 'flaky';
    case 'expected':
      // An expected failure (test.fail()) that did fail is a pass for the suite.
      return last?.status === 'skipped' ? 'skipped' : 'passed';
    case 'unexpected':
      if (last?.status === 'timedOut' || last?.status === 'interrupted') return last.status;
      return 'failed';
    default:
      // Playwright calls a test whose only attempt was interrupted "skipped"; it did start.
      return last?.status === 'interrupted' ? 'interrupted' : 'skipped';
  }
}

function uniqueAnnotations(test: JsonTest): JsonAnnotation[] {
  // Static annotations are on the test and repeated on every attempt; runtime ones (pushed by the
  // test or a fixture, e.g. `persona`) are on the attempt that pushed them and, at the end, on the
  // test: gather both so none is lost, once each.
  const seen = new Set<string>();
  const all: JsonAnnotation[] = [];
  for (const annotation of [...(test.annotations ?? []), ...test.results.flatMap((r) => r.annotations ?? [])]) {
    const id = `${annotation.type}\0${annotation.description ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    all.push(annotation);
  }
  return all;
}

function evidenceOf(result: JsonResult | undefined, reportsDir: string): EvidenceFile[] {
  if (!result?.attachments) return [];
  return result.attachments
    .filter((a): a is JsonAttachment & { path: string } => typeof a.path === 'string' && a.path.length > 0)
    .map((a) => ({ name: a.name, contentType: a.contentType, path: toPosix(path.relative(reportsDir, path.resolve(reportsDir, a.path))) }));
}

function toScenario(spec: JsonSpec, titles: string[], test: JsonTest, rootDir: string | undefined, reportsDir: string): ScenarioResult {
  const status = statusOf(test);
  const annotations = uniqueAnnotations(test);
  const last = test.results.at(-1);
  // The failing attempt tells what went wrong: the last one for a failure, the failed first
  // tries of a flaky test.
  const failing = [...test.results].reverse().find((r) => r.status === 'failed' || r.status === 'timedOut' || r.status === 'interrupted');
  const firstError = failing ? (failing.error ?? failing.errors?.[0]) : undefined;
  const titlePath = [...titles, spec.title];
  const scenario: ScenarioResult = {
    key: [test.projectName, spec.file, ...titlePath].join(KEY_SEPARATOR),
    title: spec.title,
    titlePath,
    file: spec.file,
    line: spec.line,
    project: test.projectName,
    requirements: [...new Set(annotations.filter((a) => a.type === 'requirement' && a.description).map((a) => a.description!.trim()))],
    personas: [...new Set(annotations.filter((a) => a.type === 'persona' && a.description).map((a) => a.description!.trim()))],
    tags: (spec.tags ?? []).map((t) => (t.startsWith('@') ? t : `@${t}`)),
    status,
    attempts: test.results.length,
    durationMs: last?.duration ?? 0,
    evidence: evidenceOf(failing ?? last, reportsDir),
  };
  if (firstError || failing) {
    const message = firstError ? errorMessage(firstError) : `attempt ended ${failing?.status}`;
    const location = relativeLocation(firstError?.location ?? failing?.errorLocation, rootDir);
    scenario.error = location ? { message, location } : { message };
  }
  if (status !== 'passed' && status !== 'skipped') scenario.triage = triageFailure(annotations, scenario.error?.message, status);
  return scenario;
}

export function parsePlaywrightReport(report: unknown, options: ReadOptions & { source?: string }): PlaywrightRun {
  const source = options.source ?? 'the results';
  if (!report || typeof report !== 'object' || !Array.isArray((report as JsonReport).suites)) {
    throw new ResultsError(`${source} is not a Playwright JSON report (no 'suites'); produce it with the json reporter or 'playwright merge-reports --reporter json'.`);
  }
  const json = report as JsonReport;
  const rootDir = json.config?.rootDir;
  const setupProjects = new Set(options.setupProjects ?? ['sessions']);
  const run: PlaywrightRun = {
    scenarios: [],
    setup: [],
    runErrors: (json.errors ?? []).map((e) => {
      const location = relativeLocation(e.location, rootDir);
      const message = errorMessage(e).split('\n')[0] ?? 'error';
      return location ? { message, location } : { message };
    }),
    startTime: json.stats?.startTime,
    durationMs: json.stats?.duration === undefined ? undefined : Math.round(json.stats.duration),
  };
  const walk = (suite: JsonSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const scenario = toScenario(spec, titles, test, rootDir, options.reportsDir);
        if (!setupProjects.has(test.projectName) && !SETUP_FILE.test(spec.file)) {
          run.scenarios.push(scenario);
          continue;
        }
        // Setup signs the personas in: whatever its error says, the run could not use the org.
        if (scenario.triage && scenario.triage.kind !== 'environment') {
          scenario.triage = { kind: 'environment', reason: `setup failed: ${scenario.error?.message.split('\n')[0] ?? scenario.status}` };
        }
        run.setup.push(scenario);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top suites are files (titled with the file's path): not part of a scenario's title.
  for (const fileSuite of json.suites) walk(fileSuite, []);
  return run;
}

export function readPlaywrightReport(file: string, options: Partial<ReadOptions> = {}): PlaywrightRun {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ResultsError(`no results at ${file}: run the UAT suite first (npm run uat), or pass --results <Playwright JSON report>.`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw new ResultsError(`${file} is not valid JSON (${(error as Error).message.split('\n')[0]}); was the run cut short while writing it?`);
  }
  return parsePlaywrightReport(report, { reportsDir: options.reportsDir ?? path.dirname(path.resolve(file)), setupProjects: options.setupProjects, source: file });
}
