import type { StandardObjectSpec } from '../standardObjects.ts';
import { READ_ONLY, checkbox, email, lookup, phone, picklist, text, textArea, values } from './fieldSpecs.ts';

/**
 * The setup objects: who the users are and how they are grouped. The local org builds their rows
 * from metadata and golive/users.json at seed time; the API can read them like in a real org.
 *
 * Locale picklists (time zones, locales, languages, encodings) hold the values UAT orgs commonly
 * use, not Salesforce's full lists, so they stay unrestricted: a real org's value must never be
 * rejected only because this list is short.
 */

const TIME_ZONES = values([
  'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'America/Sao_Paulo', 'Europe/London',
  'Europe/Paris', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'GMT',
]);
const LOCALES = values(['en_US', 'en_GB', 'en_AU', 'en_CA', 'fr_FR', 'de_DE', 'es_ES', 'it_IT', 'ja_JP', 'pt_BR', 'nl_NL']);
const LANGUAGES = values(['en_US', 'en_GB', 'fr', 'de', 'es', 'it', 'ja', 'pt_BR', 'nl_NL']);
const ENCODINGS = values(['UTF-8', 'ISO-8859-1', 'Shift_JIS', 'ISO-2022-JP', 'EUC-JP', 'ks_c_5601-1987', 'Big5', 'GB2312']);
const ACCESS_LEVELS = values(['None', 'Read', 'Edit']);

export const GROUP_TYPES = [
  'Regular', 'Role', 'RoleAndSubordinates', 'RoleAndSubordinatesInternal', 'Manager', 'ManagerAndSubordinatesInternal',
  'Organization', 'Queue',
] as const;

