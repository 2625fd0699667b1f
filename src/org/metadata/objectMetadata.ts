import path from 'node:path';
import type { FieldSpec } from '../schema/defineObject.ts';
import { standardObjects, type StandardObjectSpec } from '../schema/standardObjects.ts';
import { STANDARD_VALUE_SETS } from '../schema/standard/standardValueSets.ts';
import type { PicklistValue, SharingModel } from '../schema/types.ts';
import { applyStandardFieldOverride, customFieldSpec, fieldNameOf, setPicklistValues, type FieldContext } from './fieldMetadata.ts';
import { bool, child, int, lineOf, str, type MetadataXml } from './metadataXml.ts';
import type { ProjectFile } from './projectFiles.ts';
import { MetadataError, type MetadataProblem, type RecordTypeDef } from './types.ts';

/**
 * Objects: the built-in standard objects, changed by the project's object, field and record
 * type files, plus the project's custom objects. The result is still specs; the loader turns
 * them into definitions once everything is merged.
 */

export interface ObjectFiles {
  /** As the folder names it. */
  name: string;
  objectFile?: ProjectFile;
  fieldFiles: ProjectFile[];
  recordTypeFiles: ProjectFile[];
}

export interface ObjectBuildInput {
  objects: ObjectFiles[];
  read: (file: ProjectFile, roots: readonly string[]) => MetadataXml;
  /** Standard value set name → values, from the project. */
  standardValueSets: ReadonlyMap<string, PicklistValue[]>;
  /** Lower-cased global value set name → values. */
  globalValueSets: ReadonlyMap<string, PicklistValue[]>;
  problems: MetadataProblem[];
}

export interface ObjectBuild {
  specs: StandardObjectSpec[];
  recordTypes: RecordTypeDef[];
}

const SHARING_MODELS: readonly SharingModel[] = ['Private', 'Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess', 'ControlledByParent', 'Public'];

/** Object-file elements with no effect on what the API does. */
const OBJECT_NO_EFFECT = new Set([
  'fullName', 'description', 'deploymentStatus', 'actionOverrides', 'searchLayouts', 'compactLayoutAssignment',
  // External (community) users do not exist in the local org.
  'externalSharingModel',
  'visibility', 'enableReports', 'enableSearch', 'enableBulkApi', 'enableSharing', 'enableStreamingApi',
  'enableEnhancedLookup', 'enableLicensing', 'allowInChatterGroups', 'recordTypeTrackFeedHistory', 'recordTypeTrackHistory',
  'startsWith', 'gender', 'enableActivities', 'enableDivisions', 'enableDataTranslation', 'enableHistory', 'enableFeeds',
  'allowedForAIModels',
]);
const CUSTOM_OBJECT_ELEMENTS = new Set(['label', 'pluralLabel', 'nameField', 'sharingModel']);
/** Child metadata that Metadata API format keeps inside the object file. */
const INLINE_CHILDREN = new Set([
  'fields', 'recordTypes', 'validationRules', 'listViews', 'webLinks', 'compactLayouts', 'businessProcesses', 'fieldSets',
  'sharingReasons', 'indexes',
]);

/** Custom object key prefixes, a00, a01 … a0z, a10 …: Salesforce's range for custom objects. */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function customKeyPrefix(index: number): string {
  return `a${BASE62[Math.floor(index / 62) % 62]}${BASE62[index % 62]}`;
}

const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

function push(problems: MetadataProblem[], xml: MetadataXml, element: string, message: string, hint: string): void {
  problems.push({ file: xml.file, line: lineOf(xml.text, element), element, message, hint });
}

function applySharingModel(spec: StandardObjectSpec, xml: MetadataXml, problems: MetadataProblem[]): void {
  const model = str(xml.body, 'sharingModel');
  if (model === undefined) return;
  if ((SHARING_MODELS as readonly string[]).includes(model)) spec.object.sharingModel = model as SharingModel;
  else {
    push(problems, xml, 'sharingModel', `Sharing model ${model} of ${spec.object.name} is not emulated.`, `The local org keeps ${spec.object.sharingModel ?? 'ReadWrite'} for ${spec.object.name}.`);
  }
}

