import type { ObjectDef, OrgSchema } from '../schema/types.ts';
import { addressOf } from './compoundFields.ts';
import { activityLookup, resolveColumn, resolveRelatedList } from './relatedLists.ts';
import type { LayoutCell, LayoutDef, LayoutSectionDef, RelatedListDef } from './types.ts';

/**
 * The layouts a project without layout files gets, modelled on the ones a new Salesforce org
 * has (Setup → Object Manager → Page Layouts, "<Object> Layout"). Fields the local org does not
 * have (Fax on Lead, Ticker Symbol …) are absent; custom fields the default does not place are
 * added to its first section, as "Add to page layouts" does when a field is created; custom
 * objects get Salesforce's generated layout (Name, Owner, then every custom field).
 */

/** What Salesforce calls an object's default layout; profiles' assignments name it so. */
export function defaultLayoutName(object: ObjectDef): string {
  return `${object.label} Layout`;
}

interface SectionDesign {
  label: string;
  /** Two columns unless `one` is set. */
  left: string[];
  right?: string[];
  one?: true;
}

interface Design {
  sections: SectionDesign[];
  related: Array<{ name: string; columns: string[] }>;
}

const OPEN_ACTIVITIES = { name: 'RelatedActivityList', columns: ['Subject', 'WhoId', 'WhatId', 'ActivityDate', 'Status', 'Priority', 'OwnerId'] };
const ACTIVITY_HISTORY = { name: 'RelatedHistoryList', columns: ['Subject', 'WhoId', 'WhatId', 'ActivityDate', 'OwnerId', 'LastModifiedDate'] };
const description = (): SectionDesign => ({ label: 'Description Information', left: ['Description'], one: true });

const DESIGNS: Readonly<Record<string, Design>> = {
  lead: {
    sections: [
      {
        label: 'Lead Information',
        left: ['OwnerId', 'Name', 'Company', 'Title', 'LeadSource', 'Industry', 'AnnualRevenue'],
        right: ['Phone', 'MobilePhone', 'Email', 'Website', 'Status', 'Rating', 'NumberOfEmployees'],
      },
      { label: 'Address Information', left: ['Address'], right: [] },
      { label: 'Additional Information', left: ['HasOptedOutOfEmail'], right: ['DoNotCall'] },
      description(),
    ],
    related: [OPEN_ACTIVITIES, ACTIVITY_HISTORY],
  },
  account: {
    sections: [
      {
        label: 'Account Information',
        left: ['OwnerId', 'Name', 'ParentId', 'AccountNumber', 'Site', 'Type', 'Industry', 'AnnualRevenue'],
        right: ['Rating', 'Phone', 'Fax', 'Website', 'NumberOfEmployees', 'AccountSource'],
      },
      { label: 'Address Information', left: ['BillingAddress'], right: ['ShippingAddress'] },
      description(),
    ],
    related: [
      { name: 'RelatedContactList', columns: ['Name', 'Title', 'Email', 'Phone'] },
      { name: 'RelatedOpportunityList', columns: ['Name', 'StageName', 'Amount', 'CloseDate'] },
      OPEN_ACTIVITIES,
      ACTIVITY_HISTORY,
    ],
  },
  contact: {
    sections: [
      {
        label: 'Contact Information',
        left: ['OwnerId', 'Name', 'AccountId', 'Title', 'Department', 'Birthdate', 'ReportsToId', 'LeadSource'],
        right: ['Phone', 'HomePhone', 'MobilePhone', 'Email', 'HasOptedOutOfEmail', 'DoNotCall'],
      },
      { label: 'Address Information', left: ['MailingAddress'], right: [] },
      description(),
    ],
    related: [{ name: 'RelatedOpportunityList', columns: ['Name', 'StageName', 'Amount', 'CloseDate'] }, OPEN_ACTIVITIES, ACTIVITY_HISTORY],
  },
  opportunity: {
    sections: [
      {
        label: 'Opportunity Information',
        left: ['OwnerId', 'IsPrivate', 'Name', 'AccountId', 'Type', 'LeadSource'],
        right: ['Amount', 'ExpectedRevenue', 'CloseDate', 'NextStep', 'StageName', 'Probability'],
      },
      description(),
    ],
    related: [OPEN_ACTIVITIES, ACTIVITY_HISTORY],
  },
  task: {
    sections: [
      { label: 'Task Information', left: ['Subject', 'ActivityDate', 'Status', 'Priority', 'OwnerId'], right: ['WhoId', 'WhatId', 'Type'] },
      description(),
    ],
    related: [],
  },
  event: {
    sections: [
      {
        label: 'Calendar Details',
        left: ['OwnerId', 'Subject', 'WhoId', 'WhatId', 'Type'],
        right: ['Location', 'StartDateTime', 'EndDateTime', 'IsAllDayEvent', 'ShowAs', 'IsPrivate'],
      },
      description(),
    ],
    related: [],
  },
};

