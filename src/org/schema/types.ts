/**
 * The org's shape: objects and fields as describe reports them. Built once at start from the
 * built-in standard objects plus the SFDX metadata, then read-only. Field and object names are
 * matched case-insensitively everywhere (as Salesforce does) through the lower-cased maps; the
 * declared casing is what the API returns.
 */

/** Field types, named as describe names them (`type` in a field describe). */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'multipicklist'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
  /** LeadStatus.IsConverted, OpportunityStage.IsClosed/IsWon and similar facts ride along. */
  attributes?: Record<string, unknown>;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types; 0 otherwise. */
  length: number;
  precision: number;
  scale: number;
  /** Digits for int fields. */
  digits: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** Constant default applied on create when the field is not given (picklist defaults too). */
  defaultValue?: string | number | boolean | null;
  picklistValues?: PicklistValue[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName?: string;
  /**
   * The name the parent uses for its children through this lookup (Account.Contacts, Lead.Tasks;
   * `<relationshipName>__r` style for custom lookups). Null where the platform exposes none.
   */
  childRelationshipName?: string | null;
  /** A master-detail field: the child is deleted with its master (and shares its access). */
  masterDetail?: boolean;
  externalId: boolean;
  unique: boolean;
  idLookup: boolean;
  custom: boolean;
  /** True for fields the platform computes (Name on Lead/Contact, IsClosed, …). */
  calculated: boolean;
  nameField: boolean;
  /** Required at the API (REQUIRED_FIELD_MISSING when absent on create). */
  required: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  /**
   * Set on auto-number fields (describe: type string, autoNumber true): the service layer issues
   * the next number on create; the field is never settable.
   */
  autoNumber?: { displayFormat: string; startingNumber: number };
  /** The field-level help text describe reports (from the field's metadata). */
  inlineHelpText?: string;
  /** Where the definition came from, for error messages that name a file. */
  source?: string;
}

export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ReadWriteTransfer' | 'FullAccess' | 'ControlledByParent' | 'Public';

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  sharingModel: SharingModel;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  /** The field that names a record (Name, Subject, CaseNumber …). */
  nameField: string;
  /** Fields in declaration order. */
  fields: FieldDef[];
  /** Lower-cased field name → field. */
  fieldsByLowerName: Map<string, FieldDef>;
  /** Lower-cased relationship name → reference field (Owner → OwnerId, Account__r → Account__c). */
  referencesByRelationship: Map<string, FieldDef>;
  childRelationships: ChildRelationship[];
  source?: string;
}

export class OrgSchema {
  private readonly byLowerName = new Map<string, ObjectDef>();
  private readonly byKeyPrefix = new Map<string, ObjectDef>();

  constructor(objects: ObjectDef[]) {
    for (const o of objects) {
      this.byLowerName.set(o.name.toLowerCase(), o);
      this.byKeyPrefix.set(o.keyPrefix, o);
    }
    this.linkChildRelationships();
  }

  get objects(): ObjectDef[] {
    return [...this.byLowerName.values()];
  }

  object(name: string): ObjectDef | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  objectByKeyPrefix(prefix: string): ObjectDef | undefined {
    return this.byKeyPrefix.get(prefix);
  }

  field(object: ObjectDef, name: string): FieldDef | undefined {
    return object.fieldsByLowerName.get(name.toLowerCase());
  }

  private linkChildRelationships(): void {
    for (const parent of this.byLowerName.values()) parent.childRelationships = [];
    for (const child of this.byLowerName.values()) {
      for (const f of child.fields) {
        if (f.type !== 'reference') continue;
        for (const target of f.referenceTo) {
          const parent = this.object(target);
          if (!parent) continue;
          parent.childRelationships.push({
            childSObject: child.name,
            field: f.name,
            relationshipName: f.childRelationshipName ?? null,
            cascadeDelete: f.masterDetail === true,
          });
        }
      }
    }
  }
}

