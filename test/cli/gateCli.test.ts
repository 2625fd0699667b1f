import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * `golive gate` end to end, as CI calls it: exit 0 GO, 1 NO-GO, 2 cannot decide with one line
 * on stderr; the record written; `gate verify` on it. The results files are small hand-made
 * reports in Playwright's JSON shape (test/gate/playwrightJson.test.ts proves the reader on a
 * real one).
 */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(REPO, 'bin/golive.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'gate-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

const REGISTER = `requirements:
  - { id: LTO-01, title: A rep creates a lead, area: lead-to-opportunity, severity: blocker, owner: Sales, step: Capture }
  - { id: DQ-02, title: A lead's Email must be well formed, area: data-quality, severity: major, owner: Marketing, step: Capture }
`;
const POLICY = 'minExecutedScenarios: 2\n';

interface Outcome {
  title: string;
  id: string;
  status: 'passed' | 'failed';
}

function report(outcomes: Outcome[], reportsDir: string): unknown {
  return {
    config: { rootDir: work },
    suites: [
      {
        title: 'leads.spec.ts',
        file: 'scenarios/leads.spec.ts',
        line: 0,
        column: 0,
        specs: outcomes.map((o, i) => ({
          title: o.title,
          tags: [o.id],
          file: 'scenarios/leads.spec.ts',
          line: 10 + i,
          column: 3,
          ok: o.status === 'passed',
          id: `spec-${i}`,
          tests: [
            {
              timeout: 60000,
              annotations: [{ type: 'requirement', description: o.id }, { type: 'persona', description: 'junior-rep' }],
              expectedStatus: 'passed',
              projectId: 'desktop-chrome',
              projectName: 'desktop-chrome',
              status: o.status === 'passed' ? 'expected' : 'unexpected',
              results: [
                {
                  workerIndex: 0,
                  status: o.status,
                  duration: 1200,
                  retry: 0,
                  startTime: '2026-11-22T10:00:00.000Z',
                  errors: o.status === 'failed' ? [{ message: 'Error: the email was accepted' }] : [],
                  error: o.status === 'failed' ? { message: 'Error: the email was accepted' } : undefined,
                  annotations: [],
                  attachments: o.status === 'failed' ? [{ name: 'screenshot', contentType: 'image/png', path: path.join(reportsDir, 'test-results', 'shot.png') }] : [],
                  stdout: [],
                  stderr: [],
                },
              ],
            },
          ],
        })),
      },
    ],
    errors: [],
    stats: { startTime: '2026-11-22T10:00:00.000Z', duration: 5000, expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
  };
}

/** A reports folder with results.json (and run-facts.json when `facts`), and the register and policy. */
function setup(name: string, outcomes: Outcome[] | string, facts = true): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'results.json'), typeof outcomes === 'string' ? outcomes : JSON.stringify(report(outcomes, dir)));
  if (facts) {
    writeFileSync(path.join(dir, 'run-facts.json'), JSON.stringify({
      run: { runId: `run-${name}`, seed: '7', startedAt: '2026-11-22T10:00:00.000Z', target: 'local', apiVersion: '62.0' },
      org: { orgId: '00D000000000001AAA', name: 'Acme', instance: 'local', isSandbox: true },
    }));
  }
  writeFileSync(path.join(work, 'requirements.yaml'), REGISTER);
  if (!existsSync(path.join(work, 'policy.yaml'))) writeFileSync(path.join(work, 'policy.yaml'), POLICY);
  return dir;
}