/** Features an object file can switch on that the local org does not have. */
function reportObjectFeatures(name: string, xml: MetadataXml, problems: MetadataProblem[]): void {
  if (bool(xml.body, 'enableHistory')) {
    push(problems, xml, 'enableHistory', `Field history tracking on ${name} is not emulated.`, `No ${name.replace(/__c$/, '__')}History records are written locally.`);
  }
  if (bool(xml.body, 'enableFeeds')) {
    push(problems, xml, 'enableFeeds', `Feed tracking (Chatter) on ${name} is not emulated.`, 'No feed items are written locally.');
  }
}

function reportUnknownObjectElements(name: string, xml: MetadataXml, allowed: (k: string) => boolean, problems: MetadataProblem[]): void {
  for (const key of Object.keys(xml.body)) {
    if (allowed(key)) continue;
    push(
      problems,
      xml,
      key,
      `Element <${key}> of ${name}'s object file is not emulated by the local org.`,
      INLINE_CHILDREN.has(key)
        ? 'In source format child metadata has its own files (fields/, recordTypes/ …); convert the project with sf project convert mdapi.'
        : 'The local org behaves as if it were absent.',
    );
  }
}

function customObjectSpec(name: string, keyPrefix: string, xml: MetadataXml, problems: MetadataProblem[]): StandardObjectSpec {
  const body = xml.body;
  const label = str(body, 'label') ?? name.replace(/__c$/, '').replace(/_/g, ' ');
  const spec: StandardObjectSpec = {
    object: {
      name,
      label,
      labelPlural: str(body, 'pluralLabel') ?? `${label}s`,
      keyPrefix,
      custom: true,
      sharingModel: 'ReadWrite',
      nameField: 'Name',
      source: xml.file,
    },
    fields: [],
  };
  applySharingModel(spec, xml, problems);
  // Detail objects of a master-detail have no owner: access comes from the master.
  spec.object.owned = spec.object.sharingModel !== 'ControlledByParent';
  spec.object.queueOwned = spec.object.owned;
  const nameField = child(body, 'nameField');
  const nameLabel = str(nameField, 'label') ?? `${label} Name`;
  const nameType = str(nameField, 'type') ?? 'Text';
  if (nameType === 'AutoNumber') {
    spec.fields.push({
      name: 'Name',
      label: nameLabel,
      type: 'string',
      length: 30,
      createable: false,
      updateable: false,
      nillable: false,
      defaultedOnCreate: true,
      autoNumber: { displayFormat: str(nameField, 'displayFormat') ?? `${label}-{0000}`, startingNumber: int(nameField, 'startingNumber') ?? 1 },
    });
  } else {
    if (nameType !== 'Text') push(problems, xml, 'nameField', `Name field type ${nameType} of ${name} is not emulated; the local org uses Text.`, 'Use Text or AutoNumber.');
    // Not required: Salesforce names a record after its id when Name is left blank.
    spec.fields.push({ name: 'Name', label: nameLabel, type: 'string', length: 80, nillable: false, defaultedOnCreate: true });
  }
  reportObjectFeatures(name, xml, problems);
  reportUnknownObjectElements(name, xml, (k) => CUSTOM_OBJECT_ELEMENTS.has(k) || OBJECT_NO_EFFECT.has(k), problems);
  return spec;
}

