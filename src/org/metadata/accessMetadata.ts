import path from 'node:path';
import { bool, child, lineOf, many, manyNodes, str, type MetadataXml, type XmlNode } from './metadataXml.ts';
import type { ProjectFile } from './projectFiles.ts';
import {
  MetadataError,
  type GroupDef,
  type MetadataProblem,
  type PermissionContent,
  type PermissionSetDef,
  type ProfileDef,
  type QueueDef,
  type RoleDef,
} from './types.ts';

/**
 * Who-is-who metadata: profiles, permission sets, roles, queues and public groups. The loader
 * keeps their names and structure for seeding; the permission entries are kept as parsed for
 * the security model, which interprets them.
 */

type Read = (file: ProjectFile, roots: readonly string[]) => MetadataXml;

/**
 * The profiles every Salesforce org has, by the name users see and the name their metadata
 * files have (Admin.profile-meta.xml is the System Administrator profile).
 */
export const BUILT_IN_PROFILES: ReadonlyArray<{ name: string; fullName: string }> = [
  { name: 'System Administrator', fullName: 'Admin' },
  { name: 'Standard User', fullName: 'Standard' },
  { name: 'Marketing User', fullName: 'MarketingProfile' },
  { name: 'Read Only', fullName: 'ReadOnly' },
  { name: 'Contract Manager', fullName: 'ContractManager' },
  { name: 'Solution Manager', fullName: 'SolutionManager' },
];

export const ADMIN_PROFILE = 'System Administrator';

/** A component's name from its file name; profile names may be URL-encoded there ("Custom%3A Sales"). */
function componentName(file: ProjectFile, suffix: string): string {
  const base = path.posix.basename(file.rel).slice(0, -`.${suffix}-meta.xml`.length);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

function permissionContent(body: XmlNode, ownKeys: readonly string[]): PermissionContent {
  const asRecords = (key: string) => many(body, key).map((v) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : { value: v }));
  const other: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (!['objectPermissions', 'fieldPermissions', 'userPermissions', ...ownKeys].includes(k)) other[k] = v;
  }
  return {
    objectPermissions: asRecords('objectPermissions'),
    fieldPermissions: asRecords('fieldPermissions'),
    userPermissions: asRecords('userPermissions'),
    other,
  };
}

const emptyPermissions = (): PermissionContent => ({ objectPermissions: [], fieldPermissions: [], userPermissions: [], other: {} });

export function loadProfiles(files: ProjectFile[], read: Read): ProfileDef[] {
  const profiles = new Map<string, ProfileDef>(
    BUILT_IN_PROFILES.map((p) => [p.name.toLowerCase(), { ...p, userLicense: 'Salesforce', builtIn: true, permissions: emptyPermissions() }]),
  );
  for (const file of files) {
    const xml = read(file, ['Profile']);
    const fileName = componentName(file, 'profile');
    // A built-in profile's file carries its metadata name (Admin) or, less often, its label.
    const builtIn = BUILT_IN_PROFILES.find((p) => p.fullName.toLowerCase() === fileName.toLowerCase() || p.name.toLowerCase() === fileName.toLowerCase());
    const name = builtIn?.name ?? fileName;
    const earlier = profiles.get(name.toLowerCase());
    if (earlier?.file) {
      throw new MetadataError(`The profile '${name}' is defined twice, in ${earlier.file} and ${file.rel}. Keep one of them.`, file.rel);
    }
    profiles.set(name.toLowerCase(), {
      name,
      fullName: builtIn?.fullName ?? fileName,
      userLicense: str(xml.body, 'userLicense') ?? 'Salesforce',
      builtIn: builtIn !== undefined,
      description: str(xml.body, 'description'),
      permissions: permissionContent(xml.body, ['userLicense', 'custom', 'description', 'fullName']),
      file: file.rel,
    });
  }
  return [...profiles.values()];
}

