import type { FieldDef } from '../../schema/types.ts';
import { utilityIcon } from '../components/icon.ts';
import { type Html, html, safeHref } from '../render/html.ts';

/**
 * A field value as Lightning displays it to a US-English user: dates M/D/YYYY, date-times in
 * the user's time zone, currency in the org's dollars, picklists by label, booleans as a check,
 * emails, phones and URLs as links. Input is the API shape of a value (what QueryService and
 * RecordService return).
 */
export function formatValue(field: FieldDef, value: unknown, timeZone: string): Html {
  if (value === null || value === undefined || value === '') return html``;
  switch (field.type) {
    case 'boolean':
      return value === true
        ? html`<span class="gl-check">${utilityIcon('check', 'slds-icon slds-icon_x-small slds-icon-text-default')}<span class="slds-assistive-text">True</span></span>`
        : html`<span class="slds-assistive-text">False</span>`;
    case 'date':
      return html`${formatDate(String(value))}`;
    case 'datetime':
      return html`${formatDateTime(String(value), timeZone)}`;
    case 'currency':
      return html`${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(value))}`;
    case 'percent':
      return html`${new Intl.NumberFormat('en-US', { maximumFractionDigits: field.scale }).format(Number(value))}%`;
    case 'double':
    case 'int':
      return html`${new Intl.NumberFormat('en-US', { maximumFractionDigits: field.scale }).format(Number(value))}`;
    case 'picklist':
      return html`${picklistLabel(field, String(value))}`;
    case 'multipicklist':
      return html`${String(value)
        .split(';')
        .map((v) => picklistLabel(field, v))
        .join('; ')}`;
    case 'email':
      return html`<a href="${safeHref(`mailto:${String(value)}`)}">${String(value)}</a>`;
    case 'phone': {
      const href = telHref(String(value));
      return href ? html`<a href="${safeHref(href)}">${String(value)}</a>` : html`${String(value)}`;
    }
    case 'url': {
      const href = /^[a-z][a-z0-9+.-]*:/i.test(String(value)) ? String(value) : `http://${String(value)}`;
      return html`<a href="${safeHref(href)}" target="_blank" rel="noopener noreferrer">${String(value)}</a>`;
    }
    default:
      return html`${String(value)}`;
  }
}

const KEYPAD: Record<string, string> = { a: '2', b: '2', c: '2', d: '3', e: '3', f: '3', g: '4', h: '4', i: '4', j: '5', k: '5', l: '5', m: '6', n: '6', o: '6', p: '7', q: '7', r: '7', s: '7', t: '8', u: '8', v: '8', w: '9', x: '9', y: '9', z: '9' };

/**
 * A phone field's value as a `tel:` URI (RFC 3966) that dials the number as written: an
 * extension ("x45", "ext. 45") becomes `;ext=45` rather than digits run on to the number, a
 * vanity word (3+ letters: 1-800-FLOWERS) becomes its keypad digits, other characters are
 * dropped but a leading +. Undefined when the value has no digit to dial ("n/a").
 */
export function telHref(phone: string): string | undefined {
  if (!/\d/.test(phone)) return undefined;
  const m = /^(.*?)(?:\s*(?:ext\.?|extension|x|#)\s*(\d+))?\s*$/i.exec(phone)!;
  const number = m[1].toLowerCase().replace(/[a-z]{3,}/g, (word) => word.replace(/./g, (c) => KEYPAD[c]));
  const digits = number.replace(/\D/g, '');
  if (digits.length === 0) return undefined;
  return `tel:${/^\s*\+/.test(number) ? '+' : ''}${digits}${m[2] ? `;ext=${m[2]}` : ''}`;
}

function picklistLabel(field: FieldDef, value: string): string {
  return field.picklistValues?.find((p) => p.value === value)?.label ?? value;
}

/** `2025-03-07` → `3/7/2025` (a date has no time zone). */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : isoDate;
}

/** An API date-time (`…T…+0000`) → `3/7/2025, 9:05 AM` in the user's zone. */
export function formatDateTime(apiDateTime: string, timeZone: string): string {
  const t = Date.parse(apiDateTime.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(t)) return apiDateTime;
  return dateTimeFormatIn(timeZone).format(t);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (a list of 50 rows would otherwise build 50); an unknown zone in User.TimeZoneSidKey → UTC rather than a broken page. */
function dateTimeFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}