/** Fields the platform maintains: shown in System Information, never in a designed section. */
const SYSTEM_FIELDS = new Set(['id', 'isdeleted', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp']);

export function defaultLayout(object: ObjectDef, schema: OrgSchema): LayoutDef {
  const design = DESIGNS[object.name.toLowerCase()] ?? generatedDesign(object);
  const placed = new Set<string>();
  const cells = (names: string[] | undefined): LayoutCell[] =>
    (names ?? []).flatMap((n) => {
      const resolved = object.fieldsByLowerName.get(n.toLowerCase())?.name ?? addressOf(object, n)?.name;
      if (!resolved || placed.has(resolved.toLowerCase())) return [];
      placed.add(resolved.toLowerCase());
      return [{ field: resolved, behavior: 'Edit' as const }];
    });
  const sections: LayoutSectionDef[] = design.sections.map((s) => ({
    label: s.label,
    style: s.one ? 'OneColumn' : 'TwoColumnsTopToBottom',
    customLabel: false,
    detailHeading: true,
    editHeading: true,
    columns: s.one ? [cells(s.left)] : [cells(s.left), cells(s.right)],
  }));

  // Custom fields the design does not place join the first section, each in its shorter column.
  const first = sections[0];
  for (const f of object.fields) {
    if (!f.custom || placed.has(f.name.toLowerCase())) continue;
    placed.add(f.name.toLowerCase());
    const column = first.columns.length > 1 && first.columns[1].length < first.columns[0].length ? first.columns[1] : first.columns[0];
    column.push({ field: f.name, behavior: 'Edit' });
  }

  // Salesforce's System Information: on the record page under its heading, read-only in the dialogs.
  sections.push({
    label: 'System Information',
    style: 'TwoColumnsTopToBottom',
    customLabel: false,
    detailHeading: true,
    editHeading: false,
    columns: [cells(['CreatedById']).map(readOnly), cells(['LastModifiedById']).map(readOnly)],
  });

  return {
    object: object.name,
    name: defaultLayoutName(object),
    sections: sections.filter((s) => s.columns.some((c) => c.length > 0)),
    relatedLists: relatedLists(object, schema, design),
    excludeButtons: [],
  };
}

const readOnly = (cell: LayoutCell): LayoutCell => ('field' in cell ? { ...cell, behavior: 'Readonly' } : cell);

/**
 * Salesforce's generated layout for an object nobody designed: custom objects get Name and Owner
 * (custom fields follow, added above); other standard objects list their fields in declaration order.
 */
function generatedDesign(object: ObjectDef): Design {
  const owner = object.fieldsByLowerName.has('ownerid') ? ['OwnerId'] : [];
  if (object.custom) {
    return { sections: [{ label: 'Information', left: [object.nameField], right: owner }], related: [OPEN_ACTIVITIES, ACTIVITY_HISTORY] };
  }
  const fields = object.fields.filter((f) => !SYSTEM_FIELDS.has(f.name.toLowerCase()) && !f.custom).map((f) => f.name);
  const half = Math.ceil(fields.length / 2);
  return { sections: [{ label: `${object.label} Information`, left: fields.slice(0, half), right: fields.slice(half) }], related: [] };
}

/**
 * The design's related lists that apply to the object (activity lists only where activities are
 * allowed), then one per custom lookup pointing at it, as "Add related list to page layouts" does.
 */
function relatedLists(object: ObjectDef, schema: OrgSchema, design: Design): RelatedListDef[] {
  const lists: RelatedListDef[] = [];
  const hasActivities = activityLookup(object, schema) !== undefined;
  for (const d of design.related) {
    const target = resolveRelatedList(object, d.name, schema);
    if (!target || (target.activities && !hasActivities)) continue;
    const columns = d.columns.flatMap((c) => {
      const f = resolveColumn(target.child, c);
      return f ? [f.name] : [];
    });
    lists.push({ name: d.name, childObject: target.child.name, field: target.field.name, label: target.label, columns, ...(target.activities ? { activities: target.activities } : {}) });
  }
  for (const rel of object.childRelationships) {
    const child = schema.object(rel.childSObject);
    const field = child?.fieldsByLowerName.get(rel.field.toLowerCase());
    if (!child || !field?.custom || !rel.relationshipName) continue;
    lists.push({
      name: `${child.name}.${field.name}`,
      childObject: child.name,
      field: field.name,
      label: child.labelPlural,
      columns: [child.fieldsByLowerName.get(child.nameField.toLowerCase())?.name ?? 'Id'],
    });
  }
  return lists;
}
