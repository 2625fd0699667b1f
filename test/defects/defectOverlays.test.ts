import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { listDefects } from '../../src/harness/defects/defectCatalogue.ts';
import { materializeDefect } from '../../src/harness/defects/materializeDefect.ts';
import { layoutOf } from '../org/layouts/layoutSupport.ts';
import { defaultOrgUser, startTestOrg, type TestOrg } from '../support/testOrg.ts';

/**
 * Each defect of the catalogue really changes what the org does, seen through the API the way a
 * scenario would see it: the broken behaviour shows on the defect's org and not on the correct
 * org. A defect whose overlay changed nothing observable would make the catalogue run pass for
 * the wrong reason (the scenario failing on something else), so this is checked first, fast and
 * in-process (one org of ~0.3 s per defect).
 */

const CONVERTED = 'Closed - Converted';
let seq = 0;
const unique = (prefix: string) => `${prefix} ${process.pid}-${++seq}`;
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A persona's API connection on one org, logged in once. */
function personas(org: TestOrg): (persona: string) => Promise<Connection> {
  const cache = new Map<string, Promise<Connection>>();
  return (persona) => {
    if (!cache.has(persona)) {
      const { username, password } = defaultOrgUser(persona);
      cache.set(persona, org.login(username, password));
    }
    return cache.get(persona)!;
  };
}

/** Whether the org let the call through: a refusal is an exception or success=false. */
async function allowed(call: PromiseLike<unknown>): Promise<boolean> {
  try {
    const result = (await call) as { success?: unknown } | undefined;
    return result?.success === undefined || String(result.success) === 'true';
  } catch {
    return false;
  }
}

async function idOf(conn: Connection, soql: string): Promise<string> {
  const res = await conn.query<{ Id: string }>(soql);
  assert.equal(res.totalSize, 1, soql);
  return res.records[0].Id;
}

