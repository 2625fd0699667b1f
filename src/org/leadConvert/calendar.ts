/**
 * The two dates a conversion writes. Both are calendar dates in the converting user's time zone:
 * a lead converted at 23:00 in Los Angeles is converted "today" there, even though it is already
 * tomorrow in UTC.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatCalendarDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Today in a Salesforce TimeZoneSidKey (IANA names, plus GMT); UTC when the zone is unknown. */
export function todayIn(now: Date, timeZone: string | null | undefined): CalendarDate {
  if (timeZone) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now);
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      const d = { year: part('year'), month: part('month'), day: part('day') };
      if (Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day)) return d;
    } catch {
      // An id Intl does not know: fall through to UTC rather than fail the conversion.
    }
  }
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

/**
 * The last day of the fiscal quarter that contains `date`, for standard fiscal years starting in
 * `fiscalYearStartMonth` (1 = January): the close date Salesforce gives the opportunity a
 * conversion creates.
 */
export function endOfFiscalQuarter(date: CalendarDate, fiscalYearStartMonth = 1): CalendarDate {
  const start = fiscalYearStartMonth >= 1 && fiscalYearStartMonth <= 12 ? Math.trunc(fiscalYearStartMonth) : 1;
  const monthsIntoYear = (date.month - start + 12) % 12;
  const quarterStartOffset = monthsIntoYear - (monthsIntoYear % 3);
  // 0-based month index counted from January of date.year; may run into the next year.
  const lastMonthIndex = date.month - 1 - monthsIntoYear + quarterStartOffset + 2;
  const year = date.year + Math.floor(lastMonthIndex / 12);
  const month0 = ((lastMonthIndex % 12) + 12) % 12;
  // Day 0 of the following month is the last day of this one.
  const day = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  return { year, month: month0 + 1, day };
}
