import type { UserProfile } from '../../auth/userProfile.ts';
import { xmlEscape } from './soapEnvelope.ts';

/** Salesforce's limit for attachments in a fresh org, reported by getUserInfo. */
const ATTACHMENT_SIZE_LIMIT = 5_242_880;

function element(name: string, value: string | number | boolean | null): string {
  return value === null ? `<${name} xsi:nil="true"/>` : `<${name}>${xmlEscape(value)}</${name}>`;
}

/**
 * The partner WSDL's GetUserInfoResult, fields in WSDL order. login() embeds it as `<userInfo>`
 * and getUserInfo() returns it as `<result>`.
 */
export function userInfoXml(profile: UserProfile, sessionSecondsValid: number): string {
  const org = profile.org;
  return [
    element('accessibilityMode', false),
    element('chatterExternal', false),
    element('currencySymbol', org.currencySymbol),
    element('orgAttachmentFileSizeLimit', ATTACHMENT_SIZE_LIMIT),
    element('orgDefaultCurrencyIsoCode', org.currencyIsoCode),
    element('orgDefaultCurrencyLocale', org.locale),
    element('orgDisallowHtmlAttachments', false),
    element('orgHasPersonAccounts', false),
    element('organizationId', org.orgId),
    element('organizationMultiCurrency', false),
    element('organizationName', org.name),
    element('profileId', profile.profileId),
    element('roleId', profile.roleId),
    element('sessionSecondsValid', sessionSecondsValid),
    // Only multi-currency orgs give users their own currency.
    element('userDefaultCurrencyIsoCode', null),
    element('userEmail', profile.email),
    element('userFullName', profile.fullName),
    element('userId', profile.userId),
    element('userLanguage', profile.language),
    element('userLocale', profile.locale),
    element('userName', profile.username),
    element('userTimeZone', profile.timeZone),
    element('userType', profile.userType),
    element('userUiSkin', 'Theme3'),
  ].join('');
}
