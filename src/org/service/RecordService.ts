import { SfErrors } from '../errors/SfErrors.ts';
import { SalesforceError, isSalesforceError } from '../errors/SalesforceError.ts';
import { keyPrefixOf, toId18 } from '../ids/salesforceId.ts';
import type { OrgStore, StoredRow, StoredValue } from '../persistence/OrgStore.ts';
import type { FieldDef, ObjectDef, OrgSchema } from '../schema/types.ts';
import { formatDateTime, toStored } from '../schema/valueCodec.ts';
import { type AccessPolicy, OpenAccessPolicy } from './AccessPolicy.ts';
import { type ApiRecord, toApiRecord } from './recordShape.ts';
import type { SaveEvent, SaveHooks, SaveOptions } from './SaveHooks.ts';
import type { UserContext } from './UserContext.ts';

export interface SaveResult {
  id: string | null;
  success: boolean;
  errors: Array<{ statusCode: string; message: string; fields: string[] }>;
  created?: boolean;
}

/** Sets the fields the platform computes (Name of a person, IsClosed of a stage …) on a row about to be saved. */
export type DerivedFieldsFn = (
  objectName: string,
  row: StoredRow,
  ctx: { schema: OrgSchema; previous?: StoredRow; setByCaller?: ReadonlySet<string> },
) => StoredRow;

export interface RecordServiceDeps {
  store: OrgStore;
  access: AccessPolicy;
  hooks: SaveHooks;
  derive: DerivedFieldsFn;
  now: () => Date;
}

/**
 * Children deleted with their parent, as Salesforce does for these standard relationships
 * (an account takes its contacts and opportunities with it; any record takes its activities).
 */
const CASCADE_DELETE: ReadonlyArray<[child: string, field: string]> = [
  ['Contact', 'AccountId'],
  ['Opportunity', 'AccountId'],
  ['Task', 'WhoId'],
  ['Task', 'WhatId'],
  ['Event', 'WhoId'],
  ['Event', 'WhatId'],
];

const DEFAULT_SAVE: SaveOptions = { useAssignmentRules: true };

/** System mode: what automation running "without sharing" may do (object flags still apply). */
const SYSTEM_ACCESS: AccessPolicy = new OpenAccessPolicy();

/**
 * The one service layer every read and write goes through, for the API and the UI alike: object
 * and field resolution, value validation, defaults, access checks and the save pipeline in
 * Salesforce's order of execution. Methods run as a user and throw SalesforceErrors.
 */
export class RecordService {
  constructor(private readonly deps: RecordServiceDeps) {}

  get store(): OrgStore {
    return this.deps.store;
  }

  get access(): AccessPolicy {
    return this.deps.access;
  }

  now(): Date {
    return this.deps.now();
  }

  /** The object a name refers to, if it exists and the user may read it. */
  findObject(user: UserContext, name: string): ObjectDef | undefined {
    const object = this.deps.store.schema.object(name);
    if (!object) return undefined;
    return this.deps.access.objectAccess(user, object).read ? object : undefined;
  }

  /** For names in a request body: an unknown object is INVALID_TYPE. */
  requireObject(user: UserContext, name: string): ObjectDef {
    const object = this.findObject(user, name);
    if (!object) throw SfErrors.invalidType(name);
    return object;
  }

  /**
   * The access rules a write runs under: the user's, or none for system-mode saves (record-
   * triggered flows and other automation run "in system context without sharing" on Salesforce).
   */
  private accessFor(options: SaveOptions): AccessPolicy {
    return options.system ? SYSTEM_ACCESS : this.deps.access;
  }

  readableFields(user: UserContext, object: ObjectDef): FieldDef[] {
    return object.fields.filter((f) => this.deps.access.fieldAccess(user, object, f).read);
  }

