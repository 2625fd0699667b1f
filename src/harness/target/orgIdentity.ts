import type { Connection } from 'jsforce';

export interface OrgIdentity {
  /** 15-character Organization id. */
  orgId: string;
  instanceUrl: string;
  isSandbox: boolean;
  /**
   * Organization.CreatedDate. It tells two incarnations of one org id apart: every fresh local
   * org database has the same org id and hands out the same record ids again, so a ledger from
   * another database must never be applied to this one.
   */
  createdDate: string;
}

const cache = new WeakMap<Connection, Promise<OrgIdentity>>();

/** The org a connection talks to, read once per connection from the Organization record. */
export function orgIdentity(conn: Connection): Promise<OrgIdentity> {
  let identity = cache.get(conn);
  if (!identity) {
    identity = conn.query<{ Id: string; IsSandbox: boolean; CreatedDate: string }>('SELECT Id, IsSandbox, CreatedDate FROM Organization').then((result) => {
      const org = result.records[0];
      if (!org) throw new Error(`the org at ${conn.instanceUrl} returned no Organization record; is the user allowed to read it?`);
      return { orgId: org.Id.slice(0, 15), instanceUrl: conn.instanceUrl, isSandbox: org.IsSandbox === true, createdDate: org.CreatedDate };
    });
    cache.set(conn, identity);
    identity.catch(() => cache.delete(conn));
  }
  return identity;
}
