import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadOrgMetadata } from '../../../src/org/metadata/loadOrgMetadata.ts';
import type { MetadataProblem } from '../../../src/org/metadata/types.ts';
import { adminUser, MAIN, makeProject, removeProjects, usersJson } from '../metadata/sfdxProject.ts';
import { ruleXml } from './ruleXml.ts';

const RULES = `${MAIN}/objects/Account/validationRules`;

describe('reading validation rules', () => {
  after(removeProjects);
  const def = loadOrgMetadata(
    makeProject({
      'golive/users.json': usersJson([{ ...adminUser, password: 'rules-1' }]),
      [`${RULES}/Phone_Required.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'ISBLANK(Phone)', message: 'Phone, please', field: 'phone', description: 'Calls' }),
      [`${RULES}/Dormant.validationRule-meta.xml`]: ruleXml({ active: false, formula: 'TRUE', message: 'Never' }),
      [`${RULES}/Shown_Nowhere.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'Name = "x"', message: 'No x', field: 'Nope__c' }),
      [`${RULES}/Uses_Vlookup.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'VLOOKUP(Name, Name, Name) = "x"', message: 'Looked up' }),
      [`${RULES}/Broken.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'AND(ISBLANK(Phone),, TRUE)', message: 'Broken' }),
      [`${RULES}/Not_A_Condition.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'Name', message: 'Text' }),
      [`${RULES}/Silent.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'TRUE' }),
      [`${RULES}/Undecided.validationRule-meta.xml`]: ruleXml({ formula: 'TRUE', message: 'Maybe' }),
      [`${MAIN}/objects/Nope__c/validationRules/Orphan.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'TRUE', message: 'Orphan' }),
      [`${MAIN}/objects/Account/rules/Lost.validationRule-meta.xml`]: ruleXml({ active: true, formula: 'TRUE', message: 'Lost' }),
    }),
  );
  const rules = def.automation.validationRules ?? [];
  const rule = (name: string) => {
    const r = rules.find((x) => x.fullName === name);
    assert.ok(r, `rule ${name} was read`);
    return r;
  };
  const problemsOf = (name: string): MetadataProblem[] => def.problems.filter((p) => p.file.endsWith(`/${name}.validationRule-meta.xml`));

  it('reads name, activity, message, description and the display field (as declared), and compiles the condition', () => {
    const r = rule('Phone_Required');
    assert.deepEqual(
      { object: r.object, active: r.active, message: r.errorMessage, field: r.errorDisplayField, description: r.description },
      { object: 'Account', active: true, message: 'Phone, please', field: 'Phone', description: 'Calls' },
    );
    assert.equal(r.condition?.returnType, 'boolean');
    assert.deepEqual(r.condition?.referencedFields, ['Phone']);
    assert.equal(rule('Dormant').active, false);
    assert.deepEqual(problemsOf('Phone_Required'), []);
    assert.deepEqual(problemsOf('Dormant'), []);
  });

  it('reports a formula it cannot run, with file, line, element and why; the rule keeps no condition', () => {
    const [p] = problemsOf('Uses_Vlookup');
    assert.equal(problemsOf('Uses_Vlookup').length, 1);
    assert.equal(p.file, `${RULES}/Uses_Vlookup.validationRule-meta.xml`);
    assert.equal(p.element, 'errorConditionFormula');
    assert.equal(p.line, 4);
    assert.match(p.message, /Validation rule Account\.Uses_Vlookup cannot be run by the local org: Function VLOOKUP is not supported/);
    assert.match(p.hint, /does not run this rule.*sandbox/);
    assert.equal(rule('Uses_Vlookup').condition, undefined);

    assert.match(problemsOf('Broken')[0].message, /Syntax error\. Extra ','/);
    assert.match(problemsOf('Broken')[0].hint, /Salesforce would not accept this formula either/);
    assert.equal(rule('Broken').condition, undefined);
    assert.match(problemsOf('Not_A_Condition')[0].message, /Formula result is data type \(Text\), incompatible with expected data type \(true\/false\)/);
    assert.equal(rule('Not_A_Condition').condition, undefined);
  });

  it('reports a display field that is not a field of the object, and still runs the rule', () => {
    const [p] = problemsOf('Shown_Nowhere');
    assert.equal(p.element, 'errorDisplayField');
    assert.equal(p.line, 5);
    assert.match(p.message, /Nope__c, which is not a field of Account/);
    assert.equal(rule('Shown_Nowhere').errorDisplayField, undefined);
    assert.ok(rule('Shown_Nowhere').condition);
  });

  it('reports a rule without a message, or without <active>', () => {
    assert.equal(problemsOf('Silent')[0].element, 'errorMessage');
    assert.equal(rule('Silent').condition, undefined);
    assert.equal(problemsOf('Undecided')[0].element, 'active');
    assert.equal(rule('Undecided').active, false);
  });

  it('reports rules of objects the org does not have and misplaced files, and reads no other', () => {
    assert.match(problemsOf('Orphan')[0].message, /Nope__c, an object the local org does not have/);
    assert.match(problemsOf('Lost')[0].message, /not where Salesforce source format puts it/);
    assert.deepEqual(rules.map((r) => r.fullName), ['Broken', 'Dormant', 'Not_A_Condition', 'Phone_Required', 'Shown_Nowhere', 'Silent', 'Undecided', 'Uses_Vlookup']);
    assert.equal(def.problems.filter((p) => /not emulated/.test(p.message)).length, 0);
  });
});
