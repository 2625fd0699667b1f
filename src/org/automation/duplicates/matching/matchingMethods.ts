import { cityScore, phoneScore, streetScore, zipScore } from './addressMethods.ts';
import { companyNameScore, firstNameScore, lastNameScore, titleScore } from './nameMethods.ts';

/**
 * The matching methods a matching rule item may name (MatchingRuleItem.MatchingMethod), with the
 * match score each needs (Salesforce Help, "Matching Methods Used with Matching Rules"). Values
 * reach `score` trimmed and lower-cased: every Salesforce matching algorithm ignores case.
 */

export const MATCHING_METHODS = ['Exact', 'FirstName', 'LastName', 'CompanyName', 'Phone', 'City', 'Street', 'Zip', 'Title'] as const;
export type MatchingMethod = (typeof MATCHING_METHODS)[number];

interface MethodDef {
  threshold: number;
  score(a: string, b: string): number;
}

const METHODS: Readonly<Record<MatchingMethod, MethodDef>> = {
  Exact: { threshold: 100, score: (a, b) => (a === b ? 100 : 0) },
  FirstName: { threshold: 85, score: firstNameScore },
  LastName: { threshold: 90, score: lastNameScore },
  CompanyName: { threshold: 70, score: companyNameScore },
  Phone: { threshold: 80, score: phoneScore },
  City: { threshold: 85, score: cityScore },
  Street: { threshold: 80, score: streetScore },
  Zip: { threshold: 80, score: zipScore },
  Title: { threshold: 50, score: titleScore },
};

export function matchingMethodOf(written: string): MatchingMethod | undefined {
  return MATCHING_METHODS.find((m) => m.toLowerCase() === written.trim().toLowerCase());
}

/** The method's score for two non-blank values, and whether it reaches the method's threshold. */
export function compareWith(method: MatchingMethod, a: string, b: string): { score: number; match: boolean } {
  const def = METHODS[method];
  const score = Math.round(def.score(a.trim().toLowerCase(), b.trim().toLowerCase()) * 10) / 10;
  return { score, match: score >= def.threshold };
}
