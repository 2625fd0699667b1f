import { manyNodes, str, type XmlNode } from '../metadata/metadataXml.ts';
import type { MetadataProblem, ProfileDef, RecordTypeDef } from '../metadata/types.ts';
import type { ObjectDef, OrgSchema } from '../schema/types.ts';
import { defaultLayoutName } from './defaultLayouts.ts';
import type { LayoutAssignment, LayoutDef, PageLayoutMetadata } from './types.ts';

/**
 * Which layout a user sees: the profile's layoutAssignments (per object, optionally per record
 * type), as profile metadata states them:
 *
 *   <layoutAssignments><layout>Lead-Lead Layout</layout><recordType>Lead.Partner</recordType></layoutAssignments>
 *
 * Without an assignment the object's "<Object> Layout" is used, else its first layout by name,
 * else the built-in default layout.
 */

/** `Lead-Lead Layout` → object and layout name; names may be URL-encoded as in file names. */
export function splitLayoutName(full: string): { object: string; layout: string } | undefined {
  const dash = full.indexOf('-');
  if (dash <= 0 || dash === full.length - 1) return undefined;
  return { object: full.slice(0, dash), layout: decodeName(full.slice(dash + 1)) };
}

export function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Reads and checks every profile's assignments. One naming a layout the project does not have
 * (other than the built-in default's name), or a record type the object does not have, is
 * reported and left out: the user would otherwise see a layout nobody chose.
 */
export function readLayoutAssignments(
  profiles: readonly ProfileDef[],
  layouts: ReadonlyMap<string, readonly LayoutDef[]>,
  schema: OrgSchema,
  recordTypes: readonly RecordTypeDef[] | undefined,
  problems: MetadataProblem[],
): Map<string, LayoutAssignment[]> {
  const out = new Map<string, LayoutAssignment[]>();
  for (const profile of profiles) {
    const file = profile.file ?? `profiles/${profile.fullName}.profile-meta.xml`;
    const problem = (message: string, hint: string) => problems.push({ file, element: 'layoutAssignments', message, hint });
    const entries: LayoutAssignment[] = [];
    for (const node of manyNodes(profile.permissions.other as XmlNode, 'layoutAssignments')) {
      const layoutText = str(node, 'layout')?.trim() ?? '';
      const recordTypeText = str(node, 'recordType')?.trim();
      const split = splitLayoutName(layoutText);
      const object = split ? schema.object(split.object) : undefined;
      if (!split || !object) {
        const why = split ? `, of ${split.object}, an object the local org does not have` : ', which is not <Object>-<Layout Name>';
        problem(
          `Profile ${profile.name} assigns the layout '${layoutText}'${why}; the assignment is left out.`,
          'Name the layout as its file is named, without .layout-meta.xml.',
        );
        continue;
      }
      const known = (layouts.get(object.name.toLowerCase()) ?? []).find((l) => l.name.toLowerCase() === split.layout.toLowerCase());
      const isDefault = split.layout.toLowerCase() === defaultLayoutName(object).toLowerCase();
      if (!known && !isDefault) {
        problem(
          `Profile ${profile.name} assigns the layout ${object.name}-${split.layout}, which the project does not have; its users get ${object.name}'s default layout.`,
          `Add layouts/${object.name}-${split.layout}.layout-meta.xml (sf project retrieve start -m "Layout:${object.name}-${split.layout}"), or remove the assignment.`,
        );
        continue;
      }
      const layout = known?.name ?? defaultLayoutName(object);
      let recordType: string | undefined;
      if (recordTypeText) {
        const dot = recordTypeText.indexOf('.');
        const rtObject = dot > 0 ? recordTypeText.slice(0, dot) : object.name;
        const developerName = dot > 0 ? recordTypeText.slice(dot + 1) : recordTypeText;
        const def = recordTypes?.find((rt) => rt.sobjectType.toLowerCase() === object.name.toLowerCase() && rt.developerName.toLowerCase() === developerName.toLowerCase());
        if (rtObject.toLowerCase() !== object.name.toLowerCase() || (recordTypes && !def)) {
          problem(
            `Profile ${profile.name} assigns ${object.name}-${layout} to the record type ${recordTypeText}, which ${object.name} does not have; the assignment is left out.`,
            `Add objects/${object.name}/recordTypes/${developerName}.recordType-meta.xml, or correct the record type name (<Object>.<DeveloperName>).`,
          );
          continue;
        }
        recordType = def?.developerName ?? developerName;
      }
      const clash = entries.find((e) => e.object === object.name && (e.recordType ?? '').toLowerCase() === (recordType ?? '').toLowerCase());
      if (clash) {
        problem(
          `Profile ${profile.name} assigns two layouts to ${object.name}${recordType ? ` records of type ${recordType}` : ''} (${clash.layout} and ${layout}); the first is used.`,
          'Keep one assignment per object and record type.',
        );
        continue;
      }
      entries.push({ object: object.name, layout, ...(recordType ? { recordType } : {}) });
    }
    if (entries.length > 0) out.set(profile.name.toLowerCase(), entries);
  }
  return out;
}

/**
 * The project layout the profile's users see for the object (and record type); undefined means
 * the built-in default layout.
 */
export function chooseLayout(meta: PageLayoutMetadata, profileName: string | undefined, object: ObjectDef, recordType: string | undefined): LayoutDef | undefined {
  const mine = (meta.assignments.get(profileName?.toLowerCase() ?? '') ?? []).filter((a) => a.object === object.name);
  const assigned =
    (recordType ? mine.find((a) => a.recordType?.toLowerCase() === recordType.toLowerCase()) : undefined) ?? mine.find((a) => a.recordType === undefined);
  const layouts = meta.layouts.get(object.name.toLowerCase()) ?? [];
  if (assigned) return layouts.find((l) => l.name.toLowerCase() === assigned.layout.toLowerCase());
  const conventional = new Set([`${object.name} Layout`, defaultLayoutName(object)].map((n) => n.toLowerCase()));
  return layouts.find((l) => conventional.has(l.name.toLowerCase())) ?? layouts[0];
}
