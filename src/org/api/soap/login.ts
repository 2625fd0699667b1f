import { profileOfUser } from '../../auth/userProfile.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import { toId15 } from '../../ids/salesforceId.ts';
import type { SoapOperation } from './SoapOperation.ts';
import { xmlEscape } from './soapEnvelope.ts';
import { userInfoXml } from './userInfoXml.ts';

/** Salesforce removed login() from the partner API in version 65.0; older versions keep it. */
const FIRST_VERSION_WITHOUT_LOGIN = 65;

function stringArg(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Partner `login(username, password)`. jsforce's loginBySoap reads serverUrl, sessionId, the first
 * userId and organizationId out of the body with regexes, so the top-level `<userId>` must come
 * before `<userInfo>` (WSDL order gives that). Every failure is the one INVALID_LOGIN fault.
 */
export const login: SoapOperation = (call, org) => {
  if (Number(call.apiVersion) >= FIRST_VERSION_WITHOUT_LOGIN) throw SfErrors.soapLoginUnavailable(call.apiVersion);
  const { user, session } = org.login.passwordLogin(stringArg(call.request.args.username), stringArg(call.request.args.password), 'soap');
  const profile = profileOfUser(org.store, user);
  const org15 = toId15(profile.org.orgId);
  return (
    '<result>' +
    `<metadataServerUrl>${xmlEscape(`${call.baseUrl}/services/Soap/m/${call.apiVersion}/${org15}`)}</metadataServerUrl>` +
    '<passwordExpired>false</passwordExpired>' +
    `<sandbox>${profile.org.isSandbox}</sandbox>` +
    `<serverUrl>${xmlEscape(`${call.baseUrl}/services/Soap/u/${call.apiVersion}/${org15}`)}</serverUrl>` +
    `<sessionId>${xmlEscape(session.id)}</sessionId>` +
    `<userId>${xmlEscape(profile.userId)}</userId>` +
    `<userInfo>${userInfoXml(profile, org.login.sessions.lifetimeSeconds)}</userInfo>` +
    '</result>'
  );
};
