import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import type { SharingRulesMetadata } from '../../../src/org/security/sharingRulesMetadata.ts';
import { MAIN, adminUser, makeProject, removeProjects, usersJson, xml } from '../metadata/sfdxProject.ts';

/** The sharing rules reader: what it makes of each rule, and what it reports instead of emulating. */

after(removeProjects);

const rulesFile = (object: string, body: string) => ({ [`${MAIN}/sharingRules/${object}.sharingRules-meta.xml`]: xml('SharingRules', body) });

const criteria = (name: string, inner: string, sharedTo = '<role>Rep</role>') =>
  `<sharingCriteriaRules><fullName>${name}</fullName><accessLevel>Read</accessLevel><label>${name}</label><sharedTo>${sharedTo}</sharedTo>${inner}</sharingCriteriaRules>`;

const item = (field: string, operation: string, value: string) => `<criteriaItems><field>${field}</field><operation>${operation}</operation><value>${value}</value></criteriaItems>`;

function load(files: Record<string, string>) {
  const def = loadOrgMetadata(
    makeProject({
      [`${MAIN}/roles/Rep.role-meta.xml`]: xml('Role', '<name>Rep</name>'),
      [`${MAIN}/groups/Helpers.group-meta.xml`]: xml('Group', '<name>Helpers</name>'),
      'golive/users.json': usersJson([adminUser]),
      ...files,
    }),
  );
  return { rules: (def.automation.sharingRules ?? new Map()) as SharingRulesMetadata, problems: def.problems };
}

describe('sharing rules metadata', () => {
  it('reads owner and criteria rules with their principals, levels, items and filter', () => {
    const { rules, problems } = load(
      rulesFile(
        'Lead',
        criteria('Hot', `<booleanFilter>1 OR 2</booleanFilter>${item('rating', 'equals', 'Hot')}${item('Company', 'startsWith', 'Big')}`, '<group>Helpers</group>') +
          '<sharingOwnerRules><fullName>Reps_To_All</fullName><accessLevel>Edit</accessLevel><label>Reps</label><sharedTo><allInternalUsers></allInternalUsers></sharedTo><sharedFrom><roleAndSubordinatesInternal>Rep</roleAndSubordinatesInternal></sharedFrom></sharingOwnerRules>',
      ),
    );
    assert.deepEqual(problems, []);
    const lead = rules.get('Lead')!;
    assert.deepEqual(
      lead.map((r) => ({ ...r, file: undefined })),
      [
        {
          kind: 'owner', name: 'Reps_To_All', label: 'Reps', accessLevel: 'Edit', file: undefined,
          sharedTo: { kind: 'allInternalUsers' }, sharedFrom: { kind: 'roleAndSubordinates', name: 'Rep' },
        },
        {
          kind: 'criteria', name: 'Hot', label: 'Hot', accessLevel: 'Read', file: undefined, sharedTo: { kind: 'group', name: 'Helpers' }, booleanFilter: '1 OR 2',
          items: [{ field: 'Rating', operation: 'equals', value: 'Hot' }, { field: 'Company', operation: 'startsWith', value: 'Big' }],
        },
      ],
    );
  });

  it('reports each rule it cannot emulate, with the reason, and leaves it out', () => {
    const { rules, problems } = load({
      ...rulesFile(
        'Lead',
        [
          criteria('Ghost_Role', item('Rating', 'equals', 'Hot'), '<role>Nobody</role>'),
          criteria('Portal', item('Rating', 'equals', 'Hot'), '<portalRole>Partner</portalRole>'),
          criteria('No_Field', item('Flavour__c', 'equals', 'Mint')),
          criteria('Bad_Filter', `<booleanFilter>1 AND 4</booleanFilter>${item('Rating', 'equals', 'Hot')}`),
          criteria('Broken_Filter', `<booleanFilter>(1 OR</booleanFilter>${item('Rating', 'equals', 'Hot')}`),
          criteria('Geo', item('Rating', 'within', 'Hot')),
          criteria('Not_Boolean', item('DoNotCall', 'equals', 'maybe')),
          criteria('Ok', item('Rating', 'notEqual', '')),
          '<sharingTerritoryRules><fullName>Territory</fullName><accessLevel>Read</accessLevel><label>T</label></sharingTerritoryRules>',
        ].join(''),
      ),
      ...rulesFile('Unicorn__c', criteria('Nope', item('Name', 'equals', 'x'))),
    });
    assert.deepEqual(rules.get('Lead')!.map((r) => r.name), ['Ok']);
    const messages = problems.map((p) => p.message);
    const expect = [
      /Lead\.Ghost_Role: <sharedTo> names the role 'Nobody', which is not in the project/,
      /Lead\.Portal: <sharedTo><portalRole> has no equivalent in the local org/,
      /Lead\.No_Field: Lead has no field Flavour__c/,
      /Lead\.Bad_Filter: booleanFilter '1 AND 4': there is no criteria item 4/,
      /Lead\.Broken_Filter: booleanFilter '\(1 OR': it ends too early/,
      /Lead\.Geo: the criteria operation 'within' is not emulated/,
      /Lead\.Not_Boolean: DoNotCall is a checkbox/,
      /Territory-based sharing rules are not emulated: Territory is ignored/,
      /Sharing rules for Unicorn__c, which the local org does not have, are ignored/,
    ];
    for (const re of expect) assert.equal(messages.filter((m) => re.test(m)).length, 1, `${re} in ${JSON.stringify(messages, null, 1)}`);
    assert.equal(problems.length, expect.length);
    assert.ok(problems.every((p) => p.file.endsWith('.sharingRules-meta.xml') && p.hint.length > 0 && (p.line ?? 0) > 0));
  });

  it('account rules carry what they give on the account\'s children; other objects\' rules may not', () => {
    const settings = '<accountSettings><caseAccessLevel>None</caseAccessLevel><contactAccessLevel>Edit</contactAccessLevel><opportunityAccessLevel>Read</opportunityAccessLevel></accountSettings>';
    const { rules, problems } = load({
      ...rulesFile('Account', criteria('Big', settings + item('Name', 'contains', 'big'))),
      ...rulesFile('Lead', criteria('Wrong_Place', settings + item('Rating', 'equals', 'Hot'))),
    });
    assert.deepEqual(rules.get('Account')![0].accountChildren, { opportunity: 'Read', contact: 'Edit' });
    assert.deepEqual(problems.map((p) => p.message), ['Sharing rule Lead.Wrong_Place: <accountSettings> belongs to account sharing rules; the rule is ignored.']);
  });
});
