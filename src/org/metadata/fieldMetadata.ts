import type { FieldSpec } from '../schema/defineObject.ts';
import type { FieldType, PicklistValue } from '../schema/types.ts';
import { bool, child, int, lineOf, many, manyNodes, str, type MetadataXml, type XmlNode } from './metadataXml.ts';
import type { MetadataProblem } from './types.ts';

/**
 * CustomField metadata → field definitions, for custom fields and for the overrides a project
 * may make to standard fields. Anything a field file says that the local org cannot honour
 * becomes a problem naming the element; a field whose type cannot be emulated at all is left
 * out of the schema (so a query naming it fails loudly, instead of returning made-up values).
 */

export interface FieldContext {
  objectName: string;
  xml: MetadataXml;
  /** The declared name of an object the org has (standard or from the project), or undefined. */
  resolveObject: (name: string) => string | undefined;
  globalValueSets: ReadonlyMap<string, PicklistValue[]>;
  problems: MetadataProblem[];
}

const TYPES: Readonly<Record<string, FieldType>> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Lookup: 'reference',
  MasterDetail: 'reference',
  AutoNumber: 'string',
};

const TYPES_NOT_EMULATED: Readonly<Record<string, string>> = {
  Html: 'Rich text area fields',
  EncryptedText: 'Encrypted text fields',
  Location: 'Geolocation fields',
  Time: 'Time fields',
  Summary: 'Roll-up summary fields',
  ExternalLookup: 'External lookup fields',
  IndirectLookup: 'Indirect lookup fields',
  Hierarchy: 'Hierarchical relationship fields',
  MetadataRelationship: 'Metadata relationship fields',
  File: 'File fields',
};

/** Elements read by this module. */
const HANDLED = new Set([
  'fullName', 'label', 'type', 'length', 'precision', 'scale', 'required', 'unique', 'externalId', 'defaultValue',
  'inlineHelpText', 'referenceTo', 'relationshipName', 'deleteConstraint', 'valueSet', 'displayFormat', 'startingNumber',
  'reparentableMasterDetail', 'caseSensitive', 'formula', 'formulaTreatBlanksAs', 'lookupFilter',
  'summarizedField', 'summaryForeignKey', 'summaryOperation', 'summaryFilterItems', 'encryptionScheme', 'maskChar', 'maskType',
]);

/**
 * Elements with no effect on what the API does (descriptions, UI hints, governance tags,
 * history tracking flags that the object-level problem already reports).
 */
const NO_EFFECT = new Set([
  'description', 'relationshipLabel', 'visibleLines', 'trackFeedHistory', 'trackHistory', 'trackTrending',
  'fieldManageability', 'securityClassification', 'complianceGroup', 'businessStatus', 'businessOwnerGroup',
  'businessOwnerUser', 'externalDeveloperName', 'displayLocationInDecimal', 'writeRequiresMasterRead', 'relationshipOrder',
  'isFilteringDisabled', 'isNameField', 'isSortingDisabled', 'stripMarkup', 'escapeMarkup', 'populateExistingRows',
  'deprecated', 'isAIPredictionField', 'isConvertLeadDisabled',
]);

function problem(ctx: FieldContext, element: string, message: string, hint: string): void {
  ctx.problems.push({ file: ctx.xml.file, line: lineOf(ctx.xml.text, element), element, message, hint });
}

/** The field's API name: the file name, as `sf` takes it. */
export function fieldNameOf(fileName: string): string {
  return fileName.replace(/\.field-meta\.xml$/i, '');
}

function picklistEntry(fullName: string, label: string | undefined, isDefault: boolean, active: boolean): PicklistValue {
  return { value: fullName, label: label && label !== '' ? label : fullName, active, defaultValue: isDefault };
}

/**
 * The values of a `<valueSet>`: inline (valueSetDefinition) or a global value set
 * (valueSetName). Undefined when the value set cannot be used; a problem says why.
 */
