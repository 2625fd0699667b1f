import { lineOf, manyNodes, str, type XmlNode } from '../../metadata/metadataXml.ts';
import type { FilterItemSource } from './filterItem.ts';

/**
 * The line of every `<element` in a metadata file, in document order, so that the n-th parsed
 * node can be reported with its line (the XML parser keeps no positions).
 */
export function elementLines(text: string, element: string): number[] {
  const lines: number[] = [];
  let from = 0;
  for (;;) {
    const line = lineOf(text, element, from);
    if (line === undefined) return lines;
    lines.push(line);
    from = text.indexOf(`<${element}`, from) + 1;
  }
}

/**
 * The criteria rows under `node` (`criteriaItems`, `duplicateRuleFilterItems` …). `lines` are
 * the lines of every such element in the file and `first` the index of this node's first one.
 */
export function readFilterItems(node: XmlNode, element: string, lines: readonly number[], first: number): FilterItemSource[] {
  return manyNodes(node, element).map((item, i) => ({
    field: (str(item, 'field') ?? '').trim(),
    operation: (str(item, 'operation') ?? '').trim(),
    value: str(item, 'value'),
    valueField: str(item, 'valueField'),
    line: lines[first + i],
  }));
}
