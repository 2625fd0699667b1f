/**
 * Escaping for gate.html. Everything in the record came from somewhere the gate does not control
 * (scenario titles, error messages, waiver reasons, org names), so every interpolated value is
 * text unless it is a fragment this module produced. gate.html depends on nothing in the org UI:
 * the record must render the same whatever becomes of the UI code.
 */

const brand: unique symbol = Symbol('gate-markup');

/** Markup produced by `markup`…`` (or `trusted()`), safe to insert as it is. */
export interface Markup {
  readonly [brand]: true;
  readonly text: string;
}

function fragment(text: string): Markup {
  return { [brand]: true, text };
}

function isMarkup(value: unknown): value is Markup {
  return typeof value === 'object' && value !== null && (value as Partial<Markup>)[brand] === true;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text content or as a quoted attribute value. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function renderValue(value: unknown): string {
  if (isMarkup(value)) return value.text;
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(renderValue).join('');
  return escapeText(String(value));
}

/**
 * The template tag: literal parts are trusted (they are this code base), interpolations are
 * escaped; arrays render item by item, null/undefined/false render nothing. Attribute values
 * must be quoted.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0];
  values.forEach((value, i) => {
    out += renderValue(value) + strings[i + 1];
  });
  return fragment(out);
}

/** A constant written in this code base (the stylesheet). Never data from the record. */
export function trusted(constant: string): Markup {
  return fragment(constant);
}

/** The page's final text. */
export function toHtml(page: Markup): string {
  return page.text;
}

/**
 * An href for a file of evidence, whose path is relative to the reports folder while gate.html
 * sits in <reports>/gate/. Each segment is percent-encoded, so no path can become a scheme
 * (`javascript:`) or break out of the attribute, and a path that tries to leave the reports
 * folder is not linked at all.
 */
export function evidenceHref(reportsRelativePath: string): string | undefined {
  const segments = reportsRelativePath.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.includes('..') || /^[\\/]/.test(reportsRelativePath)) return undefined;
  return `../${segments.map(encodeURIComponent).join('/')}`;
}