export function picklistFromValueSet(valueSet: XmlNode, ctx: FieldContext, fieldName: string): { values: PicklistValue[]; restricted: boolean } | undefined {
  if (str(valueSet, 'controllingField') !== undefined) {
    problem(
      ctx,
      'controllingField',
      `Dependent picklist ${ctx.objectName}.${fieldName}: the dependency on ${str(valueSet, 'controllingField')} is not emulated yet.`,
      'Every value is accepted whatever the controlling field holds; test the dependency in a sandbox.',
    );
  }
  const globalName = str(valueSet, 'valueSetName');
  if (globalName !== undefined) {
    const values = ctx.globalValueSets.get(globalName.toLowerCase());
    if (!values) {
      problem(
        ctx,
        'valueSetName',
        `${ctx.objectName}.${fieldName} uses the global value set '${globalName}', which the project does not contain.`,
        `Add globalValueSets/${globalName}.globalValueSet-meta.xml (retrieve it with sf project retrieve start -m GlobalValueSet:${globalName}).`,
      );
      return undefined;
    }
    // Fields on a global value set are always restricted in Salesforce.
    return { values: values.map((v) => ({ ...v })), restricted: true };
  }
  const definition = child(valueSet, 'valueSetDefinition');
  const values = manyNodes(definition, 'value').map((v) =>
    picklistEntry(str(v, 'fullName') ?? '', str(v, 'label'), bool(v, 'default') === true, bool(v, 'isActive') !== false),
  );
  if (values.length === 0 || values.some((v) => v.value === '')) {
    problem(ctx, 'valueSet', `${ctx.objectName}.${fieldName} has a value set without values (or a value without fullName).`, 'Give every <value> a <fullName>.');
    return undefined;
  }
  return { values, restricted: bool(valueSet, 'restricted') === true };
}

const TEXT_TYPES = new Set<FieldType>(['string', 'textarea', 'email', 'phone', 'url']);
const NUMBER_TYPES = new Set<FieldType>(['double', 'currency', 'percent', 'int']);

/**
 * A field's `<defaultValue>` is a formula. The local org applies the literal ones (a quoted
 * text, a number, true/false); anything computed (TODAY(), $User.Id …) is a problem.
 */
function literalDefault(raw: string, type: FieldType): { ok: true; value: string | number | boolean | null } | { ok: false } {
  const text = raw.trim();
  if (text === '' || text.toLowerCase() === 'null') return { ok: true, value: null };
  if (type === 'boolean') {
    if (/^true$/i.test(text)) return { ok: true, value: true };
    if (/^false$/i.test(text)) return { ok: true, value: false };
    return { ok: false };
  }
  if (NUMBER_TYPES.has(type)) return /^-?\d+(\.\d+)?$/.test(text) ? { ok: true, value: Number(text) } : { ok: false };
  if (TEXT_TYPES.has(type) || type === 'picklist') {
    const m = /^"((?:[^"\\]|\\.)*)"$/.exec(text) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(text);
    return m ? { ok: true, value: m[1].replace(/\\(.)/g, '$1') } : { ok: false };
  }
  return { ok: false };
}

function applyDefault(spec: FieldSpec, body: XmlNode, ctx: FieldContext): void {
  const raw = str(body, 'defaultValue');
  if (raw === undefined) return;
  const parsed = literalDefault(raw, spec.type);
  if (parsed.ok) {
    if (parsed.value !== null) spec.defaultValue = parsed.value;
    return;
  }
  problem(
    ctx,
    'defaultValue',
    `The default value formula of ${ctx.objectName}.${spec.name} (${raw.trim()}) is not emulated: only literal text, numbers and true/false are.`,
    'The field gets no default locally; give the value explicitly in tests that depend on it.',
  );
}

function reportUnknownElements(body: XmlNode, ctx: FieldContext, allowed: (k: string) => boolean, report: (key: string) => [message: string, hint: string]): void {
  for (const key of Object.keys(body)) {
    if (allowed(key)) continue;
    const [message, hint] = report(key);
    problem(ctx, key, message, hint);
  }
}

/**
 * A custom field's definition, or undefined when it cannot be emulated (the problem is
 * recorded). `name` is the API name from the file name.
 */
