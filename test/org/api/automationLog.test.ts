import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../../support/testOrg.ts';

type Entry = { kind: string; name: string; outcome: string; recordId: string | null; affectedIds: string[]; rolledBack: boolean; detail: string };
type Log = { totalSize: number; entries: Entry[] };

/** The local-only automation log resource: what ran, on which record, with which outcome. */
describe('GET /golive/automation-log', () => {
  let org: TestOrg;
  let conn: Connection;

  before(async () => {
    org = await startTestOrg();
    const admin = defaultOrgUser('admin');
    conn = await org.login(admin.username, admin.password);
  });
  after(() => org.close());

  const log = (query: string) => conn.request<Log>(`/services/data/v60.0/golive/automation-log?${query}`);

  it('lists the flow that fired for a record, with the records it wrote', async () => {
    const { id } = await conn.sobject('Lead').create({ LastName: 'Hotter', Company: 'Log Co', Rating: 'Hot' });
    const res = await log(`recordId=${id}&kind=flow`);
    const fired = res.entries.filter((e) => e.outcome === 'fired');
    assert.equal(fired.length, 1, JSON.stringify(res.entries));
    assert.equal(fired[0].name, 'Hot_Lead_Call_Task');
    const [taskId] = fired[0].affectedIds;
    assert.match(taskId, /^00T/);
    const byTask = await log(`recordId=${taskId}`);
    assert.ok(byTask.entries.some((e) => e.name === 'Hot_Lead_Call_Task'), 'entries are found by the records they wrote too');
  });

  it('keeps the entry of a rule that blocked a save, marked rolled back', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await assert.rejects(conn.sobject('Lead').create({ LastName: 'Bad Phone', Company: 'Log Co', Phone: '12345' }));
    const res = await log(`kind=validationRule&since=${encodeURIComponent(since)}`);
    const blocked = res.entries.find((e) => e.outcome === 'blocked' && e.name === 'Phone_Format');
    assert.ok(blocked, JSON.stringify(res.entries));
    assert.equal(blocked.rolledBack, true);
  });

  it('refuses bad filters with a clear error', async () => {
    await assert.rejects(log('kind=trigger'), (e: { errorCode?: string; message: string }) => e.errorCode === 'INVALID_INPUT' && /kind must be one of/.test(e.message));
    await assert.rejects(log('recordId=nope'), (e: { errorCode?: string }) => e.errorCode === 'MALFORMED_ID');
    await assert.rejects(log('limit=0'), (e: { errorCode?: string }) => e.errorCode === 'INVALID_INPUT');
  });
});
