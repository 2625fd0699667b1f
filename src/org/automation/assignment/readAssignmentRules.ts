import path from 'node:path';
import type { AutomationReaderContext } from '../../metadata/automationMetadata.ts';
import { bool, manyNodes, str } from '../../metadata/metadataXml.ts';
import type { MetadataProblem } from '../../metadata/types.ts';
import { elementLines, readFilterItems } from '../filterItems/readFilterItems.ts';
import { criteriaMatcher } from './entryCriteria.ts';
import { formulaMatcher } from './formulaCriteria.ts';
import type { Assignee, AssignmentEntry, AssignmentRule, AssignmentRules } from './types.ts';

/**
 * `assignmentRules/<Object>.assignmentRules-meta.xml` → the active rule of each object. Every
 * entry is checked at load: its assignee must be a user or queue of the local org (a queue that
 * takes the object), its criteria must be evaluable. An entry that fails is reported and left
 * out, so the rule still runs with the others, and the problem list says which entry is missing.
 */

/** The objects Salesforce has assignment rules for (Account assignment is territory management). */
const ASSIGNABLE = new Set(['lead', 'case']);

const ELEMENT = 'assignmentRules';

function assigneeOf(entry: Record<string, unknown>): Assignee | undefined {
  const name = str(entry, 'assignedTo')?.trim();
  if (!name) return undefined;
  const written = str(entry, 'assignedToType')?.trim().toLowerCase();
  // Without a type, Salesforce's own files are unambiguous: usernames are email-shaped.
  const type = written === 'queue' ? 'Queue' : written === 'user' ? 'User' : name.includes('@') ? 'User' : 'Queue';
  return { type, name };
}

export function readAssignmentRules(ctx: AutomationReaderContext): AssignmentRules {
  const active = new Map<string, AssignmentRule>();
  for (const file of ctx.files) {
    const objectName = path.posix.basename(file.rel).replace(/\.assignmentRules-meta\.xml$/i, '');
    const problem = (message: string, hint: string, line?: number): void => {
      const p: MetadataProblem = { file: file.rel, element: ELEMENT, message, hint };
      if (line !== undefined) p.line = line;
      ctx.problems.push(p);
    };
    const object = ctx.schema.object(objectName);
    if (!object || !ASSIGNABLE.has(object.name.toLowerCase()) || !object.fieldsByLowerName.has('ownerid')) {
      problem(
        object ? `Assignment rules for ${object.name} are not emulated; the local org has lead and case assignment rules only.` : `The object ${objectName} of these assignment rules is not in the org.`,
        'The file is ignored; records keep the owner they are saved with.',
      );
      continue;
    }
    const xml = ctx.read(file, ['AssignmentRules']);
    const ruleLines = elementLines(xml.text, 'assignmentRule');
    const entryLines = elementLines(xml.text, 'ruleEntry');
    const itemLines = elementLines(xml.text, 'criteriaItems');
    let entryIndex = 0;
    let itemIndex = 0;
    const actives: Array<{ rule: AssignmentRule; line?: number }> = [];
    for (const [ruleIndex, node] of manyNodes(xml.body, 'assignmentRule').entries()) {
      const name = str(node, 'fullName')?.trim() || `${object.name} rule ${ruleIndex + 1}`;
      const isActive = bool(node, 'active') === true;
      const rule: AssignmentRule = { object: object.name, name, file: file.rel, entries: [] };
      for (const [i, entry] of manyNodes(node, 'ruleEntry').entries()) {
        const line = entryLines[entryIndex++];
        const items = readFilterItems(entry, 'criteriaItems', itemLines, itemIndex);
        itemIndex += items.length;
        if (!isActive) continue;
        const order = i + 1;
        const skip = (message: string, where = line) =>
          problem(`Entry ${order} of the assignment rule ${name}: ${message}.`, 'The entry is skipped: records it would assign fall through to the next entries.', where);
        const assignee = assigneeOf(entry);
        if (!assignee) {
          skip('it has no <assignedTo>');
          continue;
        }
        const unknown = unknownAssignee(ctx, assignee, object.name);
        if (unknown) {
          skip(unknown);
          continue;
        }
        const formula = str(entry, 'formula')?.trim();
        if (formula && items.length > 0) {
          skip('it has both criteria items and a formula; Salesforce takes one or the other');
          continue;
        }
        const matcher = formula ? formulaMatcher(object, ctx.schema, formula) : criteriaMatcher(object, items, str(entry, 'booleanFilter'), line);
        if ('message' in matcher) {
          skip(matcher.message, matcher.line ?? line);
          continue;
        }
        const compiled: AssignmentEntry = { order, assignee, ...matcher };
        rule.entries.push(compiled);
      }
      if (isActive) actives.push({ rule, line: ruleLines[ruleIndex] });
    }
    if (actives.length > 1) {
      problem(
        `${actives.length} assignment rules for ${object.name} are active (${actives.map((a) => a.rule.name).join(', ')}); Salesforce allows one.`,
        'None of them is applied locally. Deactivate all but one (<active>false</active>).',
        actives[1].line,
      );
    } else if (actives.length === 1) {
      if (active.has(object.name.toLowerCase())) {
        problem(`A second file defines the active ${object.name} assignment rule ${actives[0].rule.name}; Salesforce allows one.`, 'This file\'s rule is not applied.', actives[0].line);
      } else {
        active.set(object.name.toLowerCase(), actives[0].rule);
      }
    }
  }
  return { active };
}

/** Why the assignee cannot own the record, or undefined when it can. */
function unknownAssignee(ctx: AutomationReaderContext, assignee: Assignee, object: string): string | undefined {
  if (assignee.type === 'User') {
    const user = ctx.directory.users.find((u) => u.username.toLowerCase() === assignee.name.toLowerCase());
    if (!user) return `it assigns to the user '${assignee.name}', who is not in golive/users.json`;
    if (!user.isActive) return `it assigns to the inactive user '${assignee.name}'`;
    return undefined;
  }
  const queue = ctx.directory.queues.find((q) => q.developerName.toLowerCase() === assignee.name.toLowerCase());
  if (!queue) return `it assigns to the queue '${assignee.name}', which is not in queues/ (name it by its DeveloperName)`;
  if (!queue.sobjectTypes.some((t) => t.toLowerCase() === object.toLowerCase())) {
    return `it assigns to the queue '${assignee.name}', which does not take ${object} records (<queueSobject>)`;
  }
  return undefined;
}
