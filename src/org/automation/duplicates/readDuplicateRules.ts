import path from 'node:path';
import type { AutomationReaderContext } from '../../metadata/automationMetadata.ts';
import { bool, child, int, many, manyNodes, str, type XmlNode } from '../../metadata/metadataXml.ts';
import type { MetadataProblem } from '../../metadata/types.ts';
import type { ObjectDef, OrgSchema } from '../../schema/types.ts';
import { BooleanFilterError, parseBooleanFilter, type BooleanFilter } from '../filterItems/booleanFilter.ts';
import { compileFilterItem } from '../filterItems/filterItem.ts';
import { standardInputFor } from './crossObjectFields.ts';
import { resolveFieldPath, type FieldPath } from './fieldPath.ts';
import {
  matchingRuleKey,
  type DuplicateRule,
  type DuplicateRuleAction,
  type DuplicateRuleConditions,
  type DuplicateRuleMatch,
  type DuplicateRules,
  type MatchingRule,
  type MatchingRules,
} from './types.ts';

/**
 * `duplicateRules/<Object>.<RuleName>.duplicateRule-meta.xml` → the active duplicate rules of
 * each object, their matching rules resolved (the matchingRules reader runs first). Anything the
 * local org cannot apply faithfully — an unknown or inactive matching rule, a condition it
 * cannot evaluate, a field with no counterpart on the other object — leaves the whole rule out
 * with a problem: a half-applied duplicate rule would block or allow the wrong saves.
 */

const ELEMENT = 'duplicateRules';

class RuleProblem extends Error {}

export function readDuplicateRules(ctx: AutomationReaderContext): DuplicateRules {
  const matchingRules: MatchingRules = ctx.produced.matchingRules ?? { byKey: new Map() };
  const byObject = new Map<string, DuplicateRule[]>();
  for (const file of ctx.files) {
    const base = path.posix.basename(file.rel).replace(/\.duplicateRule-meta\.xml$/i, '');
    const dot = base.indexOf('.');
    const objectName = dot >= 0 ? base.slice(0, dot) : base;
    const name = dot >= 0 ? base.slice(dot + 1) : base;
    const problem = (message: string, hint: string, line?: number) => {
      const p: MetadataProblem = { file: file.rel, element: ELEMENT, message, hint };
      if (line !== undefined) p.line = line;
      ctx.problems.push(p);
    };
    const object = ctx.schema.object(objectName);
    if (!object || dot < 0) {
      problem(
        object ? `The duplicate rule file name should be <Object>.<RuleName>.duplicateRule-meta.xml.` : `The object ${objectName} of this duplicate rule is not in the org.`,
        'The rule is not applied.',
      );
      continue;
    }
    const xml = ctx.read(file, ['DuplicateRule']);
    if (bool(xml.body, 'isActive') !== true) continue;
    try {
      const rule = readRule(ctx.schema, object, name, file.rel, xml.body, matchingRules);
      const list = byObject.get(object.name.toLowerCase()) ?? [];
      list.push(rule);
      byObject.set(object.name.toLowerCase(), list);
    } catch (err) {
      if (!(err instanceof RuleProblem)) throw err;
      problem(`Duplicate rule ${object.name}.${name}: ${err.message}.`, 'The rule is not applied: saves it would block or report go through unchecked.');
    }
  }
  for (const list of byObject.values()) list.sort((a, b) => a.sortOrder - b.sortOrder);
  return { byObject };
}

function readAction(body: XmlNode, when: 'Insert' | 'Update'): DuplicateRuleAction {
  const written = str(body, `actionOn${when}`)?.trim() ?? '';
  const action = written.toLowerCase() === 'block' ? 'Block' : written.toLowerCase() === 'allow' ? 'Allow' : undefined;
  if (!action) throw new RuleProblem(`actionOn${when} is '${written}', not Allow or Block`);
  const operations = many(body, `operationsOn${when}`).map((o) => String(o).trim().toLowerCase());
  return { action, alert: operations.includes('alert'), report: operations.includes('report') };
}

function readRule(schema: OrgSchema, object: ObjectDef, name: string, file: string, body: XmlNode, matchingRules: MatchingRules): DuplicateRule {
  const security = str(body, 'securityOption')?.trim() ?? 'EnforceSharingRules';
  if (!['enforcesharingrules', 'bypasssharingrules'].includes(security.toLowerCase())) {
    throw new RuleProblem(`securityOption is '${security}', not EnforceSharingRules or BypassSharingRules`);
  }
  const alertText = str(body, 'alertText')?.trim();
  const rule: DuplicateRule = {
    object: object.name,
    name,
    label: str(body, 'masterLabel')?.trim() || name,
    onInsert: readAction(body, 'Insert'),
    onUpdate: readAction(body, 'Update'),
    enforceSharing: security.toLowerCase() === 'enforcesharingrules',
    matches: [],
    sortOrder: int(body, 'sortOrder') ?? Number.MAX_SAFE_INTEGER,
    file,
  };
  if (alertText) rule.alertText = alertText;
  const conditions = readConditions(schema, object, child(body, 'duplicateRuleFilter'));
  if (conditions) rule.conditions = conditions;
  const matchNodes = manyNodes(body, 'duplicateRuleMatchRules');
  if (matchNodes.length === 0) throw new RuleProblem('it has no <duplicateRuleMatchRules>');
  for (const node of matchNodes) rule.matches.push(readMatch(schema, object, node, matchingRules));
  return rule;
}

