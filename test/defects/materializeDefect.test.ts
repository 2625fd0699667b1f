import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { DefectError, listDefects, readDefect } from '../../src/harness/defects/defectCatalogue.ts';
import { materializeDefect } from '../../src/harness/defects/materializeDefect.ts';

/**
 * The overlay machinery on a small made-up base org and catalogue: what a materialized defect
 * contains, and the one-line refusals for overlays that cannot mean what their author intended.
 */

const tmp = mkdtempSync(path.join(os.tmpdir(), 'golive-defects-machinery-'));
const base = path.join(tmp, 'base');
const defectsDir = path.join(tmp, 'defects');
const requirementIds = new Set(['PERM-01', 'AUT-04']);
const options = { baseDir: base, defectsDir, requirementIds };

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function defect(slug: string, yaml: string, files: Record<string, string> = {}): void {
  write(path.join(defectsDir, slug, 'defect.yaml'), yaml);
  for (const [rel, text] of Object.entries(files)) write(path.join(defectsDir, slug, rel), text);
}

const HEADER = 'title: Leads are public\nbreaks: PERM-01\nwhy: opened for a migration\nsymptom: reps see every lead\n';
const LEAD = 'force-app/main/default/objects/Lead/Lead.object-meta.xml';
const RULE = 'force-app/main/default/objects/Opportunity/validationRules/Amount.validationRule-meta.xml';
const QUEUE = 'force-app/main/default/queues/Other.queue-meta.xml';

function refusal(slug: string): string {
  try {
    readDefect(slug, options);
  } catch (err) {
    assert.ok(err instanceof DefectError, String(err));
    assert.doesNotMatch(err.message, /\n/, 'one line');
    return err.message;
  }
  assert.fail(`defect ${slug} was accepted`);
}

describe('defect overlays', () => {
  beforeEach(() => {
    rmSync(base, { recursive: true, force: true });
    rmSync(defectsDir, { recursive: true, force: true });
    write(path.join(base, LEAD), '<sharingModel>Private</sharingModel>');
    write(path.join(base, RULE), '<active>true</active>');
    write(path.join(base, 'golive/users.json'), '{"users":[]}');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('materializes the base with files replaced, added and removed, and leaves the base as it was', () => {
    defect('public-leads', `${HEADER}remove:\n  - ${RULE}\nadds:\n  - ${QUEUE}\n`, { [LEAD]: '<sharingModel>ReadWrite</sharingModel>', [QUEUE]: '<name>Other</name>' });
    const into = path.join(tmp, 'out');
    const { dir, defect: read } = materializeDefect('public-leads', into, options);
    assert.equal(dir, into);
    assert.equal(read.breaks, 'PERM-01');
    assert.equal(readFileSync(path.join(dir, LEAD), 'utf8'), '<sharingModel>ReadWrite</sharingModel>');
    assert.equal(readFileSync(path.join(dir, QUEUE), 'utf8'), '<name>Other</name>');
    assert.equal(existsSync(path.join(dir, RULE)), false);
    assert.equal(existsSync(path.join(dir, 'golive/users.json')), true);
    assert.equal(existsSync(path.join(dir, 'defect.yaml')), false, 'the label is not part of the org');
    assert.equal(readFileSync(path.join(base, LEAD), 'utf8'), '<sharingModel>Private</sharingModel>');
    assert.equal(existsSync(path.join(base, RULE)), true);
    rmSync(into, { recursive: true });
  });

  it('refuses to write into a folder that has files', () => {
    defect('public-leads', HEADER, { [LEAD]: '<sharingModel>ReadWrite</sharingModel>' });
    const into = path.join(tmp, 'busy');
    write(path.join(into, 'keep.txt'), 'mine');
    assert.throws(() => materializeDefect('public-leads', into, options), /is not empty/);
    assert.equal(readFileSync(path.join(into, 'keep.txt'), 'utf8'), 'mine');
  });

  it('refuses an overlay file that replaces nothing, unless it is declared under adds', () => {
    defect('typo', HEADER, { 'force-app/main/default/objects/Lead/Leads.object-meta.xml': '<x/>' });
    assert.match(refusal('typo'), /overlay file 'force-app\/main\/default\/objects\/Lead\/Leads.object-meta.xml' replaces nothing .* list it under adds/);
  });

  it('refuses adds that the base already has, or that the folder lacks', () => {
    defect('adds-existing', `${HEADER}adds:\n  - ${LEAD}\n`, { [LEAD]: '<sharingModel>Read</sharingModel>' });
    assert.match(refusal('adds-existing'), /listed under adds but the base org already has it/);
    defect('adds-missing', `${HEADER}adds:\n  - ${QUEUE}\n`, { [LEAD]: '<sharingModel>Read</sharingModel>' });
    assert.match(refusal('adds-missing'), /listed under adds but the defect folder has no such file/);
  });

  it('refuses a removal of a file the base lacks, or outside the org', () => {
    defect('remove-typo', `${HEADER}remove:\n  - force-app/nothing.xml\n`);
    assert.match(refusal('remove-typo'), /remove lists 'force-app\/nothing.xml', which the base org does not have/);
    defect('remove-outside', `${HEADER}remove:\n  - ../../etc/passwd\n`);
    assert.match(refusal('remove-outside'), /points outside the org/);
  });

  it('refuses a requirement the register does not know, a missing label and an unknown key', () => {
    defect('unknown-req', HEADER.replace('PERM-01', 'PERM-99'), { [LEAD]: '<sharingModel>Read</sharingModel>' });
    assert.match(refusal('unknown-req'), /breaks 'PERM-99', which is not in scenarios\/requirements.yaml/);
    defect('no-symptom', 'title: x\nbreaks: PERM-01\nwhy: y\n', { [LEAD]: '<sharingModel>Read</sharingModel>' });
    assert.match(refusal('no-symptom'), /'symptom' is missing/);
    defect('extra-key', `${HEADER}owner: me\n`, { [LEAD]: '<sharingModel>Read</sharingModel>' });
    assert.match(refusal('extra-key'), /unknown key 'owner'/);
  });

  it('refuses a defect that changes nothing: no files, or a copy identical to the base', () => {
    defect('empty', HEADER);
    assert.match(refusal('empty'), /changes nothing/);
    defect('same', HEADER, { [LEAD]: '<sharingModel>Private</sharingModel>' });
    assert.match(refusal('same'), /identical to the base org's/);
  });

  it('names an unknown defect', () => {
    mkdirSync(defectsDir, { recursive: true });
    assert.throws(() => materializeDefect('no-such-defect', path.join(tmp, 'x'), options), /No defect 'no-such-defect'.*golive defects list/);
  });

  it('reads the real catalogue: at least a dozen defects, each breaking a register requirement', () => {
    const catalogue = listDefects();
    assert.ok(catalogue.length >= 12, `${catalogue.length} defects`);
    for (const d of catalogue) assert.ok(d.title && d.why && d.symptom, d.slug);
  });
});
