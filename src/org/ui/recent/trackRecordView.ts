import type { UiDeps } from '../UiDeps.ts';
import type { UiUser } from '../session/UiSessions.ts';

/**
 * What a record page calls when it shows a record to a user: feeds the Recently Viewed list
 * views and Home's Recent Records. Call it only after the record was read as that user (so a
 * record the user may not see is never tracked).
 */
export function trackRecordView(deps: Pick<UiDeps, 'recent'>, user: UiUser, objectName: string, recordId: string): void {
  deps.recent.recordView(user.context.userId, objectName, recordId);
}
