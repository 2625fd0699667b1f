import type { FieldDef, ObjectDef } from '../schema/types.ts';
import type { AccessPolicy } from './AccessPolicy.ts';
import type { UserContext } from './UserContext.ts';

/** The record types of an object, for recordTypeInfos; the Master type is always there. */
export type RecordTypeLookup = (object: ObjectDef) => Array<{ id: string; name: string; developerName: string; active: boolean }>;

const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

function soapType(f: FieldDef): string {
  switch (f.type) {
    case 'id':
    case 'reference':
      return 'tns:ID';
    case 'boolean':
      return 'xsd:boolean';
    case 'double':
    case 'currency':
    case 'percent':
      return 'xsd:double';
    case 'int':
      return 'xsd:int';
    case 'date':
      return 'xsd:date';
    case 'datetime':
      return 'xsd:dateTime';
    default:
      return 'xsd:string';
  }
}

/**
 * describeGlobal and describe, as seen by one user: objects and fields the user cannot read are
 * absent, and createable/updateable/deletable reflect the user's rights, so the harness can
 * resolve labels and detect permissions exactly as it would on a real org.
 */
export class DescribeService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly recordTypes: RecordTypeLookup,
  ) {}

  private urls(object: ObjectDef, apiVersion: string) {
    const base = `/services/data/v${apiVersion}/sobjects/${object.name}`;
    return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
  }

  private objectSummary(user: UserContext, object: ObjectDef, apiVersion: string) {
    const rights = this.access.objectAccess(user, object);
    return {
      activateable: false,
      createable: object.createable && rights.create,
      custom: object.custom,
      customSetting: false,
      deletable: object.deletable && rights.delete,
      deprecatedAndHidden: false,
      feedEnabled: false,
      keyPrefix: object.keyPrefix,
      label: object.label,
      labelPlural: object.labelPlural,
      layoutable: true,
      mergeable: ['Lead', 'Account', 'Contact'].includes(object.name),
      mruEnabled: true,
      name: object.name,
      queryable: object.queryable,
      replicateable: true,
      retrieveable: true,
      searchable: true,
      triggerable: true,
      undeletable: object.deletable && rights.delete,
      updateable: object.updateable && rights.edit,
      urls: this.urls(object, apiVersion),
    };
  }

  describeGlobal(user: UserContext, objects: ObjectDef[], apiVersion: string) {
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: objects
        .filter((o) => this.access.objectAccess(user, o).read)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((o) => this.objectSummary(user, o, apiVersion)),
    };
  }

  private fieldDescribe(user: UserContext, object: ObjectDef, f: FieldDef) {
    const fls = this.access.fieldAccess(user, object, f);
    return {
      aggregatable: f.type !== 'textarea' && f.type !== 'multipicklist',
      autoNumber: false,
      byteLength: f.length * 3,
      calculated: f.calculated,
      calculatedFormula: null,
      cascadeDelete: false,
      caseSensitive: false,
      createable: f.createable && fls.edit,
      custom: f.custom,
      defaultValue: f.type === 'boolean' ? f.defaultValue === true || f.defaultValue === 'true' : (f.defaultValue ?? null),
      defaultedOnCreate: f.defaultedOnCreate,
      dependentPicklist: false,
      deprecatedAndHidden: false,
      digits: f.digits,
      externalId: f.externalId,
      filterable: f.filterable,
      groupable: f.groupable,
      htmlFormatted: false,
      idLookup: f.idLookup,
      inlineHelpText: null,
      label: f.label,
      length: f.length,
      name: f.name,
      nameField: f.nameField,
      nillable: f.nillable,
      permissionable: f.custom || (!f.required && f.nillable && f.name !== 'Id'),
      picklistValues: (f.picklistValues ?? []).map((p) => ({
        active: p.active,
        defaultValue: p.defaultValue,
        label: p.label,
        validFor: null,
        value: p.value,
      })),
      polymorphicForeignKey: f.referenceTo.length > 1,
      precision: f.precision,
      referenceTo: f.referenceTo,
      relationshipName: f.relationshipName ?? null,
      restrictedPicklist: f.restrictedPicklist,
      scale: f.scale,
      soapType: soapType(f),
      sortable: f.sortable,
      type: f.type,
      unique: f.unique,
      updateable: f.updateable && fls.edit,
    };
  }

  describe(user: UserContext, object: ObjectDef, apiVersion: string) {
    const fields = object.fields.filter((f) => this.access.fieldAccess(user, object, f).read);
    const types = this.recordTypes(object);
    const recordTypeInfos = [
      ...types.map((rt, i) => ({
        active: rt.active,
        available: rt.active,
        defaultRecordTypeMapping: i === 0,
        developerName: rt.developerName,
        master: false,
        name: rt.name,
        recordTypeId: rt.id,
        urls: { layout: `/services/data/v${apiVersion}/sobjects/${object.name}/describe/layouts/${rt.id}` },
      })),
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: types.length === 0,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID,
        urls: { layout: `/services/data/v${apiVersion}/sobjects/${object.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}` },
      },
    ];
    return {
      ...this.objectSummary(user, object, apiVersion),
      childRelationships: object.childRelationships
        .filter((c) => c.relationshipName !== null)
        .map((c) => ({
          cascadeDelete: c.cascadeDelete,
          childSObject: c.childSObject,
          deprecatedAndHidden: false,
          field: c.field,
          junctionIdListNames: [],
          junctionReferenceTo: [],
          relationshipName: c.relationshipName,
          restrictedDelete: false,
        })),
      fields: fields.map((f) => this.fieldDescribe(user, object, f)),
      recordTypeInfos,
      supportedScopes: [
        { label: 'All ' + object.labelPlural.toLowerCase(), name: 'everything' },
        { label: 'My ' + object.labelPlural.toLowerCase(), name: 'mine' },
      ],
    };
  }
}
