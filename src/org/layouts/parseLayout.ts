import { bool, int, lineOf, many, manyNodes, str, type MetadataXml, type XmlNode } from '../metadata/metadataXml.ts';
import type { MetadataProblem } from '../metadata/types.ts';
import type { ObjectDef, OrgSchema } from '../schema/types.ts';
import { addressOf, personNameOf } from './compoundFields.ts';
import { STANDARD_ACTIONS } from './recordActions.ts';
import { resolveColumn, resolveRelatedList } from './relatedLists.ts';
import type { ItemBehavior, LayoutCell, LayoutDef, LayoutSectionDef, RelatedListDef, SectionStyle } from './types.ts';

/**
 * One `layouts/<Object>-<Name>.layout-meta.xml` → a LayoutDef, every field resolved against the
 * schema. What the local org cannot show is a MetadataProblem naming file, line and element,
 * and is left out of the layout; the rest of the layout is still used.
 */

/** Layout elements the local org reads. */
const READ = new Set(['layoutSections', 'relatedLists', 'platformActionList', 'excludeButtons', 'showRunAssignmentRulesCheckbox', 'runAssignmentRulesDefault']);

/**
 * Layout elements with nothing to show in the local org's record pages and dialogs, ignored
 * without a problem because every retrieved layout carries some of them:
 * - fullName: the file name names the layout;
 * - customButtons, quickActionList: custom buttons and quick actions (their webLinks/quickActions
 *   files are reported as not emulated where they are defined);
 * - customConsoleComponents, relatedObjects, showHighlightsPanel, showInteractionLogPanel,
 *   summaryLayout: Service Console panels and highlights;
 * - feedLayout, headers, miniLayout: Classic feed-based layouts, tagging and hover details;
 * - multilineLayoutFields: the opportunity products editor (no products locally);
 * - relatedContent: Salesforce CRM Content;
 * - showEmailCheckbox, emailDefault, showSubmitAndAttachButton: notification email options (the
 *   local org sends no email);
 * - showKnowledgeComponent, showSolutionSection: Case-only options (no Case object locally).
 */
const IGNORED = new Set([
  'fullName', 'customButtons', 'quickActionList', 'customConsoleComponents', 'relatedObjects', 'showHighlightsPanel',
  'showInteractionLogPanel', 'summaryLayout', 'feedLayout', 'headers', 'miniLayout', 'multilineLayoutFields', 'relatedContent',
  'showEmailCheckbox', 'emailDefault', 'showSubmitAndAttachButton', 'showKnowledgeComponent', 'showSolutionSection',
]);

const STYLES: readonly string[] = ['TwoColumnsTopToBottom', 'TwoColumnsLeftToRight', 'OneColumn'];
const BEHAVIORS: readonly string[] = ['Required', 'Edit', 'Readonly'];

/** Layout item contents that are not fields: Visualforce, s-controls, canvas apps, components, charts. */
const CONTENT_ITEMS = ['page', 'scontrol', 'canvas', 'component', 'analyticsCloudComponent', 'reportChartComponent'];

export interface LayoutSource {
  object: ObjectDef;
  name: string;
  xml: MetadataXml;
  schema: OrgSchema;
  problems: MetadataProblem[];
}

