import type { FieldSpec } from '../defineObject.ts';
import type { StandardObjectSpec } from '../standardObjects.ts';
import {
  READ_ONLY, checkbox, currency, date, email, integer, lookup, percent, phone, picklist, text, textArea, url,
} from './fieldSpecs.ts';
import {
  ACCOUNT_TYPES, FORECAST_CATEGORIES, INDUSTRIES, LEAD_SOURCES, LEAD_STATUSES, OPPORTUNITY_STAGES, OPPORTUNITY_TYPES,
  RATINGS, SALUTATIONS,
} from './standardValueSets.ts';

/**
 * The sales objects: Lead, Account, Contact, Opportunity and the picklist-master entities behind
 * Lead.Status and Opportunity.StageName.
 *
 * Sharing models are those of a fresh Salesforce org (Salesforce Help, "Default Organization-Wide
 * Sharing Settings"): Lead Public Read/Write/Transfer, Account Public Read/Write, Contact
 * Controlled by Parent, Opportunity Public Read Only. A project tightens them in its
 * object-meta.xml, as the default org does for Lead and Opportunity.
 */

/** Street/City/State/PostalCode/Country with a prefix, as the address parts appear in describe. */
function addressParts(prefix: string, labelPrefix: string): FieldSpec[] {
  const label = (part: string) => (labelPrefix ? `${labelPrefix} ${part}` : part);
  return [
    textArea(`${prefix}Street`, label('Street'), 255),
    text(`${prefix}City`, label('City'), 40),
    text(`${prefix}State`, label('State/Province'), 80),
    text(`${prefix}PostalCode`, label('Zip/Postal Code'), 20),
    text(`${prefix}Country`, label('Country'), 80),
  ];
}

const recordTypeId = () => lookup('RecordTypeId', 'Record Type ID', ['RecordType'], 'RecordType', null);
const description = () => textArea('Description', 'Description', 32000);
const lastActivityDate = () => date('LastActivityDate', 'Last Activity', READ_ONLY);
/** The Name of person-like records: derived from FirstName and LastName by the service layer. */
const personName = () => text('Name', 'Full Name', 121, { calculated: true, ...READ_ONLY });

