import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/harness/target/orgTarget.ts';
import type { Verdict } from '../../src/gate/verdict/verdictTypes.ts';

/**
 * The UAT suite and the gate as a release pipeline runs them: separate processes, the suite on
 * the org built from a given metadata folder (GOLIVE_ORG_METADATA; global setup starts its own
 * local org on a free port), its reports in a folder of its own, then `golive gate` on them.
 */

export interface ProcessRun {
  exitCode: number | null;
  durationMs: number;
  /** The last lines of stdout and stderr together, for an assertion message. */
  tail: string;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ProcessRun> {
  const started = Date.now();
  // A group of its own: Playwright's local org is its child, and a run stopped from here (the
  // test timed out) must not leave that org behind.
  const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stopGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  signal?.addEventListener('abort', stopGroup, { once: true });
  process.once('exit', stopGroup);
  let output = '';
  const keep = (chunk: Buffer) => {
    // Only the end matters for a message, and a failing suite prints a lot.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => {
      signal?.removeEventListener('abort', stopGroup);
      process.off('exit', stopGroup);
      resolve({ exitCode, durationMs: Date.now() - started, tail: output.trim().split('\n').slice(-25).join('\n') });
    });
  });
}

/** The environment of a child run: this one's, minus anything that would point it at another org or run. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GOLIVE_TARGET: 'local', ...extra };
  for (const name of ['GOLIVE_LOCAL_ORG_URL', 'GOLIVE_RUN_ID', 'GOLIVE_SEED', 'TEST_WORKER_INDEX', 'NODE_TEST_CONTEXT']) delete env[name];
  if (!extra.GOLIVE_ORG_METADATA) delete env.GOLIVE_ORG_METADATA;
  return env;
}

/** `--grep` for scenarios tagged with one of these requirement ids (and not e.g. @PERM-010). */
export function requirementGrep(ids: string[]): string {
  return `@(${ids.join('|')})(?![0-9])`;
}

export interface SuiteRunOptions {
  /** The org's metadata folder; the default org when absent. */
  metadataDir?: string;
  reportsDir: string;
  /** Playwright projects to run (their dependencies run too); all when absent. */
  projects?: string[];
  grep?: string;
  /** Stops the run (and its org) when aborted: the test's own signal, on timeout. */
  signal?: AbortSignal;
}

export function runSuite(options: SuiteRunOptions): Promise<ProcessRun> {
  const args = [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'playwright.config.ts'];
  for (const project of options.projects ?? []) args.push(`--project=${project}`);
  if (options.grep) args.push('--grep', options.grep);
  // The verdict is what is checked here, not evidence: a failing scenario runs once, without the
  // video retry a UAT run gives it (a retry would only double the time of every defect).
  args.push('--retries=0');
  return run(process.execPath, args, childEnv({ GOLIVE_VIDEO: 'off', GOLIVE_REPORTS_DIR: options.reportsDir, ...(options.metadataDir ? { GOLIVE_ORG_METADATA: options.metadataDir } : {}) }), options.signal);
}

export interface GateRun extends ProcessRun {
  /** gate.json, when the gate wrote one. */
  verdict?: Verdict;
}

export async function runGate(reportsDir: string, outDir: string, signal?: AbortSignal): Promise<GateRun> {
  const args = [path.join(REPO_ROOT, 'bin/golive.mjs'), 'gate', '--results', path.join(reportsDir, 'results.json'), '--out', outDir];
  const gate = await run(process.execPath, args, childEnv({ GOLIVE_REPORTS_DIR: reportsDir }), signal);
  try {
    return { ...gate, verdict: JSON.parse(readFileSync(path.join(outDir, 'gate.json'), 'utf8')) as Verdict };
  } catch {
    return gate;
  }
}

export function requirementsWithStatus(verdict: Verdict, status: Verdict['requirements'][number]['status']): string[] {
  return verdict.requirements
    .filter((r) => r.status === status)
    .map((r) => r.id)
    .sort();
}

/**
 * `golive uat [args]` exactly as `npm run uat` runs it (suite, gate, Allure report), with its
 * reports in a folder of its own; extra environment (e.g. GOLIVE_BLOB_DIR for a shard) on top.
 */
export function runUat(options: { reportsDir: string; args?: string[]; env?: Record<string, string>; signal?: AbortSignal }): Promise<ProcessRun> {
  const args = [path.join(REPO_ROOT, 'bin/golive.mjs'), 'uat', ...(options.args ?? [])];
  return run(process.execPath, args, childEnv({ GOLIVE_REPORTS_DIR: options.reportsDir, ...options.env }), options.signal);
}