export function customFieldSpec(name: string, ctx: FieldContext): FieldSpec | undefined {
  const body = ctx.xml.body;
  const fullName = str(body, 'fullName');
  if (fullName !== undefined && fullName !== name && fullName !== `${ctx.objectName}.${name}`) {
    problem(ctx, 'fullName', `The file defines ${name} but its <fullName> says '${fullName}'.`, `The local org uses the file name (${name}); make the two agree.`);
  }
  const metaType = str(body, 'type');
  const label = str(body, 'label') ?? name;
  if (str(body, 'formula') !== undefined) {
    problem(
      ctx,
      'formula',
      `Formula field ${ctx.objectName}.${name} is not emulated yet; it is left out of the local org's schema.`,
      'Planned for a later golive release. Until then queries that select it fail with INVALID_FIELD locally.',
    );
    return undefined;
  }
  if (metaType === undefined || TYPES_NOT_EMULATED[metaType] || !TYPES[metaType]) {
    const what = metaType === undefined ? 'A field without <type>' : (TYPES_NOT_EMULATED[metaType] ?? `Fields of type ${metaType}`);
    problem(
      ctx,
      'type',
      `${what} cannot be emulated by the local org: ${ctx.objectName}.${name} is left out of its schema.`,
      'Queries and saves that name this field fail with INVALID_FIELD locally; test it in a sandbox.',
    );
    return undefined;
  }
  const type = TYPES[metaType];
  const spec: FieldSpec = { name, type, label, custom: true, source: ctx.xml.file };
  const help = str(body, 'inlineHelpText');
  if (help) spec.inlineHelpText = help;
  if (bool(body, 'required')) spec.required = true;
  if (bool(body, 'unique')) spec.unique = true;
  if (bool(body, 'externalId')) {
    spec.externalId = true;
    // External ids can identify records in upserts, which describe reports as idLookup.
    spec.idLookup = true;
  }
  if (bool(body, 'caseSensitive') && spec.unique) {
    problem(
      ctx,
      'caseSensitive',
      `Case-sensitive uniqueness of ${ctx.objectName}.${name} is not emulated.`,
      'The local org treats values differing only in case as duplicates.',
    );
  }

  switch (metaType) {
    case 'Text': {
      const length = int(body, 'length');
      if (length === undefined || length < 1 || length > 255) {
        problem(ctx, 'length', `Text field ${ctx.objectName}.${name} needs a <length> from 1 to 255.`, 'The local org uses 255 meanwhile.');
      }
      spec.length = length !== undefined && length >= 1 && length <= 255 ? length : 255;
      break;
    }
    case 'TextArea':
      spec.length = 255;
      break;
    case 'LongTextArea':
      spec.length = int(body, 'length') ?? 32768;
      break;
    case 'Email':
      spec.length = 80;
      break;
    case 'Phone':
      spec.length = 40;
      break;
    case 'Url':
      spec.length = 255;
      break;
    case 'Number':
    case 'Currency':
    case 'Percent': {
      const precision = int(body, 'precision') ?? 18;
      const scale = int(body, 'scale') ?? 0;
      if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
        problem(ctx, 'precision', `${ctx.objectName}.${name} has precision ${precision} and scale ${scale}; Salesforce allows precision 1–18 and scale 0–precision.`, 'Fix the field.');
      }
      spec.precision = precision;
      spec.scale = scale;
      break;
    }
    case 'Checkbox':
      // A checkbox always has a value; its metadata default is true or false.
      spec.defaultValue = false;
      break;
    case 'Picklist':
    case 'MultiselectPicklist': {
      spec.length = metaType === 'Picklist' ? 255 : 4099;
      const valueSet = child(body, 'valueSet');
      const values = valueSet ? picklistFromValueSet(valueSet, ctx, name) : undefined;
      if (!valueSet) problem(ctx, 'valueSet', `Picklist ${ctx.objectName}.${name} has no <valueSet>.`, 'Add its values; the local org accepts any value meanwhile.');
      spec.picklistValues = values?.values ?? [];
      spec.restrictedPicklist = values?.restricted ?? false;
      const def = spec.picklistValues.find((v) => v.defaultValue);
      if (def && metaType === 'Picklist') spec.defaultValue = def.value;
      break;
    }
    case 'Lookup':
    case 'MasterDetail': {
      const targets = many(body, 'referenceTo').map(String);
      const target = targets.length === 1 ? ctx.resolveObject(targets[0]) : undefined;
      if (!target) {
        problem(
          ctx,
          'referenceTo',
          targets.length === 1
            ? `${ctx.objectName}.${name} looks up ${targets[0]}, which the local org does not have; the field is left out of its schema.`
            : `${ctx.objectName}.${name} needs exactly one <referenceTo>; the field is left out of the local org's schema.`,
          targets.length === 1 ? `Add ${targets[0]} to the project, or remove the field.` : 'Fix the field.',
        );
        return undefined;
      }
      const relationship = str(body, 'relationshipName');
      spec.length = 18;
      spec.referenceTo = [target];
      spec.relationshipName = name.replace(/__c$/i, '__r');
      // The parent sees its children as <relationshipName>__r (Account.Invoices__r).
      spec.childRelationshipName = relationship ? `${relationship}__r` : null;
      if (!relationship) {
        problem(ctx, 'relationshipName', `${ctx.objectName}.${name} has no <relationshipName>, so ${target} gets no child relationship for it.`, 'Add <relationshipName> (e.g. the plural of the object name).');
      }
      if (metaType === 'MasterDetail') {
        spec.required = true;
        spec.masterDetail = true;
        spec.updateable = bool(body, 'reparentableMasterDetail') === true;
        problem(
          ctx,
          'type',
          `Master-detail field ${ctx.objectName}.${name} is emulated as a required lookup that inherits the ${target}'s sharing and is deleted with it; roll-up summary fields on the ${target} are not emulated.`,
          'Planned for a later golive release: until then, do not rely on roll-up summaries in the local org.',
        );
      } else {
        const constraint = str(body, 'deleteConstraint');
        if (constraint && constraint !== 'SetNull') {
          problem(
            ctx,
            'deleteConstraint',
            `deleteConstraint ${constraint} on ${ctx.objectName}.${name} is not emulated yet.`,
            `Deleting a ${target} that ${ctx.objectName} records point to is not ${constraint === 'Restrict' ? 'refused' : 'cascaded'} locally.`,
          );
        }
      }
      if (body.lookupFilter !== undefined) {
        problem(
          ctx,
          'lookupFilter',
          `The lookup filter on ${ctx.objectName}.${name} is not emulated yet.`,
          `The local org accepts any ${target} id in this field.`,
        );
      }
      break;
    }
    case 'AutoNumber':
      spec.length = 30;
      spec.createable = false;
      spec.updateable = false;
      spec.nillable = false;
      spec.defaultedOnCreate = true;
      spec.autoNumber = { displayFormat: str(body, 'displayFormat') ?? '{0}', startingNumber: int(body, 'startingNumber') ?? 1 };
      break;
  }
  applyDefault(spec, body, ctx);
  reportUnknownElements(body, ctx, (k) => HANDLED.has(k) || NO_EFFECT.has(k), (k) => [
    `Element <${k}> of ${ctx.objectName}.${name} is not emulated by the local org.`,
    'The local org behaves as if it were absent.',
  ]);
  return spec;
}