function gate(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, 'gate', ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GOLIVE_GATE_SIGNING_KEY: '', GOLIVE_REPORTS_DIR: '', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const common = ['--register', 'requirements.yaml', '--policy', 'policy.yaml'];
const PASSING: Outcome[] = [
  { title: 'a rep creates a lead', id: 'LTO-01', status: 'passed' },
  { title: 'a bad email is refused', id: 'DQ-02', status: 'passed' },
];

test('GO: exit 0, the verdict block, the record written and verifiable', () => {
  setup('go', PASSING);
  const result = gate(['--results', 'go/results.json', ...common]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^golive gate: GO\n/);
  assert.match(result.stdout, /2 of 2 scenarios ran: 2 passed, 0 failed, 0 flaky, 0 skipped/);
  assert.match(result.stdout, /record: go\/gate\/gate\.json/);
  const verdict = JSON.parse(readFileSync(path.join(work, 'go/gate/gate.json'), 'utf8'));
  assert.equal(verdict.schema, 'golive-gate/1');
  assert.equal(verdict.decision, 'GO');
  assert.equal(verdict.run.runId, 'run-go');
  assert.equal(verdict.policy.file, 'policy.yaml');

  const verified = spawnSync(process.execPath, [BIN, 'gate', 'verify', 'go/gate'], { cwd: work, encoding: 'utf8', env: { ...process.env, GOLIVE_GATE_SIGNING_KEY: '' } });
  assert.equal(verified.status, 0, verified.stderr);
  assert.match(verified.stdout, /intact/);
});

test('NO-GO: exit 1, the reason in the release manager words; a baseline gives the regression', () => {
  setup('nogo', [PASSING[0]!, { title: 'a bad email is refused', id: 'DQ-02', status: 'failed' }, { title: 'another lead', id: 'LTO-01', status: 'failed' }]);
  const result = gate(['--results', 'nogo/results.json', ...common, '--baseline', 'go/gate/gate.json', '--out', 'nogo-record']);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /^golive gate: NO-GO\n  1\. \[pass-rate\] LTO-01 A rep creates a lead \(blocker\): 1 of 2 scenarios failed — product defect\n/);
  assert.match(result.stdout, /since the baseline \(GO, .*\): 2 new failure\(s\), 0 fixed, 0 still failing/);
  const verdict = JSON.parse(readFileSync(path.join(work, 'nogo-record/gate.json'), 'utf8'));
  assert.equal(verdict.failures[0].evidence[0].path, 'test-results/shot.png');
});

test('tampered record: gate verify exits 1 naming the file', () => {
  const file = path.join(work, 'nogo-record/gate.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"NO-GO"', '"GO"'));
  const verified = spawnSync(process.execPath, [BIN, 'gate', 'verify', 'nogo-record'], { cwd: work, encoding: 'utf8', env: { ...process.env, GOLIVE_GATE_SIGNING_KEY: '' } });
  assert.equal(verified.status, 1);
  assert.match(verified.stderr, /gate\.json/);
});

const UNDECIDED: [string, () => string[], RegExp][] = [
  ['no results file', () => ['--results', 'missing/results.json', ...common], /^golive: gate cannot decide: no results at missing\/results\.json: run the UAT suite first/],
  ['a report with no scenarios', () => (setup('empty', []), ['--results', 'empty/results.json', ...common]), /^golive: gate cannot decide: no scenario results/],
  ['not JSON', () => (setup('broken', '{"suites": ['), ['--results', 'broken/results.json', ...common]), /^golive: gate cannot decide: broken\/results\.json is not valid JSON/],
  ['an unreadable policy', () => (setup('p', PASSING), writeFileSync(path.join(work, 'bad-policy.yaml'), 'passRate:\n  major: lots\n'), ['--results', 'p/results.json', '--register', 'requirements.yaml', '--policy', 'bad-policy.yaml']), /^golive: gate cannot decide: .*bad-policy\.yaml: passRate\.major is "lots"/],
  ['a scenario naming an unknown requirement', () => (setup('unknown', [{ title: 'typo', id: 'PERM-99', status: 'passed' }]), ['--results', 'unknown/results.json', ...common]), /^golive: gate cannot decide: scenarios name requirement ids the register does not know: PERM-99 \(in "typo"\)/],
  ['a baseline that is not a gate.json', () => (setup('b', PASSING), ['--results', 'b/results.json', ...common, '--baseline', 'b/results.json']), /^golive: gate cannot decide: baseline b\/results\.json is not a gate\.json/],
];

for (const [name, args, expected] of UNDECIDED) {
  test(`cannot decide, exit 2 with one line: ${name}`, () => {
    const result = gate(args());
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, expected);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
}

test('defaults: results from $GOLIVE_REPORTS_DIR, record in its gate folder; a missing run-facts.json is a note', () => {
  setup('from-env', PASSING, false);
  const result = gate(common, { GOLIVE_REPORTS_DIR: 'from-env' });
  assert.equal(result.code, 0, result.stderr);
  const verdict = JSON.parse(readFileSync(path.join(work, 'from-env/gate/gate.json'), 'utf8'));
  assert.equal(verdict.run.runId, 'unknown');
  assert.ok(verdict.notes.some((n: { rule: string; message: string }) => n.rule === 'run-facts' && n.message.includes('run-facts.json is missing')));
});

test('a wrong option is a usage error', () => {
  const result = gate(['--result', 'x']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^golive: .*--result.*Run 'golive gate --help'/);
});
