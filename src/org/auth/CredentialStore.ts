import type Database from 'better-sqlite3';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * Local-org passwords, beside the User table rather than in it: the User sObject must look like
 * Salesforce's (no password field is ever queryable there).
 */
export class CredentialStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS "_golive_credential" (userId TEXT PRIMARY KEY, passwordHash TEXT NOT NULL)`);
  }

  setHash(userId: string, passwordHash: string): void {
    this.db
      .prepare(`INSERT INTO "_golive_credential" (userId, passwordHash) VALUES (?, ?) ON CONFLICT(userId) DO UPDATE SET passwordHash = excluded.passwordHash`)
      .run(userId, passwordHash);
  }

  setPassword(userId: string, plain: string): void {
    this.setHash(userId, hashPassword(plain));
  }

  verify(userId: string, plain: string): boolean {
    const row = this.db.prepare(`SELECT passwordHash FROM "_golive_credential" WHERE userId = ?`).get(userId) as
      | { passwordHash: string }
      | undefined;
    return row !== undefined && verifyPassword(plain, row.passwordHash);
  }
}
