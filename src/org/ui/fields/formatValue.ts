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
    case 'phone':
      return html`<a href="${safeHref(`tel:${String(value).replace(/[^\d+]/g, '')}`)}">${String(value)}</a>`;
    case 'url': {
      const href = /^[a-z][a-z0-9+.-]*:/i.test(String(value)) ? String(value) : `http://${String(value)}`;
      return html`<a href="${safeHref(href)}" target="_blank" rel="noopener noreferrer">${String(value)}</a>`;
    }
    default:
      return html`${String(value)}`;
  }
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
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(t);
  } catch {
    // An unknown zone in User.TimeZoneSidKey: UTC rather than a broken page.
    return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(t);
  }
}
