import type { FieldDef, FieldType, OrgSchema } from '../schema/types.ts';
import { bool, lineOf, manyNodes, str, type MetadataXml } from './metadataXml.ts';
import type { LeadConvertMapping, LeadConvertOptions, LeadConvertTarget, MetadataProblem } from './types.ts';

/**
 * LeadConvertSettings: which Lead fields carry over to the Account, Contact and Opportunity a
 * conversion creates. Every mapping is checked against the schema, since a wrong one would
 * otherwise only show up as a silently empty field after a conversion.
 */

const TARGETS: readonly LeadConvertTarget[] = ['Account', 'Contact', 'Opportunity'];
const TEXTUAL = new Set<FieldType>(['string', 'textarea', 'email', 'phone', 'url', 'picklist']);
const NUMERIC = new Set<FieldType>(['double', 'currency', 'percent', 'int']);

/** Salesforce maps a field to one of the same kind; text-like values may go to any text field. */
function compatible(from: FieldDef, to: FieldDef): boolean {
  if (from.type === to.type) return from.type !== 'reference' || from.referenceTo.some((r) => to.referenceTo.includes(r));
  if (TEXTUAL.has(from.type) && (to.type === 'string' || to.type === 'textarea')) return true;
  return NUMERIC.has(from.type) && NUMERIC.has(to.type);
}

function elementLines(text: string, element: string): number[] {
  const lines: number[] = [];
  let from = 0;
  for (;;) {
    const line = lineOf(text, element, from);
    if (line === undefined) return lines;
    lines.push(line);
    from = text.indexOf(`<${element}`, from) + 1;
  }
}

export const DEFAULT_LEAD_CONVERT_OPTIONS: LeadConvertOptions = { allowOwnerChange: true, opportunityCreationOptions: 'VisibleOptional' };

export function loadLeadConvertSettings(
  xmls: MetadataXml[],
  schema: OrgSchema,
  problems: MetadataProblem[],
): { mappings: LeadConvertMapping[]; options: LeadConvertOptions } {
  const mappings: LeadConvertMapping[] = [];
  const options = { ...DEFAULT_LEAD_CONVERT_OPTIONS };
  const lead = schema.object('Lead')!;
  for (const xml of xmls) {
    const allowOwnerChange = bool(xml.body, 'allowOwnerChange');
    if (allowOwnerChange !== undefined) options.allowOwnerChange = allowOwnerChange;
    options.opportunityCreationOptions = str(xml.body, 'opportunityCreationOptions') ?? options.opportunityCreationOptions;
    // Lines for problems: the n-th <objectMapping>/<mappingFields> element in the text.
    const mappingStarts = elementLines(xml.text, 'objectMapping');
    const fieldLines = elementLines(xml.text, 'mappingFields');
    let fieldIndex = 0;
    for (const [mappingIndex, mapping] of manyNodes(xml.body, 'objectMapping').entries()) {
      const input = str(mapping, 'inputObject') ?? 'Lead';
      const output = str(mapping, 'outputObject') ?? '';
      const target = TARGETS.find((t) => t.toLowerCase() === output.toLowerCase());
      const fieldEntries = manyNodes(mapping, 'mappingFields');
      if (input.toLowerCase() !== 'lead' || !target) {
        fieldIndex += fieldEntries.length;
        problems.push({
          file: xml.file,
          line: mappingStarts[mappingIndex],
          element: 'objectMapping',
          message: `Lead convert mapping from ${input} to ${output || '(no outputObject)'} is not possible: conversion maps Lead to Account, Contact or Opportunity.`,
          hint: 'Fix <inputObject>/<outputObject>; the mapping is ignored locally.',
        });
        continue;
      }
      const targetObject = schema.object(target)!;
      for (const m of fieldEntries) {
        const inputField = str(m, 'inputField') ?? '';
        const outputField = str(m, 'outputField') ?? '';
        const from = schema.field(lead, inputField);
        const to = schema.field(targetObject, outputField);
        const where = { file: xml.file, line: fieldLines[fieldIndex++], element: 'mappingFields' };
        if (!from || !to) {
          const missing = !from ? `Lead.${inputField}` : `${target}.${outputField}`;
          problems.push({
            ...where,
            message: `Lead convert mapping Lead.${inputField} → ${target}.${outputField} names ${missing}, which the local org does not have; the mapping is ignored.`,
            hint: `Add the field to the project (objects/${!from ? 'Lead' : target}/fields/) or remove the mapping.`,
          });
          continue;
        }
        if (!to.createable) {
          problems.push({ ...where, message: `Lead convert mapping Lead.${from.name} → ${target}.${to.name}: the target field is not createable; the mapping is ignored.`, hint: 'Map to a field that can be set on create.' });
          continue;
        }
        if (!compatible(from, to)) {
          problems.push({
            ...where,
            message: `Lead convert mapping Lead.${from.name} (${from.type}) → ${target}.${to.name} (${to.type}) maps fields of incompatible types; the mapping is ignored.`,
            hint: 'Salesforce only maps fields of the same type (text may go to a text field).',
          });
          continue;
        }
        mappings.push({ leadField: from.name, targetObject: target, targetField: to.name });
      }
    }
  }
  return { mappings, options };
}
