/**
 * One scenario's outcome on one device, as the gate sees it: read from Playwright's JSON report
 * (one run, or shards merged with `playwright merge-reports --reporter json`), independent of
 * Playwright's own types so the gate's rules can be tested from plain tables.
 */
export type ScenarioStatus = 'passed' | 'failed' | 'flaky' | 'skipped' | 'timedOut' | 'interrupted';

/**
 * Why a scenario failed, for the release manager: the business outcome is wrong (product
 * defect), the test broke while the business outcome happened (test defect, e.g. a locator), or
 * the run could not reach or use the org (environment: login, session, network, limits).
 */
export type TriageKind = 'product-defect' | 'test-defect' | 'environment';

export interface Triage {
  kind: TriageKind;
  /** One line: what decided the kind (e.g. "the API shows the lead converted; the UI step failed"). */
  reason: string;
}

/** A file of evidence, relative to the reports folder (so links work wherever it is copied). */
export interface EvidenceFile {
  name: string;
  path: string;
  contentType: string;
}

export interface ScenarioResult {
  /** Stable across runs of the same suite: `<project> › <file> › <describe…> › <title>`. */
  key: string;
  title: string;
  /** The describe blocks and the title. */
  titlePath: string[];
  /** Spec file relative to the project root, and line. */
  file: string;
  line: number;
  /** Playwright project = device: desktop-chrome, pixel-7, iphone-14. */
  project: string;
  /** Requirement ids from the scenario's `requirement` annotations. */
  requirements: string[];
  /** Persona keys that acted in the scenario (`persona` annotations). */
  personas: string[];
  tags: string[];
  /** Final outcome; `flaky` = failed first, passed on a retry. */
  status: ScenarioStatus;
  /** How many times it ran (1 + retries used). */
  attempts: number;
  /** Duration of the last attempt, in milliseconds. */
  durationMs: number;
  /** The first error of the last failing attempt: message (first lines) and where. */
  error?: { message: string; location?: string };
  triage?: Triage;
  evidence: EvidenceFile[];
}

/** Facts of the run the results came from (written by the run's global setup). */
export interface RunFacts {
  runId: string;
  /** Faker seed of the run, to replay its data. */
  seed: string;
  startedAt: string;
  /** Wall time of the whole run in milliseconds, when known. */
  durationMs?: number;
  /** 'unknown' when the gate had no run-facts.json to read. */
  target: 'local' | 'salesforce' | 'unknown';
  apiVersion: string;
  /** Git commit of the suite, when run from a git work tree. */
  commit?: string;
  /** Shards the results were merged from (1 for a single run). */
  shards?: number;
}

/** Which org the verdict is about; the metadata hash pins a local org's configuration. */
export interface OrgFingerprint {
  orgId: string;
  name: string;
  instance: string;
  isSandbox: boolean;
  /** SHA-256 over the SFDX metadata the local org was built from (local target only). */
  metadataSha256?: string;
  /** The metadata folder the local org was built from (local target only). */
  metadataPath?: string;
}