/** Custom objects Salesforce has but the local org cannot be: metadata types, events, big objects … */
function unsupportedObjectKind(name: string): string | undefined {
  const suffix = /__([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (!suffix || suffix === 'c') return undefined;
  const kinds: Record<string, string> = {
    mdt: 'Custom metadata types',
    e: 'Platform events',
    b: 'Big objects',
    x: 'External objects',
    kav: 'Knowledge article types',
    share: 'Share objects',
    history: 'History objects',
  };
  return kinds[suffix] ?? `Objects with the __${suffix} suffix`;
}

const recordTypeIdField = (): FieldSpec => ({
  name: 'RecordTypeId',
  label: 'Record Type ID',
  type: 'reference',
  length: 18,
  referenceTo: ['RecordType'],
  relationshipName: 'RecordType',
  childRelationshipName: null,
});

const RECORD_TYPE_ELEMENTS = new Set([
  'fullName', 'label', 'active', 'description',
  // Which picklist values and which page layout a record type offers is UI-only: the API
  // accepts every value of the field whatever the record type.
  'picklistValues', 'businessProcess', 'compactLayoutAssignment',
]);

export function buildObjectSpecs(input: ObjectBuildInput): ObjectBuild {
  const { problems } = input;
  const specs = standardObjects();
  const specsByName = new Map(specs.map((s) => [s.object.name.toLowerCase(), s]));
  const fieldOf = (object: string, field: string) =>
    specsByName.get(object.toLowerCase())?.fields.find((f) => f.name.toLowerCase() === field.toLowerCase());

  // Standard value sets first: a field file's own valueSet is more specific and wins.
  for (const [setName, values] of input.standardValueSets) {
    for (const target of STANDARD_VALUE_SETS[setName]?.fields ?? []) {
      const [object, field] = target.split('.');
      const spec = fieldOf(object, field);
      if (spec) setPicklistValues(spec, structuredClone(values));
    }
  }

  // Custom objects get their key prefixes in name order, so the same project always gets the same ids.
  const objects = [...input.objects].sort((a, b) => byName(a.name, b.name));
  const activityObjects: string[] = [];
  let customIndex = 0;
  const accepted: ObjectFiles[] = [];
  for (const o of objects) {
    const unsupported = unsupportedObjectKind(o.name);
    const standard = specsByName.get(o.name.toLowerCase());
    const firstFile = o.objectFile ?? o.fieldFiles[0] ?? o.recordTypeFiles[0];
    const fileCount = (o.objectFile ? 1 : 0) + o.fieldFiles.length + o.recordTypeFiles.length;
    if (unsupported) {
      problems.push({
        file: path.posix.dirname(firstFile.rel),
        element: 'objects',
        message: `${unsupported} are not emulated: ${o.name} is left out of the local org (${fileCount} file(s)).`,
        hint: `Queries on ${o.name} fail with INVALID_TYPE locally; test it in a sandbox.`,
      });
      continue;
    }
    if (standard) {
      if (o.objectFile) {
        const xml = input.read(o.objectFile, ['CustomObject']);
        applySharingModel(standard, xml, problems);
        reportObjectFeatures(standard.object.name, xml, problems);
        reportUnknownObjectElements(standard.object.name, xml, (k) => k === 'sharingModel' || OBJECT_NO_EFFECT.has(k), problems);
      }
      accepted.push(o);
      continue;
    }
    if (!o.name.toLowerCase().endsWith('__c')) {
      problems.push({
        file: path.posix.dirname(firstFile.rel),
        element: 'objects',
        message: `The standard object ${o.name} is not emulated by the local org; its metadata (${fileCount} file(s)) is ignored.`,
        hint: `Queries on ${o.name} fail with INVALID_TYPE locally; test it in a sandbox.`,
      });
      continue;
    }
    if (!o.objectFile) {
      problems.push({
        file: path.posix.dirname(firstFile.rel),
        element: 'objects',
        message: `${o.name} has fields but no ${o.name}.object-meta.xml, so the object is left out of the local org.`,
        hint: `Add objects/${o.name}/${o.name}.object-meta.xml (retrieve it with sf project retrieve start -m CustomObject:${o.name}).`,
      });
      continue;
    }
    const xml = input.read(o.objectFile, ['CustomObject']);
    const spec = customObjectSpec(o.name, customKeyPrefix(customIndex++), xml, problems);
    if (bool(xml.body, 'enableActivities')) activityObjects.push(o.name);
    specs.push(spec);
    specsByName.set(o.name.toLowerCase(), spec);
    accepted.push(o);
  }

  const resolveObject = (name: string) => specsByName.get(name.toLowerCase())?.object.name;
  const recordTypes: RecordTypeDef[] = [];
  for (const o of accepted) {
    const spec = specsByName.get(o.name.toLowerCase())!;
    const objectName = spec.object.name;
    const seen = new Map<string, string>();
    for (const file of [...o.fieldFiles].sort((a, b) => byName(a.rel, b.rel))) {
      const name = fieldNameOf(path.posix.basename(file.rel));
      const earlier = seen.get(name.toLowerCase());
      if (earlier) {
        throw new MetadataError(`The field ${objectName}.${name} is defined twice, in ${earlier} and ${file.rel}. Keep one of them.`, file.rel);
      }
      seen.set(name.toLowerCase(), file.rel);
      const xml = input.read(file, ['CustomField']);
      const ctx: FieldContext = { objectName, xml, resolveObject, globalValueSets: input.globalValueSets, problems };
      const existing = spec.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
      if (name.toLowerCase().endsWith('__c')) {
        const field = customFieldSpec(name, ctx);
        if (field) spec.fields.push(field);
      } else if (existing) {
        applyStandardFieldOverride(existing, ctx);
      } else if (['id', 'isdeleted', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp', 'ownerid'].includes(name.toLowerCase())) {
        // System fields sometimes appear in retrieved source; there is nothing to change on them.
        continue;
      } else {
        problems.push({
          file: file.rel,
          element: 'fields',
          message: `${objectName} has no standard field ${name} in the local org; the file is ignored.`,
          hint: 'Custom fields end in __c. If this is a standard field the local org lacks, test it in a sandbox.',
        });
      }
    }

    for (const file of [...o.recordTypeFiles].sort((a, b) => byName(a.rel, b.rel))) {
      const xml = input.read(file, ['RecordType']);
      const developerName = path.posix.basename(file.rel).replace(/\.recordType-meta\.xml$/i, '');
      recordTypes.push({
        sobjectType: objectName,
        developerName,
        label: str(xml.body, 'label') ?? developerName,
        active: bool(xml.body, 'active') === true,
        description: str(xml.body, 'description'),
        file: file.rel,
      });
      for (const key of Object.keys(xml.body)) {
        if (!RECORD_TYPE_ELEMENTS.has(key)) {
          push(problems, xml, key, `Element <${key}> of record type ${objectName}.${developerName} is not emulated.`, 'The local org behaves as if it were absent.');
        }
      }
    }
  }

  // Record types only exist on objects that have a RecordTypeId field; give it to the others.
  for (const rt of recordTypes) {
    const spec = specsByName.get(rt.sobjectType.toLowerCase())!;
    if (!spec.fields.some((f) => f.name === 'RecordTypeId')) spec.fields.push(recordTypeIdField());
  }

  for (const activity of ['Task', 'Event']) {
    const whatId = fieldOf(activity, 'WhatId');
    if (whatId) whatId.referenceTo = [...(whatId.referenceTo ?? []), ...activityObjects];
  }

  const ownedObjects = specs.filter((s) => s.object.owned).map((s) => s.object.name).sort(byName);
  const withRecordTypes = specs.filter((s) => s.fields.some((f) => f.name === 'RecordTypeId')).map((s) => s.object.name).sort(byName);
  const pick = (names: string[]) => names.map((n) => ({ value: n, label: n, active: true, defaultValue: false }));
  const queueType = fieldOf('QueueSobject', 'SobjectType');
  if (queueType) queueType.picklistValues = pick(ownedObjects);
  const recordTypeType = fieldOf('RecordType', 'SobjectType');
  if (recordTypeType) recordTypeType.picklistValues = pick(withRecordTypes);

  return { specs, recordTypes };
}
