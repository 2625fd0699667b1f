import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConnectedApps, parseConnectedApp } from '../../../src/org/auth/connectedApps.ts';
import { makeSigningKeys } from './signingKeys.ts';

const keys = makeSigningKeys();

function metadata(oauthConfig: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>admin@example.com</contactEmail>
    <label>CI</label>
    <oauthConfig>${oauthConfig}</oauthConfig>
</ConnectedApp>`;
}

describe('connected apps from SFDX metadata', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'golive-apps-'));
  after(() => rmSync(project, { recursive: true, force: true }));

  it('reads consumer key, secret and an indented certificate from any package directory', () => {
    const indented = keys.certificate
      .trim()
      .split('\n')
      .map((l) => `            ${l}`)
      .join('\n');
    const dir = path.join(project, 'force-app', 'main', 'default', 'connectedApps');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'CI_Pipeline.connectedApp-meta.xml'),
      metadata(`<callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>
        <certificate>
${indented}
        </certificate>
        <consumerKey>ci-key</consumerKey>
        <consumerSecret>ci-secret</consumerSecret>
        <scopes>Api</scopes>`),
    );
    const other = path.join(project, 'extra', 'connectedApps');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'Reporting.connectedApp-meta.xml'), metadata('<consumerKey>report-key</consumerKey>'));
    writeFileSync(path.join(other, 'NoKey.connectedApp-meta.xml'), metadata('<callbackUrl>https://x</callbackUrl>'));
    // Not under a connectedApps folder: not a connected app.
    writeFileSync(path.join(project, 'Stray.connectedApp-meta.xml'), metadata('<consumerKey>stray</consumerKey>'));

    const apps = ConnectedApps.fromProject(project);
    const ci = apps.byConsumerKey('ci-key');
    assert.equal(ci?.name, 'CI_Pipeline');
    assert.equal(ci?.consumerSecret, 'ci-secret');
    assert.equal(ci?.publicKey?.asymmetricKeyType, 'rsa');
    const reporting = apps.byConsumerKey('report-key');
    assert.equal(reporting?.name, 'Reporting');
    assert.equal(reporting?.consumerSecret, undefined);
    assert.equal(reporting?.publicKey, undefined);
    assert.equal(apps.byConsumerKey('stray'), undefined);
    assert.equal(apps.all.length, 2);
    assert.equal(apps.problems.length, 1);
    assert.match(apps.problems[0], /NoKey.*no <oauthConfig><consumerKey>/);
  });

  it('reports a certificate it cannot read and a reused consumer key as problems', () => {
    const apps = new ConnectedApps([
      { name: 'A', consumerKey: 'k', certificate: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' },
      { name: 'B', consumerKey: 'k' },
    ]);
    assert.equal(apps.byConsumerKey('k')?.name, 'A');
    assert.equal(apps.byConsumerKey('k')?.publicKey, undefined);
    assert.equal(apps.problems.length, 2);
    assert.match(apps.problems[0], /^connected app A: the certificate cannot be read/);
    assert.match(apps.problems[1], /^connected app B: consumer key already used by A/);
  });

  it('accepts a public key PEM and a PKCS#1 RSA public key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const apps = new ConnectedApps([
      { name: 'Spki', consumerKey: 'spki', certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      { name: 'Pkcs1', consumerKey: 'pkcs1', certificate: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString() },
    ]);
    assert.deepEqual(apps.problems, []);
    assert.equal(apps.byConsumerKey('spki')?.publicKey?.asymmetricKeyType, 'rsa');
    assert.equal(apps.byConsumerKey('pkcs1')?.publicKey?.asymmetricKeyType, 'rsa');
  });

  it('accepts a certificate given as its bare base64 body', (t) => {
    if (keys.kind !== 'x509') return t.skip('openssl is not installed: no certificate to test with');
    const body = keys.certificate.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
    const apps = new ConnectedApps([{ name: 'Body', consumerKey: 'body', certificate: body }]);
    assert.deepEqual(apps.problems, []);
    assert.equal(apps.byConsumerKey('body')?.publicKey?.asymmetricKeyType, 'rsa');
  });

  it('refuses a key that is not RSA', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const apps = new ConnectedApps([{ name: 'Ec', consumerKey: 'ec', certificate: publicKey.export({ type: 'spki', format: 'pem' }).toString() }]);
    assert.match(apps.problems[0], /the key is ec, but Salesforce signs JWT bearer assertions with RSA only/);
  });

  it('refuses a file that is not ConnectedApp metadata', () => {
    assert.throws(() => parseConnectedApp('X', '<CustomObject/>'), /not a ConnectedApp metadata file/);
  });
});