  /**
   * One transaction (a SAVEPOINT when nested) that the automation hooks see begin and end, so
   * the automation log can mark what a rollback undid.
   */
  inTransaction<T>(fn: () => T): T {
    this.deps.hooks.beginTransaction?.();
    let rolledBack = true;
    try {
      const result = this.deps.store.transaction(fn);
      rolledBack = false;
      return result;
    } finally {
      this.deps.hooks.endTransaction?.(rolledBack);
    }
  }

  // --- reads ---------------------------------------------------------------------------------

  /** Normalises an id from a request and checks that it belongs to the object. */
  private idFor(object: ObjectDef, raw: string): string {
    const id = toId18(raw);
    if (!id) throw SfErrors.malformedIdValue(raw);
    if (keyPrefixOf(id) !== object.keyPrefix) throw SfErrors.malformedId(`${object.label} ID`, raw);
    return id;
  }

  /** The live row with that id that the user can see; NOT_FOUND / ENTITY_IS_DELETED otherwise. */
  private visibleRow(user: UserContext, object: ObjectDef, id: string, raw: string, access: AccessPolicy = this.deps.access): StoredRow {
    const row = this.deps.store.getById(object, id);
    if (!row || !access.canReadRecord(user, object, row)) throw SfErrors.recordNotFound(raw);
    if (row.IsDeleted === 1) throw SfErrors.entityIsDeleted();
    return row;
  }

