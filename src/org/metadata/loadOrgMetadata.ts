import fs from 'node:fs';
import path from 'node:path';
import { buildObject } from '../schema/standardObjects.ts';
import { OrgSchema, type PicklistValue } from '../schema/types.ts';
import { loadGroups, loadPermissionSets, loadProfiles, loadQueues, loadRoles } from './accessMetadata.ts';
import { readAutomationMetadata } from './automationMetadata.ts';
import { loadLeadConvertSettings } from './leadConvertSettings.ts';
import { parseMetadataXml, type MetadataXml } from './metadataXml.ts';
import { notEmulatedBundle, notEmulatedFile } from './notEmulated.ts';
import { buildObjectSpecs, type ObjectFiles } from './objectMetadata.ts';
import { fingerprint, locateProject, packageFiles, type ProjectFile } from './projectFiles.ts';
import { loadSeedFiles } from './seedFiles.ts';
import { MetadataError, type MetadataProblem, type OrgDefinition } from './types.ts';
import { loadUsersFile } from './usersFile.ts';
import { globalValueSetValues, standardValueSetValues, valueSetNameOf } from './valueSets.ts';

/**
 * Loads an SFDX project into the definition the local org is built from. Metadata the loader
 * emulates shapes the schema and the seed; everything else becomes a MetadataProblem (never
 * dropped silently); a project that cannot be read at all throws a MetadataError.
 */

/** Files sorted into what reads them. */
interface Classified {
  objects: Map<string, ObjectFiles>;
  globalValueSets: ProjectFile[];
  standardValueSets: ProjectFile[];
  leadConvertSettings: ProjectFile[];
  profiles: ProjectFile[];
  permissionSets: ProjectFile[];
  roles: ProjectFile[];
  queues: ProjectFile[];
  groups: ProjectFile[];
  /** Security-model, automation and page layout metadata, by file suffix, for readAutomationMetadata. */
  automation: Map<string, ProjectFile[]>;
  problems: MetadataProblem[];
}

const META_SUFFIX = /^(.*)\.([A-Za-z]+)-meta\.xml$/;

