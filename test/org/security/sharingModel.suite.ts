import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'jsforce';
import { MAIN, removeProjects, xml } from '../metadata/sfdxProject.ts';
import {
  errorCodeOf,
  names,
  profileFile,
  roleFile,
  sharingModelFile,
  sharingRulesFile,
  startSecurityOrg,
  textField,
  type SecurityOrg,
} from './securityOrg.ts';

/**
 * Record access on a purpose-made org: org-wide defaults, the role hierarchy, queues (through a
 * role and its subordinates, and through a public group whose members the admin changes over the
 * API), owner- and criteria-based sharing rules, Controlled by Parent, implicit sharing and
 * activities.
 *
 *   Boss ── East_Mgr ── East_Rep        West_Rep (under Boss)       loner, partner: no role
 */

const REP = { objects: { Lead: 'CRED', Account: 'CRE', Contact: 'CRE', Opportunity: 'CRE', Project__c: 'CRED', Milestone__c: 'CRED' }, fields: { 'Lead.Region__c': 'E' }, user: { ApiEnabled: true, EditTask: true } };

const files: Record<string, string> = {
  ...roleFile('Boss'),
  ...roleFile('East_Mgr', 'Boss'),
  ...roleFile('East_Rep', 'East_Mgr', '<opportunityAccessLevel>Read</opportunityAccessLevel>'),
  ...roleFile('West_Rep', 'Boss', '<opportunityAccessLevel>None</opportunityAccessLevel>'),
  [`${MAIN}/groups/Partners.group-meta.xml`]: xml('Group', '<doesIncludeBosses>false</doesIncludeBosses><name>Partners</name>'),
  [`${MAIN}/queues/East_Queue.queue-meta.xml`]: xml(
    'Queue',
    '<name>East Queue</name><queueMembers><roleAndSubordinates><roleAndSubordinate>East_Mgr</roleAndSubordinate></roleAndSubordinates></queueMembers><queueSobject><sobjectType>Lead</sobjectType></queueSobject>',
  ),
  [`${MAIN}/queues/Partner_Queue.queue-meta.xml`]: xml(
    'Queue',
    '<name>Partner Queue</name><queueMembers><publicGroups><publicGroup>Partners</publicGroup></publicGroups></queueMembers><queueSobject><sobjectType>Lead</sobjectType></queueSobject>',
  ),
  ...sharingModelFile('Lead', 'Private'),
  ...sharingModelFile('Account', 'Private'),
  ...sharingModelFile('Opportunity', 'Private'),
  ...textField('Lead', 'Region__c'),
  [`${MAIN}/objects/Project__c/Project__c.object-meta.xml`]: xml('CustomObject', '<label>Project</label><pluralLabel>Projects</pluralLabel><nameField><label>Project Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>Private</sharingModel>'),
  [`${MAIN}/objects/Milestone__c/Milestone__c.object-meta.xml`]: xml('CustomObject', '<label>Milestone</label><pluralLabel>Milestones</pluralLabel><nameField><label>Milestone Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ControlledByParent</sharingModel>'),
  [`${MAIN}/objects/Milestone__c/fields/Project__c.field-meta.xml`]: xml('CustomField', '<fullName>Project__c</fullName><label>Project</label><type>MasterDetail</type><referenceTo>Project__c</referenceTo><relationshipName>Milestones</relationshipName>'),
  ...sharingRulesFile(
    'Lead',
    `<sharingCriteriaRules>
        <fullName>North_Leads</fullName><accessLevel>Edit</accessLevel><label>North leads</label>
        <sharedTo><roleAndSubordinates>West_Rep</roleAndSubordinates></sharedTo>
        <criteriaItems><field>Region__c</field><operation>equals</operation><value>North,Far North</value></criteriaItems>
    </sharingCriteriaRules>
    <sharingCriteriaRules>
        <fullName>Partner_Leads</fullName><accessLevel>Read</accessLevel><label>Partner leads</label>
        <sharedTo><group>Partners</group></sharedTo>
        <booleanFilter>1 AND (2 OR 3)</booleanFilter>
        <criteriaItems><field>Region__c</field><operation>equals</operation><value>Partner</value></criteriaItems>
        <criteriaItems><field>Rating</field><operation>equals</operation><value>Hot</value></criteriaItems>
        <criteriaItems><field>Company</field><operation>startsWith</operation><value>partner</value></criteriaItems>
    </sharingCriteriaRules>
    <sharingOwnerRules>
        <fullName>East_To_West</fullName><accessLevel>Read</accessLevel><label>East to West</label>
        <sharedTo><role>West_Rep</role></sharedTo>
        <sharedFrom><role>East_Rep</role></sharedFrom>
    </sharingOwnerRules>`,
  ),
  ...sharingRulesFile(
    'Account',
    `<sharingOwnerRules>
        <fullName>West_Accounts_To_East</fullName><accessLevel>Read</accessLevel><label>West accounts to East</label>
        <accountSettings><caseAccessLevel>None</caseAccessLevel><contactAccessLevel>Read</contactAccessLevel><opportunityAccessLevel>Read</opportunityAccessLevel></accountSettings>
        <sharedTo><role>East_Rep</role></sharedTo>
        <sharedFrom><role>West_Rep</role></sharedFrom>
    </sharingOwnerRules>`,
  ),
  ...profileFile('Rep', REP),
};

