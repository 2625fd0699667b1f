import type { EvidenceFile, ScenarioStatus, Triage } from '../results/scenarioResult.ts';
import type {
  AppliedWaiver,
  Failure,
  GateReason,
  RequirementStatus,
  RequirementVerdict,
  ScenarioRef,
  Verdict,
  Waiver,
} from '../verdict/verdictTypes.ts';
import { GATE_CSS } from './gateStyles.ts';
import { evidenceHref, markup, toHtml, trusted, type Markup } from './htmlTemplate.ts';
import {
  decisionSentence,
  formatDuration,
  formatPercent,
  passedSummary,
  REQUIREMENT_STATUS_LABEL,
  requirementsByConcern,
  RULE_LABEL,
  SCENARIO_STATUS_LABEL,
  TRIAGE_LABEL,
} from './recordWording.ts';

/**
 * gate.html: the one page the release manager reads. Verdict and reasons first, then the
 * traceability matrix (requirement → scenarios per device → result → evidence, with triage),
 * then the detail. Self-contained: inline CSS, no script, nothing fetched (the CSP says so).
 * Every status is written out in words; colour only repeats it.
 */

type Tone = 'ok' | 'bad' | 'warn' | 'idle';

const REQUIREMENT_TONE: Readonly<Record<RequirementStatus, Tone>> = { proven: 'ok', failing: 'bad', waived: 'warn', 'not-run': 'idle' };
const SCENARIO_TONE: Readonly<Record<ScenarioStatus, Tone>> = {
  passed: 'ok',
  failed: 'bad',
  timedOut: 'bad',
  interrupted: 'bad',
  flaky: 'warn',
  skipped: 'idle',
};
const TONE_MARK: Readonly<Record<Tone, string>> = { ok: '✓', bad: '✗', warn: '!', idle: '–' };

function pill(tone: Tone, text: string): Markup {
  return markup`<span class="pill ${tone}"><span aria-hidden="true">${TONE_MARK[tone]} </span>${text}</span>`;
}

/** A table in its own scrolling frame: the page never scrolls sideways on a phone. */
function framed(label: string, table: Markup): Markup {
  // Focusable so a keyboard can scroll it; named apart from its section, landmarks must differ.
  return markup`<div class="table-frame" role="region" aria-label="${`${label} table`}" tabindex="0">${table}</div>`;
}

function evidenceLabel(file: EvidenceFile): string {
  const type = file.contentType.toLowerCase();
  const name = file.name.toLowerCase();
  if (type.startsWith('image/') || name.includes('screenshot')) return 'Screenshot';
  if (type.startsWith('video/') || name.includes('video')) return 'Video';
  if (name.includes('trace') || type === 'application/zip') return 'Trace';
  return file.name;
}

function evidenceList(files: readonly EvidenceFile[]): Markup {
  if (files.length === 0) return markup`<span class="small">none</span>`;
  return markup`<ul class="evidence">${files.map((file) => {
    const href = evidenceHref(file.path);
    const label = evidenceLabel(file);
    return href
      ? markup`<li><a href="${href}" title="${file.path}">${label}</a></li>`
      : markup`<li>${label} <span class="small">(${file.path}: outside the reports folder, not linked)</span></li>`;
  })}</ul>`;
}

function triageCell(triage: Triage | undefined): Markup {
  if (!triage) return markup`<span class="small">–</span>`;
  return markup`<div class="triage"><strong>${TRIAGE_LABEL[triage.kind]}</strong><span class="small">${triage.reason}</span></div>`;
}

function reasonItem(reason: GateReason): Markup {
  return markup`<li><span class="rule">${RULE_LABEL[reason.rule]}</span>${reason.message}</li>`;
}

function verdictSection(verdict: Verdict): Markup {
  const go = verdict.decision === 'GO';
  const proven = verdict.requirements.filter((r) => r.status === 'proven').length;
  const failingBlockers = verdict.requirements.filter((r) => r.status === 'failing' && (r.severity === 'blocker' || r.severity === 'critical')).length;
  return markup`<section class="verdict ${go ? 'verdict-go' : 'verdict-nogo'}" aria-labelledby="verdict-heading">
<h2 id="verdict-heading"><span class="decision">${verdict.decision}</span><span>${go ? 'Go live' : 'Do not go live'}</span></h2>
<p class="sentence">${decisionSentence(verdict)}</p>
<ul class="figures">
<li><strong>${verdict.totals.passed} / ${verdict.totals.executed}</strong><span>scenarios passed</span></li>
<li><strong>${proven} / ${verdict.requirements.length}</strong><span>requirements proven</span></li>
<li><strong>${failingBlockers}</strong><span>blocker or critical requirements failing</span></li>
<li><strong>${verdict.failures.length}</strong><span>failures to triage</span></li>
</ul>
${verdict.reasons.length
    ? markup`<h3>Reasons</h3><ol class="reasons">${verdict.reasons.map(reasonItem)}</ol>`
    : markup`<h3>Reasons</h3><p>None: every rule of the policy is met.</p>`}
${verdict.notes.length ? markup`<div class="notes"><h3>Also flagged (not deciding)</h3><ul class="reasons">${verdict.notes.map(reasonItem)}</ul></div>` : ''}
</section>`;
}

