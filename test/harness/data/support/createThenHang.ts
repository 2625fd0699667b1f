// A run that gets killed: logs in, creates records through the factory (so the ledger has them),
// reports their ids on stdout, then waits to be killed with SIGKILL by the test that spawned it.
// With a last argument 'exit' it ends instead: a run that finished without its teardown.
import { Connection } from 'jsforce';
import { RecordFactory } from '../../../../fixtures/data/RecordFactory.ts';

const [url, username, password, ledgerDir, runId, ending] = process.argv.slice(2);
const conn = new Connection({ loginUrl: url, instanceUrl: url, version: '60.0' });
await conn.login(username, password);
const records = await RecordFactory.open(conn, { runId, seed: 1234, ledgerDir });
const account = await records.account();
// Not Web: web leads go to a queue (assignment rule), and the call-task flow skips queue-owned leads.
const leads = await records.leads(5, { Rating: 'Hot', LeadSource: 'Phone Inquiry' });
const opportunity = await records.opportunity({ AccountId: account.Id });
console.log(JSON.stringify({ account: account.Id, leads: leads.map((l) => l.Id), opportunity: opportunity.Id }));
if (ending === 'exit') {
  records.close();
} else {
  // Keeps the event loop (and the open ledger file) alive until the kill.
  setInterval(() => {}, 60_000);
}
