import { editDistanceScore } from './stringSimilarity.ts';

/**
 * The fuzzy methods for phone numbers and addresses. Salesforce scores these by "weighted
 * average": the value is cut into sections, each compared on its own, and the section scores
 * weighted into one (Salesforce Help, "Matching Methods Used with Matching Rules"). A section
 * that only one side has (a country code, a ZIP+4 extension, a suite) is not held against the
 * match when the other side is blank, since one record simply says less.
 */

type Section = { a: string; b: string; weight: number; score?: (a: string, b: string) => number };

function weighted(sections: readonly Section[]): number {
  let total = 0;
  for (const s of sections) {
    if (s.a === '' || s.b === '') total += s.weight * 100;
    else total += s.weight * (s.score ? s.score(s.a, s.b) : s.a === s.b ? 100 : 0);
  }
  return total;
}

/**
 * Fuzzy: Phone — international code 10%, area code 50%, next three digits 30%, last four 10%
 * (North American numbering). Numbers shorter than ten digits compare digit for digit.
 */
export function phoneScore(a: string, b: string): number {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  if (x === y) return 100;
  if (x.length < 10 || y.length < 10) return 0;
  const parts = (d: string) => ({ intl: d.slice(0, -10), area: d.slice(-10, -7), exchange: d.slice(-7, -4), line: d.slice(-4) });
  const p = parts(x);
  const q = parts(y);
  return weighted([
    { a: p.intl, b: q.intl, weight: 0.1 },
    { a: p.area, b: q.area, weight: 0.5 },
    { a: p.exchange, b: q.exchange, weight: 0.3 },
    { a: p.line, b: q.line, weight: 0.1 },
  ]);
}

/** Fuzzy: City — Exact or edit distance. */
export function cityScore(a: string, b: string): number {
  const norm = (s: string) => s.replace(/[.,]/g, ' ').replace(/\bst\b/g, 'saint').replace(/\bft\b/g, 'fort').replace(/\s+/g, ' ').trim();
  const x = norm(a);
  const y = norm(b);
  return x === y ? 100 : editDistanceScore(x, y);
}

/** Fuzzy: ZIP — first five digits 90%, the ZIP+4 extension 10%; other postal codes compare as written, spaces aside. */
export function zipScore(a: string, b: string): number {
  const us = /^(\d{5})(?:[\s-]?(\d{4}))?$/;
  const p = us.exec(a.trim());
  const q = us.exec(b.trim());
  if (!p || !q) return a.replace(/\s/g, '') === b.replace(/\s/g, '') ? 100 : 0;
  return weighted([
    { a: p[1], b: q[1], weight: 0.9 },
    { a: p[2] ?? '', b: q[2] ?? '', weight: 0.1 },
  ]);
}

/** USPS standard abbreviations, so "123 Main Street" and "123 Main St." compare equal. */
const STREET_SUFFIXES: Readonly<Record<string, string>> = {
  street: 'st', st: 'st', avenue: 'ave', ave: 'ave', av: 'ave', road: 'rd', rd: 'rd', boulevard: 'blvd', blvd: 'blvd',
  drive: 'dr', dr: 'dr', lane: 'ln', ln: 'ln', court: 'ct', ct: 'ct', place: 'pl', pl: 'pl', terrace: 'ter', ter: 'ter',
  parkway: 'pkwy', pkwy: 'pkwy', highway: 'hwy', hwy: 'hwy', circle: 'cir', cir: 'cir', square: 'sq', sq: 'sq', way: 'way',
};
const DIRECTIONS: Readonly<Record<string, string>> = {
  north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};
const UNIT_WORDS = new Set(['suite', 'ste', 'apt', 'apartment', 'unit', '#', 'room', 'rm', 'floor', 'fl']);

interface StreetParts {
  number: string;
  name: string;
  suffix: string;
  suite: string;
}

function streetParts(s: string): StreetParts {
  const tokens = s.replace(/#/g, ' # ').replace(/[.,]/g, ' ').split(/\s+/).filter((t) => t !== '');
  const parts: StreetParts = { number: '', name: '', suffix: '', suite: '' };
  const unitAt = tokens.findIndex((t) => UNIT_WORDS.has(t));
  const main = unitAt >= 0 ? tokens.slice(0, unitAt) : tokens;
  if (unitAt >= 0) parts.suite = tokens.slice(unitAt + 1).filter((t) => !UNIT_WORDS.has(t)).join(' ');
  if (main.length > 0 && /^\d+[a-z]?$/.test(main[0])) parts.number = main.shift()!;
  const last = main[main.length - 1];
  if (last !== undefined && STREET_SUFFIXES[last] && main.length > 1) {
    parts.suffix = STREET_SUFFIXES[last];
    main.pop();
  }
  parts.name = main.map((t) => DIRECTIONS[t] ?? t).join(' ');
  return parts;
}

/** Fuzzy: Street — street number 20%, street name 50% (edit distance), suffix 5%, suite 25%. */
export function streetScore(a: string, b: string): number {
  const p = streetParts(a);
  const q = streetParts(b);
  return weighted([
    { a: p.number, b: q.number, weight: 0.2 },
    { a: p.name, b: q.name, weight: 0.5, score: editDistanceScore },
    { a: p.suffix, b: q.suffix, weight: 0.05 },
    { a: p.suite, b: q.suite, weight: 0.25 },
  ]);
}
