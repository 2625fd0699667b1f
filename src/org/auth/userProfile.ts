import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';

/**
 * What the login, getUserInfo, identity and OpenID userinfo answers say about a user and the
 * org, read once from the User and Organization rows. Those four answers describe the same facts
 * with different names and casings; keeping the facts here means they cannot disagree.
 */
export interface UserProfile {
  userId: string;
  username: string;
  firstName: string | null;
  lastName: string;
  fullName: string;
  email: string;
  nickname: string;
  profileId: string | null;
  roleId: string | null;
  /** Salesforce's UserType picklist value: Standard, PowerPartner, … */
  userType: string;
  active: boolean;
  timeZone: string;
  locale: string;
  language: string;
  mobilePhone: string | null;
  /** ISO-8601 instant, or null when the row carries none. */
  lastModified: string | null;
  org: OrgFacts;
}

export interface OrgFacts {
  orgId: string;
  name: string;
  isSandbox: boolean;
  locale: string;
  /** Orgs without multi-currency have one corporate currency; the local org models no other. */
  currencyIsoCode: string;
  currencySymbol: string;
}

// A fresh Salesforce org's defaults, for rows seeded without them.
const DEFAULT_TIME_ZONE = 'America/Los_Angeles';
const DEFAULT_LOCALE = 'en_US';
const DEFAULT_CURRENCY = 'USD';

function text(row: StoredRow, field: string): string | null {
  const v = row[field];
  return v === null || v === undefined || v === '' ? null : String(v);
}

function currencySymbol(isoCode: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-'), { style: 'currency', currency: isoCode }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? isoCode;
  } catch {
    return isoCode;
  }
}

/** Datetimes are stored as `YYYY-MM-DDTHH:mm:ss.SSS+0000`; Date parses that form. */
function instant(value: string | null): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function orgFacts(store: OrgStore): OrgFacts {
  const org = store.selectOne(`SELECT * FROM "Organization" LIMIT 1`, []);
  if (!org) throw new Error('The local org has no Organization record: was it seeded?');
  const locale = text(org, 'DefaultLocaleSidKey') ?? DEFAULT_LOCALE;
  const currencyIsoCode = text(org, 'DefaultCurrencyIsoCode') ?? DEFAULT_CURRENCY;
  return {
    orgId: String(org.Id),
    name: text(org, 'Name') ?? '',
    isSandbox: org.IsSandbox === 1,
    locale,
    currencyIsoCode,
    currencySymbol: currencySymbol(currencyIsoCode, locale),
  };
}

/** The profile of a User row (deleted or not: callers decide what an inactive user may do). */
export function profileOfUser(store: OrgStore, user: StoredRow): UserProfile {
  const lastName = text(user, 'LastName') ?? '';
  const firstName = text(user, 'FirstName');
  const username = String(user.Username);
  return {
    userId: String(user.Id),
    username,
    firstName,
    lastName,
    fullName: text(user, 'Name') ?? [firstName, lastName].filter(Boolean).join(' '),
    email: text(user, 'Email') ?? '',
    nickname: text(user, 'CommunityNickname') ?? text(user, 'Alias') ?? username.split('@')[0],
    profileId: text(user, 'ProfileId'),
    roleId: text(user, 'UserRoleId'),
    userType: text(user, 'UserType') ?? 'Standard',
    active: user.IsActive === 1,
    timeZone: text(user, 'TimeZoneSidKey') ?? DEFAULT_TIME_ZONE,
    locale: text(user, 'LocaleSidKey') ?? DEFAULT_LOCALE,
    language: text(user, 'LanguageLocaleKey') ?? DEFAULT_LOCALE,
    mobilePhone: text(user, 'MobilePhone'),
    lastModified: instant(text(user, 'LastModifiedDate')),
    org: orgFacts(store),
  };
}

/**
 * The zone's standard offset in milliseconds, as the identity service's utcOffset reports it:
 * daylight saving only ever adds, so the smaller of January's and July's offsets is the standard one.
 */
export function standardUtcOffsetMs(timeZone: string, year: number): number {
  const offsetAt = (month: number): number => {
    const at = new Date(Date.UTC(year, month, 1));
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
      if (!m) return 0;
      return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
    } catch {
      return 0;
    }
  };
  return Math.min(offsetAt(0), offsetAt(6));
}