export function setupObjects(): StandardObjectSpec[] {
  return [
    {
      // The one row describing the org itself; the API can read it, only setup changes it.
      object: { name: 'Organization', label: 'Organization', labelPlural: 'Organizations', keyPrefix: '00D', createable: false, updateable: false, deletable: false },
      fields: [
        text('Name', 'Name', 80, READ_ONLY),
        text('Division', 'Division', 80, READ_ONLY),
        checkbox('IsSandbox', 'Is Sandbox', false, READ_ONLY),
        text('InstanceName', 'Instance Name', 5, READ_ONLY),
        picklist(
          'OrganizationType',
          'Edition',
          values(['Team Edition', 'Professional Edition', 'Enterprise Edition', 'Developer Edition', 'Personal Edition', 'Unlimited Edition', 'Base Edition']),
          { ...READ_ONLY, restrictedPicklist: true },
        ),
        picklist('TimeZoneSidKey', 'Default Time Zone', TIME_ZONES, READ_ONLY),
        picklist('LanguageLocaleKey', 'Language', LANGUAGES, READ_ONLY),
        picklist('DefaultLocaleSidKey', 'Locale', LOCALES, READ_ONLY),
        text('PrimaryContact', 'Primary Contact', 80, READ_ONLY),
      ],
    },
    {
      // Users are never deleted in Salesforce, only deactivated. Internal users see each other by
      // default ("Public Read Only" for users in a fresh org).
      object: { name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: '005', sharingModel: 'Read', deletable: false },
      fields: [
        text('Username', 'Username', 80, { required: true, unique: true, idLookup: true }),
        text('LastName', 'Last Name', 80, { required: true }),
        text('FirstName', 'First Name', 40),
        text('Name', 'Full Name', 121, { calculated: true, ...READ_ONLY }),
        text('CompanyName', 'Company Name', 80),
        email('Email', 'Email', 128, { required: true }),
        text('Alias', 'Alias', 8, { required: true }),
        text('CommunityNickname', 'Nickname', 40),
        checkbox('IsActive', 'Active', true),
        lookup('ProfileId', 'Profile ID', ['Profile'], 'Profile', null, { required: true }),
        lookup('UserRoleId', 'Role ID', ['UserRole'], 'UserRole', 'Users'),
        lookup('ManagerId', 'Manager ID', ['User'], 'Manager', 'ManagedUsers'),
        picklist('UserType', 'User Type', values(['Standard', 'PowerPartner', 'CsnOnly', 'Guest']), { ...READ_ONLY, restrictedPicklist: true }),
        picklist('TimeZoneSidKey', 'Time Zone', TIME_ZONES, { required: true }),
        picklist('LocaleSidKey', 'Locale', LOCALES, { required: true }),
        picklist('LanguageLocaleKey', 'Language', LANGUAGES, { required: true }),
        picklist('EmailEncodingKey', 'Email Encoding', ENCODINGS, { required: true }),
        text('Title', 'Title', 80),
        text('Department', 'Department', 80),
        text('Division', 'Division', 80),
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile'),
        text('FederationIdentifier', 'SAML Federation ID', 512),
        text('EmployeeNumber', 'Employee Number', 20),
      ],
    },
    {
      // Profiles come from metadata (and the built-in set); the data API cannot create them.
      object: { name: 'Profile', label: 'Profile', labelPlural: 'Profiles', keyPrefix: '00e', createable: false, deletable: false },
      fields: [
        text('Name', 'Name', 255, { required: true, updateable: false, createable: false }),
        picklist('UserType', 'User Type', values(['Standard', 'PowerPartner', 'PowerCustomerSuccess', 'CustomerSuccess', 'Guest', 'CspLitePortal', 'CsnOnly', 'SelfService']), {
          ...READ_ONLY,
          restrictedPicklist: true,
        }),
        text('Description', 'Description', 255),
      ],
    },
    {
      object: { name: 'UserRole', label: 'Role', labelPlural: 'Roles', keyPrefix: '00E' },
      fields: [
        text('Name', 'Name', 80, { required: true }),
        text('DeveloperName', 'Developer Name', 80),
        // Salesforce exposes the parent as a bare id: there is no ParentRole relationship to traverse.
        lookup('ParentRoleId', 'Parent Role ID', ['UserRole'], undefined, null),
        text('RollupDescription', 'Description', 80),
        picklist('OpportunityAccessForAccountOwner', 'Opportunity Access Level', ACCESS_LEVELS, { restrictedPicklist: true }),
        picklist('CaseAccessForAccountOwner', 'Case Access Level', ACCESS_LEVELS, { restrictedPicklist: true }),
        picklist('ContactAccessForAccountOwner', 'Contact Access Level', ACCESS_LEVELS, { restrictedPicklist: true }),
        checkbox('MayForecastManagerShare', 'Forecast Manager can share', false),
      ],
    },
    {
      object: { name: 'PermissionSet', label: 'Permission Set', labelPlural: 'Permission Sets', keyPrefix: '0PS' },
      fields: [
        text('Name', 'Name', 80, { required: true }),
        text('Label', 'Label', 80, { required: true }),
        // Every profile is backed by a permission set the platform owns.
        checkbox('IsOwnedByProfile', 'Is Owned By Profile', false, READ_ONLY),
        lookup('ProfileId', 'Profile ID', ['Profile'], 'Profile', null, READ_ONLY),
        checkbox('IsCustom', 'Custom', false, READ_ONLY),
        textArea('Description', 'Description', 255),
      ],
    },
    {
      // Has no name field; assignments are created and deleted, never edited.
      object: { name: 'PermissionSetAssignment', label: 'Permission Set Assignment', labelPlural: 'Permission Set Assignments', keyPrefix: '0Pa', nameField: 'Id', updateable: false },
      fields: [
        lookup('AssigneeId', 'Assignee ID', ['User'], 'Assignee', 'PermissionSetAssignments', { required: true, updateable: false }),
        lookup('PermissionSetId', 'Permission Set ID', ['PermissionSet'], 'PermissionSet', 'Assignments', { required: true, updateable: false }),
      ],
    },
    {
      // Groups carry their own owner (a user or the org), unlike the Owner of business records.
      object: { name: 'Group', label: 'Group', labelPlural: 'Groups', keyPrefix: '00G' },
      fields: [
        text('Name', 'Name', 40, { required: true }),
        text('DeveloperName', 'Developer Name', 80),
        picklist('Type', 'Type', values([...GROUP_TYPES]), { required: true, restrictedPicklist: true, updateable: false }),
        email('Email', 'Email', 255),
        lookup('OwnerId', 'Owner ID', ['User', 'Organization'], 'Owner', null, READ_ONLY),
        lookup('RelatedId', 'Related ID', ['User', 'UserRole'], 'Related', null, READ_ONLY),
        checkbox('DoesSendEmailToMembers', 'Send Email to Members', false),
        checkbox('DoesIncludeBosses', 'Include Bosses', true),
      ],
    },
    {
      object: { name: 'GroupMember', label: 'Group Member', labelPlural: 'Group Members', keyPrefix: '011', nameField: 'Id', updateable: false },
      fields: [
        lookup('GroupId', 'Group ID', ['Group'], 'Group', 'GroupMembers', { required: true, updateable: false }),
        // Polymorphic without a relationship name in Salesforce, so it cannot be traversed in SOQL.
        lookup('UserOrGroupId', 'User/Group ID', ['User', 'Group'], undefined, null, { required: true, updateable: false }),
      ],
    },
    {
      object: { name: 'QueueSobject', label: 'Queue Sobject', labelPlural: 'Queue Sobjects', keyPrefix: '03g', nameField: 'Id', updateable: false },
      fields: [
        lookup('QueueId', 'Group ID', ['Group'], 'Queue', 'QueueSobjects', { required: true, updateable: false }),
        // Values are filled in from the org's schema once it is known (every object with owners).
        picklist('SobjectType', 'Sobject Type Name', [], { required: true, updateable: false }),
      ],
    },
    {
      // Record types come from metadata only; the local org keeps them in step with the project.
      object: { name: 'RecordType', label: 'Record Type', labelPlural: 'Record Types', keyPrefix: '012', createable: false, updateable: false, deletable: false },
      fields: [
        text('Name', 'Name', 80, { required: true, ...READ_ONLY }),
        text('DeveloperName', 'Record Type Name', 80, { required: true, ...READ_ONLY }),
        text('NamespacePrefix', 'Namespace Prefix', 15, READ_ONLY),
        picklist('SobjectType', 'SObject Type Name', [], { required: true, ...READ_ONLY }),
        checkbox('IsActive', 'Active', false, READ_ONLY),
        textArea('Description', 'Description', 255, READ_ONLY),
      ],
    },
  ];
}
