import type { SqliteOrgStore } from '../src/org/persistence/SqliteOrgStore.ts';
import type { StoredRow } from '../src/org/persistence/OrgStore.ts';
import { formatDateTime } from '../src/org/schema/valueCodec.ts';

/**
 * Bench Leads: the fields a Lead gets in the benchmarks, and loading many of them fast, straight
 * into the store in stored form (no API, no automation), one transaction. Shared by
 * localOrg.bench.ts and ui.bench.ts so both measure the same rows.
 */

/** Lead i's fields in API form (no Id, Name or audit fields). */
export function benchLeadFields(i: number): Record<string, unknown> {
  return {
    FirstName: `First${i}`,
    LastName: `Last${i}`,
    Company: `Company ${i % 5000}`,
    Email: `lead${i}@example.com`,
    Status: 'Open - Not Contacted',
    LeadSource: i % 2 ? 'Web' : 'Phone Inquiry',
  };
}

export interface SeedLeadsOptions {
  count: number;
  /** Owner ids, given round-robin. */
  owners: readonly string[];
  /** CreatedDate of lead 0 (ms since epoch); lead i is created i minutes later. */
  t0: number;
  /** Fields beyond benchLeadFields (the UI bench adds a title and phones so every column renders). */
  extra?: (i: number) => Record<string, unknown>;
}

/** Inserts `count` Leads straight through the store; returns their ids in order. */
export function seedLeads(store: SqliteOrgStore, options: SeedLeadsOptions): string[] {
  const lead = store.schema.object('Lead');
  if (!lead) throw new Error('the org has no Lead object');
  const ids: string[] = [];
  store.transaction(() => {
    for (let i = 0; i < options.count; i++) {
      const created = formatDateTime(new Date(options.t0 + i * 60_000));
      const id = store.newId(lead);
      const owner = options.owners[i % options.owners.length];
      store.insert(lead, {
        ...(benchLeadFields(i) as StoredRow),
        ...((options.extra?.(i) ?? {}) as StoredRow),
        OwnerId: owner,
        Id: id,
        Name: `First${i} Last${i}`,
        IsDeleted: 0,
        IsConverted: 0,
        CreatedDate: created,
        LastModifiedDate: created,
        SystemModstamp: created,
        CreatedById: options.owners[0],
        LastModifiedById: options.owners[0],
      });
      ids.push(id);
    }
  });
  return ids;
}