/** Conditions on the record being saved (or the running user): when the rule runs at all. */
function readConditions(schema: OrgSchema, object: ObjectDef, filter: XmlNode | undefined): DuplicateRuleConditions | undefined {
  if (!filter) return undefined;
  const nodes = manyNodes(filter, 'duplicateRuleFilterItems')
    .map((n, i) => ({ n, order: int(n, 'sortOrder') ?? i + 1 }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.n);
  if (nodes.length === 0) return undefined;
  const user = schema.object('User');
  const items: DuplicateRuleConditions['items'] = [];
  for (const node of nodes) {
    const table = str(node, 'table')?.trim() || object.name;
    const fieldName = str(node, 'field')?.trim() ?? '';
    const isUser = table.toLowerCase() === 'user' && object.name.toLowerCase() !== 'user';
    const target = isUser ? user : table.toLowerCase() === object.name.toLowerCase() ? object : undefined;
    if (!target) throw new RuleProblem(`a condition is on ${table}; only conditions on ${object.name} or the current User are supported`);
    const field = target.fieldsByLowerName.get(fieldName.toLowerCase());
    if (!field) throw new RuleProblem(`the condition field ${table}.${fieldName} does not exist`);
    const compiled = compileFilterItem(field, { field: fieldName, operation: str(node, 'operation')?.trim() ?? '', value: str(node, 'value') });
    if (!compiled.ok) throw new RuleProblem(`the condition on ${table}.${fieldName} cannot be evaluated: ${compiled.reason}`);
    items.push({ table: isUser ? 'user' : 'record', item: compiled.item });
  }
  const logicText = str(filter, 'booleanFilter')?.trim();
  let logic: BooleanFilter | undefined;
  if (logicText) {
    try {
      logic = parseBooleanFilter(logicText, items.length);
    } catch (err) {
      if (!(err instanceof BooleanFilterError)) throw err;
      throw new RuleProblem(`the condition logic '${logicText}' is invalid: ${err.message}`);
    }
  }
  const conditionText = items.map((c, i) => `${i + 1}. ${c.table === 'user' ? 'User.' : ''}${c.item.text}`).join('; ') + (logicText ? ` [${logicText}]` : '');
  return logic ? { items, logic, text: conditionText } : { items, text: conditionText };
}

function readMatch(schema: OrgSchema, object: ObjectDef, node: XmlNode, matchingRules: MatchingRules): DuplicateRuleMatch {
  const targetName = str(node, 'matchRuleSObjectType')?.trim() || object.name;
  const target = schema.object(targetName);
  if (!target) throw new RuleProblem(`its matching rule is for ${targetName}, which is not in the org`);
  const ruleName = str(node, 'matchingRule')?.trim() ?? '';
  const rule: MatchingRule | undefined = matchingRules.byKey.get(matchingRuleKey(target.name, ruleName));
  if (!rule) throw new RuleProblem(`the matching rule ${target.name}.${ruleName} is not in matchingRules/${target.name}.matchingRule-meta.xml`);
  if (!rule.active) throw new RuleProblem(`the matching rule ${target.name}.${ruleName} is not active (ruleStatus)`);
  if (!rule.usable) throw new RuleProblem(`the matching rule ${target.name}.${ruleName} cannot be evaluated (see its own problem)`);
  const inputs: FieldPath[] = [];
  const mapping = child(node, 'objectMapping');
  const mapped = new Map<string, string>();
  for (const m of manyNodes(mapping, 'mappingFields')) {
    const input = str(m, 'inputField')?.trim();
    const output = str(m, 'outputField')?.trim();
    if (input && output) mapped.set(output.toLowerCase(), input);
  }
  for (const item of rule.items) {
    if (target.name === object.name) {
      inputs.push(item.path);
      continue;
    }
    const inputText = mapped.get(item.path.text.toLowerCase()) ?? standardInputFor(object.name, target.name, item.path.text) ?? item.path.text;
    const resolved = resolveFieldPath(schema, object, inputText);
    if (typeof resolved === 'string') {
      throw new RuleProblem(`${target.name}.${item.path.text} of the matching rule ${ruleName} has no counterpart on ${object.name} (${resolved}); map it in <objectMapping>`);
    }
    inputs.push(resolved);
  }
  return { rule, target: target.name, inputs };
}
