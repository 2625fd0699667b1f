import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Connection } from 'jsforce';
import { MAIN, removeProjects, xml } from '../metadata/sfdxProject.ts';
import {
  errorCodeOf,
  names,
  PASSWORD,
  permissionSetFile,
  profileFile,
  sharingModelFile,
  startSecurityOrg,
  textField,
  type SecurityOrg,
} from './securityOrg.ts';

/**
 * Object, field and system permissions on a purpose-made org: the union of a profile and its
 * user's permission sets, View All / Modify All, the built-in profiles' defaults and a metadata
 * file laid over them, field-level security defaults, and "API Enabled".
 */

const files: Record<string, string> = {
  ...sharingModelFile('Lead', 'Private'),
  ...sharingModelFile('Opportunity', 'Private'),
  ...textField('Lead', 'Score__c'),
  ...textField('Lead', 'Region__c'),
  ...profileFile('Rep', {
    objects: { Lead: 'CRE', Account: 'CRE', Contact: 'CRE', Opportunity: 'CRE' },
    // Phone is hidden; Company is required, which field-level security cannot hide.
    fields: { 'Lead.Region__c': 'E', 'Lead.Phone': '', 'Lead.Company': '' },
    user: { ApiEnabled: true },
  }),
  ...profileFile('No_Api', { objects: { Lead: 'R' } }),
  ...permissionSetFile('Scorer', { fields: { 'Lead.Score__c': 'E' }, user: { ConvertLeads: true } }),
  // An entry that grants nothing: a permission set never takes away what the profile gives.
  ...permissionSetFile('Denier', { fields: { 'Lead.Region__c': '' }, objects: { Lead: '' } }),
  ...permissionSetFile('Lead_Viewer', { objects: { Lead: 'RV' } }),
  ...permissionSetFile('Opp_Fixer', { objects: { Opportunity: 'RM' } }),
  ...permissionSetFile('Api_User', { user: { ApiEnabled: true } }),
  // Laid over the built-in Read Only profile's defaults: leads become creatable, nothing else changes.
  [`${MAIN}/profiles/ReadOnly.profile-meta.xml`]: xml(
    'Profile',
    '<custom>false</custom><objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Lead</object><viewAllRecords>false</viewAllRecords></objectPermissions><userLicense>Salesforce</userLicense>',
  ),
};

let sec: SecurityOrg;
let admin: Connection;

async function create(object: string, fields: Record<string, unknown>): Promise<string> {
  const res = await admin.sobject(object).create(fields);
  assert.equal(res.success, true, JSON.stringify(res));
  return res.id!;
}

const fieldNames = async (conn: Connection, object: string) => (await conn.sobject(object).describe()).fields.map((f) => f.name);

