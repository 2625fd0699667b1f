import type { Verdict } from '../../src/gate/verdict/verdictTypes.ts';

/**
 * A hand-built NO-GO verdict with something in every section (failing blocker with evidence,
 * waived and not-run requirements, notes, waivers of all three states, regression), for the
 * record's tests and its screenshots. `title` lets a test slip hostile text into a scenario.
 */
export function fixtureVerdict(overrides: { scenarioTitle?: string; orgName?: string } = {}): Verdict {
  const failingTitle = overrides.scenarioTitle ?? 'A sales rep cannot see the opportunities of another region';
  const failingKey = `desktop-chrome › permissions/visibility.spec.ts › ${failingTitle}`;
  return {
    schema: 'golive-gate/1',
    decision: 'NO-GO',
    generatedAt: '2026-11-22T13:05:00.000Z',
    reasons: [
      { rule: 'pass-rate', message: 'PERM-04 (blocker) failed: 1 of 2 scenarios; blocker pass rate 75% is below 100%', requirement: 'PERM-04', severity: 'blocker', scenarios: [failingKey] },
      { rule: 'coverage', message: 'MOB-02 (critical) has no executed scenario', requirement: 'MOB-02', severity: 'critical' },
    ],
    notes: [{ rule: 'waiver-expired', message: 'The waiver for DQ-03 expired on 2026-10-31 and is no longer applied' }],
    requirements: [
      {
        id: 'LTO-01', title: 'A qualified lead converts into an account, contact and opportunity', area: 'lead-to-opportunity', severity: 'blocker', owner: 'Sales Operations', step: 'Convert', status: 'proven',
        scenarios: [
          { key: 'desktop-chrome › lto/convert.spec.ts › Convert a qualified lead', title: 'Convert a qualified lead', project: 'desktop-chrome', status: 'passed', durationMs: 8_400, evidence: [] },
          { key: 'pixel-7 › lto/convert.spec.ts › Convert a qualified lead', title: 'Convert a qualified lead', project: 'pixel-7', status: 'passed', durationMs: 9_100, evidence: [] },
        ],
      },
      {
        id: 'PERM-04', title: 'Sales reps see only their own region’s opportunities', area: 'permissions', severity: 'blocker', owner: 'Security', step: 'Pipeline review', status: 'failing',
        scenarios: [
          {
            key: failingKey, title: failingTitle, project: 'desktop-chrome', status: 'failed', durationMs: 12_250,
            triage: { kind: 'product-defect', reason: 'the API shows the record shared with the rep; the sharing rule is wrong' },
            evidence: [
              { name: 'screenshot', path: 'test-results/perm-visibility/test-failed-1.png', contentType: 'image/png' },
              { name: 'trace', path: 'test-results/perm-visibility/trace.zip', contentType: 'application/zip' },
              { name: 'video', path: 'test-results/perm-visibility/video.webm', contentType: 'video/webm' },
            ],
          },
          { key: 'desktop-chrome › permissions/visibility.spec.ts › A sales rep sees the opportunities of their own region', title: 'A sales rep sees the opportunities of their own region', project: 'desktop-chrome', status: 'passed', durationMs: 6_020, evidence: [] },
        ],
      },
      {
        id: 'DQ-03', title: 'Duplicate leads are blocked by the matching rule', area: 'data-quality', severity: 'major', owner: 'Marketing', step: 'Capture', status: 'waived',
        waiver: { requirement: 'DQ-03', reason: 'Matching rule ships in release 2', approver: 'J. Doe (Sales Ops)', expires: '2026-12-31', excused: ['desktop-chrome › dq/dupes.spec.ts › Block a duplicate lead'] },
        scenarios: [
          { key: 'desktop-chrome › dq/dupes.spec.ts › Block a duplicate lead', title: 'Block a duplicate lead', project: 'desktop-chrome', status: 'failed', durationMs: 4_300, triage: { kind: 'test-defect', reason: "the test's locator matched several elements (strict mode violation)" }, evidence: [] },
        ],
      },
      { id: 'MOB-02', title: 'Field reps log a call from the phone', area: 'mobile', severity: 'critical', owner: 'Field Sales', step: 'Activity', status: 'not-run', scenarios: [] },
    ],
    severities: [
      { severity: 'blocker', requiredPassRate: 100, requirements: 2, executedScenarios: 4, passed: 3, failed: 1, flaky: 0, waived: 0, passRate: 75, met: false },
      { severity: 'critical', requiredPassRate: 100, requirements: 1, executedScenarios: 0, passed: 0, failed: 0, flaky: 0, waived: 0, passRate: null, met: true },
      { severity: 'major', requiredPassRate: 95, requirements: 1, executedScenarios: 1, passed: 0, failed: 1, flaky: 0, waived: 1, passRate: 100, met: true },
      { severity: 'minor', requiredPassRate: null, requirements: 0, executedScenarios: 0, passed: 0, failed: 0, flaky: 0, waived: 0, passRate: null, met: true },
    ],
    matrix: {
      personas: ['salesRep', 'salesManager'],
      devices: ['desktop-chrome', 'pixel-7', 'iphone-14'],
      cells: [
        { persona: 'salesRep', device: 'desktop-chrome', passed: 2, failed: 1, total: 3 },
        { persona: 'salesRep', device: 'pixel-7', passed: 1, failed: 0, total: 1 },
        { persona: 'salesManager', device: 'desktop-chrome', passed: 1, failed: 0, total: 1 },
      ],
    },
    failures: [
      {
        key: failingKey, title: failingTitle, project: 'desktop-chrome', requirements: ['PERM-04'], personas: ['salesRep'], status: 'failed',
        error: { message: 'expect(locator).toHaveCount(expected)\n\nExpected: 0\nReceived: 1 <tr> "Globex – EMEA renewal"', location: 'scenarios/permissions/visibility.spec.ts:41' },
        triage: { kind: 'product-defect', reason: 'the API shows the record shared with the rep; the sharing rule is wrong' },
        evidence: [{ name: 'screenshot', path: 'test-results/perm-visibility/test-failed-1.png', contentType: 'image/png' }],
        waived: false,
      },
      {
        key: 'desktop-chrome › dq/dupes.spec.ts › Block a duplicate lead', title: 'Block a duplicate lead', project: 'desktop-chrome', requirements: ['DQ-03'], personas: ['salesRep'], status: 'failed',
        error: { message: 'strict mode violation: getByRole(\'button\', { name: \'Save\' }) resolved to 2 elements' },
        triage: { kind: 'test-defect', reason: "the test's locator matched several elements (strict mode violation)" },
        evidence: [], waived: true,
      },
    ],
    waivers: {
      applied: [{ requirement: 'DQ-03', reason: 'Matching rule ships in release 2', approver: 'J. Doe (Sales Ops)', expires: '2026-12-31', excused: ['desktop-chrome › dq/dupes.spec.ts › Block a duplicate lead'] }],
      expired: [{ requirement: 'LTO-05', reason: 'Lead source picklist pending', approver: 'A. Smith', expires: '2026-10-31' }],
      unknown: [{ scenario: 'desktop-chrome › old.spec.ts › removed scenario', reason: 'Legacy', approver: 'A. Smith', expires: '2027-01-31' }],
    },
    totals: { scenarios: 6, executed: 5, passed: 3, failed: 2, flaky: 0, skipped: 1, durationMs: 40_070 },
    run: { runId: 'run-2026-11-22T1300-7f3a', seed: '424242', startedAt: '2026-11-22T13:00:00.000Z', durationMs: 312_000, target: 'local', apiVersion: '62.0', commit: '2a45c61f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b', shards: 1 },
    org: { orgId: '00D000000000001EAA', name: overrides.orgName ?? 'Acme Corp (UAT)', instance: 'http://127.0.0.1:40111', isSandbox: true, metadataSha256: '9f2c4e1a7b3d5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d', metadataPath: 'orgs/default' },
    policy: {
      file: 'scenarios/gate-policy.yaml',
      passRate: { blocker: 100, critical: 100, major: 95, minor: null },
      flakyCountsAsFailure: ['blocker', 'critical'],
      coverageRequired: ['blocker', 'critical'],
      minExecutedScenarios: 1,
      maxScenarioSeconds: 120,
      waivers: [],
    },
    regression: {
      baseline: { decision: 'GO', generatedAt: '2026-11-21T18:00:00.000Z', runId: 'run-2026-11-21T1800-1b2c' },
      newFailures: [failingKey],
      fixed: [],
      stillFailing: ['desktop-chrome › dq/dupes.spec.ts › Block a duplicate lead'],
      requirementChanges: [{ id: 'PERM-04', before: 'proven', after: 'failing' }],
    },
  };
}
