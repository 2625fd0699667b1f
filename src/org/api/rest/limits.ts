import type { FastifyInstance } from 'fastify';
import type { OrgServices } from '../OrgServices.ts';

/** Salesforce charges 2 KB of data storage per record, whatever its size. */
const KB_PER_RECORD = 2;
const DATA_STORAGE_MB = 5120;

/**
 * /limits with real figures where the local org has them (API calls made today, data storage
 * used by the records it holds) and Salesforce's Enterprise Edition ceilings.
 */
export function limitsRoutes(app: FastifyInstance, org: OrgServices): void {
  app.get('/limits', async () => {
    const records = org.store.schema.objects.reduce((n, o) => n + org.store.count(o), 0);
    const usedMb = Math.ceil((records * KB_PER_RECORD) / 1024);
    const calls = org.apiUsage.count();
    return {
      DailyApiRequests: { Max: org.apiUsage.max, Remaining: Math.max(0, org.apiUsage.max - calls) },
      DataStorageMB: { Max: DATA_STORAGE_MB, Remaining: DATA_STORAGE_MB - usedMb },
      FileStorageMB: { Max: DATA_STORAGE_MB, Remaining: DATA_STORAGE_MB },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      SingleEmail: { Max: 5000, Remaining: 5000 },
    };
  });
}
