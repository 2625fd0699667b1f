import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OrgFingerprint, RunFacts } from '../../gate/results/scenarioResult.ts';

/**
 * What the go-live gate needs to know about a run besides its results: which run (id, seed,
 * commit of the suite) and which org (id, sandbox or not and, for the local org, a hash of the
 * metadata it was built from, so a verdict names the exact configuration it judged). Written by
 * global setup as run-facts.json beside the Playwright JSON report.
 */
export const RUN_FACTS_FILE = 'run-facts.json';

export interface RunFactsFile {
  run: RunFacts;
  org: OrgFingerprint;
}

/**
 * SHA-256 over every file of an SFDX project, in path order, each as its relative path and its
 * bytes: the same metadata gives the same hash on any machine, and any edit changes it.
 */
export function hashMetadataFolder(root: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(root);
  const hash = createHash('sha256');
  for (const file of files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The suite's git commit (with `-dirty` when the work tree has changes), or undefined outside git. */
export function suiteCommit(cwd: string): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return undefined;
  }
}

export function writeRunFacts(reportsDir: string, facts: RunFactsFile): string {
  mkdirSync(reportsDir, { recursive: true });
  const file = path.join(reportsDir, RUN_FACTS_FILE);
  writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`);
  return file;
}
