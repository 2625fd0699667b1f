import { readFile } from 'node:fs/promises';
import { importPKCS8, SignJWT } from 'jose';
import { Connection } from 'jsforce';
import type { SecretRegistry } from '../secrets/SecretRegistry.ts';
import type { OrgTarget, PersonaCredentials } from './orgTarget.ts';

/**
 * Logs a persona in through the API the way the target says: the OAuth username-password flow
 * (or SOAP login when no connected app is configured), or the OAuth 2.0 JWT bearer flow. The
 * UAT fixtures (fixtures/session/apiLogin.ts) and `golive clean` log in through here alike.
 */

/** An API session. The access token is a secret: never log it, never put it in a URL. */
export interface TargetSession {
  username: string;
  accessToken: string;
  instanceUrl: string;
  userId: string;
  orgId: string;
}

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export class PersonaLoginError extends Error {
  constructor(
    readonly persona: string,
    readonly username: string,
    /** The org's or the client's first line, never a credential. */
    readonly reason: string,
  ) {
    super(`Could not log in as persona '${persona}' (${username}): ${reason}`);
    this.name = 'PersonaLoginError';
  }
}

/** The first line of a server's or client's error, without anything that could echo a secret back. */
function reasonOf(err: unknown): string {
  const e = err as { errorCode?: string; name?: string; message?: string };
  const message = (e.message ?? String(err)).split('\n')[0];
  const code = e.errorCode ?? (e.name && e.name !== 'Error' ? e.name : undefined);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

async function jwtAssertion(credentials: Extract<PersonaCredentials, { flow: 'jwt' }>, secrets?: SecretRegistry): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(credentials.privateKeyFile, 'utf8');
  } catch {
    throw new Error(`cannot read the JWT private key file ${credentials.privateKeyFile}`);
  }
  secrets?.addPrivateKey(pem);
  const key = await importPKCS8(pem, 'RS256').catch(() => {
    throw new Error(`${credentials.privateKeyFile} is not a PKCS#8 PEM private key (convert with: openssl pkcs8 -topk8 -nocrypt)`);
  });
  // A short-lived assertion: it is only exchanged once, right now.
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(credentials.clientId)
    .setSubject(credentials.username)
    .setAudience(credentials.audience)
    .setExpirationTime('3m')
    .sign(key);
}

/** Logs `persona` in to `target`; what it used and got is registered in `secrets` when given. */
export async function loginToTarget<P extends string>(target: OrgTarget<P>, persona: P, secrets?: SecretRegistry): Promise<TargetSession> {
  const credentials = target.credentials(persona);
  if (credentials.flow === 'password') secrets?.add('password', credentials.password);
  if ('clientSecret' in credentials) secrets?.add('client secret', credentials.clientSecret);
  const oauth2 = credentials.clientId ? { clientId: credentials.clientId, clientSecret: 'clientSecret' in credentials ? credentials.clientSecret : undefined, loginUrl: target.loginUrl } : undefined;
  const conn = new Connection({ loginUrl: target.loginUrl, version: target.apiVersion, oauth2 });
  try {
    if (credentials.flow === 'password') await conn.login(credentials.username, credentials.password);
    else await conn.authorize({ grant_type: JWT_BEARER_GRANT, assertion: await jwtAssertion(credentials, secrets) });
  } catch (err) {
    throw new PersonaLoginError(persona, credentials.username, reasonOf(err));
  }
  if (!conn.accessToken || !conn.userInfo) throw new PersonaLoginError(persona, credentials.username, 'the org answered without a session');
  secrets?.add('access token', conn.accessToken);
  return {
    username: credentials.username,
    accessToken: conn.accessToken,
    instanceUrl: conn.instanceUrl,
    userId: conn.userInfo.id,
    orgId: conn.userInfo.organizationId,
  };
}
