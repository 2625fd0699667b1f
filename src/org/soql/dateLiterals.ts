import { formatDate, formatDateTime } from '../schema/valueCodec.ts';

/**
 * SOQL date literals (TODAY, LAST_N_DAYS:7 …) as half-open ranges [start, end) of local calendar
 * days in the running user's time zone. Date fields compare against the local dates; datetime
 * fields against the UTC instants of local midnight, in the stored text form so SQLite compares
 * strings. Weeks start on Sunday (the en_US locale) and the fiscal year is the calendar year
 * (Salesforce's default fiscal settings), which is what a fresh org does.
 */

export interface StoredRange {
  start: string;
  end: string;
}

/** A calendar day, computed with UTC arithmetic so no host time zone leaks in. */
type Day = Date;

const day = (y: number, m: number, d: number): Day => new Date(Date.UTC(y, m, d));
const addDays = (d: Day, n: number): Day => day(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + n);
const addMonths = (d: Day, n: number): Day => day(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate());
const monthStart = (d: Day): Day => day(d.getUTCFullYear(), d.getUTCMonth(), 1);
const quarterStart = (d: Day): Day => day(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
const yearStart = (d: Day): Day => day(d.getUTCFullYear(), 0, 1);
const weekStart = (d: Day): Day => addDays(d, -d.getUTCDay());

type RangeFn = (today: Day, n: number) => [Day, Day];

const span = (start: Day, end: Day): [Day, Day] => [start, end];

const LITERALS: Record<string, RangeFn> = {
  YESTERDAY: (t) => span(addDays(t, -1), t),
  TODAY: (t) => span(t, addDays(t, 1)),
  TOMORROW: (t) => span(addDays(t, 1), addDays(t, 2)),
  LAST_WEEK: (t) => span(addDays(weekStart(t), -7), weekStart(t)),
  THIS_WEEK: (t) => span(weekStart(t), addDays(weekStart(t), 7)),
  NEXT_WEEK: (t) => span(addDays(weekStart(t), 7), addDays(weekStart(t), 14)),
  LAST_MONTH: (t) => span(addMonths(monthStart(t), -1), monthStart(t)),
  THIS_MONTH: (t) => span(monthStart(t), addMonths(monthStart(t), 1)),
  NEXT_MONTH: (t) => span(addMonths(monthStart(t), 1), addMonths(monthStart(t), 2)),
  // "Last n days" includes today; "next n days" starts tomorrow (Salesforce's documented ranges).
  LAST_90_DAYS: (t) => span(addDays(t, -90), addDays(t, 1)),
  NEXT_90_DAYS: (t) => span(addDays(t, 1), addDays(t, 91)),
  LAST_N_DAYS: (t, n) => span(addDays(t, -n), addDays(t, 1)),
  NEXT_N_DAYS: (t, n) => span(addDays(t, 1), addDays(t, 1 + n)),
  N_DAYS_AGO: (t, n) => span(addDays(t, -n), addDays(t, 1 - n)),
  LAST_N_WEEKS: (t, n) => span(addDays(weekStart(t), -7 * n), weekStart(t)),
  NEXT_N_WEEKS: (t, n) => span(addDays(weekStart(t), 7), addDays(weekStart(t), 7 + 7 * n)),
  N_WEEKS_AGO: (t, n) => span(addDays(weekStart(t), -7 * n), addDays(weekStart(t), 7 - 7 * n)),
  LAST_N_MONTHS: (t, n) => span(addMonths(monthStart(t), -n), monthStart(t)),
  NEXT_N_MONTHS: (t, n) => span(addMonths(monthStart(t), 1), addMonths(monthStart(t), 1 + n)),
  N_MONTHS_AGO: (t, n) => span(addMonths(monthStart(t), -n), addMonths(monthStart(t), 1 - n)),
  THIS_QUARTER: (t) => span(quarterStart(t), addMonths(quarterStart(t), 3)),
  LAST_QUARTER: (t) => span(addMonths(quarterStart(t), -3), quarterStart(t)),
  NEXT_QUARTER: (t) => span(addMonths(quarterStart(t), 3), addMonths(quarterStart(t), 6)),
  LAST_N_QUARTERS: (t, n) => span(addMonths(quarterStart(t), -3 * n), quarterStart(t)),
  NEXT_N_QUARTERS: (t, n) => span(addMonths(quarterStart(t), 3), addMonths(quarterStart(t), 3 + 3 * n)),
  N_QUARTERS_AGO: (t, n) => span(addMonths(quarterStart(t), -3 * n), addMonths(quarterStart(t), 3 - 3 * n)),
  THIS_YEAR: (t) => span(yearStart(t), addMonths(yearStart(t), 12)),
  LAST_YEAR: (t) => span(addMonths(yearStart(t), -12), yearStart(t)),
  NEXT_YEAR: (t) => span(addMonths(yearStart(t), 12), addMonths(yearStart(t), 24)),
  LAST_N_YEARS: (t, n) => span(addMonths(yearStart(t), -12 * n), yearStart(t)),
  NEXT_N_YEARS: (t, n) => span(addMonths(yearStart(t), 12), addMonths(yearStart(t), 12 + 12 * n)),
  N_YEARS_AGO: (t, n) => span(addMonths(yearStart(t), -12 * n), addMonths(yearStart(t), 12 - 12 * n)),
};

// With the default fiscal settings (year starting in January) fiscal periods are calendar periods.
for (const [fiscal, calendar] of [
  ['THIS_FISCAL_QUARTER', 'THIS_QUARTER'],
  ['LAST_FISCAL_QUARTER', 'LAST_QUARTER'],
  ['NEXT_FISCAL_QUARTER', 'NEXT_QUARTER'],
  ['LAST_N_FISCAL_QUARTERS', 'LAST_N_QUARTERS'],
  ['NEXT_N_FISCAL_QUARTERS', 'NEXT_N_QUARTERS'],
  ['N_FISCAL_QUARTERS_AGO', 'N_QUARTERS_AGO'],
  ['THIS_FISCAL_YEAR', 'THIS_YEAR'],
  ['LAST_FISCAL_YEAR', 'LAST_YEAR'],
  ['NEXT_FISCAL_YEAR', 'NEXT_YEAR'],
  ['LAST_N_FISCAL_YEARS', 'LAST_N_YEARS'],
  ['NEXT_N_FISCAL_YEARS', 'NEXT_N_YEARS'],
  ['N_FISCAL_YEARS_AGO', 'N_YEARS_AGO'],
] as const) {
  LITERALS[fiscal] = LITERALS[calendar];
}

export function isDateLiteralName(name: string): boolean {
  return Object.hasOwn(LITERALS, name.toUpperCase());
}

/** Whether the literal takes ":n". */
export function takesN(name: string): boolean {
  const upper = name.toUpperCase();
  return upper.includes('_N_') || upper.startsWith('N_');
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in the zone at an instant, as if it were UTC (for calendar arithmetic). */
function wallClock(instant: number, timeZone: string): number {
  // Intl is slow next to the rest of a query's compilation, and most users are on UTC.
  if (UTC_ZONES.has(timeZone)) return instant;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The instant at which the given local day starts in the zone. */
function localMidnight(d: Day, timeZone: string): Date {
  const local = d.getTime();
  let guess = local - (wallClock(local, timeZone) - local);
  // A second pass settles days whose offset differs from the first guess (DST changes).
  const offset = wallClock(guess, timeZone) - guess;
  guess = local - offset;
  return new Date(guess);
}

function localToday(now: Date, timeZone: string): Day {
  const wall = new Date(wallClock(now.getTime(), timeZone));
  return day(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
}

/**
 * The stored-form bounds of a date literal for a date or datetime field. `n` is the number after
 * the colon for the _N_ literals. Returns undefined for a name that is not a date literal.
 */
export function dateLiteralRange(
  name: string,
  n: number,
  kind: 'date' | 'datetime',
  now: Date,
  timeZone: string,
): StoredRange | undefined {
  const fn = LITERALS[name.toUpperCase()];
  if (!fn) return undefined;
  const [start, end] = fn(localToday(now, timeZone), n);
  if (kind === 'date') return { start: formatDate(start), end: formatDate(end) };
  return { start: formatDateTime(localMidnight(start, timeZone)), end: formatDateTime(localMidnight(end, timeZone)) };
}
