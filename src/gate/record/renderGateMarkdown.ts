import type { Severity } from '../register/requirementRegister.ts';
import type { RequirementVerdict, Verdict } from '../verdict/verdictTypes.ts';
import { mdText } from './markdownText.ts';
import {
  decisionSentence,
  formatDuration,
  formatPercent,
  passedSummary,
  REQUIREMENT_STATUS_LABEL,
  requirementsAtRisk,
  RULE_LABEL,
  TRIAGE_LABEL,
} from './recordWording.ts';

/**
 * gate.md: the verdict short enough for a pull-request comment or an email (well under 60
 * lines whatever the run), pointing to gate.html for everything else. Lists are capped; what is
 * cut is counted, never silently dropped.
 */

const MAX_REASONS = 8;
const MAX_AT_RISK = 12;

function triageSummary(requirement: RequirementVerdict): string {
  const kinds = [...new Set(requirement.scenarios.flatMap((s) => (s.triage ? [TRIAGE_LABEL[s.triage.kind]] : [])))];
  return kinds.length ? kinds.join(', ') : '–';
}

function scenarioSummary(requirement: RequirementVerdict): string {
  const executed = requirement.scenarios.filter((s) => s.status !== 'skipped');
  if (executed.length === 0) return 'none executed';
  const failed = executed.filter((s) => s.status !== 'passed').length;
  return failed ? `${failed} of ${executed.length} not passed` : `${executed.length} passed`;
}

function more(count: number, what: string): string[] {
  return count > 0 ? [`- …and ${count} more ${what} in gate.html`] : [];
}

function requirementCounts(verdict: Verdict): string {
  const count = (status: RequirementVerdict['status']): number => verdict.requirements.filter((r) => r.status === status).length;
  return `${count('proven')} proven, ${count('failing')} failing, ${count('waived')} waived, ${count('not-run')} not run (of ${verdict.requirements.length})`;
}

function severityLine(verdict: Verdict): string {
  return verdict.severities
    .map((t) => {
      const required = t.requiredPassRate === null ? 'reported only' : `needs ${formatPercent(t.requiredPassRate)}`;
      const met = t.requiredPassRate === null ? '' : t.passRate === null ? ', none ran' : t.met ? ' met' : ' NOT MET';
      return `${t.severity as Severity} ${formatPercent(t.passRate)} (${required})${met}`;
    })
    .join('; ');
}

export function renderGateMarkdown(verdict: Verdict): string {
  const { org, run } = verdict;
  const lines: string[] = [];
  lines.push(`# Go-live gate: ${verdict.decision}`, '');
  lines.push(`**${verdict.decision}** for ${mdText(org.name, 80)} (${mdText(org.orgId, 24)}). ${decisionSentence(verdict)}`, '');

  lines.push('## Reasons', '');
  if (verdict.reasons.length === 0) lines.push('- None: every rule of the policy is met.');
  for (const reason of verdict.reasons.slice(0, MAX_REASONS)) lines.push(`- **${RULE_LABEL[reason.rule]}**: ${mdText(reason.message)}`);
  lines.push(...more(verdict.reasons.length - MAX_REASONS, 'reasons'));
  if (verdict.notes.length) lines.push(`- Also flagged, not deciding: ${verdict.notes.length} ${verdict.notes.length === 1 ? 'note' : 'notes'} (see gate.html).`);
  lines.push('');

  const atRisk = requirementsAtRisk(verdict);
  if (atRisk.length) {
    lines.push('## Requirements not proven', '');
    lines.push('| Requirement | Severity | Status | Scenarios | Triage |', '| --- | --- | --- | --- | --- |');
    for (const r of atRisk.slice(0, MAX_AT_RISK)) {
      lines.push(`| ${mdText(r.id, 20)} ${mdText(r.title, 70)} | ${r.severity} | ${REQUIREMENT_STATUS_LABEL[r.status]} | ${scenarioSummary(r)} | ${triageSummary(r)} |`);
    }
    if (atRisk.length > MAX_AT_RISK) lines.push('', ...more(atRisk.length - MAX_AT_RISK, 'requirements'));
    lines.push('');
  }

  lines.push('## Counts', '');
  lines.push(`- Scenarios: ${passedSummary(verdict)} (${verdict.totals.scenarios} in all, ${formatDuration(verdict.totals.durationMs)}).`);
  lines.push(`- Requirements: ${requirementCounts(verdict)}.`);
  lines.push(`- Pass rate by severity: ${severityLine(verdict)}.`);
  const { applied, expired, unknown } = verdict.waivers;
  if (applied.length + expired.length + unknown.length) lines.push(`- Waivers: ${applied.length} applied, ${expired.length} expired, ${unknown.length} unknown.`);
  if (verdict.regression) {
    const g = verdict.regression;
    lines.push(`- Since the baseline (${g.baseline.decision}, ${mdText(g.baseline.generatedAt, 30)}): ${g.newFailures.length} new ${g.newFailures.length === 1 ? 'failure' : 'failures'}, ${g.fixed.length} fixed, ${g.stillFailing.length} still failing.`);
  }
  lines.push('');

  lines.push('## Org and run', '');
  const sandbox = org.isSandbox ? 'sandbox' : 'production';
  lines.push(`- Org: ${mdText(org.name, 80)}, ${mdText(org.orgId, 24)}, ${sandbox}, ${mdText(org.instance, 80)}.`);
  if (org.metadataSha256) lines.push(`- Metadata SHA-256: \`${mdText(org.metadataSha256, 64)}\`.`);
  const commit = run.commit ? `, commit ${mdText(run.commit.slice(0, 12), 12)}` : '';
  lines.push(`- Run ${mdText(run.runId, 60)}: target ${run.target}, API ${mdText(run.apiVersion, 10)}${commit}, started ${mdText(run.startedAt, 30)}, seed ${mdText(run.seed, 30)}.`);
  lines.push(`- Generated ${mdText(verdict.generatedAt, 30)} under policy ${mdText(verdict.policy.file, 80)}.`);
  lines.push('');
  lines.push('Full record: [gate.html](gate.html) (machine-readable: gate.json). Check it has not been edited: `npx golive gate verify`.');
  return `${lines.join('\n')}\n`;
}
