import type { LoginService } from '../auth/LoginService.ts';
import type { AutomationLog } from '../automation/AutomationLog.ts';
import type { LayoutService } from '../layouts/LayoutService.ts';
import type { LeadConverter } from '../leadConvert/LeadConverter.ts';
import type { OrgStore } from '../persistence/OrgStore.ts';
import type { DescribeService } from '../service/DescribeService.ts';
import type { RecordService } from '../service/RecordService.ts';
import type { QueryService } from '../service/QueryService.ts';
import type { UserContext } from '../service/UserContext.ts';

/** What the API handlers get from the composition root (app.ts): services, never concrete storage. */
export interface OrgServices {
  records: RecordService;
  describe: DescribeService;
  query: QueryService;
  login: LoginService;
  /** What automations did, for the local-only /golive/automation-log resource. */
  automationLog: AutomationLog;
  leadConverter: LeadConverter;
  /** Page layouts as each user sees them, for the UI's record pages and new/edit dialogs. */
  layouts: LayoutService;
  store: OrgStore;
  /** Counts API calls for /limits, per UTC day. */
  apiUsage: { count(): number; record(): void; max: number };
  /** The org's clock (tests move it). */
  now: () => Date;
  /** The org's public base URL as clients reach it (scheme://host:port), for identity URLs. */
  baseUrlOf(requestHost: string | undefined, protocol: string): string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set by the REST API's auth hook. */
    sfUser: UserContext;
    /** `NN.N` from the URL, validated. */
    apiVersion: string;
  }
}
