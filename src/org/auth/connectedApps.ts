import { createPublicKey, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** A connected app as the OAuth endpoints need it: who the client is and how it proves it. */
export interface ConnectedAppConfig {
  /** The API name (file name of the metadata, or any label in OrgOptions). */
  name: string;
  consumerKey: string;
  /** Needed by the username-password flow; an app without one can only use the JWT flow. */
  consumerSecret?: string;
  /** PEM: an X.509 certificate, as Salesforce stores it, or a bare public key. Enables the JWT bearer flow. */
  certificate?: string;
}

export interface ConnectedApp extends ConnectedAppConfig {
  /** The certificate's public key, parsed once at start so a broken certificate shows up as a problem, not as a login failure. */
  publicKey?: KeyObject;
}

const METADATA_SUFFIX = '.connectedApp-meta.xml';
/** Folders that never hold project metadata and can be large. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.sf', '.sfdx']);

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true });

/**
 * Salesforce keeps the certificate as PEM; files written by hand sometimes hold only the base64
 * body, or indent every line, and OpenSSL accepts neither.
 */
function normalisePem(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines[0]?.startsWith('-----BEGIN')) return `${lines.join('\n')}\n`;
  const body = lines.join('').replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/** The public key of a certificate or public-key PEM; node reads both (and PKCS#1 RSA keys). */
export function publicKeyOf(certificate: string): KeyObject {
  const key = createPublicKey(normalisePem(certificate));
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the key is ${key.asymmetricKeyType}, but Salesforce signs JWT bearer assertions with RSA only`);
  return key;
}

/**
 * The org's connected apps, by consumer key. Consumer keys and secrets of a local org are test
 * fixtures: they are compared as given, never logged.
 */
export class ConnectedApps {
  private readonly byKey = new Map<string, ConnectedApp>();

  constructor(apps: readonly ConnectedAppConfig[], readonly problems: string[] = []) {
    for (const config of apps) {
      const app: ConnectedApp = { ...config };
      if (config.certificate) {
        try {
          app.publicKey = publicKeyOf(config.certificate);
        } catch (err) {
          this.problems.push(`connected app ${config.name}: the certificate cannot be read (${(err as Error).message}); the JWT bearer flow will refuse it`);
        }
      }
      if (this.byKey.has(config.consumerKey)) this.problems.push(`connected app ${config.name}: consumer key already used by ${this.byKey.get(config.consumerKey)!.name}`);
      else this.byKey.set(config.consumerKey, app);
    }
  }

  byConsumerKey(consumerKey: string | undefined): ConnectedApp | undefined {
    return consumerKey ? this.byKey.get(consumerKey) : undefined;
  }

  get all(): ConnectedApp[] {
    return [...this.byKey.values()];
  }

  /** Every `connectedApps/*.connectedApp-meta.xml` under the SFDX project, whatever its package layout. */
  static fromProject(projectDir: string): ConnectedApps {
    const configs: ConnectedAppConfig[] = [];
    const problems: string[] = [];
    for (const file of metadataFiles(projectDir)) {
      const name = path.basename(file, METADATA_SUFFIX);
      try {
        const config = parseConnectedApp(name, readFileSync(file, 'utf8'));
        if (config) configs.push(config);
        else problems.push(`connected app ${name} (${file}): no <oauthConfig><consumerKey>, so no OAuth client can use it`);
      } catch (err) {
        problems.push(`connected app ${name} (${file}): ${(err as Error).message}`);
      }
    }
    return new ConnectedApps(configs, problems);
  }
}

function metadataFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && !SKIPPED_FOLDERS.has(e.name)) found.push(...metadataFiles(full));
    else if (e.isFile() && e.name.endsWith(METADATA_SUFFIX) && path.basename(dir) === 'connectedApps') found.push(full);
  }
  return found.sort();
}

/** The OAuth part of ConnectedApp metadata; undefined when the app has no consumer key. */
export function parseConnectedApp(name: string, xml: string): ConnectedAppConfig | undefined {
  const doc = parser.parse(xml) as { ConnectedApp?: { oauthConfig?: Record<string, unknown> } };
  if (!doc.ConnectedApp) throw new Error('not a ConnectedApp metadata file');
  const oauth = doc.ConnectedApp.oauthConfig;
  const value = (field: string) => {
    const v = oauth?.[field];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const consumerKey = value('consumerKey');
  if (!consumerKey) return undefined;
  return { name, consumerKey, consumerSecret: value('consumerSecret'), certificate: value('certificate') };
}