async function createLead(conn: Connection, fields: Record<string, unknown>): Promise<string> {
  const res = await conn.sobject('Lead').create({ LastName: unique('Defect'), Company: unique('Defect Co'), LeadSource: 'Other', ...fields });
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

async function ownerOf(conn: Connection, leadId: string): Promise<string> {
  return (await conn.query<{ OwnerId: string }>(`SELECT OwnerId FROM Lead WHERE Id = '${leadId}'`)).records[0].OwnerId;
}

interface Proof {
  /** What shows on the defect's org, in a sentence. */
  shows: string;
  /** True when the org shows the defect's behaviour. */
  isBroken(org: TestOrg, as: (persona: string) => Promise<Connection>): Promise<boolean>;
}

const PROOFS: Record<string, Proof> = {
  'commission-visible-to-reps': {
    shows: "a rep's describe of Opportunity has Commission__c",
    isBroken: async (_org, as) => (await (await as('junior-rep')).sobject('Opportunity').describe()).fields.some((f) => f.name === 'Commission__c'),
  },
  'leads-public-read-write': {
    shows: "the East rep can read and edit the West rep's lead Ellen Ripley",
    isBroken: async (_org, as) => {
      const rep = await as('junior-rep');
      const visible = await rep.query<{ Id: string }>("SELECT Id FROM Lead WHERE LastName = 'Ripley'");
      return visible.totalSize === 1 && (await allowed(rep.sobject('Lead').update({ Id: visible.records[0].Id, Title: 'Seen by the East rep' })));
    },
  },
  'opportunities-public-read-only': {
    shows: "the East rep can read the West rep's opportunity Acme - Anvil Fleet Renewal",
    isBroken: async (_org, as) => (await (await as('junior-rep')).query("SELECT Id FROM Opportunity WHERE Name = 'Acme - Anvil Fleet Renewal'")).totalSize === 1,
  },
  'reps-can-delete-opportunities': {
    shows: 'a rep deletes an opportunity of their own',
    isBroken: async (_org, as) => {
      const rep = await as('junior-rep');
      const opp = await rep.sobject('Opportunity').create({ Name: unique('Deletable'), StageName: 'Prospecting', CloseDate: daysFromToday(30) });
      return allowed(rep.sobject('Opportunity').destroy(opp.id!));
    },
  },
  'marketing-can-convert-leads': {
    shows: 'marketing converts a lead it created',
    isBroken: async (_org, as) => {
      const marketing = await as('marketing');
      const leadId = await createLead(marketing, {});
      return allowed(marketing.soap.convertLead({ leadId, convertedStatus: CONVERTED, doNotCreateOpportunity: true }));
    },
  },
  'marketing-reads-opportunities': {
    shows: 'marketing queries opportunities',
    isBroken: async (_org, as) => (await allowed((await as('marketing')).query('SELECT Id, Amount FROM Opportunity'))),
  },
  'compliance-modifies-all-leads': {
    shows: "compliance edits a rep's lead",
    isBroken: async (_org, as) => {
      const compliance = await as('compliance');
      const scully = await idOf(compliance, "SELECT Id FROM Lead WHERE LastName = 'Scully'");
      return allowed(compliance.sobject('Lead').update({ Id: scully, Title: 'Changed by compliance' }));
    },
  },
  'hot-lead-flow-left-in-draft': {
    shows: 'a lead created Hot gets no "Call hot lead" task',
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const leadId = await createLead(admin, { Rating: 'Hot' });
      return (await admin.query(`SELECT Id FROM Task WHERE WhoId = '${leadId}' AND Subject = 'Call hot lead'`)).totalSize === 0;
    },
  },
  'amount-rule-removed': {
    shows: 'an opportunity without an Amount is saved at Proposal/Price Quote',
    isBroken: async (_org, as) =>
      allowed((await as('admin')).sobject('Opportunity').create({ Name: unique('No Amount'), StageName: 'Proposal/Price Quote', CloseDate: daysFromToday(30) })),
  },
  'close-date-rule-inactive': {
    shows: 'an open opportunity is saved with a close date ten days ago',
    isBroken: async (_org, as) => allowed((await as('admin')).sobject('Opportunity').create({ Name: unique('Past Close'), StageName: 'Prospecting', CloseDate: daysFromToday(-10) })),
  },
  'closed-won-flow-deactivated': {
    shows: 'a Closed Won opportunity leaves its Prospect account a Prospect',
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const account = await admin.sobject('Account').create({ Name: unique('Won Co'), Type: 'Prospect' });
      await admin.sobject('Opportunity').create({ Name: unique('Won'), AccountId: account.id, StageName: 'Closed Won', Amount: 1000, CloseDate: daysFromToday(0) });
      const type = (await admin.query<{ Type: string | null }>(`SELECT Type FROM Account WHERE Id = '${account.id}'`)).records[0].Type;
      return type !== 'Customer - Direct';
    },
  },
  'duplicate-lead-rule-inactive': {
    shows: 'a second open lead with the same email is saved',
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const email = `${unique('dup').replace(/\W+/g, '.')}@defects.example`;
      await createLead(admin, { Email: email });
      return allowed(admin.sobject('Lead').create({ LastName: unique('Dup'), Company: 'Dup Co', LeadSource: 'Other', Email: email }));
    },
  },
  'east-west-reps-swapped': {
    shows: 'a web lead from NY goes to the West rep, not the East rep',
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const east = await idOf(admin, `SELECT Id FROM User WHERE Username = '${defaultOrgUser('junior-rep').username}'`);
      return (await ownerOf(admin, await createLead(admin, { LeadSource: 'Web', State: 'NY' }))) !== east;
    },
  },
  'web-leads-to-marketing-queue': {
    shows: 'a web lead from TX does not reach the Unassigned Leads queue',
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const queue = await idOf(admin, "SELECT Id FROM Group WHERE DeveloperName = 'Unassigned_Leads' AND Type = 'Queue'");
      return (await ownerOf(admin, await createLead(admin, { LeadSource: 'Web', State: 'TX' }))) !== queue;
    },
  },
  'region-not-carried-on-convert': {
    shows: "converting an East lead gives an account without Region",
    isBroken: async (_org, as) => {
      const admin = await as('admin');
      const leadId = await createLead(admin, { Region__c: 'East' });
      const result = await admin.soap.convertLead({ leadId, convertedStatus: CONVERTED, doNotCreateOpportunity: true });
      assert.ok(!Array.isArray(result) && String(result.success) === 'true', JSON.stringify(result));
      const account = await admin.query<{ Region__c: string | null }>(`SELECT Region__c FROM Account WHERE Id = '${result.accountId}'`);
      return account.records[0].Region__c !== 'East';
    },
  },
  'phone-format-rule-removed': {
    shows: 'a lead with the phone 4155550123 is saved',
    isBroken: async (_org, as) => allowed((await as('admin')).sobject('Lead').create({ LastName: unique('Phone'), Company: 'Phone Co', LeadSource: 'Other', Phone: '4155550123' })),
  },
  'email-missing-from-lead-layout': {
    shows: "a rep's new-lead form has no Email field",
    isBroken: async (org) => {
      const form = layoutOf(org.org, defaultOrgUser('junior-rep').username, 'Lead', 'create');
      return !form.sections.some((s) => s.items.some((i) => i.field.name === 'Email'));
    },
  },
};

describe('every defect changes what the org does', () => {
  const defects = listDefects();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'golive-defect-overlays-'));
  let correct: TestOrg;
  let asOnCorrect: (persona: string) => Promise<Connection>;

  before(async () => {
    correct = await startTestOrg();
    asOnCorrect = personas(correct);
  });
  after(async () => {
    await correct?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('has a proof for every defect in the catalogue, and none for a defect it lacks', () => {
    assert.deepEqual(Object.keys(PROOFS).sort(), defects.map((d) => d.slug).sort());
  });

  for (const defect of defects) {
    const proof = PROOFS[defect.slug];
    if (!proof) continue;
    it(`${defect.slug} (${defect.breaks}): ${proof.shows}, and the correct org does not`, async () => {
      const { dir } = materializeDefect(defect.slug, path.join(tmp, defect.slug));
      const org = await startTestOrg({ metadataDir: dir });
      try {
        assert.deepEqual(org.org.definition.problems, [], 'the defect loads with no metadata problem');
        assert.equal(await proof.isBroken(org, personas(org)), true, `on ${defect.slug}: ${proof.shows}`);
      } finally {
        await org.close();
      }
      assert.equal(await proof.isBroken(correct, asOnCorrect), false, `on the correct org it must not be so that ${proof.shows}`);
    });
  }
});
