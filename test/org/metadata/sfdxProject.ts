import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Purpose-made SFDX projects for the metadata tests: each test writes exactly the files it
 * is about into a fresh temporary folder.
 */

export const MAIN = 'force-app/main/default';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

const roots: string[] = [];

/** Writes the files (relative path → content) under a new temporary project folder. */
export function makeProject(files: Record<string, string>, options: { sfdxProject?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golive-metadata-'));
  roots.push(dir);
  if (options.sfdxProject !== false) {
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
    fs.mkdirSync(path.join(dir, 'force-app'), { recursive: true });
  }
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export function removeProjects(): void {
  for (const dir of roots.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const xml = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}\n</${root}>\n`;
export const fieldXml = (body: string) => xml('CustomField', body);

/** A custom object file with a text name field. */
export const customObjectXml = (label: string, extra = '') =>
  xml(
    'CustomObject',
    `    <label>${label}</label>\n    <pluralLabel>${label}s</pluralLabel>\n    <nameField><label>${label} Name</label><type>Text</type></nameField>\n    <deploymentStatus>Deployed</deploymentStatus>\n    <sharingModel>ReadWrite</sharingModel>${extra}`,
  );

export const usersJson = (users: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ orgName: 'Test Org', users, ...extra }, null, 2);

export const adminUser = { persona: 'admin', username: 'admin@test.local', lastName: 'Admin', email: 'admin@test.local', profile: 'System Administrator' };
