import type { OrgSchema } from '../schema/types.ts';
import type { AutomationMetadata } from './automationMetadata.ts';

/**
 * What the metadata loader makes of an SFDX project: the org's schema plus everything the seed
 * step turns into records (profiles, roles, queues, users, seed data), and the list of
 * metadata it could not emulate.
 */

/**
 * Metadata the local org reads but cannot emulate (a formula field, a validation rule …). The
 * org still starts; the server prints every problem loudly so nobody mistakes the local org's
 * behaviour for the real org's.
 */
export interface MetadataProblem {
  /** Relative to the project directory, with forward slashes. */
  file: string;
  line?: number;
  /** The metadata element or type concerned, e.g. `formula`, `validationRules`. */
  element: string;
  message: string;
  /** What to do about it, or what to expect meanwhile. */
  hint: string;
}

/**
 * The project cannot be loaded at all (no project, invalid XML, a users file that names a
 * profile that does not exist). The message is one line that names the file and what to do.
 */
export class MetadataError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'MetadataError';
  }
}

/** Raw permission entries, as parsed from the XML (text values), kept for the security model. */
export type RawPermission = Record<string, unknown>;

export interface PermissionContent {
  objectPermissions: RawPermission[];
  fieldPermissions: RawPermission[];
  userPermissions: RawPermission[];
  /** Anything else the file says (recordTypeVisibilities, tabVisibilities …), untouched. */
  other: Record<string, unknown>;
}

export interface ProfileDef {
  /** The profile name as users see it ("System Administrator"), which the Profile row gets. */
  name: string;
  /** The metadata name ("Admin"), which names the file. */
  fullName: string;
  userLicense: string;
  builtIn: boolean;
  description?: string;
  permissions: PermissionContent;
  file?: string;
}

export interface PermissionSetDef {
  name: string;
  label: string;
  description?: string;
  permissions: PermissionContent;
  file: string;
}

export interface RoleDef {
  developerName: string;
  name: string;
  /** DeveloperName of the parent role. */
  parentRole?: string;
  description?: string;
  opportunityAccessLevel?: string;
  caseAccessLevel?: string;
  contactAccessLevel?: string;
  file: string;
}

export interface QueueDef {
  developerName: string;
  name: string;
  email?: string;
  doesSendEmailToMembers: boolean;
  sobjectTypes: string[];
  /** Usernames: from the queue's metadata and from users' `queues` in users.json. */
  memberUsernames: string[];
  /** Role DeveloperNames whose Role group is a member. */
  memberRoles: string[];
  memberRolesAndSubordinates: string[];
  /** Public group DeveloperNames. */
  memberGroups: string[];
  file: string;
}

export interface GroupDef {
  developerName: string;
  name: string;
  doesIncludeBosses: boolean;
  description?: string;
  file: string;
}

export interface RecordTypeDef {
  sobjectType: string;
  developerName: string;
  label: string;
  active: boolean;
  description?: string;
  file: string;
}

export type LeadConvertTarget = 'Account' | 'Contact' | 'Opportunity';

export interface LeadConvertMapping {
  leadField: string;
  targetObject: LeadConvertTarget;
  targetField: string;
}

export interface LeadConvertOptions {
  allowOwnerChange: boolean;
  /** VisibleOptional (Salesforce's default), VisibleRequired or NotVisible. */
  opportunityCreationOptions: string;
}

/** A user of the local org, from golive/users.json, with every reference checked. */
export interface UserSpec {
  persona?: string;
  username: string;
  firstName?: string;
  lastName: string;
  email: string;
  alias: string;
  /** Profile name as users see it ("System Administrator"). */
  profile: string;
  /** Role DeveloperName. */
  role?: string;
  /** The manager's username. */
  manager?: string;
  permissionSets: string[];
  /** Queue DeveloperNames. */
  queues: string[];
  /** Plain text: this is a local-only test org and the file documents the passwords. */
  password: string;
  title?: string;
  department?: string;
  phone?: string;
  mobilePhone?: string;
  federationIdentifier?: string;
  isActive: boolean;
  timeZoneSidKey: string;
  localeSidKey: string;
  languageLocaleKey: string;
  emailEncodingKey: string;
}

/** One golive/seed/<Object>.json file, records still carrying their `@ref`s and `Owner`s. */
export interface SeedSet {
  object: string;
  /** Relative to the project directory. */
  file: string;
  records: Record<string, unknown>[];
}

export interface OrgDefinition {
  projectDir: string;
  /** Package directories read, relative to the project. */
  packageDirectories: string[];
  orgName: string;
  /** Org-wide defaults that users without their own settings get. */
  orgDefaults: { timeZoneSidKey: string; localeSidKey: string; languageLocaleKey: string };
  /** Standard objects merged with the project's metadata. */
  schema: OrgSchema;
  profiles: ProfileDef[];
  permissionSets: PermissionSetDef[];
  roles: RoleDef[];
  queues: QueueDef[];
  groups: GroupDef[];
  recordTypes: RecordTypeDef[];
  leadConvertMappings: LeadConvertMapping[];
  leadConvertOptions: LeadConvertOptions;
  users: UserSpec[];
  /** In the order seedOrg creates them (referenced objects first). */
  seed: SeedSet[];
  /** Security-model and automation definitions, by kind (see automationMetadata.ts). */
  automation: AutomationMetadata;
  problems: MetadataProblem[];
  /** sha256 over the sorted relative paths and contents of every file the definition comes from. */
  metadataHash: string;
}
