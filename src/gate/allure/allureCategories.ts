import type { AllureConfig } from 'allure';
import type { TriageKind } from '../results/scenarioResult.ts';

/**
 * The Allure report's categories are the gate's triage, so the report and gate.html never
 * sort a failure differently: product defect, test defect, environment problem. Allure 3 takes
 * categories from its own config (allure-playwright's `categories` option writes an Allure 2
 * categories.json that the Allure 3 "awesome" report does not read). Each rule matches a
 * `triage` label, which generateAllureReport() puts on every failed result from the same
 * decision the gate makes (the test's triage annotation, else the gate's error classification).
 */

type CategoryRule = Exclude<NonNullable<AllureConfig['categories']>, false | { rules: unknown }>[number];

/** The label name carrying a failed result's triage kind. */
export const TRIAGE_LABEL = 'triage';

const CATEGORY_NAMES: Readonly<Record<TriageKind, string>> = {
  'product-defect': 'Product defect',
  'test-defect': 'Test defect',
  environment: 'Environment problem',
};

export const ALLURE_CATEGORIES: readonly CategoryRule[] = (Object.keys(CATEGORY_NAMES) as TriageKind[]).map((kind) => ({
  id: kind,
  name: CATEGORY_NAMES[kind],
  matchers: { statuses: ['failed', 'broken'], labels: { [TRIAGE_LABEL]: `^${kind}$` } },
  // Same cause, same message: one group per distinct error under each category.
  groupByMessage: true,
  expand: kind === 'product-defect',
}));