function classify(files: ProjectFile[]): Classified {
  const c: Classified = {
    objects: new Map(),
    globalValueSets: [],
    standardValueSets: [],
    leadConvertSettings: [],
    profiles: [],
    permissionSets: [],
    roles: [],
    queues: [],
    groups: [],
    automation: new Map(),
    problems: [],
  };
  const bundles = new Set<string>();
  const objectEntry = (name: string): ObjectFiles => {
    let entry = c.objects.get(name.toLowerCase());
    if (!entry) {
      entry = { name, fieldFiles: [], recordTypeFiles: [] };
      c.objects.set(name.toLowerCase(), entry);
    }
    return entry;
  };
  for (const file of files) {
    const parts = file.rel.split('/');
    // Component bundles are folders of several files; one problem per bundle is enough.
    const bundleAt = parts.findIndex((p, i) => (p === 'lwc' || p === 'aura') && i < parts.length - 2);
    if (bundleAt >= 0) {
      const dir = parts.slice(0, bundleAt + 2).join('/');
      if (!bundles.has(dir)) {
        bundles.add(dir);
        c.problems.push(notEmulatedBundle(dir, parts[bundleAt] as 'lwc' | 'aura'));
      }
      continue;
    }
    const name = parts[parts.length - 1];
    const m = META_SUFFIX.exec(name);
    // Content files (Foo.cls, images …) belong to the -meta.xml next to them, reported there.
    if (!m) continue;
    const [, base, suffix] = m;
    const parent = parts[parts.length - 2] ?? '';
    const grandParent = parts[parts.length - 3] ?? '';
    switch (suffix.toLowerCase()) {
      case 'object':
        if (objectEntry(base).objectFile) {
          throw new MetadataError(`The object ${base} is defined twice, in ${objectEntry(base).objectFile!.rel} and ${file.rel}. Keep one of them.`, file.rel);
        }
        objectEntry(base).objectFile = file;
        break;
      case 'field':
        if (parent !== 'fields' || !grandParent) c.problems.push(misplaced(file, 'objects/<Object>/fields/'));
        else objectEntry(grandParent).fieldFiles.push(file);
        break;
      case 'recordtype':
        if (parent !== 'recordTypes' || !grandParent) c.problems.push(misplaced(file, 'objects/<Object>/recordTypes/'));
        else objectEntry(grandParent).recordTypeFiles.push(file);
        break;
      case 'globalvalueset':
        c.globalValueSets.push(file);
        break;
      case 'standardvalueset':
        c.standardValueSets.push(file);
        break;
      case 'leadconvertsetting':
        c.leadConvertSettings.push(file);
        break;
      case 'settings':
        if (/^LeadConvert(Settings)?$/i.test(base)) c.leadConvertSettings.push(file);
        else c.problems.push(notEmulatedFile(file.rel, suffix));
        break;
      case 'profile':
        c.profiles.push(file);
        break;
      case 'permissionset':
        c.permissionSets.push(file);
        break;
      case 'role':
        c.roles.push(file);
        break;
      case 'queue':
        c.queues.push(file);
        break;
      case 'group':
        c.groups.push(file);
        break;
      case 'validationrule':
      case 'flow':
      case 'assignmentrules':
      case 'duplicaterule':
      case 'matchingrule':
      case 'sharingrules':
      case 'layout': {
        const key = suffix.toLowerCase();
        c.automation.set(key, [...(c.automation.get(key) ?? []), file]);
        break;
      }
      case 'connectedapp':
        // Read by the OAuth layer (src/org/auth/connectedApps.ts), which emulates them.
        break;
      default:
        c.problems.push(notEmulatedFile(file.rel, suffix));
    }
  }
  return c;
}

function misplaced(file: ProjectFile, where: string): MetadataProblem {
  return {
    file: file.rel,
    element: 'file',
    message: `This file is not where Salesforce source format puts it (${where}); it is ignored.`,
    hint: `Move it under ${where}.`,
  };
}

function projectName(projectDir: string): string | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as { name?: unknown };
    return typeof json.name === 'string' && json.name.trim() !== '' ? json.name : undefined;
  } catch {
    return undefined;
  }
}

