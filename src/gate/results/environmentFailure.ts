/**
 * Whether a failure's message says the run could not use the org at all — login, session,
 * network, API limits, a browser that went away — rather than anything about the org's
 * behaviour. Such a failure is an environment problem: re-run, do not file a defect.
 *
 * Deliberately narrow: a message that merely mentions "login" in a business assertion must stay
 * a product defect, so each pattern is an error code or a transport failure's own wording.
 */
const ENVIRONMENT_PATTERNS: readonly RegExp[] = [
  /\bINVALID_SESSION_ID\b/,
  /\bINVALID_LOGIN\b/,
  /\bINVALID_GRANT\b|\binvalid_grant\b/,
  /\bREQUEST_LIMIT_EXCEEDED\b/,
  /\bSERVER_UNAVAILABLE\b/,
  /\bAPI_CURRENTLY_DISABLED\b/,
  /\bE(?:CONNREFUSED|CONNRESET|TIMEDOUT|AI_AGAIN|NOTFOUND|PIPE)\b/,
  /\bnet::ERR_[A-Z_]+/,
  /socket hang up/i,
  /Target page, context or browser has been closed/,
  /Browser has been closed|browser\.newContext: .*closed/,
  /redirected to the login page/i,
  /Could not log in as persona '/,
  /The frontdoor did not sign persona '/,
  /Persona preflight:/,
];

export function isEnvironmentFailure(message: string): boolean {
  return ENVIRONMENT_PATTERNS.some((pattern) => pattern.test(message));
}
