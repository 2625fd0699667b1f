import type { SoapOperation } from './SoapOperation.ts';
import { soapCaller } from './soapSession.ts';

/** Partner `logout()`: ends the session named in the SessionHeader; an unknown one is a fault. */
export const logout: SoapOperation = (call, org) => {
  const caller = soapCaller(call, org);
  org.login.sessions.revoke(caller.sessionId!);
  return '';
};
