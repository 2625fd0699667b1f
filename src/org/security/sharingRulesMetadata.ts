import path from 'node:path';
import type { AutomationReaderContext } from '../metadata/automationMetadata.ts';
import { child, lineOf, manyNodes, str, type XmlNode } from '../metadata/metadataXml.ts';
import type { MetadataProblem } from '../metadata/types.ts';
import { CRITERIA_OPERATIONS, CriteriaError, criteriaCondition, type CriteriaItem, type CriteriaOperation } from './criteriaSql.ts';
import type { PrincipalKind, PrincipalSpec } from './SharingGraph.ts';

/**
 * Reads `sharingRules/<Object>.sharingRules-meta.xml`: owner-based rules (records owned by
 * members of one group, shared with another) and criteria-based rules (records matching field
 * criteria). What cannot be emulated is reported and the rule left out, never half-applied.
 */

export type ShareLevel = 'Read' | 'Edit';

/** What an account sharing rule also gives on the account's children (accountSettings). */
export interface AccountChildAccess {
  opportunity: ShareLevel | 'None';
  contact: ShareLevel | 'None';
}

interface RuleBase {
  name: string;
  label: string;
  accessLevel: ShareLevel;
  sharedTo: PrincipalSpec;
  accountChildren?: AccountChildAccess;
  file: string;
}

export interface OwnerSharingRule extends RuleBase {
  kind: 'owner';
  sharedFrom: PrincipalSpec;
}

export interface CriteriaSharingRule extends RuleBase {
  kind: 'criteria';
  items: CriteriaItem[];
  booleanFilter?: string;
}

export type SharingRule = OwnerSharingRule | CriteriaSharingRule;

/** Object API name (as the schema declares it) → its rules. */
export type SharingRulesMetadata = Map<string, SharingRule[]>;

/** Metadata element → principal kind; the portal, territory and manager kinds have no local equivalent. */
const PRINCIPAL_ELEMENTS: Readonly<Record<string, PrincipalKind>> = {
  allInternalUsers: 'allInternalUsers',
  role: 'role',
  roles: 'role',
  roleAndSubordinates: 'roleAndSubordinates',
  rolesAndSubordinates: 'roleAndSubordinates',
  // No portal users locally: "internal subordinates" are all the subordinates there are.
  roleAndSubordinatesInternal: 'roleAndSubordinates',
  group: 'group',
  groups: 'group',
  queue: 'queue',
};

const NOT_EMULATED_RULES: Readonly<Record<string, string>> = {
  sharingTerritoryRules: 'Territory-based sharing rules',
  sharingGuestRules: 'Guest user sharing rules',
};

// includeRecordsOwnedByAll only matters for records owned by guest and portal users: none locally.
const RULE_ELEMENTS = new Set(['fullName', 'label', 'description', 'accessLevel', 'sharedTo', 'sharedFrom', 'criteriaItems', 'booleanFilter', 'includeRecordsOwnedByAll', 'accountSettings']);

class RuleProblem extends Error {}

function principal(node: XmlNode | undefined, element: 'sharedTo' | 'sharedFrom'): PrincipalSpec {
  const keys = Object.keys(node ?? {});
  if (keys.length !== 1) throw new RuleProblem(`<${element}> must name exactly one group, role, queue or allInternalUsers`);
  const kind = PRINCIPAL_ELEMENTS[keys[0]];
  if (!kind) throw new RuleProblem(`<${element}><${keys[0]}> has no equivalent in the local org (no portal users, territories or manager groups)`);
  if (kind === 'allInternalUsers') return { kind };
  const name = str(node, keys[0])?.trim();
  if (!name) throw new RuleProblem(`<${element}><${keys[0]}> names nothing`);
  return { kind, name };
}

/** A principal the project does not define would share with nobody: reported instead. */
function checkKnown(spec: PrincipalSpec, element: string, ctx: AutomationReaderContext): void {
  const { roles, groups, queues } = ctx.directory;
  const names =
    spec.kind === 'role' || spec.kind === 'roleAndSubordinates'
      ? roles?.map((r) => r.developerName)
      : spec.kind === 'group'
        ? groups?.map((g) => g.developerName)
        : spec.kind === 'queue'
          ? queues.map((q) => q.developerName)
          : undefined;
  if (names && !names.some((n) => n.toLowerCase() === spec.name?.toLowerCase())) {
    const folder = { role: 'roles', roleAndSubordinates: 'roles', group: 'groups', queue: 'queues', allInternalUsers: '' }[spec.kind];
    throw new RuleProblem(`<${element}> names the ${spec.kind === 'roleAndSubordinates' ? 'role' : spec.kind} '${spec.name}', which is not in the project (${folder}/)`);
  }
}

function level(value: string | undefined, what: string, allowNone: boolean): ShareLevel | 'None' {
  if (value === 'Read' || value === 'Edit' || (allowNone && value === 'None')) return value;
  throw new RuleProblem(`${what} '${value ?? ''}' is not ${allowNone ? 'None, ' : ''}Read or Edit`);
}