export function parseLayout(src: LayoutSource): LayoutDef {
  const { object, xml } = src;
  const body = xml.body;
  const title = `Layout ${object.name}-${src.name}`;
  const at = new ValueLines(xml.text);
  const problem = (element: string, line: number | undefined, message: string, hint: string) =>
    src.problems.push({ file: xml.file, ...(line ? { line } : {}), element, message, hint });

  for (const key of Object.keys(body)) {
    if (READ.has(key) || IGNORED.has(key)) continue;
    problem(key, lineOf(xml.text, key), `${title}: <${key}> is not emulated by the local org.`, 'The local org shows the layout as if the element were absent.');
  }

  const seen = new Set<string>();
  const sections: LayoutSectionDef[] = [];
  for (const s of manyNodes(body, 'layoutSections')) {
    const label = str(s, 'label')?.trim() ?? '';
    const styleText = str(s, 'style')?.trim();
    // Custom Links sections hold web links (not emulated); every standard layout has one.
    if (styleText === 'CustomLinks') continue;
    const columnNodes = manyNodes(s, 'layoutColumns');
    let style: SectionStyle = columnNodes.length > 1 ? 'TwoColumnsTopToBottom' : 'OneColumn';
    if (styleText && STYLES.includes(styleText)) style = styleText as SectionStyle;
    else if (styleText) {
      problem(
        'style',
        at.value('style', styleText),
        `${title}: section '${label}' has the style ${styleText}, which Salesforce does not have.`,
        `Use TwoColumnsTopToBottom, TwoColumnsLeftToRight or OneColumn; the local org uses ${style}.`,
      );
    }
    let columns = columnNodes.map((col) => manyNodes(col, 'layoutItems').flatMap((item) => readItem(item)));
    if (style === 'OneColumn') columns = [columns.flat()];
    else if (columns.length > 2) {
      problem(
        'layoutColumns',
        at.value('label', label),
        `${title}: section '${label}' has ${columns.length} columns; page layouts have two at most. The fields of the extra columns are left out.`,
        'Move them into the first two columns.',
      );
      columns = columns.slice(0, 2);
    }
    sections.push({
      label,
      style,
      customLabel: bool(s, 'customLabel') === true,
      detailHeading: bool(s, 'detailHeading') ?? true,
      editHeading: bool(s, 'editHeading') ?? true,
      columns: columns.length > 0 ? columns : [[]],
    });
  }

  function readItem(item: XmlNode): LayoutCell[] {
    const fieldName = str(item, 'field')?.trim();
    if (fieldName) {
      const line = at.value('field', fieldName);
      const resolved = object.fieldsByLowerName.get(fieldName.toLowerCase())?.name ?? addressOf(object, fieldName)?.name;
      if (!resolved) {
        problem(
          'layoutItems',
          line,
          `${title} shows ${fieldName}, which is not a field of ${object.name} in the local org; it is left out.`,
          fieldName.endsWith('__c')
            ? `Add objects/${object.name}/fields/${fieldName}.field-meta.xml, or remove the field from the layout.`
            : 'A standard field the local org does not have: remove it from the layout, or test it in a sandbox.',
        );
        return [];
      }
      if (seen.has(resolved.toLowerCase())) {
        problem('layoutItems', line, `${title} shows ${resolved} twice; the second one is left out.`, 'Salesforce allows a field once per layout: remove one.');
        return [];
      }
      seen.add(resolved.toLowerCase());
      const behaviorText = str(item, 'behavior')?.trim();
      let behavior: ItemBehavior = 'Edit';
      if (behaviorText && BEHAVIORS.includes(behaviorText)) behavior = behaviorText as ItemBehavior;
      else if (behaviorText) {
        problem(
          'behavior',
          at.value('behavior', behaviorText),
          `${title}: ${resolved} has the behavior ${behaviorText}, which Salesforce does not have; the local org uses Edit.`,
          'Use Required, Edit or Readonly.',
        );
      }
      return [{ field: resolved, behavior }];
    }
    if (bool(item, 'emptySpace')) return [{ blank: true }];
    // Web links live in Custom Links sections; one placed elsewhere is left out like them.
    if (str(item, 'customLink') !== undefined) return [];
    const content = CONTENT_ITEMS.find((k) => item[k] !== undefined);
    problem(
      'layoutItems',
      content ? at.value(content, str(item, content) ?? '') : undefined,
      content
        ? `${title} embeds a ${content} (${str(item, content) ?? ''}); the local org does not show embedded content.`
        : `${title} has a layout item with neither a field nor a blank space; it is left out.`,
      'UI only: the fields of the layout are shown without it.',
    );
    return [];
  }

  addMissingRequiredFields(object, sections, seen, (field) =>
    problem(
      'layoutItems',
      lineOf(xml.text, 'Layout'),
      `${title} does not show ${field}, which is required; Salesforce keeps required fields on every layout. The local org adds it to the first section.`,
      `Add ${field} to the layout.`,
    ),
  );

  const platformActions = readPlatformActions(body);
  const showRuleCheckbox = bool(body, 'showRunAssignmentRulesCheckbox') === true;
  return {
    object: object.name,
    name: src.name,
    sections,
    relatedLists: readRelatedLists(src, title, at, problem),
    ...(platformActions ? { actions: platformActions } : {}),
    excludeButtons: many(body, 'excludeButtons').map((b) => String(b).trim()),
    ...(showRuleCheckbox ? { assignmentRuleCheckbox: { defaultChecked: bool(body, 'runAssignmentRulesDefault') === true } } : {}),
    file: xml.file,
  };
}

/**
 * Salesforce refuses to save a layout without a universally required field; one written by hand
 * (or merged badly) would give a dialog whose save always fails, so the field is added.
 */
