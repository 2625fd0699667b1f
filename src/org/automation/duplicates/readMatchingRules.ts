import path from 'node:path';
import type { AutomationReaderContext } from '../../metadata/automationMetadata.ts';
import { manyNodes, str, type XmlNode } from '../../metadata/metadataXml.ts';
import type { MetadataProblem } from '../../metadata/types.ts';
import { BooleanFilterError, parseBooleanFilter } from '../filterItems/booleanFilter.ts';
import { elementLines } from '../filterItems/readFilterItems.ts';
import { resolveFieldPath } from './fieldPath.ts';
import { MATCHING_METHODS, matchingMethodOf } from './matching/matchingMethods.ts';
import { matchingRuleKey, type MatchingRule, type MatchingRuleItem, type MatchingRules } from './types.ts';

/**
 * `matchingRules/<Object>.matchingRule-meta.xml` (root MatchingRules, one <matchingRules> per
 * rule). A rule whose fields or methods cannot be read is kept, marked unusable, and reported:
 * a duplicate rule that uses it is then reported too, rather than silently never matching.
 */

const ELEMENT = 'matchingRules';

export function readMatchingRules(ctx: AutomationReaderContext): MatchingRules {
  const byKey = new Map<string, MatchingRule>();
  for (const file of ctx.files) {
    const base = path.posix.basename(file.rel).replace(/\.matchingRule-meta\.xml$/i, '');
    const objectName = base.split('.')[0];
    const problem = (message: string, hint: string, line?: number) => {
      const p: MetadataProblem = { file: file.rel, element: ELEMENT, message, hint };
      if (line !== undefined) p.line = line;
      ctx.problems.push(p);
    };
    const object = ctx.schema.object(objectName);
    if (!object) {
      problem(`The object ${objectName} of these matching rules is not in the org.`, 'The file is ignored.');
      continue;
    }
    const xml = ctx.read(file, ['MatchingRules', 'MatchingRule']);
    // A file may hold one rule (root MatchingRule, named by the file) or several.
    const nodes: XmlNode[] = xml.root === 'MatchingRule' ? [xml.body] : manyNodes(xml.body, 'matchingRules');
    const ruleLines = elementLines(xml.text, xml.root === 'MatchingRule' ? 'MatchingRule' : 'matchingRules');
    for (const [index, node] of nodes.entries()) {
      const line = ruleLines[index];
      const written = str(node, 'fullName')?.trim() || base.split('.')[1] || '';
      // Retrieved files may qualify the name with the object ("Lead.Lead_Email").
      const name = written.includes('.') ? written.slice(written.indexOf('.') + 1) : written;
      if (!name) {
        problem('A matching rule has no <fullName>.', 'The rule is ignored; give it a fullName.', line);
        continue;
      }
      const rule: MatchingRule = {
        object: object.name,
        name,
        label: str(node, 'label')?.trim() || name,
        active: (str(node, 'ruleStatus')?.trim() ?? 'Active').toLowerCase() === 'active',
        items: [],
        file: file.rel,
        usable: true,
      };
      const unusable = (message: string) => {
        rule.usable = false;
        problem(`Matching rule ${object.name}.${name}: ${message}.`, 'The rule matches nothing locally; duplicate rules that use it are not applied.', line);
      };
      for (const itemNode of manyNodes(node, 'matchingRuleItems')) {
        const fieldName = str(itemNode, 'fieldName')?.trim() ?? '';
        const resolved = resolveFieldPath(ctx.schema, object, fieldName);
        const methodText = str(itemNode, 'matchingMethod')?.trim() ?? 'Exact';
        const method = matchingMethodOf(methodText);
        if (typeof resolved === 'string') {
          unusable(resolved);
          break;
        }
        if (!method) {
          unusable(`the matching method '${methodText}' is not one of ${MATCHING_METHODS.join(', ')}`);
          break;
        }
        const item: MatchingRuleItem = {
          path: resolved,
          method,
          matchBlanks: (str(itemNode, 'blankValueBehavior')?.trim() ?? '').toLowerCase() === 'matchblanks',
        };
        rule.items.push(item);
      }
      if (rule.usable && rule.items.length === 0) unusable('it has no <matchingRuleItems>');
      const logicText = str(node, 'booleanFilter')?.trim();
      if (rule.usable && logicText) {
        try {
          rule.logic = parseBooleanFilter(logicText, rule.items.length);
          rule.logicText = logicText;
        } catch (err) {
          if (!(err instanceof BooleanFilterError)) throw err;
          unusable(`the filter logic '${logicText}' is invalid: ${err.message}`);
        }
      }
      const key = matchingRuleKey(object.name, name);
      if (byKey.has(key)) {
        problem(`The matching rule ${object.name}.${name} is defined twice.`, 'The first definition is used.', line);
        continue;
      }
      byKey.set(key, rule);
    }
  }
  return { byKey };
}
