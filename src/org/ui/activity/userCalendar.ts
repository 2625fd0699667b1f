/**
 * The user's calendar day (YYYY-MM-DD in the user's time zone): what "today", "overdue" and a
 * logged call's date mean to the user, on Home's Today's Tasks and the activity timeline. An
 * unknown zone counts as UTC. Formatters are kept per zone: building one costs more than the
 * rest of a task row, and a record page asks for the day several times.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function userToday(timeZone: string, now: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: safeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
