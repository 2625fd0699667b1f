import { createHash } from 'node:crypto';
import { isSalesforceError } from '../../errors/SalesforceError.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { UserContext } from '../../service/UserContext.ts';
import type { OrgServices } from '../OrgServices.ts';
import type { SoapCall } from './SoapOperation.ts';

/** The session id of a partner call: `<SessionHeader><sessionId>` in the SOAP header. */
export function sessionIdOf(call: SoapCall): string | undefined {
  const header = call.request.headers.SessionHeader as { sessionId?: unknown } | undefined;
  const id = header?.sessionId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/**
 * The caller of a SOAP operation that needs a session. Failures use the SOAP API's own wording
 * (the REST API says "Session expired or invalid"); the fault code stays INVALID_SESSION_ID, which
 * is what jsforce's SOAP client matches to log in again and retry.
 */
export function soapCaller(call: SoapCall, org: OrgServices): UserContext {
  const sessionId = sessionIdOf(call);
  if (!sessionId) throw SfErrors.soapIllegalSession();
  try {
    return org.login.authenticate(sessionId);
  } catch (err) {
    if (isSalesforceError(err) && err.errorCode === 'INVALID_SESSION_ID') {
      throw SfErrors.soapSessionNotFound(createHash('sha256').update(sessionId).digest('base64'));
    }
    throw err;
  }
}
