import Fastify, { type FastifyInstance } from 'fastify';
import { AutomationLog } from './automation/AutomationLog.ts';
import { AutomationPipeline } from './automation/AutomationPipeline.ts';
import { AssignmentRuleEngine } from './automation/assignment/AssignmentRuleEngine.ts';
import { DuplicateRuleEngine } from './automation/duplicates/DuplicateRuleEngine.ts';
import { FlowEngine } from './automation/flows/FlowEngine.ts';
import { ValidationRulesEngine } from './automation/validationRules/ValidationRulesEngine.ts';
import { CredentialStore } from './auth/CredentialStore.ts';
import { LoginService } from './auth/LoginService.ts';
import { ConnectedApps, type ConnectedAppConfig } from './auth/connectedApps.ts';
import { hashPassword } from './auth/passwords.ts';
import { SessionStore } from './auth/SessionStore.ts';
import { identityApi } from './api/identity.ts';
import { oauthApi } from './api/oauth/oauthApi.ts';
import type { OrgServices } from './api/OrgServices.ts';
import { parseJsonBody, restErrorHandler } from './api/restErrors.ts';
import { supportedVersions } from './api/apiVersions.ts';
import { restApi } from './api/rest/restApi.ts';
import { soapApi } from './api/soap/soapApi.ts';
import { SfErrors } from './errors/SfErrors.ts';
import { FormulaUsers } from './formula/FormulaUsers.ts';
import { LayoutService } from './layouts/LayoutService.ts';
import { LeadConverter } from './leadConvert/LeadConverter.ts';
import { loadOrgMetadata } from './metadata/loadOrgMetadata.ts';
import type { OrgDefinition } from './metadata/types.ts';
import { seedOrg } from './metadata/seedOrg.ts';
import { orgUi } from './ui/orgUi.ts';
import { SqliteOrgStore } from './persistence/SqliteOrgStore.ts';
import { SharingAccessPolicy } from './security/SharingAccessPolicy.ts';
import { computeDerivedFields } from './schema/derivedFields.ts';
import { DescribeService } from './service/DescribeService.ts';
import { QueryService } from './service/QueryService.ts';
import { RecordService } from './service/RecordService.ts';
import { QueryEngine } from './soql/QueryEngine.ts';

export interface OrgOptions {
  /** The SFDX project that gives the org its shape, users and seed data. */
  metadataDir: string;
  /** SQLite file, or ':memory:'. An existing file keeps its records. */
  dbFile: string;
  /** Inactivity timeout of API and UI sessions (Salesforce's default is 2 hours). */
  sessionLifetimeSeconds?: number;
  /** Organization.IsSandbox: the harness refuses to write test data to a non-sandbox org. */
  isSandbox?: boolean;
  /** The clock; tests move it to expire sessions and to pin date literals. */
  now?: () => Date;
  /** fastify's logger option; off by default, since the CLI prints its own lines. */
  logger?: boolean;
  /** A metadata definition already loaded (the CLI loads it once to print problems first). */
  definition?: OrgDefinition;
  /** The OAuth clients, instead of the project's connectedApps/ metadata (tests give their own certificates). */
  connectedApps?: ConnectedAppConfig[];
  /**
   * Lightning realism of the UI (rows and home cards loaded after the page, behind a spinner).
   * Default: on unless the environment says ORG_UI_REALISM=off.
   */
  uiRealism?: boolean;
  /** A delay before every API and UI request, in ms. Default: ORG_LATENCY_MS, else none. */
  latencyMs?: number;
}

export interface LocalOrg {
  app: FastifyInstance;
  services: OrgServices;
  definition: OrgDefinition;
  store: SqliteOrgStore;
  sessions: SessionStore;
  credentials: CredentialStore;
}

const DEFAULT_SESSION_SECONDS = 2 * 60 * 60;

/** Salesforce's daily API allocation for a small Enterprise Edition org. */
const DAILY_API_REQUESTS = 100_000;

function dailyCounter(max: number, now: () => Date) {
  let day = '';
  let calls = 0;
  const today = () => now().toISOString().slice(0, 10);
  return {
    max,
    count: () => (today() === day ? calls : 0),
    record: () => {
      const d = today();
      if (d !== day) {
        day = d;
        calls = 0;
      }
      calls++;
    },
  };
}

/**
 * The composition root: the only place where concrete classes meet. Builds the whole local org
 * (metadata → schema → SQLite store → services → HTTP routes) without opening a port; main.ts
 * listens, tests use `inject` or listen on an ephemeral port themselves.
 */