export function salesObjects(): StandardObjectSpec[] {
  return [
    {
      object: { name: 'Lead', label: 'Lead', labelPlural: 'Leads', keyPrefix: '00Q', owned: true, queueOwned: true, sharingModel: 'ReadWriteTransfer' },
      fields: [
        picklist('Salutation', 'Salutation', [...SALUTATIONS]),
        text('FirstName', 'First Name', 40),
        text('LastName', 'Last Name', 80, { required: true }),
        personName(),
        text('Title', 'Title', 128),
        text('Company', 'Company', 255, { required: true }),
        email('Email', 'Email'),
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile Phone'),
        url('Website', 'Website'),
        picklist('Status', 'Status', [...LEAD_STATUSES], { required: true }),
        picklist('Rating', 'Rating', [...RATINGS]),
        picklist('LeadSource', 'Lead Source', [...LEAD_SOURCES]),
        picklist('Industry', 'Industry', [...INDUSTRIES]),
        currency('AnnualRevenue', 'Annual Revenue', 18, 0),
        integer('NumberOfEmployees', 'Employees', 8),
        ...addressParts('', ''),
        description(),
        // Conversion is an operation (convertLead), not a field anyone sets.
        checkbox('IsConverted', 'Converted', false, READ_ONLY),
        date('ConvertedDate', 'Converted Date', READ_ONLY),
        lookup('ConvertedAccountId', 'Converted Account ID', ['Account'], 'ConvertedAccount', null, READ_ONLY),
        lookup('ConvertedContactId', 'Converted Contact ID', ['Contact'], 'ConvertedContact', null, READ_ONLY),
        lookup('ConvertedOpportunityId', 'Converted Opportunity ID', ['Opportunity'], 'ConvertedOpportunity', null, READ_ONLY),
        checkbox('IsUnreadByOwner', 'Unread By Owner', false),
        checkbox('HasOptedOutOfEmail', 'Email Opt Out', false),
        checkbox('DoNotCall', 'Do Not Call', false),
        lastActivityDate(),
        recordTypeId(),
      ],
    },
    {
      // One row per Lead.Status value, kept in step with the picklist; read-only through the API.
      object: { name: 'LeadStatus', label: 'Lead Status Value', labelPlural: 'Lead Status Values', keyPrefix: '01J', nameField: 'MasterLabel', createable: false, updateable: false, deletable: false },
      fields: [
        text('MasterLabel', 'Master Label', 255, READ_ONLY),
        text('ApiName', 'Api Name', 255, READ_ONLY),
        integer('SortOrder', 'Sort Order', 9, READ_ONLY),
        checkbox('IsDefault', 'Is Default', false, READ_ONLY),
        checkbox('IsConverted', 'Is Converted', false, READ_ONLY),
      ],
    },
    {
      object: { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', owned: true, sharingModel: 'ReadWrite' },
      fields: [
        text('Name', 'Account Name', 255, { required: true }),
        picklist('Type', 'Account Type', [...ACCOUNT_TYPES]),
        lookup('ParentId', 'Parent Account ID', ['Account'], 'Parent', 'ChildAccounts'),
        ...addressParts('Billing', 'Billing'),
        ...addressParts('Shipping', 'Shipping'),
        phone('Phone', 'Account Phone'),
        phone('Fax', 'Account Fax'),
        text('AccountNumber', 'Account Number', 40),
        url('Website', 'Website'),
        text('Site', 'Account Site', 80),
        picklist('Industry', 'Industry', [...INDUSTRIES]),
        currency('AnnualRevenue', 'Annual Revenue', 18, 0),
        integer('NumberOfEmployees', 'Employees', 8),
        description(),
        picklist('Rating', 'Account Rating', [...RATINGS]),
        picklist('AccountSource', 'Account Source', [...LEAD_SOURCES]),
        lastActivityDate(),
        recordTypeId(),
      ],
    },
    {
      object: { name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003', owned: true, sharingModel: 'ControlledByParent' },
      fields: [
        picklist('Salutation', 'Salutation', [...SALUTATIONS]),
        text('FirstName', 'First Name', 40),
        text('LastName', 'Last Name', 80, { required: true }),
        personName(),
        lookup('AccountId', 'Account ID', ['Account'], 'Account', 'Contacts'),
        text('Title', 'Title', 128),
        email('Email', 'Email'),
        phone('Phone', 'Business Phone'),
        phone('MobilePhone', 'Mobile Phone'),
        phone('HomePhone', 'Home Phone'),
        text('Department', 'Department', 80),
        picklist('LeadSource', 'Lead Source', [...LEAD_SOURCES]),
        ...addressParts('Mailing', 'Mailing'),
        description(),
        lookup('ReportsToId', 'Reports To ID', ['Contact'], 'ReportsTo', null),
        date('Birthdate', 'Birthdate'),
        checkbox('DoNotCall', 'Do Not Call', false),
        checkbox('HasOptedOutOfEmail', 'Email Opt Out', false),
        lastActivityDate(),
      ],
    },
    {
      object: { name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: '006', owned: true, sharingModel: 'Read' },
      fields: [
        text('Name', 'Name', 120, { required: true }),
        lookup('AccountId', 'Account ID', ['Account'], 'Account', 'Opportunities'),
        lookup('ContactId', 'Contact ID', ['Contact'], 'Contact', null),
        picklist('StageName', 'Stage', [...OPPORTUNITY_STAGES], { required: true }),
        currency('Amount', 'Amount', 18, 2),
        date('CloseDate', 'Close Date', { required: true }),
        // Settable, but defaulted from the stage whenever the stage changes without it.
        percent('Probability', 'Probability (%)', 3, 0),
        currency('ExpectedRevenue', 'Expected Amount', 18, 2, { calculated: true, ...READ_ONLY }),
        checkbox('IsClosed', 'Closed', false, { calculated: true, ...READ_ONLY }),
        checkbox('IsWon', 'Won', false, { calculated: true, ...READ_ONLY }),
        picklist('ForecastCategoryName', 'Forecast Category', [...FORECAST_CATEGORIES], { restrictedPicklist: true }),
        picklist('Type', 'Opportunity Type', [...OPPORTUNITY_TYPES]),
        picklist('LeadSource', 'Lead Source', [...LEAD_SOURCES]),
        text('NextStep', 'Next Step', 255),
        description(),
        checkbox('IsPrivate', 'Private', false),
        lastActivityDate(),
        recordTypeId(),
      ],
    },
    {
      // One row per Opportunity.StageName value; shares key prefix 01J with LeadStatus, as in Salesforce.
      object: { name: 'OpportunityStage', label: 'Opportunity Stage', labelPlural: 'Opportunity Stages', keyPrefix: '01J', nameField: 'MasterLabel', createable: false, updateable: false, deletable: false },
      fields: [
        text('MasterLabel', 'Master Label', 255, READ_ONLY),
        text('ApiName', 'Api Name', 255, READ_ONLY),
        checkbox('IsActive', 'Is Active', true, READ_ONLY),
        integer('SortOrder', 'Sort Order', 9, READ_ONLY),
        checkbox('IsClosed', 'Is Closed', false, READ_ONLY),
        checkbox('IsWon', 'Is Won', false, READ_ONLY),
        percent('DefaultProbability', 'Probability (%)', 3, 0, READ_ONLY),
        picklist('ForecastCategoryName', 'Forecast Category', [...FORECAST_CATEGORIES], { ...READ_ONLY, restrictedPicklist: true }),
        textArea('Description', 'Description', 255, READ_ONLY),
      ],
    },
  ];
}
