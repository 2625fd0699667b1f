import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GateKeyError } from '../../gate/integrity/gateKeys.ts';
import { verifyGateRecord } from '../../gate/integrity/verifyGateRecord.ts';
import { loadPolicy, PolicyError } from '../../gate/policy/gatePolicy.ts';
import { writeGateRecord } from '../../gate/record/writeGateRecord.ts';
import { loadRegister, RegisterError } from '../../gate/register/requirementRegister.ts';
import { readPlaywrightReport, ResultsError } from '../../gate/results/playwrightJson.ts';
import { readRunFacts } from '../../gate/results/readRunFacts.ts';
import { decideGoLive, GateInputError } from '../../gate/verdict/decideGoLive.ts';
import type { GateReason, Verdict } from '../../gate/verdict/verdictTypes.ts';
import { CliError, ExitCode } from '../exitCodes.ts';

const USAGE = `Usage: golive gate [--results <file>] [--register <file>] [--policy <file>] [--baseline <gate.json>] [--out <dir>]
       golive gate verify [dir] [--public-key <file>]

Decides GO / NO-GO for the go-live from a UAT run's results, the requirement register and the
gate policy, and writes the record: gate.json (schema golive-gate/1), gate.md, gate.html, sealed
by gate.sha256 (and signed when GOLIVE_GATE_SIGNING_KEY names a key file).

  --results   Playwright JSON report (default $GOLIVE_REPORTS_DIR/results.json or reports/results.json);
              run-facts.json is read from the same folder
  --register  requirement register (default scenarios/requirements.yaml)
  --policy    gate policy (default scenarios/gate-policy.yaml)
  --baseline  an earlier gate.json: the verdict lists new failures, fixes and what still fails
  --out       where the record goes (default <reports folder>/gate)

'verify' checks a record folder (default <reports>/gate): every file against gate.sha256 and the
signature (--public-key: the key that must have signed it).

Exit codes: 0 GO, 1 NO-GO, 2 cannot decide (no results, unreadable register or policy, unknown
requirement ids; the reason in one line). 'verify': 0 intact, 1 not intact.`;

function reportsDir(): string {
  return process.env.GOLIVE_REPORTS_DIR?.trim() || 'reports';
}

function cannotDecide(message: string): CliError {
  return new CliError(`gate cannot decide: ${message}`, ExitCode.undecided);
}

function readBaseline(file: string): Verdict {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `not readable JSON (${(error as Error).message.split('\n')[0]})`;
    throw cannotDecide(`baseline ${file} is ${why}; pass the gate.json of an earlier run.`);
  }
  if ((doc as Verdict | null)?.schema !== 'golive-gate/1' || !Array.isArray((doc as Verdict).failures)) {
    throw cannotDecide(`baseline ${file} is not a gate.json (schema golive-gate/1).`);
  }
  return doc as Verdict;
}

function reasonLine(reason: GateReason): string {
  return `[${reason.rule}] ${reason.message}`;
}

function printVerdict(verdict: Verdict, outDir: string): void {
  const t = verdict.totals;
  const lines = [`golive gate: ${verdict.decision}`];
  const shown = verdict.reasons.slice(0, 10);
  shown.forEach((reason, i) => lines.push(`  ${i + 1}. ${reasonLine(reason)}`));
  if (verdict.reasons.length > shown.length) lines.push(`  … and ${verdict.reasons.length - shown.length} more reasons (gate.md)`);
  lines.push(`  ${t.executed} of ${t.scenarios} scenarios ran: ${t.passed} passed, ${t.failed} failed, ${t.flaky} flaky, ${t.skipped} skipped`);
  const proven = verdict.requirements.filter((r) => r.status === 'proven').length;
  lines.push(`  ${proven} of ${verdict.requirements.length} requirements proven${verdict.waivers.applied.some((w) => w.excused.length > 0) ? `, ${verdict.requirements.filter((r) => r.status === 'waived').length} waived` : ''}`);
  if (verdict.notes.length > 0) lines.push(`  ${verdict.notes.length} note(s): expired or unknown waivers, reported-only failures… (gate.md)`);
  const reg = verdict.regression;
  if (reg) lines.push(`  since the baseline (${reg.baseline.decision}, ${reg.baseline.generatedAt}): ${reg.newFailures.length} new failure(s), ${reg.fixed.length} fixed, ${reg.stillFailing.length} still failing`);
  lines.push(`  record: ${path.join(outDir, 'gate.json')} (also gate.md, gate.html)`);
  console.log(lines.join('\n'));
}

