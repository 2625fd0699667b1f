import type { AutomationReaderContext } from '../metadata/automationMetadata.ts';
import { decodeName, readLayoutAssignments, splitLayoutName } from './layoutAssignments.ts';
import { parseLayout } from './parseLayout.ts';
import type { LayoutDef, PageLayoutMetadata } from './types.ts';

/**
 * The reader of `layouts/<Object>-<Layout Name>.layout-meta.xml` (registered in
 * metadata/automationMetadata.ts), and of the profiles' layoutAssignments that choose among them.
 * Runs even when the project has no layout files, so assignments to missing layouts are reported.
 */

const SUFFIX = '.layout-meta.xml';

export function readLayouts(ctx: AutomationReaderContext): PageLayoutMetadata {
  const layouts = new Map<string, LayoutDef[]>();
  for (const file of ctx.files) {
    const parts = file.rel.split('/');
    const base = parts[parts.length - 1];
    if (parts[parts.length - 2] !== 'layouts') {
      ctx.problems.push({
        file: file.rel,
        element: 'file',
        message: 'This file is not where Salesforce source format puts it (layouts/); it is ignored.',
        hint: 'Move it under layouts/.',
      });
      continue;
    }
    const split = splitLayoutName(base.slice(0, -SUFFIX.length));
    const object = split ? ctx.schema.object(split.object) : undefined;
    if (!split || !object) {
      ctx.problems.push({
        file: file.rel,
        element: 'layouts',
        message: split
          ? `Layout for ${split.object}, an object the local org does not have; it is not used.`
          : `The file name ${decodeName(base)} is not <Object>-<Layout Name>${SUFFIX}; the layout is not used.`,
        hint: split ? `Add objects/${split.object}/${split.object}.object-meta.xml, or check the file name.` : 'Rename the file as Salesforce names layouts, e.g. Lead-Lead Layout.layout-meta.xml.',
      });
      continue;
    }
    const layout = parseLayout({ object, name: split.layout, xml: ctx.read(file, ['Layout']), schema: ctx.schema, problems: ctx.problems });
    const list = layouts.get(object.name.toLowerCase()) ?? [];
    list.push(layout);
    layouts.set(object.name.toLowerCase(), list);
  }
  for (const list of layouts.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  const assignments = readLayoutAssignments(ctx.directory.profiles ?? [], layouts, ctx.schema, ctx.directory.recordTypes, ctx.problems);
  return { layouts, assignments };
}