export function loadPermissionSets(files: ProjectFile[], read: Read): PermissionSetDef[] {
  return files.map((file) => {
    const xml = read(file, ['PermissionSet']);
    const name = componentName(file, 'permissionset');
    return {
      name,
      label: str(xml.body, 'label') ?? name,
      description: str(xml.body, 'description'),
      permissions: permissionContent(xml.body, ['label', 'description', 'fullName']),
      file: file.rel,
    };
  });
}

export function loadRoles(files: ProjectFile[], read: Read, problems: MetadataProblem[]): RoleDef[] {
  const roles = files.map((file) => {
    const xml = read(file, ['Role']);
    const developerName = componentName(file, 'role');
    const role: RoleDef = {
      developerName,
      name: str(xml.body, 'name') ?? developerName,
      parentRole: str(xml.body, 'parentRole') || undefined,
      description: str(xml.body, 'description'),
      opportunityAccessLevel: str(xml.body, 'opportunityAccessLevel'),
      caseAccessLevel: str(xml.body, 'caseAccessLevel'),
      contactAccessLevel: str(xml.body, 'contactAccessLevel'),
      file: file.rel,
    };
    return { role, xml };
  });
  const byName = new Map(roles.map(({ role }) => [role.developerName.toLowerCase(), role]));
  for (const { role, xml } of roles) {
    if (role.parentRole && !byName.has(role.parentRole.toLowerCase())) {
      problems.push({
        file: role.file,
        line: lineOf(xml.text, 'parentRole'),
        element: 'parentRole',
        message: `The parent role '${role.parentRole}' of ${role.developerName} is not in the project; ${role.developerName} becomes a top-level role locally.`,
        hint: `Add roles/${role.parentRole}.role-meta.xml, or fix <parentRole>.`,
      });
      role.parentRole = undefined;
    } else if (role.parentRole) {
      role.parentRole = byName.get(role.parentRole.toLowerCase())!.developerName;
    }
  }
  for (const { role } of roles) {
    const chain = [role.developerName];
    for (let r = role; r.parentRole; ) {
      r = byName.get(r.parentRole.toLowerCase())!;
      if (chain.includes(r.developerName)) {
        throw new MetadataError(`The role hierarchy has a cycle: ${[...chain, r.developerName].join(' → ')} (${role.file}). Fix the <parentRole> elements.`, role.file);
      }
      chain.push(r.developerName);
    }
  }
  return roles.map(({ role }) => role);
}

export function loadQueues(files: ProjectFile[], read: Read): QueueDef[] {
  return files.map((file) => {
    const xml = read(file, ['Queue']);
    const developerName = componentName(file, 'queue');
    const members = child(xml.body, 'queueMembers');
    const memberList = (group: string, item: string) => manyNodes(members, group).flatMap((g) => many(g, item).map(String));
    return {
      developerName,
      name: str(xml.body, 'name') ?? developerName,
      email: str(xml.body, 'email') || undefined,
      doesSendEmailToMembers: bool(xml.body, 'doesSendEmailToMembers') === true,
      sobjectTypes: manyNodes(xml.body, 'queueSobject').map((q) => str(q, 'sobjectType') ?? '').filter((s) => s !== ''),
      memberUsernames: memberList('users', 'user'),
      memberRoles: memberList('roles', 'role'),
      memberRolesAndSubordinates: [...memberList('roleAndSubordinates', 'roleAndSubordinate'), ...memberList('roleAndSubordinatesInternal', 'roleAndSubordinateInternal')],
      memberGroups: memberList('publicGroups', 'publicGroup'),
      file: file.rel,
    };
  });
}

export function loadGroups(files: ProjectFile[], read: Read): GroupDef[] {
  return files.map((file) => {
    const xml = read(file, ['Group']);
    const developerName = componentName(file, 'group');
    return {
      developerName,
      name: str(xml.body, 'name') ?? developerName,
      doesIncludeBosses: bool(xml.body, 'doesIncludeBosses') !== false,
      description: str(xml.body, 'description'),
      file: file.rel,
    };
  });
}
