import type { LeadConvertMapping } from './types.ts';

/**
 * Salesforce's built-in lead field mapping (Salesforce Help, "Lead Conversion Field Mapping"),
 * for business accounts. It is fixed by the platform, unlike the custom mappings an admin sets
 * in LeadConvertSettings. Pairs naming a field the org's schema lacks (the *Local fields, state
 * and country codes, geolocation) are skipped at conversion, so the list can name them all.
 *
 * Worth knowing, because it surprises people: Description goes to the contact only, not to the
 * account; Lead Source goes to the contact, the opportunity and (since the mapping was extended)
 * the account's Account Source.
 */

const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country', 'StateCode', 'CountryCode', 'Latitude', 'Longitude', 'GeocodeAccuracy'];

const pairs = (targetObject: LeadConvertMapping['targetObject'], list: ReadonlyArray<readonly [string, string]>): LeadConvertMapping[] =>
  list.map(([leadField, targetField]) => ({ leadField, targetObject, targetField }));

export const STANDARD_LEAD_MAPPING: readonly LeadConvertMapping[] = [
  ...pairs('Account', [
    ['Company', 'Name'],
    ['CompanyLocal', 'NameLocal'],
    ...ADDRESS_PARTS.map((p) => [p, `Billing${p}`] as const),
    ['Phone', 'Phone'],
    ['Fax', 'Fax'],
    ['Website', 'Website'],
    ['Industry', 'Industry'],
    ['AnnualRevenue', 'AnnualRevenue'],
    ['NumberOfEmployees', 'NumberOfEmployees'],
    ['Rating', 'Rating'],
    ['LeadSource', 'AccountSource'],
  ]),
  ...pairs('Contact', [
    ['Salutation', 'Salutation'],
    ['FirstName', 'FirstName'],
    ['MiddleName', 'MiddleName'],
    ['LastName', 'LastName'],
    ['Suffix', 'Suffix'],
    ['FirstNameLocal', 'FirstNameLocal'],
    ['LastNameLocal', 'LastNameLocal'],
    ['Title', 'Title'],
    ['Email', 'Email'],
    ['Phone', 'Phone'],
    ['MobilePhone', 'MobilePhone'],
    ['Fax', 'Fax'],
    ...ADDRESS_PARTS.map((p) => [p, `Mailing${p}`] as const),
    ['LeadSource', 'LeadSource'],
    ['Description', 'Description'],
    ['DoNotCall', 'DoNotCall'],
    ['HasOptedOutOfEmail', 'HasOptedOutOfEmail'],
    ['HasOptedOutOfFax', 'HasOptedOutOfFax'],
  ]),
  ...pairs('Opportunity', [['LeadSource', 'LeadSource']]),
];
