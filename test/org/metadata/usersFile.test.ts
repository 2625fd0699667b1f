import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import { MetadataError } from '../../../src/org/metadata/types.ts';
import { DEFAULT_LOCAL_PASSWORD } from '../../../src/org/metadata/usersFile.ts';
import { MAIN, adminUser, makeProject, removeProjects, usersJson, xml } from './sfdxProject.ts';

after(removeProjects);

const setup = {
  [`${MAIN}/roles/Boss.role-meta.xml`]: xml('Role', '<name>The Boss</name>'),
  [`${MAIN}/roles/Worker.role-meta.xml`]: xml('Role', '<name>Worker</name><parentRole>Boss</parentRole>'),
  [`${MAIN}/permissionsets/Extra.permissionset-meta.xml`]: xml('PermissionSet', '<label>Extra Powers</label>'),
  [`${MAIN}/profiles/Field Agent.profile-meta.xml`]: xml('Profile', '<custom>true</custom><userLicense>Salesforce</userLicense>'),
  [`${MAIN}/queues/Inbox.queue-meta.xml`]: xml('Queue', '<name>Shared Inbox</name><queueSobject><sobjectType>Lead</sobjectType></queueSobject>'),
};

const load = (users: unknown[], extra: Record<string, unknown> = {}) => loadOrgMetadata(makeProject({ ...setup, 'golive/users.json': usersJson(users, extra) }));

function usersError(users: unknown[], extra: Record<string, unknown> = {}): string {
  try {
    load(users, extra);
  } catch (err) {
    assert.ok(err instanceof MetadataError, String(err));
    assert.ok(!err.message.includes('\n'), `one line: ${err.message}`);
    assert.equal(err.file, 'golive/users.json');
    return err.message;
  }
  assert.fail('expected the users file to be rejected');
}

const rep = { username: 'rep@test.local', firstName: 'Rae', lastName: 'Rep', email: 'rep@test.local', profile: 'Field Agent' };

