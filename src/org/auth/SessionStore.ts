import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { toId15 } from '../ids/salesforceId.ts';

export interface Session {
  id: string;
  userId: string;
  orgId: string;
  /** epoch ms */
  createdAt: number;
  /** epoch ms of the last call that used it: Salesforce times sessions out on inactivity. */
  lastActivity: number;
  /** How the session was obtained, for the identity and audit trail. */
  loginType: 'soap' | 'oauth-password' | 'oauth-jwt' | 'ui' | 'frontdoor';
}

/**
 * API and UI sessions. Kept in SQLite so a restarted local org keeps the harness's saved
 * browser states valid, and mirrored in memory so validating the bearer token of every API call
 * costs no query. Activity is written back only when half the lifetime has passed, which is
 * also when Salesforce extends a session.
 */
export class SessionStore {
  private readonly cache = new Map<string, Session>();

  constructor(
    private readonly db: Database.Database,
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS "_golive_session" (
      id TEXT PRIMARY KEY, userId TEXT NOT NULL, orgId TEXT NOT NULL,
      createdAt INTEGER NOT NULL, lastActivity INTEGER NOT NULL, loginType TEXT NOT NULL)`);
  }

  get lifetimeSeconds(): number {
    return Math.round(this.lifetimeMs / 1000);
  }

  create(userId: string, orgId: string, loginType: Session['loginType']): Session {
    // Salesforce session ids start with the 15-character org id and a '!'; some tools rely on it.
    const id = `${toId15(orgId)}!${randomBytes(48).toString('base64url')}`;
    const t = this.now();
    const session: Session = { id, userId, orgId, createdAt: t, lastActivity: t, loginType };
    this.db
      .prepare(`INSERT INTO "_golive_session" (id, userId, orgId, createdAt, lastActivity, loginType) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(id, userId, orgId, t, t, loginType);
    this.cache.set(id, session);
    return session;
  }

  /** The live session for that id, its activity refreshed; undefined when unknown or timed out. */
  use(id: string): Session | undefined {
    let session = this.cache.get(id);
    if (!session) {
      session = this.db.prepare(`SELECT * FROM "_golive_session" WHERE id = ?`).get(id) as Session | undefined;
      if (!session) return undefined;
      this.cache.set(id, session);
    }
    const t = this.now();
    if (t - session.lastActivity >= this.lifetimeMs) {
      this.revoke(id);
      return undefined;
    }
    if (t - session.lastActivity >= this.lifetimeMs / 2) {
      session.lastActivity = t;
      this.db.prepare(`UPDATE "_golive_session" SET lastActivity = ? WHERE id = ?`).run(t, id);
    }
    return session;
  }

  revoke(id: string): boolean {
    this.cache.delete(id);
    return this.db.prepare(`DELETE FROM "_golive_session" WHERE id = ?`).run(id).changes > 0;
  }

  /** Ends every session at once: `org reset`, and tests of jsforce's automatic re-login. */
  revokeAll(): void {
    this.cache.clear();
    this.db.exec(`DELETE FROM "_golive_session"`);
  }
}