const USERS = ['boss', 'eastMgr', 'eastRep', 'westRep', 'loner', 'partner'] as const;
type Who = (typeof USERS)[number];

let sec: SecurityOrg;
let admin: Connection;
const as = {} as Record<Who, Connection>;
const id = {} as Record<Who, string>;

async function create(object: string, fields: Record<string, unknown>): Promise<string> {
  const res = await admin.sobject(object).create(fields);
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

async function queueId(developerName: string): Promise<string> {
  return (await admin.query<{ Id: string }>(`SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = '${developerName}'`)).records[0].Id;
}

/** Who of USERS sees the rows of a query. */
async function seenBy(soql: string): Promise<Record<Who, string[]>> {
  const out = {} as Record<Who, string[]>;
  for (const u of USERS) out[u] = await names(as[u], soql);
  return out;
}

describe('sharing on a purpose-made org', () => {
  before(async () => {
    sec = await startSecurityOrg(files, [
      { name: 'admin', profile: 'System Administrator' },
      { name: 'boss', profile: 'Rep', role: 'Boss' },
      { name: 'eastMgr', profile: 'Rep', role: 'East_Mgr' },
      { name: 'eastRep', profile: 'Rep', role: 'East_Rep' },
      { name: 'westRep', profile: 'Rep', role: 'West_Rep' },
      { name: 'loner', profile: 'Rep' },
      { name: 'partner', profile: 'Rep' },
    ]);
    admin = await sec.as('admin');
    for (const u of USERS) {
      as[u] = await sec.as(u);
      id[u] = sec.userId(u);
    }
  });
  after(async () => {
    await sec?.close();
    removeProjects();
  });

  it('loads the project without problems but the master-detail note', () => {
    assert.deepEqual(
      sec.org.org.definition.problems.map((p) => p.element),
      ['type'],
      JSON.stringify(sec.org.org.definition.problems),
    );
  });

  it('Private: owners see their own; managers see and edit everything below them, not beside them', async () => {
    for (const u of [...USERS]) await create('Lead', { LastName: `H-${u}`, Company: 'Hierarchy', OwnerId: id[u] });
    const soql = "SELECT Name FROM Lead WHERE Company = 'Hierarchy'";
    assert.deepEqual(await seenBy(soql), {
      boss: ['H-boss', 'H-eastMgr', 'H-eastRep', 'H-westRep'],
      eastMgr: ['H-eastMgr', 'H-eastRep'],
      eastRep: ['H-eastRep'],
      // Plus what the East_To_West owner rule shares.
      westRep: ['H-eastRep', 'H-westRep'],
      loner: ['H-loner'],
      partner: ['H-partner'],
    });
    const eastLead = (await as.eastRep.query<{ Id: string }>(`${soql.replace('Name', 'Id')} AND OwnerId = '${id.eastRep}'`)).records[0].Id;
    assert.equal((await as.eastMgr.sobject('Lead').update({ Id: eastLead, Title: 'Coached' })).success, true);
    assert.equal((await as.boss.sobject('Lead').update({ Id: eastLead, Title: 'Seen by the boss' })).success, true);
    // Read-only sharing: the West rep reads the East rep's lead but cannot change it.
    assert.equal(((await as.westRep.sobject('Lead').retrieve(eastLead)) as { Title: string }).Title, 'Seen by the boss');
    assert.equal(await errorCodeOf(as.westRep.sobject('Lead').update({ Id: eastLead, Title: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    // Above the owner in the hierarchy: full access, delete included.
    assert.equal((await as.eastMgr.sobject('Lead').destroy(eastLead)).success, true);
  });

  it('criteria rules share Edit on matching records, to a role and those above it, and follow field changes', async () => {
    const lead = await create('Lead', { LastName: 'Criteria', Company: 'Far Co', Region__c: 'far north', OwnerId: id.loner });
    const soql = `SELECT Name FROM Lead WHERE Id = '${lead}'`;
    const seen = await seenBy(soql);
    assert.deepEqual(Object.entries(seen).filter(([, v]) => v.length > 0).map(([k]) => k).sort(), ['boss', 'loner', 'westRep'], 'values match case-insensitively, any of a list');
    assert.equal((await as.westRep.sobject('Lead').update({ Id: lead, Title: 'Edited via rule' })).success, true);
    // Edit through a rule is not full access: no delete.
    assert.equal(await errorCodeOf(as.westRep.sobject('Lead').destroy(lead)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await admin.sobject('Lead').update({ Id: lead, Region__c: 'South' })).success, true);
    assert.deepEqual(await names(as.westRep, soql), [], 'no longer matching: no longer shared');
    assert.equal(await errorCodeOf(as.westRep.sobject('Lead').retrieve(lead)), 'NOT_FOUND');
  });

  it('changing the owner takes full access: edit through a sharing rule is not enough', async () => {
    const lead = await create('Lead', { LastName: 'Transfer', Company: 'Move Co', Region__c: 'North', OwnerId: id.eastRep });
    assert.equal((await as.westRep.sobject('Lead').update({ Id: lead, Title: 'Edited' })).success, true, 'the North rule gives Edit');
    assert.equal(await errorCodeOf(as.westRep.sobject('Lead').update({ Id: lead, OwnerId: id.westRep })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await as.eastMgr.sobject('Lead').update({ Id: lead, OwnerId: id.loner })).success, true, 'above the owner: full access');
    assert.deepEqual(await names(as.eastRep, `SELECT Name FROM Lead WHERE Id = '${lead}'`), [], 'the former owner lost it');
  });

  it('a queue\'s records belong to its members: a role and its subordinates, and the managers above them', async () => {
    const lead = await create('Lead', { LastName: 'Queued', Company: 'Queue Co', OwnerId: await queueId('East_Queue') });
    const soql = `SELECT Name FROM Lead WHERE Id = '${lead}'`;
    const seen = await seenBy(soql);
    assert.deepEqual(Object.entries(seen).filter(([, v]) => v.length > 0).map(([k]) => k).sort(), ['boss', 'eastMgr', 'eastRep']);
    assert.equal((await as.eastRep.sobject('Lead').update({ Id: lead, Rating: 'Warm' })).success, true);
    assert.equal(await errorCodeOf(as.westRep.sobject('Lead').update({ Id: lead, Rating: 'Cold' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await as.eastRep.sobject('Lead').destroy(lead)).success, true, 'queue members have full access');
  });

  it('public group membership changed over the API takes effect at once; bosses stay out of a group that excludes them', async () => {
    const queued = await create('Lead', { LastName: 'Partner Queued', Company: 'PQ Co', OwnerId: await queueId('Partner_Queue') });
    const shared = await create('Lead', { LastName: 'Partner Shared', Company: 'Partner Works', Region__c: 'Partner', OwnerId: id.loner });
    // Region matches but neither Rating nor Company does: 1 AND (2 OR 3) is false.
    await create('Lead', { LastName: 'Partner Unmatched', Company: 'Other Co', Region__c: 'Partner', OwnerId: id.loner });
    const soql = "SELECT Name FROM Lead WHERE LastName LIKE 'Partner %'";
    assert.deepEqual(await names(as.partner, soql), []);

    const group = (await admin.query<{ Id: string }>("SELECT Id FROM Group WHERE Type = 'Regular' AND DeveloperName = 'Partners'")).records[0].Id;
    const membership = await create('GroupMember', { GroupId: group, UserOrGroupId: id.partner });
    await create('GroupMember', { GroupId: group, UserOrGroupId: id.eastRep });
    assert.deepEqual(await names(as.partner, soql), ['Partner Queued', 'Partner Shared']);
    assert.equal((await as.partner.sobject('Lead').update({ Id: queued, Rating: 'Hot' })).success, true);
    assert.equal(await errorCodeOf(as.partner.sobject('Lead').update({ Id: shared, Rating: 'Hot' })), 'INSUFFICIENT_ACCESS_OR_READONLY', 'the rule gives Read');
    assert.deepEqual(await names(as.eastRep, soql), ['Partner Queued', 'Partner Shared']);
    assert.deepEqual(await names(as.eastMgr, soql), [], 'Partners does not grant access using hierarchies');

    assert.equal((await admin.sobject('GroupMember').destroy(membership)).success, true);
    assert.deepEqual(await names(as.partner, soql), []);
  });

  it('Controlled by Parent: contacts follow their account; a contact without one is its owner\'s', async () => {
    const account = await create('Account', { Name: 'East Account', OwnerId: id.eastRep });
    const contact = await create('Contact', { LastName: 'On East Account', AccountId: account, OwnerId: id.loner });
    const orphan = await create('Contact', { LastName: 'Private Contact', OwnerId: id.eastRep });
    const soql = `SELECT Name FROM Contact WHERE Id IN ('${contact}', '${orphan}')`;
    const seen = await seenBy(soql);
    assert.deepEqual(seen.eastRep, ['On East Account', 'Private Contact']);
    assert.deepEqual(seen.eastMgr, ['On East Account', 'Private Contact']);
    assert.deepEqual(seen.loner, [], 'owning a contact of an account one cannot see gives nothing');
    assert.deepEqual(seen.westRep, []);
    assert.equal((await as.eastMgr.sobject('Contact').update({ Id: contact, Title: 'Buyer' })).success, true);
    assert.equal(await errorCodeOf(as.westRep.sobject('Contact').retrieve(contact)), 'NOT_FOUND');
  });

  it('implicit sharing: an opportunity\'s owner reads its account; the account owner\'s role opens others\' opportunities', async () => {
    const account = await create('Account', { Name: 'Implicit Account', OwnerId: id.eastRep });
    const opp = await create('Opportunity', { Name: 'West Deal', AccountId: account, StageName: 'Prospecting', CloseDate: '2031-01-31', OwnerId: id.westRep });
    assert.deepEqual(await names(as.westRep, `SELECT Name FROM Account WHERE Id = '${account}'`), ['Implicit Account']);
    assert.equal(await errorCodeOf(as.westRep.sobject('Account').update({ Id: account, Phone: '1' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    // East_Rep's "Opportunity Access" is Read: the account owner reads, cannot edit.
    assert.deepEqual(await names(as.eastRep, `SELECT Name FROM Opportunity WHERE Id = '${opp}'`), ['West Deal']);
    assert.equal(await errorCodeOf(as.eastRep.sobject('Opportunity').update({ Id: opp, NextStep: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.deepEqual(await names(as.eastMgr, `SELECT Name FROM Opportunity WHERE Id = '${opp}'`), ['West Deal'], 'and so does the manager above');
    assert.deepEqual(await names(as.loner, `SELECT Name FROM Opportunity WHERE Id = '${opp}'`), []);
  });

  it('an account sharing rule extends to the account\'s opportunities (accountSettings)', async () => {
    const account = await create('Account', { Name: 'West Account', OwnerId: id.westRep });
    const opp = await create('Opportunity', { Name: 'Loner Deal', AccountId: account, StageName: 'Prospecting', CloseDate: '2031-01-31', OwnerId: id.loner });
    assert.deepEqual(await names(as.eastRep, `SELECT Name FROM Account WHERE Id = '${account}'`), ['West Account']);
    assert.deepEqual(await names(as.eastRep, `SELECT Name FROM Opportunity WHERE Id = '${opp}'`), ['Loner Deal']);
    // West_Rep's own "Opportunity Access" is None: owning the account is not enough.
    assert.deepEqual(await names(as.westRep, `SELECT Name FROM Opportunity WHERE Id = '${opp}'`), []);
  });

  it('activities: the owner (and above) edit; whoever can read every linked record reads', async () => {
    const lead = await create('Lead', { LastName: 'Activity Lead', Company: 'Act Co', OwnerId: id.eastRep });
    const hidden = await create('Account', { Name: 'Loner Account', OwnerId: id.loner });
    const onLead = await create('Task', { Subject: 'Call the lead', Status: 'Not Started', Priority: 'Normal', WhoId: lead });
    const onBoth = await create('Task', { Subject: 'Call about the account', Status: 'Not Started', Priority: 'Normal', WhoId: lead, WhatId: hidden });
    const mine = await create('Task', { Subject: 'My own task', Status: 'Not Started', Priority: 'Normal', OwnerId: id.eastRep });
    const soql = `SELECT Subject FROM Task WHERE Id IN ('${onLead}', '${onBoth}', '${mine}')`;
    const subjects = async (who: Who) => (await as[who].query<{ Subject: string }>(soql)).records.map((r) => r.Subject).sort();
    // The task on the lead and on the loner's account needs both: the East rep cannot read the account.
    assert.deepEqual(await subjects('eastRep'), ['Call the lead', 'My own task']);
    assert.deepEqual(await subjects('eastMgr'), ['Call the lead', 'My own task']);
    // The owner rule lets the West rep read the East rep's lead, so the task on it too.
    assert.deepEqual(await subjects('westRep'), ['Call the lead']);
    assert.deepEqual(await subjects('loner'), [], 'owning a linked account is not enough when the lead is hidden');
    assert.equal(await errorCodeOf(as.eastRep.sobject('Task').update({ Id: onLead, Status: 'Completed' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await as.eastMgr.sobject('Task').update({ Id: mine, Priority: 'High' })).success, true);
  });

  it('a master-detail child takes its access from its master', async () => {
    const project = await create('Project__c', { Name: 'East Project', OwnerId: id.eastRep });
    const milestone = await create('Milestone__c', { Name: 'Kick-off', Project__c: project });
    const soql = `SELECT Name FROM Milestone__c WHERE Id = '${milestone}'`;
    const seen = await seenBy(soql);
    assert.deepEqual(Object.entries(seen).filter(([, v]) => v.length > 0).map(([k]) => k).sort(), ['boss', 'eastMgr', 'eastRep']);
    assert.equal((await as.eastRep.sobject('Milestone__c').update({ Id: milestone, Name: 'Kick-off done' })).success, true);
    const refused = as.westRep.sobject('Milestone__c').create({ Name: 'Sneaky', Project__c: project });
    assert.equal(await errorCodeOf(refused), 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
  });
});
