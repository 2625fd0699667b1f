/**
 * TODAY() is the calendar day in the running user's time zone (a save at 23:00 in Los Angeles
 * is still "today" there although UTC is on the next day). Building an Intl formatter costs
 * about 0.2 ms, more than the rest of a rule, so there is one per zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      // A TimeZoneSidKey Intl does not know: UTC, rather than failing every save.
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar day at `now` in the zone (UTC when absent or unknown), as a UTC midnight, which is how formula dates are held. */
export function calendarDayIn(now: Date, timeZone: string | undefined): Date {
  const f = timeZone ? formatterFor(timeZone) : null;
  if (f) {
    const parts = f.formatToParts(now);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const [y, m, d] = [part('year'), part('month'), part('day')];
    if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)) return new Date(Date.UTC(y, m - 1, d));
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
