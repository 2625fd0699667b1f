import { SfErrors } from '../errors/SfErrors.ts';
import type { OrgStore, StoredRow } from '../persistence/OrgStore.ts';
import type { AccessPolicy } from '../service/AccessPolicy.ts';
import type { UserContext } from '../service/UserContext.ts';
import type { CredentialStore } from './CredentialStore.ts';
import type { Session, SessionStore } from './SessionStore.ts';

/**
 * Turns credentials into sessions and sessions into the UserContext every service call runs as.
 * Every login failure is the same INVALID_LOGIN, as on Salesforce: the caller never learns
 * whether the username exists.
 */
export class LoginService {
  constructor(
    private readonly store: OrgStore,
    private readonly credentials: CredentialStore,
    readonly sessions: SessionStore,
    /** The security model, for the "API Enabled" permission; without one every user may use the API. */
    private readonly access?: Pick<AccessPolicy, 'hasPermission'>,
  ) {}

  get orgId(): string {
    const org = this.store.select(`SELECT "Id" FROM "Organization" LIMIT 1`, [])[0];
    if (!org) throw new Error('The local org has no Organization record: was it seeded?');
    return String(org.Id);
  }

  findUserByUsername(username: string): StoredRow | undefined {
    return this.store.select(`SELECT * FROM "User" WHERE "Username" = ? COLLATE NOCASE AND "IsDeleted" = 0 LIMIT 1`, [username.trim()])[0];
  }

  userById(userId: string): StoredRow | undefined {
    const user = this.store.schema.object('User');
    return user ? this.store.getById(user, userId) : undefined;
  }

  /** Checks a username and password; INVALID_LOGIN for anything wrong. */
  checkPassword(username: string, password: string): StoredRow {
    const user = this.findUserByUsername(username ?? '');
    if (!user || user.IsActive !== 1 || !this.credentials.verify(String(user.Id), password ?? '')) throw SfErrors.invalidLogin();
    return user;
  }

  passwordLogin(username: string, password: string, loginType: Session['loginType']): { user: StoredRow; session: Session } {
    const user = this.checkPassword(username, password);
    // SOAP login() is itself an API call; an OAuth login is not, the calls made with its token are.
    if (loginType === 'soap') this.requireApiAccess({ userId: String(user.Id), orgId: this.orgId, username: String(user.Username), profileId: null });
    return { user, session: this.sessions.create(String(user.Id), this.orgId, loginType) };
  }

  private requireApiAccess(user: UserContext): void {
    if (this.access && !this.access.hasPermission(user, 'ApiEnabled')) throw SfErrors.apiDisabledForUser();
  }

  /** A session for a user already proven some other way (JWT bearer, frontdoor). */
  openSession(user: StoredRow, loginType: Session['loginType']): Session {
    if (user.IsActive !== 1) throw SfErrors.invalidLogin();
    return this.sessions.create(String(user.Id), this.orgId, loginType);
  }

  contextFor(session: Session): UserContext {
    const user = this.userById(session.userId);
    if (!user || user.IsActive !== 1) {
      this.sessions.revoke(session.id);
      throw SfErrors.invalidSession();
    }
    return {
      userId: session.userId,
      orgId: session.orgId,
      username: String(user.Username),
      profileId: user.ProfileId === null ? null : String(user.ProfileId),
      sessionId: session.id,
    };
  }

  /**
   * The caller of an API request, from its session id: INVALID_SESSION_ID when it has none that is
   * live, API_CURRENTLY_DISABLED when the user lacks "API Enabled".
   */
  authenticate(sessionId: string | undefined): UserContext {
    const session = sessionId ? this.sessions.use(sessionId) : undefined;
    if (!session) throw SfErrors.invalidSession();
    const user = this.contextFor(session);
    this.requireApiAccess(user);
    return user;
  }
}

/** The session id in an Authorization header: `Bearer <sid>` or the older `OAuth <sid>`. */
export function sessionIdFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}
