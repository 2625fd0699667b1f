import path from 'node:path';
import { compileFormula } from '../../formula/compileFormula.ts';
import { FormulaError } from '../../formula/FormulaError.ts';
import type { AutomationReaderContext } from '../../metadata/automationMetadata.ts';
import { bool, lineOf, str } from '../../metadata/metadataXml.ts';
import type { MetadataProblem } from '../../metadata/types.ts';
import type { ValidationRuleDef } from './types.ts';

/**
 * Reads `objects/<Object>/validationRules/*.validationRule-meta.xml` and compiles each rule's
 * condition at load. A rule the local org cannot run exactly as Salesforce would (a formula
 * it cannot compile, no message) is a MetadataProblem that says so, and is never run: running
 * half a rule would let a test pass that fails on the real org.
 */

const SUFFIX = '.validationRule-meta.xml';
const ELEMENT = 'validationRules';

function ruleNameOf(rel: string): string {
  const base = path.posix.basename(rel);
  const name = base.toLowerCase().endsWith(SUFFIX.toLowerCase()) ? base.slice(0, -SUFFIX.length) : base;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function formulaHint(err: FormulaError): string {
  const until = 'Until then the local org does not run this rule: saves it would reject succeed locally.';
  if (err.kind === 'unsupported') return `${until} Test the rule in a sandbox, or express it without ${err.token ?? 'this feature'}.`;
  return `Salesforce would not accept this formula either; fix it. ${until}`;
}

export function readValidationRules(ctx: AutomationReaderContext): ValidationRuleDef[] {
  const rules: ValidationRuleDef[] = [];
  const problem = (p: MetadataProblem) => ctx.problems.push(p);
  for (const file of ctx.files) {
    const parts = file.rel.split('/');
    const objectName = parts[parts.length - 3];
    if (parts[parts.length - 2] !== ELEMENT || !objectName) {
      problem({
        file: file.rel,
        element: 'file',
        message: 'This file is not where Salesforce source format puts it (objects/<Object>/validationRules/); it is ignored.',
        hint: 'Move it under objects/<Object>/validationRules/.',
      });
      continue;
    }
    const object = ctx.schema.object(objectName);
    if (!object) {
      problem({
        file: file.rel,
        element: ELEMENT,
        message: `Validation rule for ${objectName}, an object the local org does not have; it is not run.`,
        hint: `Add objects/${objectName}/${objectName}.object-meta.xml, or check the folder name.`,
      });
      continue;
    }
    const xml = ctx.read(file, ['ValidationRule']);
    const body = xml.body;
    const fullName = str(body, 'fullName')?.trim() || ruleNameOf(file.rel);
    const active = bool(body, 'active');
    const formula = str(body, 'errorConditionFormula')?.trim() ?? '';
    const message = str(body, 'errorMessage')?.trim() ?? '';
    const rule: ValidationRuleDef = {
      object: object.name,
      fullName,
      active: active === true,
      description: str(body, 'description')?.trim() || undefined,
      errorConditionFormula: formula,
      errorMessage: message,
      file: file.rel,
    };
    const at = (element: string) => lineOf(xml.text, element);

    if (active === undefined) {
      problem({
        file: file.rel,
        line: at('ValidationRule'),
        element: 'active',
        message: `Validation rule ${object.name}.${fullName} has no <active>true|false</active>; it is treated as inactive.`,
        hint: 'Add <active>true</active> to run it (Salesforce requires the element).',
      });
    }

    const displayField = str(body, 'errorDisplayField')?.trim();
    if (displayField) {
      const field = object.fieldsByLowerName.get(displayField.toLowerCase());
      if (field) rule.errorDisplayField = field.name;
      else {
        problem({
          file: file.rel,
          line: at('errorDisplayField'),
          element: 'errorDisplayField',
          message: `Validation rule ${object.name}.${fullName} shows its error on ${displayField}, which is not a field of ${object.name}; the error is reported on the record instead.`,
          hint: `Name a field of ${object.name}, or remove <errorDisplayField> to show the error at the top of the page.`,
        });
      }
    }

    let complete = true;
    for (const [element, value] of [
      ['errorConditionFormula', formula],
      ['errorMessage', message],
    ] as const) {
      if (value !== '') continue;
      complete = false;
      problem({
        file: file.rel,
        line: at(element) ?? at('ValidationRule'),
        element,
        message: `Validation rule ${object.name}.${fullName} has no <${element}>; it is not run.`,
        hint: `Salesforce requires <${element}>; add it.`,
      });
    }

    if (complete) {
      try {
        rule.condition = compileFormula(formula, { object, schema: ctx.schema, returnType: 'boolean' });
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
        problem({
          file: file.rel,
          line: at('errorConditionFormula'),
          element: 'errorConditionFormula',
          message: `Validation rule ${object.name}.${fullName} cannot be run by the local org: ${err.message}`,
          hint: formulaHint(err),
        });
      }
    }
    rules.push(rule);
  }
  // Salesforce documents no order among an object's rules; by name keeps reports stable.
  return rules.sort((a, b) => a.object.localeCompare(b.object) || a.fullName.localeCompare(b.fullName));
}
