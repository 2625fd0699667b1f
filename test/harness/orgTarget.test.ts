import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personaEnvPrefix, resolveTarget } from '../../fixtures/target/orgTarget.ts';

test('the local target is the default and logs personas in with the default org users', () => {
  const target = resolveTarget({ GOLIVE_LOCAL_ORG_URL: 'http://127.0.0.1:4999' });
  assert.equal(target.kind, 'local');
  assert.equal(target.loginUrl, 'http://127.0.0.1:4999');
  assert.equal(target.personas.length, 7);
  const junior = target.credentials('junior-rep');
  assert.equal(junior.flow, 'password');
  assert.equal(junior.username, 'junior.rep@golive.local');
});

test('the local target without a running org says how to start it', () => {
  assert.throws(() => resolveTarget({}), /GOLIVE_LOCAL_ORG_URL is not set: start the UAT suite with 'npm run uat'/);
});

test('a salesforce target takes each persona from SF_<PERSONA>_* variables, password or JWT', () => {
  assert.equal(personaEnvPrefix('junior-rep'), 'SF_JUNIOR_REP_');
  const target = resolveTarget({
    GOLIVE_TARGET: 'salesforce',
    SF_LOGIN_URL: 'https://acme--uat.sandbox.my.salesforce.com/',
    SF_CLIENT_ID: 'ck',
    SF_JWT_KEY_FILE: 'secrets/server.key',
    GOLIVE_PERSONAS: 'junior-rep,admin',
    SF_JUNIOR_REP_USERNAME: 'jamie@acme.com.uat',
    SF_JUNIOR_REP_PASSWORD: 'pw-and-token',
    SF_ADMIN_USERNAME: 'admin@acme.com.uat',
  });
  assert.deepEqual(target.personas, ['junior-rep', 'admin']);
  assert.equal(target.loginUrl, 'https://acme--uat.sandbox.my.salesforce.com');
  assert.deepEqual(target.credentials('junior-rep'), { flow: 'password', username: 'jamie@acme.com.uat', password: 'pw-and-token', clientId: 'ck', clientSecret: undefined });
  const admin = target.credentials('admin');
  assert.equal(admin.flow, 'jwt');
  assert.equal(admin.flow === 'jwt' && admin.audience, 'https://test.salesforce.com');
  assert.throws(() => target.credentials('marketing'), /^TargetConfigError: Persona 'marketing' has no user on the target org: set SF_MARKETING_USERNAME/);
});

test('configuration mistakes are one line naming the variable', () => {
  assert.throws(() => resolveTarget({ GOLIVE_TARGET: 'salesforce' }), /needs SF_LOGIN_URL/);
  assert.throws(() => resolveTarget({ GOLIVE_TARGET: 'prod' }), /GOLIVE_TARGET='prod' is not a target/);
  assert.throws(() => resolveTarget({ GOLIVE_LOCAL_ORG_URL: 'http://127.0.0.1:1', GOLIVE_PERSONAS: 'admin,ceo' }), /Unknown persona 'ceo'/);
  const noWay = resolveTarget({ GOLIVE_TARGET: 'salesforce', SF_LOGIN_URL: 'https://test.salesforce.com', SF_ADMIN_USERNAME: 'a@b.c' });
  assert.throws(() => noWay.credentials('admin'), /has no way to log in: set SF_ADMIN_PASSWORD, or SF_JWT_KEY_FILE/);
});
