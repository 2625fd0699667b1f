import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AREAS, loadRegister, parseRegister, RegisterError, SEVERITIES } from '../../src/gate/register/requirementRegister.ts';

const FILE = 'requirements.yaml';
const entry = (fields: Record<string, string>) =>
  `requirements:\n  - ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n    ')}\n`;
const GOOD = { id: 'LTO-01', title: 'A rep creates a lead', area: 'lead-to-opportunity', severity: 'blocker', owner: 'Sales', step: 'Capture the lead' };

test('the shipped register: unique ids of the five areas, each with a known area and severity', () => {
  const register = loadRegister();
  const prefixes = new Set(register.map((r) => r.id.split('-')[0]));
  assert.deepEqual([...prefixes].sort(), ['AUT', 'DQ', 'LTO', 'MOB', 'PERM']);
  assert.equal(new Set(register.map((r) => r.id)).size, register.length);
  for (const r of register) {
    assert.ok((AREAS as readonly string[]).includes(r.area), r.id);
    assert.ok((SEVERITIES as readonly string[]).includes(r.severity), r.id);
  }
  assert.ok(register.some((r) => r.severity === 'blocker'));
});

test('a valid entry is read as written, trimmed', () => {
  assert.deepEqual(parseRegister(entry({ ...GOOD, title: '"  A rep creates a lead  "' }), FILE), [GOOD]);
});

const INVALID: [string, string, RegExp][] = [
  ['not YAML', 'requirements: [\n', /^requirements\.yaml:\d+:\d+: not valid YAML/],
  ['no requirements list', 'reqs: []\n', /expected a top-level 'requirements:' list/],
  ['an entry that is a string', 'requirements:\n  - LTO-01\n', /requirement #1 is not a mapping/],
  ['a missing owner', entry({ ...GOOD, owner: '""' }), /requirement #1 \(LTO-01\) has no 'owner'/],
  ['a malformed id', entry({ ...GOOD, id: 'lto1' }), /id 'lto1' is not of the form AREA-<number>/],
  ['an unknown area', entry({ ...GOOD, area: 'sales' }), /LTO-01 has area 'sales'; use one of lead-to-opportunity/],
  ['an unknown severity', entry({ ...GOOD, severity: 'high' }), /LTO-01 has severity 'high'; use one of blocker, critical, major, minor/],
  ['a duplicate id', `${entry(GOOD)}${entry(GOOD).replace('requirements:\n', '')}`, /requirement LTO-01 is listed twice/],
];

for (const [name, text, expected] of INVALID) {
  test(`register error, one line naming the file and entry: ${name}`, () => {
    assert.throws(
      () => parseRegister(text, FILE),
      (err: unknown) => err instanceof RegisterError && expected.test(err.message) && err.message.startsWith(FILE) && !err.message.includes('\n'),
    );
  });
}

test('a register that cannot be read says which file', () => {
  assert.throws(() => loadRegister('/nonexistent/requirements.yaml'), (err: unknown) => err instanceof RegisterError && err.message.includes('/nonexistent/requirements.yaml'));
});