function scenarioCells(scenario: ScenarioRef): Markup {
  return markup`<td class="scenario">${scenario.title}</td>
<td class="nowrap">${scenario.project}</td>
<td>${pill(SCENARIO_TONE[scenario.status], SCENARIO_STATUS_LABEL[scenario.status])}</td>
<td class="num">${formatDuration(scenario.durationMs)}</td>
<td>${evidenceList(scenario.evidence)}</td>
<td>${triageCell(scenario.triage)}</td>`;
}

function requirementGroup(requirement: RequirementVerdict): Markup {
  const rows = Math.max(requirement.scenarios.length, 1);
  const head = markup`<th scope="rowgroup" rowspan="${rows}"><span class="req-id">${requirement.id}</span><span class="req-title">${requirement.title}</span><span class="small"><span class="sev">${requirement.severity}</span> · ${requirement.owner} · ${requirement.step}</span></th>
<td rowspan="${rows}">${pill(REQUIREMENT_TONE[requirement.status], REQUIREMENT_STATUS_LABEL[requirement.status])}${requirement.waiver ? markup`<div class="small">Waived by ${requirement.waiver.approver} until ${requirement.waiver.expires}</div>` : ''}</td>`;
  const [first, ...rest] = requirement.scenarios;
  const firstRow = first ? markup`<tr>${head}${scenarioCells(first)}</tr>` : markup`<tr>${head}<td colspan="6" class="empty">No scenario covers this requirement.</td></tr>`;
  return markup`<tbody class="requirement">${firstRow}${rest.map((s) => markup`<tr>${scenarioCells(s)}</tr>`)}</tbody>`;
}

function traceabilitySection(verdict: Verdict): Markup {
  const table = markup`<table class="wide">
<caption>Failing requirements first, then not run, waived and proven; most severe first.</caption>
<thead><tr><th scope="col">Requirement</th><th scope="col">Status</th><th scope="col">Scenario</th><th scope="col">Device</th><th scope="col">Result</th><th scope="col">Time</th><th scope="col">Evidence</th><th scope="col">Triage</th></tr></thead>
${requirementsByConcern(verdict.requirements).map(requirementGroup)}
</table>`;
  return markup`<section aria-labelledby="trace-heading"><h2 id="trace-heading">Traceability matrix</h2>
<p>Each requirement of the register, the scenarios that prove it on each device, their result and the evidence behind it.</p>
${framed('Traceability matrix', table)}</section>`;
}

function failureCard(failure: Failure): Markup {
  return markup`<article class="failure${failure.waived ? ' waived' : ''}" aria-labelledby="${`failure-${hashId(failure.key)}`}">
<h3 id="${`failure-${hashId(failure.key)}`}">${failure.title}</h3>
<p>${pill(SCENARIO_TONE[failure.status], SCENARIO_STATUS_LABEL[failure.status])} on <strong>${failure.project}</strong>${failure.waived ? markup` · ${pill('warn', 'Waived')}` : ''} · requirements ${failure.requirements.join(', ') || 'none'}${failure.personas.length ? markup` · personas ${failure.personas.join(', ')}` : ''}</p>
<p><strong>${TRIAGE_LABEL[failure.triage.kind]}:</strong> ${failure.triage.reason}</p>
${failure.error ? markup`<pre>${failure.error.message}</pre>${failure.error.location ? markup`<p class="small">at <code>${failure.error.location}</code></p>` : ''}` : ''}
<div class="evidence-row"><strong>Evidence:</strong> ${evidenceList(failure.evidence)}</div>
</article>`;
}

