import type { OrgFingerprint, RunFacts } from '../results/scenarioResult.ts';

/**
 * The run's facts as the Allure report's environment (and report variables): what a reader needs
 * to know which org and which suite the results are about. Absent facts are left out rather than
 * shown as "undefined".
 */
export function allureEnvironment(run: RunFacts, org: OrgFingerprint): Record<string, string> {
  const facts: [string, string | undefined][] = [
    ['Target', run.target],
    ['Org id', org.orgId],
    ['Org name', org.name],
    ['Instance', org.instance],
    ['Org kind', org.isSandbox ? 'sandbox' : 'production'],
    ['API version', run.apiVersion],
    ['Run id', run.runId],
    ['Commit', run.commit],
    ['Data seed', run.seed],
    ['Metadata SHA-256', org.metadataSha256],
  ];
  return Object.fromEntries(facts.filter((entry): entry is [string, string] => Boolean(entry[1])));
}