export async function buildOrgApp(options: OrgOptions): Promise<LocalOrg> {
  const now = options.now ?? (() => new Date());
  const definition = options.definition ?? loadOrgMetadata(options.metadataDir);
  const store = new SqliteOrgStore(definition.schema, options.dbFile);
  const sessions = new SessionStore(store.db, (options.sessionLifetimeSeconds ?? DEFAULT_SESSION_SECONDS) * 1000, () => now().getTime());
  const credentials = new CredentialStore(store.db);

  const access = new SharingAccessPolicy({ store, definition, inTransaction: () => store.db.inTransaction });
  const automationLog = new AutomationLog(now);
  // $User, $Profile and $Permission for every formula, cached per user across the engines.
  const formulaUsers = new FormulaUsers({ store, profiles: definition.profiles, permissionSets: definition.permissionSets });
  // Engines in the order Salesforce runs them within each stage (see AutomationPipeline).
  const automation = new AutomationPipeline(
    [
      new ValidationRulesEngine({
        rules: definition.automation.validationRules ?? [],
        store,
        users: formulaUsers,
        log: automationLog,
        now,
      }),
      new DuplicateRuleEngine({ rules: definition.automation.duplicateRules ?? { byObject: new Map() }, store, access, log: automationLog, now }),
      new AssignmentRuleEngine({
        rules: definition.automation.assignmentRules ?? { active: new Map() },
        store,
        users: formulaUsers,
        log: automationLog,
        now,
      }),
      new FlowEngine({
        flows: definition.automation.flows ?? [],
        // Flows write through the record service, which is built on this pipeline just below.
        records: (): RecordService => records,
        users: formulaUsers,
        log: automationLog,
        now,
      }),
    ],
    automationLog,
  );
  const records = new RecordService({ store, access, hooks: automation, derive: computeDerivedFields, now });
  if (store.count(definition.schema.object('Organization')!) === 0) {
    const seeded = seedOrg(store, definition, {
      now: now(),
      isSandbox: options.isSandbox ?? true,
      hashPassword,
    });
    for (const c of seeded.credentials) credentials.setHash(c.userId, c.passwordHash);
  }

  const recordTypeObject = definition.schema.object('RecordType');
  const describe = new DescribeService(access, (object) =>
    recordTypeObject
      ? store
          .select(`SELECT "Id", "Name", "DeveloperName", "IsActive" FROM "RecordType" WHERE "SobjectType" = ? AND "IsDeleted" = 0 ORDER BY "Name"`, [object.name])
          .map((r) => ({ id: String(r.Id), name: String(r.Name), developerName: String(r.DeveloperName), active: r.IsActive === 1 }))
      : [],
  );
  const query = new QueryService(new QueryEngine(store), access, now);
  const login = new LoginService(store, credentials, sessions, access);
  const leadConverter = new LeadConverter({ records, store, mappings: definition.leadConvertMappings });
  const layouts = new LayoutService({ store, access, metadata: definition.automation.layouts });

  const services: OrgServices = {
    records,
    describe,
    query,
    login,
    leadConverter,
    layouts,
    automationLog,
    store,
    apiUsage: dailyCounter(DAILY_API_REQUESTS, now),
    now,
    baseUrlOf: (host, protocol) => `${protocol}://${host ?? '127.0.0.1'}`,
  };

  const app = Fastify({
    // Request lines without their query string: revoke and identity calls may carry a token there.
    logger: options.logger ? { serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0] }) } } : false,
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: false,
  });
  app.decorateRequest('sfUser', null as never);
  app.decorateRequest('apiVersion', '');
  // Salesforce's own parsers: a syntax error is JSON_PARSER_ERROR, SOAP and OAuth bodies are text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'text/json'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.addContentTypeParser(['text/xml', 'application/soap+xml', 'application/x-www-form-urlencoded', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler(restErrorHandler);
  app.setNotFoundHandler((_req, reply) => {
    const err = SfErrors.notFound();
    void reply.code(err.httpStatus).send(err.toRestBody());
  });

  // Unauthenticated, as on Salesforce: the list of versions.
  app.get('/services/data', async () => supportedVersions());
  app.get('/services/data/', async () => supportedVersions());
  await app.register(restApi, { prefix: '/services/data/v:version', org: services });
  await app.register(soapApi, { org: services });
  const connectedApps = options.connectedApps ? new ConnectedApps(options.connectedApps) : ConnectedApps.fromProject(options.metadataDir);
  await app.register(oauthApi, { org: services, connectedApps, now });
  await app.register(identityApi, { org: services, now });
  // The Lightning-style UI (src/org/ui): login, frontdoor, /lightning pages, /assets.
  await app.register(orgUi, { org: services, db: store.db, realism: options.uiRealism, latencyMs: options.latencyMs });

  app.addHook('onClose', async () => store.close());
  return { app, services, definition, store, sessions, credentials };
}