  private fieldsFor(user: UserContext, object: ObjectDef, names?: readonly string[]): FieldDef[] {
    if (!names || names.length === 0) return this.readableFields(user, object);
    return names.map((n) => {
      const f = object.fieldsByLowerName.get(n.trim().toLowerCase());
      if (!f || !this.deps.access.fieldAccess(user, object, f).read) {
        throw SfErrors.invalidField(
          `No such column '${n.trim()}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      return f;
    });
  }

  retrieve(user: UserContext, object: ObjectDef, rawId: string, fieldNames: readonly string[] | undefined, apiVersion: string): ApiRecord {
    const id = this.idFor(object, rawId);
    const row = this.visibleRow(user, object, id, rawId);
    return toApiRecord(object, row, this.fieldsFor(user, object, fieldNames), apiVersion);
  }

  /** Collections retrieve: null for ids that are not found, as Salesforce answers. */
  retrieveMany(user: UserContext, object: ObjectDef, rawIds: readonly string[], fieldNames: readonly string[], apiVersion: string): Array<ApiRecord | null> {
    const fields = this.fieldsFor(user, object, fieldNames);
    return rawIds.map((raw) => {
      const id = toId18(raw);
      if (!id || keyPrefixOf(id) !== object.keyPrefix) return null;
      const row = this.deps.store.getById(object, id);
      if (!row || row.IsDeleted === 1 || !this.deps.access.canReadRecord(user, object, row)) return null;
      return toApiRecord(object, row, fields, apiVersion);
    });
  }

  /** The live, visible records whose external id field equals the value. */
  findByExternalId(user: UserContext, object: ObjectDef, fieldName: string, value: string): StoredRow[] {
    const field = this.externalIdField(object, fieldName);
    const stored = toStored(this.deps.store.schema, field, value);
    if (field.name === 'Id') {
      const row = stored === null ? undefined : this.deps.store.getById(object, String(stored));
      return row && row.IsDeleted !== 1 && this.deps.access.canReadRecord(user, object, row) ? [row] : [];
    }
    return this.deps.store
      .findBy(object, field.name, stored, 10)
      .filter((r) => this.deps.access.canReadRecord(user, object, r));
  }

  private externalIdField(object: ObjectDef, fieldName: string): FieldDef {
    const field = object.fieldsByLowerName.get(fieldName.toLowerCase());
    if (!field || !(field.externalId || field.idLookup)) {
      throw SfErrors.notFoundField(fieldName, object.name);
    }
    return field;
  }

  // --- writes --------------------------------------------------------------------------------

  /** Turns API input into stored values, refusing unknown, read-only and invalid fields. */
  private toStoredChanges(user: UserContext, object: ObjectDef, input: Record<string, unknown>, kind: 'insert' | 'update', access: AccessPolicy): StoredRow {
    const changes: StoredRow = {};
    const notWritable: string[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (key === 'attributes') continue;
      let field = object.fieldsByLowerName.get(key.toLowerCase());
      let stored: StoredValue;
      if (!field) {
        // A parent given by external id: "Account": { "External_Id__c": "A-1" }.
        const viaRelationship = object.referencesByRelationship.get(key.toLowerCase());
        if (viaRelationship && access.fieldAccess(user, object, viaRelationship).read && value !== null && typeof value === 'object' && !Array.isArray(value)) {
          field = viaRelationship;
          stored = this.resolveParentByExternalId(user, viaRelationship, value as Record<string, unknown>);
        } else {
          throw SfErrors.noSuchColumn(key, object.name);
        }
      } else {
        if (field.name === 'Id' && kind === 'update') continue;
        // A field hidden by field-level security does not exist for the user, as in SOQL.
        if (!access.fieldAccess(user, object, field).read) throw SfErrors.noSuchColumn(key, object.name);
        stored = toStored(this.deps.store.schema, field, value);
      }
      const writable = kind === 'insert' ? field.createable : field.updateable;
      if (!writable || !access.fieldAccess(user, object, field).edit) {
        notWritable.push(field.name);
        continue;
      }
      changes[field.name] = stored;
    }
    if (notWritable.length > 0) throw SfErrors.invalidFieldForInsertUpdate(notWritable);
    return changes;
  }

  private resolveParentByExternalId(user: UserContext, field: FieldDef, ref: Record<string, unknown>): StoredValue {
    const parent = this.deps.store.schema.object(field.referenceTo[0] ?? '');
    const entries = Object.entries(ref).filter(([k]) => k !== 'attributes');
    if (!parent || entries.length !== 1) throw SfErrors.invalidTypeOnField(field.name, ref);
    const [extField, extValue] = entries[0];
    const matches = this.findByExternalId(user, parent, extField, String(extValue));
    if (matches.length === 0) {
      throw new SalesforceError(400, 'INVALID_FIELD', `Foreign key external ID: ${String(extValue)} not found for field ${extField} in entity ${parent.name}`, [field.name]);
    }
    if (matches.length > 1) throw SfErrors.duplicateExternalId(extField, matches.map((m) => String(m.Id)));
    return String(matches[0].Id);
  }

  /** Lookups must point at live records; OwnerId at an active user or a queue. */
  private checkReferences(user: UserContext, object: ObjectDef, changes: StoredRow, access: AccessPolicy): void {
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) continue;
      const field = object.fieldsByLowerName.get(name.toLowerCase());
      if (!field || field.type !== 'reference') continue;
      const target = this.deps.store.schema.objectByKeyPrefix(keyPrefixOf(String(value)));
      const row = target ? this.deps.store.getById(target, String(value)) : undefined;
      if (!target || !row) throw SfErrors.invalidCrossReference(field.name);
      if (row.IsDeleted === 1) throw new SalesforceError(400, 'ENTITY_IS_DELETED', 'entity is deleted', [field.name]);
      if (!access.canReadRecord(user, target, row)) {
        throw new SalesforceError(
          400,
          'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
          'insufficient access rights on cross-reference id',
          [field.name],
        );
      }
      if (field.name === 'OwnerId') {
        if (target.name === 'User' && row.IsActive === 0) {
          throw new SalesforceError(400, 'INACTIVE_OWNER_OR_USER', 'operation performed with inactive user', [field.name]);
        }
        if (target.name === 'Group') {
          // A queue owns only the objects it was set up for (QueueSobject), as on Salesforce.
          const supported =
            row.Type === 'Queue' &&
            this.deps.store.select(`SELECT 1 AS ok FROM "QueueSobject" WHERE "QueueId" = ? AND "SobjectType" = ? AND "IsDeleted" = 0`, [
              String(row.Id),
              object.name,
            ]).length > 0;
          if (!supported) throw SfErrors.invalidCrossReference(field.name);
        }
      }
    }
  }

  private checkRequired(object: ObjectDef, row: StoredRow): void {
    const missing = object.fields.filter(
      (f) => f.required && (row[f.name] === null || row[f.name] === undefined || row[f.name] === ''),
    );
    if (missing.length > 0) throw SfErrors.requiredFieldMissing(missing.map((f) => f.name));
  }

  private checkUnique(object: ObjectDef, row: StoredRow, changed: Iterable<string>): void {
    for (const name of changed) {
      const field = object.fieldsByLowerName.get(name.toLowerCase());
      if (!field?.unique || row[name] === null || row[name] === undefined) continue;
      const clash = this.deps.store.findBy(object, field.name, row[name], 2).find((r) => r.Id !== row.Id);
      if (clash) throw SfErrors.duplicateValue(field.name, String(clash.Id));
    }
  }

  private defaultsFor(object: ObjectDef): StoredRow {
    const row: StoredRow = {};
    for (const f of object.fields) {
      if (f.type === 'boolean') row[f.name] = f.defaultValue === true || f.defaultValue === 'true' ? 1 : 0;
      else if (f.defaultValue !== undefined && f.defaultValue !== null) row[f.name] = toStored(this.deps.store.schema, f, f.defaultValue);
      else if (f.type === 'picklist') {
        const def = f.picklistValues?.find((p) => p.defaultValue && p.active);
        row[f.name] = def ? def.value : null;
      } else row[f.name] = null;
    }
    return row;
  }

  create(user: UserContext, object: ObjectDef, input: Record<string, unknown>, options: SaveOptions = DEFAULT_SAVE): string {
    const access = this.accessFor(options);
    if (!object.createable || !access.objectAccess(user, object).create) {
      throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    }
    if (Object.keys(input).some((k) => k.toLowerCase() === 'id' && input[k] !== null && input[k] !== undefined)) {
      throw new SalesforceError(400, 'INVALID_FIELD', 'Cannot specify Id in an insert call', ['Id']);
    }
    const changes = this.toStoredChanges(user, object, input, 'insert', access);
    return this.inTransaction(() => {
      const now = formatDateTime(this.deps.now());
      const row: StoredRow = { ...this.defaultsFor(object), ...changes };
      row.Id = this.deps.store.newId(object);
      row.IsDeleted = 0;
      row.CreatedDate = row.LastModifiedDate = row.SystemModstamp = now;
      row.CreatedById = row.LastModifiedById = user.userId;
      if (object.fieldsByLowerName.has('ownerid') && (row.OwnerId === null || row.OwnerId === undefined)) row.OwnerId = user.userId;
      this.deps.derive(object.name, row, { schema: this.deps.store.schema, setByCaller: new Set(Object.keys(changes)) });
      const event: SaveEvent = { user, object, kind: 'insert', row, options };
      this.deps.hooks.beforeSave(event);
      this.checkRequired(object, row);
      this.checkReferences(user, object, changes, access);
      this.checkUnique(object, row, Object.keys(changes));
      this.deps.hooks.validate(event);
      this.deps.store.insert(object, row);
      event.storedAt = this.deps.store.writeCount;
      this.deps.hooks.afterSave(event);
      this.deps.access.recordChanged?.(object);
      return String(row.Id);
    });
  }

  /**
   * The live row a write names. A record the user cannot see is refused like one the user may not
   * change (INSUFFICIENT_ACCESS_OR_READONLY), as Salesforce's DML does; only reads say NOT_FOUND.
   */
  private targetRow(user: UserContext, object: ObjectDef, id: string, raw: string, access: AccessPolicy): StoredRow {
    const row = this.deps.store.getById(object, id);
    if (!row) throw SfErrors.recordNotFound(raw);
    if (!access.canReadRecord(user, object, row)) throw SfErrors.insufficientAccess();
    if (row.IsDeleted === 1) throw SfErrors.entityIsDeleted();
    return row;
  }

  /** The stored row a write may change, with Salesforce's refusals for everything else. */
  private editableRow(user: UserContext, object: ObjectDef, rawId: string, access: AccessPolicy): StoredRow {
    const id = this.idFor(object, rawId);
    const row = this.targetRow(user, object, id, rawId, access);
    if (object.name === 'Lead' && row.IsConverted === 1) throw SfErrors.cannotUpdateConvertedLead();
    return row;
  }

  update(user: UserContext, object: ObjectDef, rawId: string, input: Record<string, unknown>, options: SaveOptions = DEFAULT_SAVE): string {
    const access = this.accessFor(options);
    if (!object.updateable || !access.objectAccess(user, object).edit) {
      throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    }
    const changes = this.toStoredChanges(user, object, input, 'update', access);
    return this.inTransaction(() => {
      const prior = this.editableRow(user, object, rawId, access);
      if (!access.canEditRecord(user, object, prior)) throw SfErrors.insufficientAccess();
      const transfer = changes.OwnerId !== undefined && changes.OwnerId !== prior.OwnerId;
      if (transfer && access.canTransferRecord && !access.canTransferRecord(user, object, prior)) throw SfErrors.insufficientAccess();
      const now = formatDateTime(this.deps.now());
      const row: StoredRow = { ...prior, ...changes, LastModifiedDate: now, SystemModstamp: now, LastModifiedById: user.userId };
      this.deps.derive(object.name, row, { schema: this.deps.store.schema, previous: prior, setByCaller: new Set(Object.keys(changes)) });
      const event: SaveEvent = { user, object, kind: 'update', row, prior, options };
      this.deps.hooks.beforeSave(event);
      this.checkRequired(object, row);
      this.checkReferences(user, object, changes, access);
      this.checkUnique(object, row, Object.keys(changes));
      this.deps.hooks.validate(event);
      const diff: StoredRow = {};
      for (const f of object.fields) if (row[f.name] !== prior[f.name]) diff[f.name] = row[f.name] ?? null;
      this.deps.store.update(object, String(prior.Id), diff);
      event.storedAt = this.deps.store.writeCount;
      this.deps.hooks.afterSave(event);
      this.deps.access.recordChanged?.(object);
      return String(prior.Id);
    });
  }

  /**
   * An update the platform itself makes (lead conversion marking the lead converted, moving its
   * activities): stored values the caller has already validated, written past field
   * writability, sharing and the converted-lead lock, but still with derived fields and the same
   * automation hooks as a user's update. Never reachable from API input.
   */
  systemUpdate(user: UserContext, object: ObjectDef, id: string, changes: StoredRow): void {
    this.inTransaction(() => {
      const prior = this.deps.store.getById(object, id);
      if (!prior || prior.IsDeleted === 1) throw SfErrors.entityIsDeleted();
      const now = formatDateTime(this.deps.now());
      const row: StoredRow = { ...prior, ...changes, LastModifiedDate: now, SystemModstamp: now, LastModifiedById: user.userId };
      this.deps.derive(object.name, row, { schema: this.deps.store.schema, previous: prior, setByCaller: new Set(Object.keys(changes)) });
      const event: SaveEvent = { user, object, kind: 'update', row, prior, options: { useAssignmentRules: false } };
      this.deps.hooks.beforeSave(event);
      this.checkRequired(object, row);
      this.deps.hooks.validate(event);
      const diff: StoredRow = {};
      for (const f of object.fields) if (row[f.name] !== prior[f.name]) diff[f.name] = row[f.name] ?? null;
      this.deps.store.update(object, id, diff);
      event.storedAt = this.deps.store.writeCount;
      this.deps.hooks.afterSave(event);
      this.deps.access.recordChanged?.(object);
    });
  }

  delete(user: UserContext, object: ObjectDef, rawId: string, options: SaveOptions = DEFAULT_SAVE): string {
    const access = this.accessFor(options);
    if (!object.deletable || !access.objectAccess(user, object).delete) {
      throw new SalesforceError(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    }
    return this.inTransaction(() => {
      const id = this.idFor(object, rawId);
      const row = this.targetRow(user, object, id, rawId, access);
      if (!access.canDeleteRecord(user, object, row)) throw SfErrors.insufficientAccess();
      this.deps.hooks.validate({ user, object, kind: 'delete', row, prior: row, options });
      this.softDeleteWithChildren(user, object, id);
      this.deps.access.recordChanged?.(object);
      return id;
    });
  }

  private softDeleteWithChildren(user: UserContext, object: ObjectDef, id: string): void {
    const now = formatDateTime(this.deps.now());
    this.deps.store.softDelete(object, id, user.userId, now);
    const cascades: Array<[ObjectDef, FieldDef]> = [];
    for (const [childName, field] of CASCADE_DELETE) {
      const child = this.deps.store.schema.object(childName);
      const f = child?.fieldsByLowerName.get(field.toLowerCase());
      if (child && f && f.referenceTo.some((r) => r.toLowerCase() === object.name.toLowerCase())) cascades.push([child, f]);
    }
    // Master-detail children go with their master.
    for (const rel of object.childRelationships) {
      if (!rel.cascadeDelete) continue;
      const child = this.deps.store.schema.object(rel.childSObject);
      const f = child?.fieldsByLowerName.get(rel.field.toLowerCase());
      if (child && f) cascades.push([child, f]);
    }
    for (const [child, f] of cascades) {
      for (const c of this.deps.store.findBy(child, f.name, id, 100_000)) this.softDeleteWithChildren(user, child, String(c.Id));
    }
  }

  /** Upsert on an external id field (or Id): updates the one match, creates when there is none. */
  upsert(
    user: UserContext,
    object: ObjectDef,
    fieldName: string,
    value: string,
    input: Record<string, unknown>,
    options: SaveOptions = DEFAULT_SAVE,
  ): { id: string; created: boolean } {
    const field = this.externalIdField(object, fieldName);
    return this.inTransaction(() => {
      const matches = value === '' ? [] : this.findByExternalId(user, object, field.name, value);
      if (matches.length > 1) throw SfErrors.duplicateExternalId(field.name, matches.map((m) => String(m.Id)));
      const body = { ...input };
      for (const k of Object.keys(body)) if (k.toLowerCase() === field.name.toLowerCase()) delete body[k];
      if (matches.length === 1) return { id: this.update(user, object, String(matches[0].Id), body, options), created: false };
      if (field.name === 'Id') {
        if (value !== '') throw SfErrors.recordNotFound(value);
        return { id: this.create(user, object, body, options), created: true };
      }
      return { id: this.create(user, object, { ...body, [field.name]: value }, options), created: true };
    });
  }

  // --- collections ---------------------------------------------------------------------------

  /**
   * Runs one DML per item, each in its own savepoint. With allOrNone, the first failure rolls
   * back the whole call and every other record reports ALL_OR_NONE_OPERATION_ROLLED_BACK.
   */
  runMany<T>(items: readonly T[], allOrNone: boolean, one: (item: T) => { id: string; created?: boolean }): SaveResult[] {
    const results: SaveResult[] = [];
    const run = () => {
      for (const item of items) {
        try {
          const r = this.inTransaction(() => one(item));
          results.push({ id: r.id, success: true, errors: [], ...(r.created === undefined ? {} : { created: r.created }) });
        } catch (err) {
          if (!isSalesforceError(err)) throw err;
          results.push({ id: null, success: false, errors: err.toSaveErrors() });
        }
      }
      if (allOrNone && results.some((r) => !r.success)) throw ROLLBACK;
    };
    try {
      this.inTransaction(run);
    } catch (err) {
      if (err !== ROLLBACK) throw err;
      const rolledBack = SfErrors.allOrNoneRolledBack().toSaveError();
      return results.map((r) => (r.success ? { id: null, success: false, errors: [rolledBack] } : { ...r, id: null }));
    }
    return results;
  }
}

const ROLLBACK = new Error('all-or-none rollback');
