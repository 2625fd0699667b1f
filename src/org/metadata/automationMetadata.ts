import { readAssignmentRules } from '../automation/assignment/readAssignmentRules.ts';
import type { AssignmentRules } from '../automation/assignment/types.ts';
import { readDuplicateRules } from '../automation/duplicates/readDuplicateRules.ts';
import { readMatchingRules } from '../automation/duplicates/readMatchingRules.ts';
import type { DuplicateRules, MatchingRules } from '../automation/duplicates/types.ts';
import type { FlowDefinition } from '../automation/flows/flowModel.ts';
import { readFlows } from '../automation/flows/readFlows.ts';
import { readValidationRules } from '../automation/validationRules/readValidationRules.ts';
import type { ValidationRuleDef } from '../automation/validationRules/types.ts';
import { readLayouts } from '../layouts/readLayouts.ts';
import type { PageLayoutMetadata } from '../layouts/types.ts';
import type { OrgSchema } from '../schema/types.ts';
import { readSharingRules, type SharingRulesMetadata } from '../security/sharingRulesMetadata.ts';
import type { MetadataXml } from './metadataXml.ts';
import { notEmulatedFile } from './notEmulated.ts';
import type { ProjectFile } from './projectFiles.ts';
import type { GroupDef, MetadataProblem, ProfileDef, QueueDef, RecordTypeDef, RoleDef, UserSpec } from './types.ts';

/**
 * The extension point for metadata that drives the security model and the automation engine
 * (validation rules, flows, assignment, duplicate, matching and sharing rules), and for page
 * layouts, which shape the UI's record pages and dialogs. Each engine owns a
 * reader that turns its files into definitions, reporting what it cannot emulate as problems;
 * a metadata type with no reader registered here is reported as not emulated, file by file.
 */

export interface AutomationReaderContext {
  files: ProjectFile[];
  read(file: ProjectFile, roots: readonly string[]): MetadataXml;
  schema: OrgSchema;
  problems: MetadataProblem[];
  /** The org's users and queues, for rules that name them (assignment rules' assignees). */
  directory: AutomationDirectory;
  /** What the readers registered before this one produced (READERS order). */
  produced: Readonly<AutomationMetadata>;
}

export interface AutomationDirectory {
  users: readonly UserSpec[];
  queues: readonly QueueDef[];
  /** Roles and public groups, for rules that share with them (sharing rules). */
  roles?: readonly RoleDef[];
  groups?: readonly GroupDef[];
  /** Profiles (their layoutAssignments) and record types, for page layouts. */
  profiles?: readonly ProfileDef[];
  recordTypes?: readonly RecordTypeDef[];
}

/** What the readers produced; each engine adds its own typed field. */
export interface AutomationMetadata {
  [kind: string]: unknown;
  validationRules?: ValidationRuleDef[];
  assignmentRules?: AssignmentRules;
  matchingRules?: MatchingRules;
  duplicateRules?: DuplicateRules;
  sharingRules?: SharingRulesMetadata;
  /** Active record-triggered flows, in run order. */
  flows?: FlowDefinition[];
  /** Page layouts and the profiles' layout assignments (src/org/layouts). */
  layouts?: PageLayoutMetadata;
}

type Reader = (ctx: AutomationReaderContext) => unknown;

/** `always`: run even when the project has no file of the suffix (the reader reads other metadata too). */
type ReaderEntry = { key: string; read: Reader; always?: boolean };

/** File suffix (lower case, as in `X.<suffix>-meta.xml`) → the field of AutomationMetadata and its reader. */
const READERS: Record<string, ReaderEntry> = {
  validationrule: { key: 'validationRules', read: readValidationRules },
  assignmentrules: { key: 'assignmentRules', read: readAssignmentRules },
  // Before duplicate rules, which resolve the matching rules they use.
  matchingrule: { key: 'matchingRules', read: readMatchingRules },
  duplicaterule: { key: 'duplicateRules', read: readDuplicateRules },
  sharingrules: { key: 'sharingRules', read: readSharingRules },
  flow: { key: 'flows', read: readFlows },
  // Always: profiles' layoutAssignments are checked even in a project without layout files.
  layout: { key: 'layouts', read: readLayouts, always: true },
};

/** The suffixes that belong to the security model and automation engine. */
export const AUTOMATION_SUFFIXES = new Set(['validationrule', 'flow', 'assignmentrules', 'duplicaterule', 'matchingrule', 'sharingrules', 'layout']);

export function readAutomationMetadata(
  filesBySuffix: Map<string, ProjectFile[]>,
  read: AutomationReaderContext['read'],
  schema: OrgSchema,
  problems: MetadataProblem[],
  directory: AutomationDirectory = { users: [], queues: [] },
): AutomationMetadata {
  const out: AutomationMetadata = {};
  const bySuffix = new Map(filesBySuffix);
  for (const [suffix, reader] of Object.entries(READERS)) if (reader.always && !bySuffix.has(suffix)) bySuffix.set(suffix, []);
  // Readers run in READERS order, so one may build on another's result (duplicate rules on matching rules).
  const order = Object.keys(READERS);
  const rank = (suffix: string) => (order.includes(suffix) ? order.indexOf(suffix) : order.length);
  for (const [suffix, files] of [...bySuffix].sort(([a], [b]) => rank(a) - rank(b))) {
    const reader = READERS[suffix];
    if (!reader) {
      for (const f of files) problems.push(notEmulatedFile(f.rel, suffix));
      continue;
    }
    out[reader.key] = reader.read({ files, read, schema, problems, directory, produced: out });
  }
  return out;
}
