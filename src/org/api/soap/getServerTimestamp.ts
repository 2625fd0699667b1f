import type { SoapOperation } from './SoapOperation.ts';
import { soapCaller } from './soapSession.ts';

/**
 * Partner `getServerTimestamp()`. It reads the wall clock: OrgServices carries no clock, so a
 * test that pins OrgOptions.now does not pin this answer.
 */
export const getServerTimestamp: SoapOperation = (call, org) => {
  soapCaller(call, org);
  return `<result><timestamp>${new Date().toISOString()}</timestamp></result>`;
};
