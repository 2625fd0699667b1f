/**
 * The UI's one HTML renderer: a tagged template that escapes every interpolated value unless it
 * is already an `Html` fragment. Record data (a lead named `<img src=x onerror=alert(1)>`) can
 * therefore only ever become text; markup enters a page only through `html`…`` templates written
 * in this code base, or through `raw()` for the rare trusted string (an SVG sprite reference built
 * from constants). Attribute values must always be quoted (`class="${x}"`): escaping makes a quoted
 * value safe, an unquoted one is not.
 */

/** Markup that is already safe to insert: the result of `html`…`` or `raw()`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text → HTML text or quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/**
 * What an interpolated value renders as: fragments as they are, arrays item by item (so
 * `${rows.map(r => html`<tr>…</tr>`)}` works), nothing for null/undefined/false, text otherwise.
 */
function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** A trusted fragment inserted unescaped. Never pass it anything that came from a request or a record. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** Fragments joined with nothing between them (for lists built outside a template). */
export function join(parts: readonly Html[]): Html {
  return new Html(parts.map((p) => p.value).join(''));
}

/**
 * A URL from data (a Website field, a redirect target) made safe for an href: http(s), mailto
 * and tel links and same-site paths pass; anything else (javascript:, data:) becomes '#'.
 * Escaping alone does not stop `javascript:` URLs, which is why this exists.
 */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:|mailto:|tel:)/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.startsWith('/\\')) return trimmed;
  return '#';
}
