import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import type { ActivityListKind } from './types.ts';

/**
 * What a layout's `<relatedList>` and its `<fields>` columns refer to. Layouts name related lists
 * three ways: Salesforce's standard names (RelatedContactList …), `Child__c.Lookup__c` for a
 * custom lookup, or the child relationship name (`Lines__r`, `Contacts`). Columns are field API
 * names, or the column tokens retrieved layouts carry for standard lists (`CONTACT.EMAIL`,
 * `TASK.DUE_DATE`, `CORE.USERS.FULL_NAME` …).
 */

export interface RelatedListTarget {
  child: ObjectDef;
  field: FieldDef;
  label: string;
  activities?: ActivityListKind;
}

/** Standard related lists of child objects the local org has, by parent object. */
const CHILD_LISTS: Readonly<Record<string, { child: string; via: Readonly<Record<string, string>> }>> = {
  relatedcontactlist: { child: 'Contact', via: { account: 'AccountId' } },
  relatedopportunitylist: { child: 'Opportunity', via: { account: 'AccountId', contact: 'ContactId' } },
};

const ACTIVITY_LISTS: Readonly<Record<string, { kind: ActivityListKind; label: string }>> = {
  relatedactivitylist: { kind: 'open', label: 'Open Activities' },
  relatedhistorylist: { kind: 'history', label: 'Activity History' },
};

export function resolveRelatedList(parent: ObjectDef, name: string, schema: OrgSchema): RelatedListTarget | undefined {
  const key = name.toLowerCase();
  const standard = CHILD_LISTS[key];
  if (standard) {
    const child = schema.object(standard.child);
    const field = child && standard.via[parent.name.toLowerCase()] ? child.fieldsByLowerName.get(standard.via[parent.name.toLowerCase()].toLowerCase()) : undefined;
    return child && field ? { child, field, label: child.labelPlural } : undefined;
  }
  const activity = ACTIVITY_LISTS[key];
  if (activity) {
    const field = activityLookup(parent, schema);
    return field ? { child: schema.object('Task')!, field, label: activity.label, activities: activity.kind } : undefined;
  }
  const dot = name.indexOf('.');
  if (dot > 0) {
    const child = schema.object(name.slice(0, dot));
    const field = child?.fieldsByLowerName.get(name.slice(dot + 1).toLowerCase());
    if (!child || !field || field.type !== 'reference' || !field.referenceTo.some((t) => t.toLowerCase() === parent.name.toLowerCase())) return undefined;
    return { child, field, label: child.labelPlural };
  }
  const rel = parent.childRelationships.find((r) => r.relationshipName?.toLowerCase() === key);
  const child = rel ? schema.object(rel.childSObject) : undefined;
  const field = rel && child ? child.fieldsByLowerName.get(rel.field.toLowerCase()) : undefined;
  return child && field ? { child, field, label: child.labelPlural } : undefined;
}

/**
 * The Task lookup that activity lists follow: WhoId for people (Lead, Contact), WhatId for
 * everything else that allows activities (custom objects with enableActivities are added to
 * WhatId by the metadata loader); undefined for objects without activities.
 */
export function activityLookup(parent: ObjectDef, schema: OrgSchema): FieldDef | undefined {
  const task = schema.object('Task');
  if (!task) return undefined;
  const points = (f: FieldDef | undefined) => f?.referenceTo.some((t) => t.toLowerCase() === parent.name.toLowerCase()) === true;
  const who = task.fieldsByLowerName.get('whoid');
  if (points(who)) return who;
  const what = task.fieldsByLowerName.get('whatid');
  return points(what) ? what : undefined;
}

/** Column tokens of standard related lists → field API names (after the `OBJECT.` prefix). */
const COLUMN_TOKENS: Readonly<Record<string, string>> = {
  TITLE: 'Title',
  EMAIL: 'Email',
  PHONE1: 'Phone',
  PHONE3: 'MobilePhone',
  DEPARTMENT: 'Department',
  STAGE_NAME: 'StageName',
  AMOUNT: 'Amount',
  CLOSE_DATE: 'CloseDate',
  PROBABILITY: 'Probability',
  LEAD_SOURCE: 'LeadSource',
  SUBJECT: 'Subject',
  DUE_DATE: 'ActivityDate',
  STATUS: 'Status',
  PRIORITY: 'Priority',
  WHO_NAME: 'WhoId',
  WHAT_NAME: 'WhatId',
  TYPE: 'Type',
  DESCRIPTION: 'Description',
  LAST_UPDATE: 'LastModifiedDate',
  CREATED_DATE: 'CreatedDate',
  CREATEDBY_USER: 'CreatedById',
  UPDATEDBY_USER: 'LastModifiedById',
};

/** Tokens naming the owner: `CORE.USERS.FULL_NAME`, `OWNER.ALIAS` … */
const OWNER_TOKEN = /^(CORE\.USERS|OWNER)\.(FULL_NAME|ALIAS|LAST_NAME)$/;

/**
 * Columns that are not fields and that the local org leaves out on purpose: the "Task" checkbox
 * of the activity lists tells tasks from events, which the UI shows anyway.
 */
const NOT_FIELDS = new Set(['ACTIVITY.TASK']);

/** A column's field; null for a known column that is not a field; undefined when unknown. */
export function resolveColumn(child: ObjectDef, token: string): FieldDef | null | undefined {
  const upper = token.toUpperCase();
  if (NOT_FIELDS.has(upper)) return null;
  const direct = child.fieldsByLowerName.get(token.toLowerCase());
  if (direct) return direct;
  if (OWNER_TOKEN.test(upper)) return child.fieldsByLowerName.get('ownerid');
  // `CONTACT.EMAIL`, `TASK.SUBJECT`, `OPPORTUNITY.Commission__c`: drop the object prefix.
  const rest = upper.includes('.') ? token.slice(token.lastIndexOf('.') + 1) : token;
  const restUpper = rest.toUpperCase();
  if (restUpper === 'NAME' || restUpper === 'FULL_NAME') return child.fieldsByLowerName.get(child.nameField.toLowerCase());
  const mapped = COLUMN_TOKENS[restUpper];
  return child.fieldsByLowerName.get((mapped ?? rest).toLowerCase());
}
