import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'jsforce';

/**
 * The secrets a run knows: passwords it logged in with, session ids and access tokens of its
 * connections, client secrets, private keys. They are registered as they are created or read,
 * and the report scrubber removes exactly these values (plus what `secretPatterns` recognises).
 *
 * Playwright's workers register; the main process scrubs. So the registry is a JSON-lines file
 * per run under .golive/secrets/ (gitignored, mode 0600), deleted once the reports are scrubbed.
 * It holds nothing the run's own .env or live sessions do not already hold.
 */
export type SecretKind = 'password' | 'session id' | 'access token' | 'refresh token' | 'client secret' | 'private key' | 'secret from environment';

export interface Secret {
  kind: SecretKind;
  value: string;
}

/** Shorter values would match ordinary text; no real credential is this short. */
export const MIN_SECRET_LENGTH = 6;

export const DEFAULT_SECRETS_DIR = '.golive/secrets';

export function secretsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.GOLIVE_SECRETS_DIR ?? DEFAULT_SECRETS_DIR);
}

/** Environment variables whose values are credentials, by name. */
const SECRET_ENV_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_KEY|API_KEY|SESSION_ID|SID)$/i;
/** Environment variables naming a key file, whose content is the secret. */
const KEY_FILE_ENV_NAME = /(KEY_FILE|KEY_PATH|PRIVATE_KEY_FILE)$/i;

export class SecretRegistry {
  private readonly known = new Map<string, SecretKind>();

  /** `file` undefined: an in-memory registry (nothing is written). */
  constructor(readonly file?: string) {}

  static inMemory(): SecretRegistry {
    return new SecretRegistry();
  }

  static forRun(runId: string, dir = secretsDir()): SecretRegistry {
    return new SecretRegistry(path.join(dir, `${runId}.jsonl`));
  }

  /** Registers a secret value; persisted at once so the scrubbing process sees it. */
  add(kind: SecretKind, value: string | undefined | null): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || this.known.has(value)) return;
    this.known.set(value, kind);
    if (!this.file) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    fs.appendFileSync(this.file, `${JSON.stringify({ kind, value })}\n`, { mode: 0o600 });
  }

  /** A private key: the whole PEM, and each base64 line, since logs often hold it re-wrapped or escaped. */
  addPrivateKey(pem: string): void {
    this.add('private key', pem.trim());
    for (const line of pem.split(/\r?\n/)) if (/^[A-Za-z0-9+/=]{16,}$/.test(line.trim())) this.add('private key', line.trim());
  }

  /** The session of a jsforce connection, now and after every refresh (re-login). */
  addConnection(conn: Connection): void {
    this.add('access token', conn.accessToken);
    this.add('refresh token', conn.refreshToken);
    conn.on('refresh', (accessToken: string) => this.add('access token', accessToken));
  }

  /** Credentials in the environment (.env), by variable name, and the content of key files it names. */
  addFromEnvironment(env: NodeJS.ProcessEnv = process.env): void {
    for (const [name, value] of Object.entries(env)) {
      if (!value) continue;
      if (SECRET_ENV_NAME.test(name)) this.add(/PASSWORD|PASSWD/i.test(name) ? 'password' : 'secret from environment', value);
      if (KEY_FILE_ENV_NAME.test(name) && fs.existsSync(value) && fs.statSync(value).isFile()) this.addPrivateKey(fs.readFileSync(value, 'utf8'));
    }
  }

  /** Everything registered by any process of the run. */
  all(): Secret[] {
    return readSecretFiles(this.file ? [this.file] : [], this.known);
  }

  /** Deletes the run's registry (after its reports are scrubbed). */
  dispose(): void {
    if (this.file) fs.rmSync(this.file, { force: true });
  }
}

/** Every run's registered secrets in `dir` (for `golive scan-secrets`, which knows no run). */
export function readAllRegisteredSecrets(dir = secretsDir()): Secret[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')).map((n) => path.join(dir, n));
  return readSecretFiles(files, new Map());
}

function readSecretFiles(files: string[], alsoKnown: Map<string, SecretKind>): Secret[] {
  const byValue = new Map(alsoKnown);
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const s = JSON.parse(line) as Secret;
        if (typeof s.value === 'string' && s.value.length >= MIN_SECRET_LENGTH) byValue.set(s.value, s.kind);
      } catch {
        // A line cut short by a killed worker: the rest of the file still counts.
      }
    }
  }
  return [...byValue].map(([value, kind]) => ({ kind, value }));
}