function addMissingRequiredFields(object: ObjectDef, sections: LayoutSectionDef[], seen: Set<string>, report: (field: string) => void): void {
  const covered = new Set(seen);
  for (const name of seen) {
    const compound = name === 'name' ? personNameOf(object) : addressOf(object, name);
    for (const part of compound?.parts ?? []) covered.add(part.name.toLowerCase());
  }
  for (const f of object.fields) {
    if (!f.required || !f.createable || covered.has(f.name.toLowerCase())) continue;
    report(f.name);
    if (sections.length === 0) sections.push({ label: 'Information', style: 'TwoColumnsTopToBottom', customLabel: false, detailHeading: true, editHeading: true, columns: [[], []] });
    sections[0].columns[0].push({ field: f.name, behavior: 'Required' });
  }
}

function readPlatformActions(body: XmlNode): string[] | undefined {
  const list = manyNodes(body, 'platformActionList').find((l) => (str(l, 'actionListContext') ?? 'Record') === 'Record');
  if (!list) return undefined;
  return manyNodes(list, 'platformActionListItems')
    .map((i) => ({ name: str(i, 'actionName')?.trim() ?? '', type: str(i, 'actionType')?.trim(), order: int(i, 'sortOrder') ?? 0 }))
    .filter((i) => i.type === 'StandardButton' && STANDARD_ACTIONS.has(i.name))
    .sort((a, b) => a.order - b.order)
    .map((i) => i.name);
}

/** Related list elements the local org reads; customButtons and excludeButtons are buttons it does not offer. */
const RELATED_LIST_ELEMENTS = new Set(['relatedList', 'fields', 'sortField', 'sortOrder', 'customButtons', 'excludeButtons']);

function readRelatedLists(
  src: LayoutSource,
  title: string,
  at: ValueLines,
  problem: (element: string, line: number | undefined, message: string, hint: string) => void,
): RelatedListDef[] {
  const lists: RelatedListDef[] = [];
  for (const node of manyNodes(src.xml.body, 'relatedLists')) {
    const name = str(node, 'relatedList')?.trim() ?? '';
    const line = at.value('relatedList', name);
    const target = name ? resolveRelatedList(src.object, name, src.schema) : undefined;
    if (!target) {
      problem(
        'relatedLists',
        line,
        `${title} has the related list ${name || '(unnamed)'}, which the local org cannot show for ${src.object.name}; it is left out.`,
        'Related lists of objects the local org does not have (notes, files, cases, campaigns, histories …) are not shown; test them in a sandbox.',
      );
      continue;
    }
    for (const key of Object.keys(node)) {
      if (!RELATED_LIST_ELEMENTS.has(key)) problem(key, line, `${title}: <${key}> of the related list ${name} is not emulated.`, 'The list is shown as if it were absent.');
    }
    const columns: string[] = [];
    for (const token of many(node, 'fields').map((f) => String(f).trim())) {
      const field = resolveColumn(target.child, token);
      if (field === null) continue;
      if (!field) {
        problem(
          'relatedLists',
          at.value('fields', token),
          `${title}: the related list ${name} has the column ${token}, which is not a field of ${target.child.name} in the local org; it is left out.`,
          'Remove the column, or add the field.',
        );
      } else if (!columns.includes(field.name)) columns.push(field.name);
    }
    if (columns.length === 0) columns.push(target.child.fieldsByLowerName.get(target.child.nameField.toLowerCase())?.name ?? 'Id');
    const sortToken = str(node, 'sortField')?.trim();
    const sortField = sortToken ? resolveColumn(target.child, sortToken) : undefined;
    lists.push({
      name,
      childObject: target.child.name,
      field: target.field.name,
      label: target.label,
      columns,
      ...(target.activities ? { activities: target.activities } : {}),
      ...(sortField ? { sort: { field: sortField.name, descending: str(node, 'sortOrder')?.trim() === 'Desc' } } : {}),
    });
  }
  return lists;
}

/**
 * Lines of `<element>value</element>` occurrences, for problems that point at one item: the n-th
 * lookup of the same pair finds the n-th occurrence, so a field listed twice is found twice.
 */
class ValueLines {
  private readonly used = new Map<string, number>();
  constructor(private readonly text: string) {}

  value(element: string, value: string): number | undefined {
    const key = `${element}\u0000${value}`;
    const nth = this.used.get(key) ?? 0;
    this.used.set(key, nth + 1);
    const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`<${escaped(element)}>\\s*${escaped(xmlEscape(value))}\\s*</${escaped(element)}>`, 'g');
    let m: RegExpExecArray | null = null;
    for (let i = 0; i <= nth; i++) {
      m = re.exec(this.text);
      if (!m) return undefined;
    }
    return m ? lineAt(this.text, m.index) : undefined;
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
