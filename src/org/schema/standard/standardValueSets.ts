import type { PicklistValue } from '../types.ts';
import { values } from './fieldSpecs.ts';

/**
 * The picklist values a fresh Salesforce org ships with, grouped as Salesforce groups them: by
 * standard value set. One value set can feed several fields (LeadSource feeds Lead.LeadSource,
 * Contact.LeadSource, Opportunity.LeadSource and Account.AccountSource), and the metadata loader
 * replaces a set's values everywhere it is used when the project has a
 * `standardValueSets/<Name>.standardValueSet-meta.xml`.
 *
 * Facts that Salesforce keeps in separate entities (LeadStatus.IsConverted,
 * OpportunityStage.IsWon …) ride in `PicklistValue.attributes`, so the schema alone tells the
 * service layer what a Status or Stage means.
 */

export interface StageFacts {
  closed: boolean;
  won: boolean;
  probability: number;
  /** The Opportunity.ForecastCategoryName value (not the metadata enum). */
  forecastCategory: string;
}

const stage = (label: string, probability: number, forecastCategory: string, closed = false, won = false): PicklistValue => ({
  value: label,
  label,
  active: true,
  defaultValue: false,
  attributes: { closed, won, probability, forecastCategory } satisfies StageFacts,
});

export const OPPORTUNITY_STAGES: readonly PicklistValue[] = [
  stage('Prospecting', 10, 'Pipeline'),
  stage('Qualification', 10, 'Pipeline'),
  stage('Needs Analysis', 20, 'Pipeline'),
  stage('Value Proposition', 50, 'Pipeline'),
  stage('Id. Decision Makers', 60, 'Pipeline'),
  stage('Perception Analysis', 70, 'Pipeline'),
  stage('Proposal/Price Quote', 75, 'Pipeline'),
  stage('Negotiation/Review', 90, 'Pipeline'),
  stage('Closed Won', 100, 'Closed', true, true),
  stage('Closed Lost', 0, 'Omitted', true, false),
];

export const LEAD_STATUSES: readonly PicklistValue[] = [
  { value: 'Open - Not Contacted', label: 'Open - Not Contacted', active: true, defaultValue: true, attributes: { converted: false } },
  { value: 'Working - Contacted', label: 'Working - Contacted', active: true, defaultValue: false, attributes: { converted: false } },
  { value: 'Closed - Converted', label: 'Closed - Converted', active: true, defaultValue: false, attributes: { converted: true } },
  { value: 'Closed - Not Converted', label: 'Closed - Not Converted', active: true, defaultValue: false, attributes: { converted: false } },
];

export const TASK_STATUSES: readonly PicklistValue[] = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'].map(
  (label) => ({ value: label, label, active: true, defaultValue: label === 'Not Started', attributes: { closed: label === 'Completed' } }),
);

export const TASK_PRIORITIES: readonly PicklistValue[] = ['High', 'Normal', 'Low'].map((label) => ({
  value: label,
  label,
  active: true,
  defaultValue: label === 'Normal',
  attributes: { highPriority: label === 'High' },
}));

export const INDUSTRIES = values([
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Other', 'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities',
]);

export const LEAD_SOURCES = values(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']);
export const RATINGS = values(['Hot', 'Warm', 'Cold']);
export const SALUTATIONS = values(['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.', 'Mx.']);
export const ACCOUNT_TYPES = values([
  'Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner',
  'Technology Partner', 'Other',
]);
export const OPPORTUNITY_TYPES = values([
  'Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer',
]);
export const FORECAST_CATEGORIES = values(['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']);
export const ACTIVITY_TYPES = values(['Call', 'Email', 'Meeting', 'Other']);

/**
 * Metadata writes forecast categories as an enum (BestCase, Forecast …) while the Opportunity
 * field holds the labels; Forecast is the enum name of what the UI calls Commit.
 */
export const FORECAST_CATEGORY_BY_METADATA_NAME: Readonly<Record<string, string>> = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  BestCase: 'Best Case',
  Forecast: 'Commit',
  Commit: 'Commit',
  Closed: 'Closed',
};

export interface StandardValueSetInfo {
  /** `Object.Field` pairs fed by this set. */
  fields: readonly string[];
  /** Metadata elements of a standardValue that become picklist-value attributes, with their kind. */
  facts: Readonly<Record<string, 'boolean' | 'number' | 'forecastCategory'>>;
}

/** The standard value sets of the fields the local org emulates, as the Metadata API names them. */
export const STANDARD_VALUE_SETS: Readonly<Record<string, StandardValueSetInfo>> = {
  LeadStatus: { fields: ['Lead.Status'], facts: { converted: 'boolean' } },
  OpportunityStage: {
    fields: ['Opportunity.StageName'],
    facts: { closed: 'boolean', won: 'boolean', probability: 'number', forecastCategory: 'forecastCategory' },
  },
  LeadSource: { fields: ['Lead.LeadSource', 'Contact.LeadSource', 'Opportunity.LeadSource', 'Account.AccountSource'], facts: {} },
  Industry: { fields: ['Lead.Industry', 'Account.Industry'], facts: {} },
  AccountType: { fields: ['Account.Type'], facts: {} },
  AccountRating: { fields: ['Account.Rating', 'Lead.Rating'], facts: {} },
  OpportunityType: { fields: ['Opportunity.Type'], facts: {} },
  Salutation: { fields: ['Lead.Salutation', 'Contact.Salutation'], facts: {} },
  TaskStatus: { fields: ['Task.Status'], facts: { closed: 'boolean' } },
  TaskPriority: { fields: ['Task.Priority'], facts: { highPriority: 'boolean' } },
  TaskType: { fields: ['Task.Type'], facts: {} },
  EventType: { fields: ['Event.Type'], facts: {} },
};