async function verifyCommand(positionals: string[], publicKeyFile: string | undefined): Promise<number> {
  if (positionals.length > 1) throw new CliError(`'golive gate verify' takes one folder, not ${positionals.length}.`, ExitCode.usage);
  const dir = positionals[0] ?? path.join(reportsDir(), 'gate');
  const check = await verifyGateRecord(dir, { publicKeyFile });
  for (const note of check.notes) console.log(`golive: ${note}`);
  if (!check.ok) {
    for (const problem of check.problems) console.error(`golive: ${path.join(dir, problem)}`);
    throw new CliError(`the gate record in ${dir} is not intact (${check.problems.length} problem(s) listed above); do not rely on it.`, ExitCode.noGo);
  }
  console.log(`golive: gate record ${dir} intact (${check.digest}${check.signed ? `, signature checked with the ${check.keySource}` : ', not signed'}).`);
  return ExitCode.ok;
}

export async function gateCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        results: { type: 'string' },
        register: { type: 'string' },
        policy: { type: 'string' },
        baseline: { type: 'string' },
        out: { type: 'string' },
        'public-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message.split('\n')[0]} (in 'golive gate'). Run 'golive gate --help'.`, ExitCode.usage);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return ExitCode.ok;
  }
  if (positionals[0] === 'verify') return verifyCommand(positionals.slice(1), values['public-key']);
  if (positionals.length > 0) throw new CliError(`unexpected '${positionals[0]}' (in 'golive gate'). Run 'golive gate --help'.`, ExitCode.usage);

  const resultsFile = values.results ?? path.join(reportsDir(), 'results.json');
  const reports = path.dirname(path.resolve(resultsFile));
  const outDir = values.out ?? path.join(path.dirname(resultsFile), 'gate');

  let verdict: Verdict;
  try {
    const register = loadRegister(values.register ? path.resolve(values.register) : undefined);
    const policy = loadPolicy(values.policy ? path.resolve(values.policy) : undefined);
    const run = readPlaywrightReport(resultsFile, { reportsDir: reports });
    const facts = readRunFacts(reports, { startedAt: run.startTime, durationMs: run.durationMs });
    const baseline = values.baseline ? readBaseline(values.baseline) : undefined;
    verdict = decideGoLive({
      results: run.scenarios,
      setup: run.setup,
      runErrors: run.runErrors,
      register,
      policy: { ...policy, file: path.relative(process.cwd(), policy.file) || policy.file },
      runFacts: facts.run,
      org: facts.org,
      now: new Date(),
      baseline,
      notes: facts.note ? [{ rule: 'run-facts', message: facts.note }] : [],
    });
  } catch (err) {
    if (err instanceof RegisterError || err instanceof PolicyError || err instanceof ResultsError || err instanceof GateInputError) throw cannotDecide(err.message);
    throw err;
  }

  try {
    await writeGateRecord(outDir, verdict, { signingKeyFile: process.env.GOLIVE_GATE_SIGNING_KEY?.trim() || undefined });
  } catch (err) {
    // Without its record a verdict cannot be shown to anyone: no GO on the console alone.
    if (err instanceof GateKeyError) throw cannotDecide(err.message);
    throw cannotDecide(`could not write the gate record to ${outDir}: ${(err as Error).message.split('\n')[0]}`);
  }
  printVerdict(verdict, outDir);
  return verdict.decision === 'GO' ? ExitCode.ok : ExitCode.noGo;
}
