/**
 * Whether a failure's message says the run could not use the org at all — login, session,
 * network, API limits, a browser that went away — rather than anything about the org's
 * behaviour. Such a failure is an environment problem: re-run, do not file a defect. The one list
 * the gate's triage (triage.ts) and the scenarios' business-outcome fixture both go by.
 *
 * Deliberately narrow: a message that merely mentions "login" in a business assertion must stay
 * a product defect, so each pattern is an error code, a transport failure's own wording or the
 * harness's own wording for a run that could not start.
 */
interface EnvironmentPattern {
  test: RegExp;
  reason: (match: RegExpMatchArray) => string;
}

/** The first line of the message, for reasons that quote the harness's own wording. */
const quoted = (m: RegExpMatchArray) => `the run could not use the org (${(m.input ?? '').split('\n')[0]!.slice(0, 120)})`;

const ENVIRONMENT_PATTERNS: readonly EnvironmentPattern[] = [
  { test: /\bINVALID_SESSION_ID\b/, reason: () => 'the org rejected the session (INVALID_SESSION_ID)' },
  { test: /\bINVALID_LOGIN\b|\bLOGIN_MUST_USE_SECURITY_TOKEN\b|\bINVALID_GRANT\b|\binvalid_grant\b/, reason: (m) => `the org refused the login (${m[0]})` },
  { test: /\bREQUEST_LIMIT_EXCEEDED\b/, reason: () => "the org's API request limit was reached (REQUEST_LIMIT_EXCEEDED)" },
  { test: /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|EPIPE)\b|socket hang up/i, reason: (m) => `the org could not be reached (${m[0]})` },
  { test: /\bnet::ERR_[A-Z_]+/, reason: (m) => `the browser could not reach the org (${m[0]})` },
  { test: /Target page, context or browser has been closed|Browser has been closed|browser has disconnected|browser\.newContext: .*closed/i, reason: () => 'the browser closed under the scenario' },
  { test: /redirected to (the )?login|landed on the login page/i, reason: () => 'the persona was sent to the login page (session lost or refused)' },
  { test: /\bSERVER_UNAVAILABLE\b|\bAPI_CURRENTLY_DISABLED\b/, reason: quoted },
  { test: /Could not log in as persona '|The frontdoor did not sign persona '|Persona preflight:/, reason: quoted },
];

/** Why the run could not use the org, in one line; undefined when the message is about the org's behaviour. */
export function environmentFailureReason(message: string): string | undefined {
  for (const pattern of ENVIRONMENT_PATTERNS) {
    const match = message.match(pattern.test);
    if (match) return pattern.reason(match);
  }
  return undefined;
}

export function isEnvironmentFailure(message: string): boolean {
  return environmentFailureReason(message) !== undefined;
}
