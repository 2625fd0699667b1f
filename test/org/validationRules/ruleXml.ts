import { xml } from '../metadata/sfdxProject.ts';

/** A validation rule file; `formula` goes into <errorConditionFormula> as written (escape < and & yourself). */
export function ruleXml(rule: { active?: boolean; formula?: string; message?: string; field?: string; description?: string }): string {
  const lines = [
    rule.active === undefined ? '' : `    <active>${rule.active}</active>`,
    rule.description ? `    <description>${rule.description}</description>` : '',
    rule.formula === undefined ? '' : `    <errorConditionFormula>${rule.formula}</errorConditionFormula>`,
    rule.field ? `    <errorDisplayField>${rule.field}</errorDisplayField>` : '',
    rule.message === undefined ? '' : `    <errorMessage>${rule.message}</errorMessage>`,
  ];
  return xml('ValidationRule', lines.filter((l) => l !== '').join('\n'));
}
