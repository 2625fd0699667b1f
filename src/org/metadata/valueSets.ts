import type { PicklistValue } from '../schema/types.ts';
import { FORECAST_CATEGORY_BY_METADATA_NAME, STANDARD_VALUE_SETS } from '../schema/standard/standardValueSets.ts';
import { bool, lineOf, manyNodes, str, type MetadataXml, type XmlNode } from './metadataXml.ts';
import type { MetadataProblem } from './types.ts';

/**
 * Global value sets (shared by custom picklists) and standard value sets (the values of
 * standard picklists such as Lead.Status, with facts like `converted` or `probability`).
 */

/** The set's name from its file name (`Region.globalValueSet-meta.xml` → Region). */
export function valueSetNameOf(fileName: string): string {
  return fileName.replace(/\.(globalValueSet|standardValueSet)-meta\.xml$/i, '');
}

export function globalValueSetValues(xml: MetadataXml): PicklistValue[] {
  return manyNodes(xml.body, 'customValue').map((v) => {
    const value = str(v, 'fullName') ?? '';
    const label = str(v, 'label');
    return { value, label: label ? label : value, active: bool(v, 'isActive') !== false, defaultValue: bool(v, 'default') === true };
  });
}

function fact(v: XmlNode, element: string, kind: 'boolean' | 'number' | 'forecastCategory'): unknown {
  switch (kind) {
    case 'boolean':
      return bool(v, element) === true;
    case 'number': {
      const n = Number(str(v, element));
      return Number.isFinite(n) ? n : 0;
    }
    case 'forecastCategory': {
      const raw = str(v, element) ?? 'Pipeline';
      return FORECAST_CATEGORY_BY_METADATA_NAME[raw] ?? raw;
    }
  }
}

/**
 * A standard value set's entries, with the facts Salesforce keeps beside them as attributes.
 * Undefined (with a problem) for a set that feeds no field the local org emulates.
 */
export function standardValueSetValues(name: string, xml: MetadataXml, problems: MetadataProblem[]): PicklistValue[] | undefined {
  const info = STANDARD_VALUE_SETS[name];
  if (!info) {
    problems.push({
      file: xml.file,
      element: 'standardValueSets',
      message: `The standard value set ${name} belongs to fields the local org does not emulate.`,
      hint: 'It has no effect locally.',
    });
    return undefined;
  }
  const values: PicklistValue[] = manyNodes(xml.body, 'standardValue').map((v) => {
    const value = str(v, 'fullName') ?? '';
    const label = str(v, 'label');
    const entry: PicklistValue = { value, label: label ? label : value, active: bool(v, 'isActive') !== false, defaultValue: bool(v, 'default') === true };
    const facts = Object.entries(info.facts);
    if (facts.length > 0) entry.attributes = Object.fromEntries(facts.map(([element, kind]) => [element, fact(v, element, kind)]));
    return entry;
  });
  if (values.length === 0 || values.some((v) => v.value === '')) {
    problems.push({
      file: xml.file,
      line: lineOf(xml.text, 'standardValue'),
      element: 'standardValue',
      message: `The standard value set ${name} has no values, or a value without <fullName>; Salesforce's values stay in place.`,
      hint: 'Give every <standardValue> a <fullName>.',
    });
    return undefined;
  }
  if (name === 'LeadStatus' && !values.some((v) => v.active && v.attributes?.converted === true)) {
    problems.push({
      file: xml.file,
      element: 'converted',
      message: 'No LeadStatus value is marked <converted>true</converted>, so no lead can be converted.',
      hint: 'Mark the status converted leads get (e.g. Closed - Converted) as converted.',
    });
  }
  return values;
}
