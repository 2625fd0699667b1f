import type Database from 'better-sqlite3';

export interface RecentItem {
  objectName: string;
  recordId: string;
  /** epoch ms */
  viewedAt: number;
}

/** Lightning keeps a bounded most-recently-used list per user and object. */
const KEEP_PER_OBJECT = 200;

/**
 * "Recently viewed" per user: what the Recently Viewed list views and the home page's Recent
 * Records show. Kept in SQLite beside the sessions, so a restarted org keeps it. It stores ids
 * only: pages read the records back through QueryService as the user, so a record the user can
 * no longer see silently drops out.
 *
 * Record pages call `recordView` whenever a user opens a record.
 */
export class RecentItems {
  /** Views in the same millisecond (tests, scripts) must still be ordered: times are made strictly increasing. */
  private lastViewedAt = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS "_golive_recent_item" (
      userId TEXT NOT NULL, objectName TEXT NOT NULL, recordId TEXT NOT NULL, viewedAt INTEGER NOT NULL,
      PRIMARY KEY (userId, recordId))`);
    db.exec(`CREATE INDEX IF NOT EXISTS "_golive_recent_item_by_user" ON "_golive_recent_item" (userId, objectName, viewedAt)`);
  }

  recordView(userId: string, objectName: string, recordId: string): void {
    const t = Math.max(this.now().getTime(), this.lastViewedAt + 1);
    this.lastViewedAt = t;
    this.db
      .prepare(
        `INSERT INTO "_golive_recent_item" (userId, objectName, recordId, viewedAt) VALUES (?, ?, ?, ?)
         ON CONFLICT (userId, recordId) DO UPDATE SET viewedAt = excluded.viewedAt`,
      )
      .run(userId, objectName, recordId, t);
    this.db
      .prepare(
        `DELETE FROM "_golive_recent_item" WHERE userId = ? AND objectName = ? AND recordId NOT IN (
           SELECT recordId FROM "_golive_recent_item" WHERE userId = ? AND objectName = ? ORDER BY viewedAt DESC LIMIT ?)`,
      )
      .run(userId, objectName, userId, objectName, KEEP_PER_OBJECT);
  }

  /** Most recent first; one object's items, or every object's. */
  list(userId: string, objectName?: string, limit = KEEP_PER_OBJECT): RecentItem[] {
    const rows = objectName
      ? this.db
          .prepare(`SELECT objectName, recordId, viewedAt FROM "_golive_recent_item" WHERE userId = ? AND objectName = ? ORDER BY viewedAt DESC LIMIT ?`)
          .all(userId, objectName, limit)
      : this.db.prepare(`SELECT objectName, recordId, viewedAt FROM "_golive_recent_item" WHERE userId = ? ORDER BY viewedAt DESC LIMIT ?`).all(userId, limit);
    return rows as RecentItem[];
  }
}
