import type { OrgSchema } from '../schema/types.ts';
import type { MetadataXml } from './metadataXml.ts';
import { notEmulatedFile } from './notEmulated.ts';
import type { ProjectFile } from './projectFiles.ts';
import type { MetadataProblem } from './types.ts';

/**
 * The extension point for metadata that drives the security model and the automation engine
 * (validation rules, flows, assignment, duplicate, matching and sharing rules). Each engine owns a
 * reader that turns its files into definitions, reporting what it cannot emulate as problems;
 * a metadata type with no reader registered here is reported as not emulated, file by file.
 */

export interface AutomationReaderContext {
  files: ProjectFile[];
  read(file: ProjectFile, roots: readonly string[]): MetadataXml;
  schema: OrgSchema;
  problems: MetadataProblem[];
}

/** What the readers produced; each engine adds its own typed field. */
export interface AutomationMetadata {
  [kind: string]: unknown;
}

type Reader = (ctx: AutomationReaderContext) => unknown;

/** File suffix (lower case, as in `X.<suffix>-meta.xml`) → the field of AutomationMetadata and its reader. */
const READERS: Record<string, { key: string; read: Reader }> = {};

/** The suffixes that belong to the security model and automation engine. */
export const AUTOMATION_SUFFIXES = new Set(['validationrule', 'flow', 'assignmentrules', 'duplicaterule', 'matchingrule', 'sharingrules']);

export function readAutomationMetadata(
  filesBySuffix: Map<string, ProjectFile[]>,
  read: AutomationReaderContext['read'],
  schema: OrgSchema,
  problems: MetadataProblem[],
): AutomationMetadata {
  const out: AutomationMetadata = {};
  for (const [suffix, files] of filesBySuffix) {
    const reader = READERS[suffix];
    if (!reader) {
      for (const f of files) problems.push(notEmulatedFile(f.rel, suffix));
      continue;
    }
    out[reader.key] = reader.read({ files, read, schema, problems });
  }
  return out;
}
