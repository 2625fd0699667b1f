import type { Connection } from 'jsforce';
import { orgIdentity } from '../target/orgIdentity.ts';

/**
 * The production guard. UAT data belongs in sandboxes: against an org whose
 * Organization.IsSandbox is false the harness refuses to start, unless the user opts in with
 * GOLIVE_ALLOW_PRODUCTION=read-only, and then only scenarios tagged @readonly may run and the
 * record factory refuses every create.
 */
export type WriteMode = 'read-write' | 'read-only';

export const READONLY_TAG = '@readonly';
const OVERRIDE_VAR = 'GOLIVE_ALLOW_PRODUCTION';

export class ProductionGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProductionGuardError';
  }
}

/** What the harness may do on this org: throws when it may not run at all. */
export async function writeModeFor(conn: Connection, env: NodeJS.ProcessEnv = process.env): Promise<WriteMode> {
  const org = await orgIdentity(conn);
  if (org.isSandbox) return 'read-write';
  const override = env[OVERRIDE_VAR];
  if (override === 'read-only') return 'read-only';
  if (override !== undefined && override !== '') {
    throw new ProductionGuardError(`${OVERRIDE_VAR}='${override}' is not understood; the only accepted value is 'read-only'.`);
  }
  throw new ProductionGuardError(
    `refusing to run against production org ${org.orgId} (${org.instanceUrl}): Organization.IsSandbox is false. ` +
      `Point the run at a sandbox, or set ${OVERRIDE_VAR}=read-only and run only ${READONLY_TAG} scenarios (--grep ${READONLY_TAG}).`,
  );
}

/** For the fixture: a scenario without @readonly must not run against production, even read-only. */
export function assertScenarioAllowed(mode: WriteMode, tags: readonly string[], title: string): void {
  if (mode === 'read-only' && !tags.includes(READONLY_TAG)) {
    throw new ProductionGuardError(
      `'${title}' is not tagged ${READONLY_TAG}, and this is a production org opened with ${OVERRIDE_VAR}=read-only; run only read-only scenarios (--grep ${READONLY_TAG}).`,
    );
  }
}

/** For the record factory: the one-line refusal of a create in read-only mode. */
export function refuseCreate(object: string): never {
  throw new ProductionGuardError(
    `refusing to create ${object} records: this is a production org opened with ${OVERRIDE_VAR}=read-only, which allows no test data.`,
  );
}