/** Elements a project may set on a standard field (besides the no-effect ones). */
const STANDARD_OVERRIDABLE = new Set(['fullName', 'type', 'label', 'required', 'inlineHelpText', 'valueSet']);

/**
 * Applies a standard field's metadata to the built-in definition: label, help text,
 * required, and the picklist values. Anything else cannot be changed on a standard field.
 */
export function applyStandardFieldOverride(spec: FieldSpec, ctx: FieldContext): void {
  const body = ctx.xml.body;
  const metaType = str(body, 'type');
  const mapped = metaType ? TYPES[metaType] : undefined;
  if (metaType && mapped && mapped !== spec.type) {
    problem(
      ctx,
      'type',
      `${ctx.objectName}.${spec.name} is a ${spec.type} field in Salesforce; the type ${metaType} in this file is ignored.`,
      'Remove <type> or make it match the standard field.',
    );
  }
  const label = str(body, 'label');
  if (label) spec.label = label;
  const help = str(body, 'inlineHelpText');
  if (help) spec.inlineHelpText = help;
  if (bool(body, 'required')) {
    spec.required = true;
    spec.nillable = false;
  }
  const valueSet = child(body, 'valueSet');
  if (valueSet) {
    if (spec.type !== 'picklist' && spec.type !== 'multipicklist') {
      problem(ctx, 'valueSet', `${ctx.objectName}.${spec.name} is not a picklist; its <valueSet> is ignored.`, 'Remove the value set.');
    } else {
      const values = picklistFromValueSet(valueSet, ctx, spec.name);
      if (values) setPicklistValues(spec, values.values, values.restricted);
    }
  }
  reportUnknownElements(body, ctx, (k) => STANDARD_OVERRIDABLE.has(k) || NO_EFFECT.has(k), (k) => [
    `<${k}> cannot be changed on the standard field ${ctx.objectName}.${spec.name}.`,
    "The local org keeps Salesforce's definition of the field.",
  ]);
}

/** Replaces a picklist's values, keeping the field's default in step with the entries. */
export function setPicklistValues(spec: FieldSpec, values: PicklistValue[], restricted?: boolean): void {
  spec.picklistValues = values;
  if (restricted !== undefined) spec.restrictedPicklist = restricted;
  const def = values.find((v) => v.defaultValue && v.active);
  if (spec.type === 'picklist') {
    if (def) spec.defaultValue = def.value;
    else delete spec.defaultValue;
  }
}