export function loadOrgMetadata(projectDir: string): OrgDefinition {
  const layout = locateProject(projectDir);
  const files = packageFiles(layout);
  const c = classify(files);
  const problems = c.problems;
  const read = (file: ProjectFile, roots: readonly string[]): MetadataXml => parseMetadataXml(fs.readFileSync(file.abs, 'utf8'), file.rel, roots);

  const globalValueSets = new Map<string, PicklistValue[]>();
  for (const file of c.globalValueSets) {
    globalValueSets.set(valueSetNameOf(path.posix.basename(file.rel)).toLowerCase(), globalValueSetValues(read(file, ['GlobalValueSet'])));
  }
  const standardValueSets = new Map<string, PicklistValue[]>();
  for (const file of c.standardValueSets) {
    const name = valueSetNameOf(path.posix.basename(file.rel));
    const values = standardValueSetValues(name, read(file, ['StandardValueSet']), problems);
    if (values) standardValueSets.set(name, values);
  }

  const { specs, recordTypes } = buildObjectSpecs({ objects: [...c.objects.values()], read, standardValueSets, globalValueSets, problems });
  const schema = new OrgSchema(specs.map(buildObject));

  const leadConvert = loadLeadConvertSettings(
    c.leadConvertSettings.map((f) => read(f, ['LeadConvertSettings'])),
    schema,
    problems,
  );

  const profiles = loadProfiles(c.profiles, read);
  const permissionSets = loadPermissionSets(c.permissionSets, read);
  const roles = loadRoles(c.roles, read, problems);
  const queues = loadQueues(c.queues, read);
  const groups = loadGroups(c.groups, read);
  checkQueues(queues, roles, groups, schema, problems);

  const usersFile = loadUsersFile(layout.projectDir, { profiles, roles, permissionSets, queues, fallbackOrgName: projectName(layout.projectDir) });
  const users = usersFile.users;
  // Queue members come from the queue's metadata and from users' "queues" in users.json.
  for (const queue of queues) {
    const members = new Set<string>();
    for (const name of queue.memberUsernames) {
      const user = users.find((u) => u.username.toLowerCase() === name.toLowerCase());
      if (user) members.add(user.username);
      else {
        problems.push({
          file: queue.file,
          element: 'queueMembers',
          message: `Queue member '${name}' of ${queue.developerName} is not a user of the local org; it is left out.`,
          hint: 'Add the user to golive/users.json (or list the queue in that user\'s "queues").',
        });
      }
    }
    for (const u of users) if (u.queues.includes(queue.developerName)) members.add(u.username);
    queue.memberUsernames = [...members];
  }

  const automation = readAutomationMetadata(c.automation, read, schema, problems, { users, queues, roles, groups, profiles, recordTypes });

  const seed = loadSeedFiles(layout.projectDir, { schema, users, queues, groups, recordTypes, profiles, roles, permissionSets });

  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return {
    projectDir: layout.projectDir,
    packageDirectories: layout.packageDirectories,
    orgName: usersFile.orgName,
    orgDefaults: usersFile.orgDefaults,
    schema,
    profiles,
    permissionSets,
    roles,
    queues,
    groups,
    recordTypes,
    leadConvertMappings: leadConvert.mappings,
    leadConvertOptions: leadConvert.options,
    users,
    seed,
    automation,
    problems,
    metadataHash: fingerprint(layout, files),
  };
}

/** Queues may only hold objects that have owners, and members that exist. */
function checkQueues(
  queues: OrgDefinition['queues'],
  roles: OrgDefinition['roles'],
  groups: OrgDefinition['groups'],
  schema: OrgSchema,
  problems: MetadataProblem[],
): void {
  for (const queue of queues) {
    queue.sobjectTypes = queue.sobjectTypes.flatMap((type) => {
      const object = schema.object(type);
      if (object && object.fieldsByLowerName.has('ownerid')) return [object.name];
      problems.push({
        file: queue.file,
        element: 'queueSobject',
        message: `Queue ${queue.developerName} lists ${type}, which ${object ? 'has no owner' : 'the local org does not have'}; it is left out.`,
        hint: 'Queues hold records of objects with an OwnerId (Lead, Case, custom objects …).',
      });
      return [];
    });
    if (queue.name.length > 40) {
      problems.push({ file: queue.file, element: 'name', message: `Queue name '${queue.name}' is longer than 40 characters; the local org shortens it.`, hint: 'Salesforce allows 40 characters.' });
      queue.name = queue.name.slice(0, 40);
    }
    const known = (names: string[], exists: (n: string) => string | undefined, what: string) =>
      names.flatMap((n) => {
        const found = exists(n);
        if (found) return [found];
        problems.push({ file: queue.file, element: 'queueMembers', message: `Queue member ${what} '${n}' of ${queue.developerName} is not in the project; it is left out.`, hint: `Add the ${what} to the project or remove the member.` });
        return [];
      });
    const role = (n: string) => roles.find((r) => r.developerName.toLowerCase() === n.toLowerCase())?.developerName;
    queue.memberRoles = known(queue.memberRoles, role, 'role');
    queue.memberRolesAndSubordinates = known(queue.memberRolesAndSubordinates, role, 'role');
    queue.memberGroups = known(queue.memberGroups, (n) => groups.find((g) => g.developerName.toLowerCase() === n.toLowerCase())?.developerName, 'public group');
  }
}
