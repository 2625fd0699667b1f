import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentRun, deriveSeed } from '../../../fixtures/data/index.ts';

describe('the run context', () => {
  it('creates a run id and a seed once, stores them for child processes and prints the seed once', () => {
    const env: NodeJS.ProcessEnv = {};
    const lines: string[] = [];
    const first = currentRun(env, (l) => lines.push(l));
    const again = currentRun(env, (l) => lines.push(l));
    assert.deepEqual(again, first);
    assert.equal(env.GOLIVE_RUN_ID, first.runId);
    assert.equal(env.GOLIVE_SEED, String(first.seed));
    assert.match(first.runId, /^\d{8}T\d{4}-[0-9a-z]{6}$/);
    assert.deepEqual(lines, [`golive: run ${first.runId}, test data seed ${first.seed} (replay the same data with GOLIVE_SEED=${first.seed})`]);
  });

  it('replays a given seed, and refuses a malformed one in one line', () => {
    assert.equal(currentRun({ GOLIVE_SEED: '777' }, () => {}).seed, 777);
    assert.throws(() => currentRun({ GOLIVE_SEED: 'abc' }, () => {}), /^Error: GOLIVE_SEED must be a whole number of 0 or more, not 'abc'\./);
    assert.throws(() => currentRun({ GOLIVE_RUN_ID: '../etc' }, () => {}), /GOLIVE_RUN_ID must be/);
  });

  it('derives stable, distinct per-test seeds', () => {
    assert.equal(deriveSeed(42, 'leads > convert'), deriveSeed(42, 'leads > convert'));
    assert.notEqual(deriveSeed(42, 'leads > convert'), deriveSeed(42, 'leads > list'));
    assert.notEqual(deriveSeed(42, 'leads > convert'), deriveSeed(43, 'leads > convert'));
  });
});
