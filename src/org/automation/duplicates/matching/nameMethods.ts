import { areNameVariants } from './nameVariants.ts';
import { phoneticKey } from './phoneticKey.ts';
import { acronymScore, editDistanceScore, jaroWinklerScore, keyboardDistanceScore } from './stringSimilarity.ts';

/**
 * The fuzzy methods for names of people, companies and job titles. Each compares two values
 * already lower-cased and trimmed and returns the best score of its algorithms (Salesforce's
 * "Maximum" scoring), which the caller holds against the method's threshold.
 */

const words = (s: string) => s.replace(/[.,'’\-]/g, ' ').split(/\s+/).filter((w) => w !== '');

/** Fuzzy: First Name — Exact, Initials, Jaro-Winkler, Name Variant. */
export function firstNameScore(a: string, b: string): number {
  const x = words(a).join(' ');
  const y = words(b).join(' ');
  if (x === y) return 100;
  // Initials: "J" or "J." against "Jonathan".
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return 100;
  if (areNameVariants(x, y)) return 100;
  return jaroWinklerScore(x, y);
}

/** Fuzzy: Last Name — Exact, Keyboard Distance, Metaphone (sound-alike key). */
export function lastNameScore(a: string, b: string): number {
  const x = words(a).join(' ');
  const y = words(b).join(' ');
  if (x === y) return 100;
  const key = phoneticKey(x);
  if (key !== '' && key === phoneticKey(y)) return 100;
  return keyboardDistanceScore(x, y);
}

/**
 * Legal forms and filler words that say nothing about which company it is ("Acme Inc." and
 * "ACME Corporation" are the same company to Salesforce's Fuzzy: Company Name).
 */
const COMPANY_NOISE = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'ltd', 'limited', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'srl',
  'bv', 'nv', 'lp', 'llp', 'pty', 'pte', 'the', 'group', 'holdings',
]);

export function normaliseCompany(s: string): string {
  return words(s.replace(/&/g, ' and ').replace(/\+/g, ' and '))
    .filter((w) => !COMPANY_NOISE.has(w))
    .join(' ');
}

/** Fuzzy: Company Name — Acronym, Exact and a syllable-alignment stand-in (edit distance), after normalising. */
export function companyNameScore(a: string, b: string): number {
  const x = normaliseCompany(a);
  const y = normaliseCompany(b);
  if (x === '' || y === '') return a === b ? 100 : 0;
  if (x === y || x.replace(/ /g, '') === y.replace(/ /g, '')) return 100;
  return Math.max(acronymScore(x, y), editDistanceScore(x, y));
}

/** Abbreviations in job titles, spelled out before comparing ("Sr. VP" is "senior vice president"). */
const TITLE_WORDS: Readonly<Record<string, string>> = {
  vp: 'vice president', svp: 'senior vice president', evp: 'executive vice president', avp: 'assistant vice president',
  ceo: 'chief executive officer', cfo: 'chief financial officer', cto: 'chief technology officer', coo: 'chief operating officer',
  cio: 'chief information officer', cmo: 'chief marketing officer', sr: 'senior', jr: 'junior', mgr: 'manager', dir: 'director',
  asst: 'assistant', eng: 'engineer', exec: 'executive', mktg: 'marketing', admin: 'administrator', dept: 'department',
};

function expandTitle(s: string): string {
  return words(s)
    .map((w) => TITLE_WORDS[w] ?? w)
    .join(' ');
}

/** Fuzzy: Title — Acronym, Edit Distance, Exact, with common abbreviations spelled out. */
export function titleScore(a: string, b: string): number {
  if (a === b) return 100;
  const x = expandTitle(a);
  const y = expandTitle(b);
  if (x === y) return 100;
  return Math.max(acronymScore(a, b), editDistanceScore(x, y));
}