describe('permissions on a purpose-made org', () => {
  before(async () => {
    sec = await startSecurityOrg(files, [
      { name: 'admin', profile: 'System Administrator' },
      { name: 'rep', profile: 'Rep' },
      { name: 'scorer', profile: 'Rep', permissionSets: ['Scorer', 'Denier'] },
      { name: 'viewer', profile: 'Rep', permissionSets: ['Lead_Viewer'] },
      { name: 'fixer', profile: 'Rep', permissionSets: ['Opp_Fixer'] },
      { name: 'noapi', profile: 'No_Api' },
      { name: 'apiviaset', profile: 'No_Api', permissionSets: ['Api_User'] },
      { name: 'standard', profile: 'Standard User' },
      { name: 'reader', profile: 'Read Only' },
    ]);
    admin = await sec.as('admin');
  });
  after(async () => {
    await sec?.close();
    removeProjects();
  });

  it('loads without problems', () => {
    assert.deepEqual(sec.org.org.definition.problems, []);
  });

  it('a permission set adds field access the profile lacks, and never removes any', async () => {
    const rep = await sec.as('rep');
    const scorer = await sec.as('scorer');
    assert.equal((await fieldNames(rep, 'Lead')).includes('Score__c'), false);
    assert.equal(await errorCodeOf(rep.query('SELECT Score__c FROM Lead')), 'INVALID_FIELD');
    const score = (await scorer.sobject('Lead').describe()).fields.find((f) => f.name === 'Score__c');
    assert.deepEqual([score?.createable, score?.updateable], [true, true]);
    const lead = await scorer.sobject('Lead').create({ LastName: 'Scored', Company: 'Score Co', Score__c: 'A', Region__c: 'East' });
    assert.equal(lead.success, true, JSON.stringify(lead));
    assert.deepEqual((await scorer.query<{ Score__c: string; Region__c: string }>(`SELECT Score__c, Region__c FROM Lead WHERE Id = '${lead.id}'`)).records.map((r) => [r.Score__c, r.Region__c]), [['A', 'East']]);
  });

  it('a system permission from a permission set: ConvertLeads', async () => {
    const rep = await sec.as('rep');
    const scorer = await sec.as('scorer');
    const convert = async (conn: Connection) => {
      const lead = await conn.sobject('Lead').create({ LastName: 'Convertible', Company: `Convert ${Date.now()}-${Math.random()}` });
      const res = await conn.soap.convertLead({ leadId: lead.id!, convertedStatus: 'Closed - Converted' });
      assert.ok(!Array.isArray(res));
      return res.success ? 'converted' : res.errors[0]?.statusCode;
    };
    assert.equal(await convert(rep), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal(await convert(scorer), 'converted');
  });

  it('field-level security: standard fields visible unless an entry hides them; required fields always visible', async () => {
    const rep = await sec.as('rep');
    const standard = await sec.as('standard');
    const repFields = await fieldNames(rep, 'Lead');
    assert.equal(repFields.includes('Phone'), false);
    assert.equal(repFields.includes('Company'), true);
    assert.equal(await errorCodeOf(rep.query('SELECT Phone FROM Lead')), 'INVALID_FIELD');
    const standardFields = await fieldNames(standard, 'Lead');
    assert.equal(standardFields.includes('Phone'), true);
    // Custom fields reach a standard profile only through a grant; the administrator sees them all.
    assert.equal(standardFields.includes('Score__c'), false);
    assert.equal((await fieldNames(admin, 'Lead')).includes('Score__c'), true);
  });

  it('View All reads every record of the object but edits none it could not edit before', async () => {
    const adminLead = await create('Lead', { LastName: 'Admin Owned', Company: 'View Co' });
    const viewer = await sec.as('viewer');
    assert.deepEqual(await names(viewer, `SELECT Name FROM Lead WHERE Id = '${adminLead}'`), ['Admin Owned']);
    assert.deepEqual(await names(await sec.as('rep'), `SELECT Name FROM Lead WHERE Id = '${adminLead}'`), []);
    assert.equal(await errorCodeOf(viewer.sobject('Lead').update({ Id: adminLead, Title: 'x' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('Modify All edits and deletes every record of the object, even without Delete on the profile', async () => {
    const opp = () => create('Opportunity', { Name: `Admin Deal ${Date.now()}`, StageName: 'Prospecting', CloseDate: '2031-06-30' });
    const fixer = await sec.as('fixer');
    const rep = await sec.as('rep');
    const first = await opp();
    assert.equal((await fixer.sobject('Opportunity').update({ Id: first, NextStep: 'Fixed' })).success, true);
    assert.equal((await fixer.sobject('Opportunity').describe()).deletable, true);
    assert.equal((await fixer.sobject('Opportunity').destroy(first)).success, true);
    const own = await rep.sobject('Opportunity').create({ Name: 'Rep Deal', StageName: 'Prospecting', CloseDate: '2031-06-30' });
    assert.equal(await errorCodeOf(rep.sobject('Opportunity').destroy(own.id!)), 'INSUFFICIENT_ACCESS_OR_READONLY');
    assert.equal((await rep.sobject('Opportunity').describe()).deletable, false);
  });

  it('built-in profiles: Standard User works its own records; Read Only reads, plus what its metadata file adds', async () => {
    const standard = await sec.as('standard');
    const lead = await standard.sobject('Lead').create({ LastName: 'Standard', Company: 'Std Co' });
    assert.equal((await standard.sobject('Lead').destroy(lead.id!)).success, true);

    const reader = await sec.as('reader');
    const account = await create('Account', { Name: 'Public Account' });
    assert.deepEqual(await names(reader, `SELECT Name FROM Account WHERE Id = '${account}'`), ['Public Account'], 'Account stays Public Read/Write');
    assert.equal(await errorCodeOf(reader.sobject('Account').update({ Id: account, Phone: '1' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
    const d = await reader.sobject('Account').describe();
    assert.deepEqual([d.createable, d.updateable, d.deletable], [false, false, false]);
    const created = await reader.sobject('Lead').create({ LastName: 'Read Only Lead', Company: 'RO Co' });
    assert.equal(created.success, true, 'the ReadOnly.profile-meta.xml file grants lead creation');
    assert.equal(await errorCodeOf(reader.sobject('Task').create({ Subject: 'x', Status: 'Not Started', Priority: 'Normal' })), 'INSUFFICIENT_ACCESS_OR_READONLY');
  });

  it('without API Enabled: SOAP login refused; an OAuth login works but its API calls are refused', async () => {
    // jsforce's SOAP login reports the fault string only.
    await assert.rejects(sec.org.login('noapi@sec.test', PASSWORD), { message: 'API_CURRENTLY_DISABLED: API is disabled for this User' });
    const conn = new Connection({ oauth2: { clientId: 'sec-key', clientSecret: 'sec-secret', loginUrl: sec.org.url }, version: '60.0' });
    await conn.login('noapi@sec.test', PASSWORD);
    const res = await fetch(`${sec.org.url}/services/data/v60.0/query?q=${encodeURIComponent('SELECT Id FROM Lead')}`, { headers: { Authorization: `Bearer ${conn.accessToken}` } });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), [{ message: 'API is disabled for this User', errorCode: 'API_CURRENTLY_DISABLED' }]);
    // The same profile with "API Enabled" from a permission set.
    const granted = await sec.as('apiviaset');
    assert.equal((await granted.query('SELECT Id FROM Lead')).totalSize, 0);
  });
});