function readRule(node: XmlNode, kind: 'owner' | 'criteria', object: string, ctx: AutomationReaderContext, file: string): SharingRule {
  const name = str(node, 'fullName') ?? '(unnamed)';
  const unknown = Object.keys(node).filter((k) => !RULE_ELEMENTS.has(k));
  if (unknown.length > 0) throw new RuleProblem(`<${unknown[0]}> is not emulated`);
  const base: RuleBase = {
    name,
    label: str(node, 'label') ?? name,
    accessLevel: level(str(node, 'accessLevel'), 'accessLevel', false) as ShareLevel,
    sharedTo: principal(child(node, 'sharedTo'), 'sharedTo'),
    file,
  };
  const settings = child(node, 'accountSettings');
  if (settings) {
    if (object !== 'Account') throw new RuleProblem('<accountSettings> belongs to account sharing rules');
    base.accountChildren = {
      opportunity: level(str(settings, 'opportunityAccessLevel') ?? 'None', 'opportunityAccessLevel', true),
      contact: level(str(settings, 'contactAccessLevel') ?? 'None', 'contactAccessLevel', true),
    };
  }
  checkKnown(base.sharedTo, 'sharedTo', ctx);
  if (kind === 'owner') {
    const sharedFrom = principal(child(node, 'sharedFrom'), 'sharedFrom');
    checkKnown(sharedFrom, 'sharedFrom', ctx);
    return { ...base, kind, sharedFrom };
  }
  const items = manyNodes(node, 'criteriaItems').map((item) => {
    const operation = str(item, 'operation') ?? '';
    if (!(CRITERIA_OPERATIONS as readonly string[]).includes(operation)) throw new RuleProblem(`the criteria operation '${operation}' is not emulated`);
    return { field: str(item, 'field') ?? '', operation: operation as CriteriaOperation, value: str(item, 'value') ?? '' };
  });
  const rule: CriteriaSharingRule = { ...base, kind, items, booleanFilter: str(node, 'booleanFilter')?.trim() || undefined };
  const target = ctx.schema.object(object)!;
  try {
    criteriaCondition(ctx.schema, target, rule.items, rule.booleanFilter);
  } catch (err) {
    if (err instanceof CriteriaError) throw new RuleProblem(err.message);
    throw err;
  }
  // Field names as the schema declares them, so the rule reads the same as the describe.
  rule.items = rule.items.map((i) => ({ ...i, field: target.fieldsByLowerName.get(i.field.toLowerCase())!.name }));
  return rule;
}

export function readSharingRules(ctx: AutomationReaderContext): SharingRulesMetadata {
  const out: SharingRulesMetadata = new Map();
  const problem = (file: string, text: string, element: string, message: string, hint: string, from?: number): MetadataProblem => ({
    file,
    line: lineOf(text, element, from),
    element,
    message,
    hint,
  });
  for (const file of ctx.files) {
    const xml = ctx.read(file, ['SharingRules']);
    const objectName = path.posix.basename(file.rel).replace(/\.sharingRules-meta\.xml$/i, '');
    const object = ctx.schema.object(objectName);
    if (!object) {
      ctx.problems.push(problem(file.rel, xml.text, 'SharingRules', `Sharing rules for ${objectName}, which the local org does not have, are ignored.`, `Add ${objectName} to the project or remove the file.`));
      continue;
    }
    if (!object.fieldsByLowerName.has('ownerid')) {
      ctx.problems.push(problem(file.rel, xml.text, 'SharingRules', `${object.name} has no owner, so its sharing rules are ignored.`, 'Sharing rules apply to objects whose records have owners.'));
      continue;
    }
    const rules = out.get(object.name) ?? [];
    out.set(object.name, rules);
    for (const [element, why] of Object.entries(NOT_EMULATED_RULES)) {
      for (const node of manyNodes(xml.body, element)) {
        ctx.problems.push(
          problem(file.rel, xml.text, element, `${why} are not emulated: ${str(node, 'fullName') ?? element} is ignored.`, 'The users it shares with see only what other sharing gives them locally.'),
        );
      }
    }
    for (const [element, kind] of [['sharingOwnerRules', 'owner'], ['sharingCriteriaRules', 'criteria']] as const) {
      for (const node of manyNodes(xml.body, element)) {
        try {
          rules.push(readRule(node, kind, object.name, ctx, file.rel));
        } catch (err) {
          if (!(err instanceof RuleProblem)) throw err;
          const name = str(node, 'fullName') ?? element;
          ctx.problems.push(
            problem(
              file.rel,
              xml.text,
              'fullName',
              `Sharing rule ${object.name}.${name}: ${err.message}; the rule is ignored.`,
              'Fix the rule; until then the users it shares with see only what other sharing gives them.',
              Math.max(0, xml.text.indexOf(`<fullName>${name}</fullName>`)),
            ),
          );
        }
      }
    }
    for (const key of Object.keys(xml.body)) {
      if (!['sharingOwnerRules', 'sharingCriteriaRules', 'fullName', ...Object.keys(NOT_EMULATED_RULES)].includes(key)) {
        ctx.problems.push(problem(file.rel, xml.text, key, `Element <${key}> of a sharing rules file is not emulated.`, 'The local org behaves as if it were absent.'));
      }
    }
  }
  return out;
}
