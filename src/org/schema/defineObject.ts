import type { FieldDef, FieldType, ObjectDef, SharingModel } from './types.ts';

/** The parts of a field a definition must state; everything else has describe's usual default. */
export type FieldSpec = Partial<FieldDef> & { name: string; type: FieldType };

const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist']);

/** Fills a field definition with the defaults describe reports for a plain, editable field. */
export function defineField(spec: FieldSpec): FieldDef {
  const isText = TEXT_TYPES.has(spec.type);
  const f: FieldDef = {
    label: spec.name,
    length: isText ? (spec.type === 'picklist' || spec.type === 'multipicklist' ? 255 : 255) : spec.type === 'id' || spec.type === 'reference' ? 18 : 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: spec.type !== 'boolean',
    createable: true,
    updateable: true,
    defaultedOnCreate: spec.type === 'boolean',
    restrictedPicklist: false,
    referenceTo: [],
    externalId: false,
    unique: false,
    idLookup: false,
    custom: spec.name.endsWith('__c'),
    calculated: false,
    nameField: false,
    required: false,
    filterable: spec.type !== 'textarea' || (spec.length ?? 255) <= 255,
    sortable: spec.type !== 'textarea' && spec.type !== 'multipicklist',
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime', 'multipicklist'].includes(spec.type),
    ...spec,
  } as FieldDef;
  if (f.type === 'boolean') f.nillable = false;
  if (f.required) f.nillable = false;
  if (f.defaultValue !== undefined && f.defaultValue !== null) f.defaultedOnCreate = true;
  return f;
}

/** Fields every object carries, maintained by the platform. */
export function systemFields(options: { owned: boolean; queueOwned?: boolean }): FieldSpec[] {
  const readOnly = { createable: false, updateable: false };
  const fields: FieldSpec[] = [
    { name: 'Id', type: 'id', label: 'Record ID', nillable: false, idLookup: true, defaultedOnCreate: true, ...readOnly },
    { name: 'IsDeleted', type: 'boolean', label: 'Deleted', ...readOnly },
    { name: 'CreatedDate', type: 'datetime', label: 'Created Date', nillable: false, defaultedOnCreate: true, ...readOnly },
    { name: 'CreatedById', type: 'reference', label: 'Created By ID', referenceTo: ['User'], relationshipName: 'CreatedBy', nillable: false, defaultedOnCreate: true, ...readOnly },
    { name: 'LastModifiedDate', type: 'datetime', label: 'Last Modified Date', nillable: false, defaultedOnCreate: true, ...readOnly },
    { name: 'LastModifiedById', type: 'reference', label: 'Last Modified By ID', referenceTo: ['User'], relationshipName: 'LastModifiedBy', nillable: false, defaultedOnCreate: true, ...readOnly },
    { name: 'SystemModstamp', type: 'datetime', label: 'System Modstamp', nillable: false, defaultedOnCreate: true, ...readOnly },
  ];
  if (options.owned) {
    fields.push({
      name: 'OwnerId',
      type: 'reference',
      label: 'Owner ID',
      // Only objects that queues can own (Lead, Case, custom objects) point at Group as well;
      // describe lists Group first for those, as Salesforce does.
      referenceTo: options.queueOwned ? ['Group', 'User'] : ['User'],
      relationshipName: 'Owner',
      nillable: false,
      defaultedOnCreate: true,
      createable: true,
      updateable: true,
    });
  }
  return fields;
}

export interface ObjectSpec {
  name: string;
  label?: string;
  labelPlural?: string;
  keyPrefix: string;
  custom?: boolean;
  sharingModel?: SharingModel;
  /** Has an OwnerId (users own its records). */
  owned?: boolean;
  /** Queues can own its records too (Lead, custom objects). */
  queueOwned?: boolean;
  nameField?: string;
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
  source?: string;
}

/**
 * Builds an object definition: system fields first (as describe lists them), then the given
 * fields; a later spec with the same name replaces an earlier one, so metadata can override a
 * built-in field's label or length.
 */
export function defineObject(spec: ObjectSpec, fields: FieldSpec[]): ObjectDef {
  const byName = new Map<string, FieldDef>();
  for (const s of [...systemFields({ owned: spec.owned ?? false, queueOwned: spec.queueOwned ?? false }), ...fields]) {
    byName.set(s.name.toLowerCase(), defineField(s));
  }
  const list = [...byName.values()];
  const nameField = spec.nameField ?? 'Name';
  for (const f of list) if (f.name === nameField) f.nameField = true;
  const object: ObjectDef = {
    name: spec.name,
    label: spec.label ?? spec.name,
    labelPlural: spec.labelPlural ?? `${spec.label ?? spec.name}s`,
    keyPrefix: spec.keyPrefix,
    custom: spec.custom ?? spec.name.endsWith('__c'),
    sharingModel: spec.sharingModel ?? 'ReadWrite',
    createable: spec.createable ?? true,
    updateable: spec.updateable ?? true,
    deletable: spec.deletable ?? true,
    queryable: true,
    nameField,
    fields: list,
    fieldsByLowerName: byName,
    referencesByRelationship: new Map(),
    childRelationships: [],
    source: spec.source,
  };
  for (const f of list) {
    if (f.type === 'reference' && f.relationshipName) object.referencesByRelationship.set(f.relationshipName.toLowerCase(), f);
  }
  return object;
}
