import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_POLICY, DEFAULT_POLICY_FILE, isCalendarDate, loadPolicy, parsePolicy, PolicyError } from '../../src/gate/policy/gatePolicy.ts';

const FILE = 'gate-policy.yaml';

test('the shipped policy has the defaults of the issue and no waivers', () => {
  const policy = loadPolicy();
  assert.equal(policy.file, DEFAULT_POLICY_FILE);
  const { file: _file, ...values } = policy;
  assert.deepEqual(values, DEFAULT_POLICY);
  assert.deepEqual(DEFAULT_POLICY.passRate, { blocker: 100, critical: 100, major: 95, minor: null });
  assert.deepEqual(DEFAULT_POLICY.flakyCountsAsFailure, ['blocker', 'critical']);
});

test('an empty file is the default policy; a partial one keeps the defaults it does not set', () => {
  const { file: _f, ...empty } = parsePolicy('', FILE);
  assert.deepEqual(empty, DEFAULT_POLICY);
  const partial = parsePolicy('passRate:\n  major: 90\nminExecutedScenarios: 5\n', FILE);
  assert.deepEqual(partial.passRate, { blocker: 100, critical: 100, major: 90, minor: null });
  assert.equal(partial.minExecutedScenarios, 5);
  assert.equal(partial.maxScenarioSeconds, 120);
});

test('waivers are read with their dates, one of requirement or scenario', () => {
  const policy = parsePolicy(
    `waivers:
  - requirement: MOB-03
    reason: ships in 2.1
    approver: Jane Doe
    expires: 2026-12-31
  - scenario: "scenarios/mobile/x.spec.ts › phone layout"
    reason: known
    approver: Jane Doe
    expires: '2027-01-15'
`,
    FILE,
  );
  assert.deepEqual(policy.waivers, [
    { requirement: 'MOB-03', reason: 'ships in 2.1', approver: 'Jane Doe', expires: '2026-12-31' },
    { scenario: 'scenarios/mobile/x.spec.ts › phone layout', reason: 'known', approver: 'Jane Doe', expires: '2027-01-15' },
  ]);
});

const WAIVER = (fields: string) => `waivers:\n  - ${fields.trim().split('\n').join('\n    ')}\n`;

const INVALID: [string, string, RegExp][] = [
  ['not YAML', 'passRate: [1,\n', /^gate-policy\.yaml:\d+:\d+: not valid YAML/],
  ['a list at the top', '- 1\n', /expected a mapping/],
  ['an unknown setting (typo)', 'passrate:\n  major: 90\n', /unknown setting 'passrate'/],
  ['an unknown severity in passRate', 'passRate:\n  showstopper: 100\n', /passRate has severity 'showstopper'; use blocker, critical, major, minor/],
  ['a pass rate over 100', 'passRate:\n  major: 105\n', /passRate\.major is 105; write a percent from 0 to 100/],
  ['a pass rate as text', 'passRate:\n  major: "95%"\n', /passRate\.major is "95%"/],
  ['an unknown severity in flakyCountsAsFailure', 'flakyCountsAsFailure: [blocker, urgent]\n', /'flakyCountsAsFailure' names severity 'urgent'/],
  ['coverageRequired not a list', 'coverageRequired: blocker\n', /'coverageRequired' must be a list/],
  ['a negative minimum', 'minExecutedScenarios: -1\n', /'minExecutedScenarios' is -1; write a whole number/],
  ['a fractional minimum', 'minExecutedScenarios: 2.5\n', /'minExecutedScenarios' is 2\.5/],
  ['max duration as text', 'maxScenarioSeconds: two minutes\n', /'maxScenarioSeconds' is "two minutes"/],
  ['waivers not a list', 'waivers: none\n', /'waivers' must be a list/],
  ['a waiver with both', WAIVER('requirement: LTO-01\nscenario: x\nreason: r\napprover: a\nexpires: 2026-12-31'), /waiver #1 \(LTO-01\) names both a requirement and a scenario; give exactly one/],
  ['a waiver with neither', WAIVER('reason: r\napprover: a\nexpires: 2026-12-31'), /waiver #1 names neither a requirement nor a scenario/],
  ['a waiver without approver', WAIVER('requirement: LTO-01\nreason: r\nexpires: 2026-12-31'), /waiver #1 \(LTO-01\) has no 'approver'/],
  ['a waiver without reason', WAIVER('requirement: LTO-01\nreason: "  "\napprover: a\nexpires: 2026-12-31'), /has no 'reason'/],
  ['a waiver without expiry', WAIVER('requirement: LTO-01\nreason: r\napprover: a'), /has no 'expires'/],
  ['a waiver with a bad date', WAIVER('requirement: LTO-01\nreason: r\napprover: a\nexpires: 2026-13-01'), /waiver #1 \(LTO-01\): expires '2026-13-01' is not a date; write it as YYYY-MM-DD/],
  ['a waiver dated in words', WAIVER('requirement: LTO-01\nreason: r\napprover: a\nexpires: end of year'), /expires 'end of year' is not a date/],
  ['a waiver with an unknown field', WAIVER('requirement: LTO-01\nreason: r\napprover: a\nexpires: 2026-12-31\nexpiry: 2027-01-01'), /unknown field 'expiry'/],
  ['a waiver that is a string', 'waivers:\n  - LTO-01\n', /waiver #1 is not a mapping/],
];

for (const [name, text, expected] of INVALID) {
  test(`policy error, one line naming file and entry: ${name}`, () => {
    assert.throws(
      () => parsePolicy(text, FILE),
      (err: unknown) => {
        assert.ok(err instanceof PolicyError, String(err));
        assert.match(err.message, expected);
        assert.ok(err.message.startsWith(FILE), err.message);
        assert.ok(!err.message.includes('\n'), err.message);
        return true;
      },
    );
  });
}

test('a policy file that cannot be read says which and what to do', () => {
  assert.throws(() => loadPolicy('/nonexistent/gate-policy.yaml'), /^PolicyError: Cannot read the gate policy \/nonexistent\/gate-policy\.yaml: check the path/);
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-policy-'));
  const file = path.join(dir, 'p.yaml');
  writeFileSync(file, 'maxScenarioSeconds: 30\n');
  assert.equal(loadPolicy(file).maxScenarioSeconds, 30);
});

test('calendar dates: real days only', () => {
  assert.ok(isCalendarDate('2028-02-29'));
  assert.ok(!isCalendarDate('2026-02-29'));
  assert.ok(!isCalendarDate('2026-2-1'));
  assert.ok(!isCalendarDate('2026-12-31T00:00'));
});
