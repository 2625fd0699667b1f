import { convertLead } from './convertLead.ts';
import { getServerTimestamp } from './getServerTimestamp.ts';
import { getUserInfo } from './getUserInfo.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import type { SoapOperation } from './SoapOperation.ts';

/** The partner-WSDL operations the local org implements, by operation name. */
export const soapOperations: Record<string, SoapOperation> = {
  convertLead,
  getServerTimestamp,
  getUserInfo,
  login,
  logout,
};