describe('golive/users.json', () => {
  it('resolves profiles, roles, managers, permission sets and queues by name or API name', () => {
    const def = load(
      [
        adminUser,
        { ...rep, role: 'the boss', permissionSets: ['Extra Powers'], queues: ['Inbox'], password: 'secret-1', title: 'Agent', mobilePhone: '+1 555 0100', isActive: false },
        { username: 'w@test.local', lastName: 'Worker', email: 'w@test.local', profile: 'Standard User', role: 'Worker', manager: 'REP@test.local', queues: ['Shared Inbox'] },
      ],
      { defaultPassword: 'house-pass', timeZoneSidKey: 'Europe/Paris' },
    );
    assert.equal(def.orgName, 'Test Org');
    const [admin, r, w] = def.users;
    assert.deepEqual([admin.persona, admin.profile, admin.password, admin.alias, admin.timeZoneSidKey, admin.isActive], ['admin', 'System Administrator', 'house-pass', 'admin', 'Europe/Paris', true]);
    assert.deepEqual([r.role, r.permissionSets, r.queues, r.password, r.title, r.mobilePhone, r.isActive, r.alias], ['Boss', ['Extra'], ['Inbox'], 'secret-1', 'Agent', '+1 555 0100', false, 'rrep']);
    assert.deepEqual([w.manager, w.role, w.queues], ['rep@test.local', 'Worker', ['Inbox']]);
    assert.deepEqual(def.queues[0].memberUsernames, ['rep@test.local', 'w@test.local']);
    assert.deepEqual(def.orgDefaults, { timeZoneSidKey: 'Europe/Paris', localeSidKey: 'en_US', languageLocaleKey: 'en_US' });
  });

  it('defines a single local admin when the file is absent', () => {
    const def = loadOrgMetadata(makeProject(setup));
    assert.equal(def.users.length, 1);
    assert.deepEqual(
      [def.users[0].username, def.users[0].profile, def.users[0].password, def.users[0].isActive],
      ['admin@golive.local', 'System Administrator', DEFAULT_LOCAL_PASSWORD, true],
    );
    assert.equal(DEFAULT_LOCAL_PASSWORD, 'golive-local-1');
  });

  it('rejects an unknown profile, naming the entry and the profiles that exist', () => {
    const message = usersError([adminUser, { ...rep, profile: 'Feld Agent' }]);
    assert.equal(
      message,
      "golive/users.json: users[1] (rep@test.local): unknown profile 'Feld Agent'. Profiles in this org: 'System Administrator', 'Standard User', 'Marketing User', 'Read Only', 'Contract Manager', 'Solution Manager', 'Field Agent'.",
    );
  });

  it('rejects an unknown role, manager, permission set or queue', () => {
    assert.match(usersError([adminUser, { ...rep, role: 'Boss Man' }]), /^golive\/users\.json: users\[1\] \(rep@test\.local\): unknown role 'Boss Man'\. Roles in this org .*'The Boss', 'Worker'\.$/);
    assert.equal(
      usersError([adminUser, { ...rep, manager: 'nobody@test.local' }]),
      "golive/users.json: users[1] (rep@test.local): unknown manager 'nobody@test.local'. The manager must be the username of another user in this file.",
    );
    assert.match(usersError([adminUser, { ...rep, permissionSets: ['Extra', 'Ultra'] }]), /users\[1\] \(rep@test\.local\): unknown permission set 'Ultra'\. .*'Extra'/);
    assert.match(usersError([adminUser, { ...rep, queues: ['Outbox'] }]), /users\[1\] \(rep@test\.local\): unknown queue 'Outbox'\. .*'Shared Inbox'/);
  });

  it('rejects malformed entries with the entry named', () => {
    assert.match(usersError([adminUser, { ...rep, email: undefined }]), /users\[1\] \(rep@test\.local\): 'email' is required\./);
    assert.match(usersError([adminUser, { ...rep, username: 'rep' }]), /users\[1\] \(rep\): username 'rep' must have the form of an email address/);
    assert.match(usersError([adminUser, { ...rep, nickname: 'x' }]), /users\[1\] \(rep@test\.local\): unknown property 'nickname'/);
    assert.match(usersError([adminUser, { ...rep, username: 'ADMIN@test.local' }]), /users\[1\] \(ADMIN@test\.local\): username 'ADMIN@test\.local' is already used by users\[0\]/);
    assert.match(usersError([adminUser, { ...rep, manager: 'rep@test.local' }]), /a user cannot be their own manager/);
    assert.match(usersError([adminUser, { ...rep, queues: 'Inbox' }]), /'queues' must be a list of names/);
    assert.match(usersError([adminUser, 'bob']), /users\[1\] must be an object/);
    assert.match(usersError([adminUser], { owner: 'me' }), /^golive\/users\.json: unknown property 'owner'/);
    assert.match(usersError([]), /'users' must be a non-empty list/);
  });

  it('rejects manager cycles and an org without an active administrator', () => {
    const a = { ...rep, username: 'a@test.local', manager: 'b@test.local' };
    const b = { ...rep, username: 'b@test.local', manager: 'a@test.local' };
    assert.match(usersError([adminUser, a, b]), /users\[1\] \(a@test\.local\): the managers form a cycle: a@test\.local → b@test\.local → a@test\.local/);
    assert.match(usersError([rep]), /no active user has the 'System Administrator' profile/);
    assert.match(usersError([{ ...adminUser, isActive: false }, rep]), /no active user has the 'System Administrator' profile/);
  });

  it('rejects a users file that is not JSON', () => {
    let message = '';
    try {
      loadOrgMetadata(makeProject({ 'golive/users.json': '{ "users": [ }' }));
    } catch (err) {
      message = (err as Error).message;
    }
    assert.match(message, /^golive\/users\.json is not valid JSON: .*Fix the file\.$/);
  });
});