/** A short, stable, id-safe token for a scenario key (ids must not carry the key's spaces and arrows). */
function hashId(key: string): string {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function failuresSection(verdict: Verdict): Markup {
  return markup`<section aria-labelledby="failures-heading"><h2 id="failures-heading">Failures</h2>
${verdict.failures.length ? verdict.failures.map(failureCard) : markup`<p class="empty">No scenario failed.</p>`}</section>`;
}

function severitySection(verdict: Verdict): Markup {
  const table = markup`<table class="medium"><thead><tr><th scope="col">Severity</th><th scope="col">Required</th><th scope="col">Pass rate</th><th scope="col">Met</th><th scope="col" class="num">Requirements</th><th scope="col" class="num">Executed</th><th scope="col" class="num">Passed</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Flaky</th><th scope="col" class="num">Waived</th></tr></thead>
<tbody>${verdict.severities.map((t) => markup`<tr><th scope="row" class="sev">${t.severity}</th>
<td class="num">${t.requiredPassRate === null ? 'reported only' : formatPercent(t.requiredPassRate)}</td>
<td class="num">${formatPercent(t.passRate)}</td>
<td>${t.requiredPassRate === null ? pill('idle', 'Not judged') : t.passRate === null ? pill('idle', 'None ran') : t.met ? pill('ok', 'Met') : pill('bad', 'Not met')}</td>
<td class="num">${t.requirements}</td><td class="num">${t.executedScenarios}</td><td class="num">${t.passed}</td><td class="num">${t.failed}</td><td class="num">${t.flaky}</td><td class="num">${t.waived}</td></tr>`)}</tbody></table>`;
  return markup`<section aria-labelledby="severity-heading"><h2 id="severity-heading">Pass rate by severity</h2>${framed('Pass rate by severity', table)}</section>`;
}

function matrixSection(verdict: Verdict): Markup {
  const { personas, devices, cells } = verdict.matrix;
  if (personas.length === 0 || devices.length === 0) {
    return markup`<section aria-labelledby="matrix-heading"><h2 id="matrix-heading">Personas × devices</h2><p class="empty">No scenario named a persona.</p></section>`;
  }
  const cell = (persona: string, device: string): Markup => {
    const c = cells.find((x) => x.persona === persona && x.device === device);
    if (!c || c.total === 0) return markup`<td><span class="small">not run</span></td>`;
    return markup`<td>${pill(c.failed ? 'bad' : 'ok', `${c.passed} of ${c.total} passed`)}</td>`;
  };
  const table = markup`<table><thead><tr><th scope="col">Persona</th>${devices.map((d) => markup`<th scope="col">${d}</th>`)}</tr></thead>
<tbody>${personas.map((p) => markup`<tr><th scope="row">${p}</th>${devices.map((d) => cell(p, d))}</tr>`)}</tbody></table>`;
  return markup`<section aria-labelledby="matrix-heading"><h2 id="matrix-heading">Personas × devices</h2>${framed('Personas by devices', table)}</section>`;
}

function waiverRow(kind: Markup, waiver: Waiver | AppliedWaiver): Markup {
  const excused = 'excused' in waiver ? waiver.excused.join(', ') || '–' : '–';
  return markup`<tr><td>${kind}</td><th scope="row">${waiver.requirement ?? waiver.scenario ?? '?'}</th><td>${waiver.reason}</td><td>${waiver.approver}</td><td class="nowrap">${waiver.expires}</td><td>${excused}</td></tr>`;
}

function waiversSection(verdict: Verdict): Markup {
  const { applied, expired, unknown } = verdict.waivers;
  const rows = [
    ...applied.map((w) => waiverRow(pill('warn', 'Applied'), w)),
    ...expired.map((w) => waiverRow(pill('bad', 'Expired'), w)),
    ...unknown.map((w) => waiverRow(pill('bad', 'Unknown target'), w)),
  ];
  const body = rows.length
    ? framed('Waivers', markup`<table class="medium"><thead><tr><th scope="col">State</th><th scope="col">Requirement or scenario</th><th scope="col">Reason</th><th scope="col">Approver</th><th scope="col">Expires</th><th scope="col">Excused in this run</th></tr></thead><tbody>${rows}</tbody></table>`)
    : markup`<p class="empty">No waivers in the policy.</p>`;
  return markup`<section aria-labelledby="waivers-heading"><h2 id="waivers-heading">Waivers</h2>${body}</section>`;
}

function keyList(label: string, keys: readonly string[]): Markup {
  return markup`<h3>${label} (${keys.length})</h3>${keys.length ? markup`<ul>${keys.map((k) => markup`<li>${k}</li>`)}</ul>` : markup`<p class="empty">None.</p>`}`;
}

function regressionSection(verdict: Verdict): Markup {
  const regression = verdict.regression;
  if (!regression) return markup``;
  const { baseline } = regression;
  const changes = regression.requirementChanges.length
    ? framed('Requirement changes', markup`<table><thead><tr><th scope="col">Requirement</th><th scope="col">Before</th><th scope="col">Now</th></tr></thead><tbody>${regression.requirementChanges.map(
        (c) => markup`<tr><th scope="row">${c.id}</th><td>${pill(REQUIREMENT_TONE[c.before], REQUIREMENT_STATUS_LABEL[c.before])}</td><td>${pill(REQUIREMENT_TONE[c.after], REQUIREMENT_STATUS_LABEL[c.after])}</td></tr>`,
      )}</tbody></table>`)
    : markup`<p class="empty">No requirement changed status.</p>`;
  return markup`<section aria-labelledby="regression-heading"><h2 id="regression-heading">Since the baseline</h2>
<p>Baseline: ${baseline.decision} of ${baseline.generatedAt}${baseline.runId ? markup`, run ${baseline.runId}` : ''}.</p>
${keyList('New failures', regression.newFailures)}${keyList('Fixed', regression.fixed)}${keyList('Still failing', regression.stillFailing)}
<h3>Requirement changes</h3>${changes}</section>`;
}

function fact(term: string, value: unknown): Markup {
  return value === undefined || value === '' ? markup`` : markup`<dt>${term}</dt><dd>${value}</dd>`;
}

function runSection(verdict: Verdict): Markup {
  const { run, org, totals } = verdict;
  return markup`<section aria-labelledby="run-heading"><h2 id="run-heading">Run and org</h2>
<h3>Org fingerprint</h3><dl class="facts">
${fact('Org', org.name)}${fact('Org id', org.orgId)}${fact('Instance', org.instance)}${fact('Kind', org.isSandbox ? 'Sandbox' : 'Production')}
${org.metadataSha256 ? markup`<dt>Metadata SHA-256</dt><dd><code>${org.metadataSha256}</code></dd>` : ''}${fact('Metadata folder', org.metadataPath)}
</dl>
<h3>Run</h3><dl class="facts">
${fact('Run id', run.runId)}${fact('Target', run.target)}${fact('API version', run.apiVersion)}
${run.commit ? markup`<dt>Commit</dt><dd><code>${run.commit}</code></dd>` : ''}
${fact('Started', run.startedAt)}${fact('Wall time', run.durationMs === undefined ? undefined : formatDuration(run.durationMs))}
${fact('Data seed', run.seed)}${fact('Shards', run.shards === undefined ? undefined : String(run.shards))}
${fact('Scenarios', `${passedSummary(verdict)}; ${totals.scenarios} in all, ${formatDuration(totals.durationMs)} of scenario time`)}
${fact('Verdict generated', verdict.generatedAt)}
</dl></section>`;
}

function policySection(verdict: Verdict): Markup {
  const { policy } = verdict;
  const rates = (Object.entries(policy.passRate) as [string, number | null][]).map(([severity, rate]) => `${severity} ${rate === null ? 'reported only' : formatPercent(rate)}`).join(', ');
  return markup`<section aria-labelledby="policy-heading"><h2 id="policy-heading">Policy</h2><dl class="facts">
${fact('File', policy.file)}${fact('Required pass rate', rates)}
${fact('Flaky counts as failed for', policy.flakyCountsAsFailure.join(', ') || 'none')}
${fact('Coverage required for', policy.coverageRequired.join(', ') || 'none')}
${fact('Minimum executed scenarios', String(policy.minExecutedScenarios))}
${fact('Longest scenario allowed', `${policy.maxScenarioSeconds} s`)}
${fact('Waivers in the policy', String(policy.waivers.length))}
</dl></section>`;
}

export function renderGateHtml(verdict: Verdict): string {
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${verdict.decision}: go-live gate for ${verdict.org.name}</title>
<style>${trusted(GATE_CSS)}</style>
</head>
<body>
<div class="page">
<header class="masthead">
<p class="eyebrow">Go-live gate record</p>
<h1>${verdict.org.name}</h1>
<p class="facts-line">${verdict.org.orgId} · ${verdict.org.isSandbox ? 'sandbox' : 'production'} · ${verdict.run.target} target · API ${verdict.run.apiVersion} · run ${verdict.run.runId} · generated ${verdict.generatedAt}</p>
</header>
<main>
${verdictSection(verdict)}
${traceabilitySection(verdict)}
${failuresSection(verdict)}
${severitySection(verdict)}
${matrixSection(verdict)}
${waiversSection(verdict)}
${regressionSection(verdict)}
${runSection(verdict)}
${policySection(verdict)}
</main>
<footer><p>This record is sealed: gate.sha256 holds the SHA-256 of gate.json, gate.md and this page (and gate.sig a signature when a signing key is configured). Check that nothing was edited with <code>npx golive gate verify</code>.</p></footer>
</div>
</body>
</html>
`;
  return toHtml(page);
}
