import { profileOfUser } from '../../auth/userProfile.ts';
import { SfErrors } from '../../errors/SfErrors.ts';
import type { SoapOperation } from './SoapOperation.ts';
import { soapCaller } from './soapSession.ts';
import { userInfoXml } from './userInfoXml.ts';

/** Partner `getUserInfo()`: the same GetUserInfoResult that login() embeds, for the session's user. */
export const getUserInfo: SoapOperation = (call, org) => {
  const caller = soapCaller(call, org);
  const user = org.login.userById(caller.userId);
  if (!user) throw SfErrors.soapIllegalSession();
  return `<result>${userInfoXml(profileOfUser(org.store, user), org.login.sessions.lifetimeSeconds)}</result>`;
};
