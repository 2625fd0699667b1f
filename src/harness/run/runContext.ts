import { randomBytes, randomInt } from 'node:crypto';

/**
 * One run of the suite: its id (the tag every record it creates carries, and the name of its
 * ledger) and the faker seed. Both live in the environment so that Playwright's workers, which
 * inherit the main process's environment, agree on them without any file or IPC.
 */
export interface RunContext {
  /** e.g. `20261122T1003-k3f9q2`: sortable by time, unique enough across machines. */
  runId: string;
  /** The base faker seed; GOLIVE_SEED=<seed> replays a run's data. */
  seed: number;
}

const RUN_ID_VAR = 'GOLIVE_RUN_ID';
const SEED_VAR = 'GOLIVE_SEED';
const ANNOUNCED_VAR = 'GOLIVE_RUN_ANNOUNCED';

const RUN_ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9-]{2,40}$/;

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '');
  return `${stamp}-${randomBytes(4).readUInt32BE(0).toString(36).padStart(7, '0').slice(0, 6)}`;
}

export function parseSeed(raw: string): number {
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`GOLIVE_SEED must be a whole number of 0 or more, not '${raw}'. Copy the seed a run printed, or unset it for a random one.`);
  }
  return seed;
}

/**
 * The current run, created on first use and stored in `env` (process.env by default) so child
 * processes see the same one. Call it once in the Playwright config or global setup, before the
 * workers start. Prints the seed once per run, so a failure can be replayed with GOLIVE_SEED.
 */
export function currentRun(env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = (l) => console.log(l)): RunContext {
  let runId = env[RUN_ID_VAR];
  if (runId !== undefined && !RUN_ID_SHAPE.test(runId)) {
    throw new Error(`GOLIVE_RUN_ID must be 3-41 letters, digits or dashes (it names a ledger file), not '${runId}'.`);
  }
  runId ??= env[RUN_ID_VAR] = newRunId();
  const rawSeed = env[SEED_VAR];
  const seed = rawSeed === undefined || rawSeed === '' ? randomInt(1, 2 ** 31) : parseSeed(rawSeed);
  env[SEED_VAR] = String(seed);
  if (env[ANNOUNCED_VAR] !== runId) {
    env[ANNOUNCED_VAR] = runId;
    log(`golive: run ${runId}, test data seed ${seed} (replay the same data with GOLIVE_SEED=${seed})`);
  }
  return { runId, seed };
}

/**
 * A seed for one consumer of the run (a test, a worker) derived from the run's seed and a stable
 * key such as the test's title path: each test's data then does not depend on which tests ran
 * before it in the same worker, so replaying one failing test gives it the same data.
 */
export function deriveSeed(baseSeed: number, key: string): number {
  // FNV-1a over the key, mixed with the base seed; 31 bits keeps it a valid faker seed.
  let h = 0x811c9dc5 ^ baseSeed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}
