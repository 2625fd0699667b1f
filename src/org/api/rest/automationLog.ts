import type { FastifyInstance } from 'fastify';
import type { AutomationKind } from '../../automation/AutomationLog.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import { toId18 } from '../../ids/salesforceId.ts';
import type { OrgServices } from '../OrgServices.ts';

const KINDS: AutomationKind[] = ['validationRule', 'duplicateRule', 'assignmentRule', 'flow'];

/**
 * GET /services/data/vNN.N/golive/automation-log?recordId=&since=&kind=&limit=
 *
 * Local-org only (Salesforce has no such resource): every flow, validation, duplicate and
 * assignment rule that ran, with record, user, outcome and time, oldest first. The harness
 * attaches it to a failed automation test so the report says which rule fired or did not.
 * Any authenticated user may read it: it is a test org's diagnostic, not data.
 */
export function automationLogRoutes(app: FastifyInstance, org: OrgServices): void {
  app.get('/golive/automation-log', async (req) => {
    const q = req.query as { recordId?: string; since?: string; kind?: string; limit?: string };
    let recordId: string | undefined;
    if (q.recordId) {
      recordId = toId18(q.recordId);
      if (!recordId) throw SfErrors.malformedIdValue(q.recordId);
    }
    if (q.kind && !KINDS.includes(q.kind as AutomationKind)) {
      throw SfErrors.invalidInput(`kind must be one of ${KINDS.join(', ')}, not '${q.kind}'`);
    }
    if (q.since && Number.isNaN(Date.parse(q.since))) throw SfErrors.invalidInput(`since must be an ISO date-time, not '${q.since}'`);
    const limit = q.limit === undefined ? 1000 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50_000) throw SfErrors.invalidInput(`limit must be a whole number from 1 to 50000, not '${q.limit}'`);
    const entries = org.automationLog.query({
      recordId,
      since: q.since ? new Date(q.since).toISOString() : undefined,
      kind: q.kind as AutomationKind | undefined,
      limit,
    });
    return { totalSize: entries.length, entries };
  });
}
