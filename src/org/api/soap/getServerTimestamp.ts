import type { SoapOperation } from './SoapOperation.ts';
import { soapCaller } from './soapSession.ts';

/** Partner `getServerTimestamp()`, on the org's clock so tests that move it see it here too. */
export const getServerTimestamp: SoapOperation = (call, org) => {
  soapCaller(call, org);
  return `<result><timestamp>${org.now().toISOString()}</timestamp></result>`;
};
