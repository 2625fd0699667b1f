import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { compileFormula } from '../../../src/org/formula/compileFormula.ts';
import { FormulaError, type FormulaErrorKind } from '../../../src/org/formula/FormulaError.ts';
import type { FormulaReturnType } from '../../../src/org/formula/types.ts';
import { removeProjects } from '../metadata/sfdxProject.ts';
import { context, formulaSchema } from './formulaFixture.ts';

const schema = formulaSchema();
const widget = schema.object('Widget__c')!;
after(removeProjects);

const compile = (formula: string, returnType?: FormulaReturnType) => compileFormula(formula, { object: widget, schema, returnType });

function compileError(formula: string, returnType?: FormulaReturnType): FormulaError {
  try {
    compile(formula, returnType);
  } catch (err) {
    if (err instanceof FormulaError) return err;
    throw err;
  }
  assert.fail(`${formula} compiled`);
}

describe('compile errors: one line naming the token, at compile time', () => {
  const cases: Array<[formula: string, kind: FormulaErrorKind, message: RegExp, token?: string]> = [
    ['Foo__c > 1', 'unknownField', /^Field Foo__c does not exist\. Check spelling\.$/, 'Foo__c'],
    ['Account__r.Nope__c', 'unknownField', /^Field Account__r\.Nope__c does not exist/, 'Account__r.Nope__c'],
    ['Nope__r.Name', 'unknownField', /^Field Nope__r\.Name does not exist/],
    ['$User.Nope', 'unknownField', /^Field \$User\.Nope does not exist/],
    ['FOO(1)', 'unknownFunction', /^Unknown function FOO\. Check spelling\.$/, 'FOO'],
    ['VLOOKUP(Notes__c, Notes__c, Notes__c)', 'unsupported', /^Function VLOOKUP is not supported by the golive local org$/, 'VLOOKUP'],
    ['$Organization.Name = "x"', 'unsupported', /\$Organization .*not supported/],
    ['$Setup.Config__c.Flag__c', 'unsupported', /\$Setup/],
    ['REGEX(Notes__c, "\\\\d++")', 'unsupported', /possessive quantifier/],
    ['REGEX(Notes__c, "(?>a)")', 'unsupported', /atomic group/],
    ['REGEX(Notes__c, "[a-z&&[^b]]")', 'unsupported', /intersection/],
    ['REGEX(Notes__c, "(a")', 'syntax', /Invalid regular expression "\(a"/],
    ['IF(TRUE, 1)', 'type', /^Incorrect number of parameters for function 'IF\(\)'\. Expected 3, received 2$/],
    ['LEN(Score__c)', 'type', /^Incorrect parameter type for function 'LEN\(\)'\. Expected Text, received Number$/],
    ['Kind__c = "Gold"', 'type', /^Incorrect parameter type for operator '='.*received Picklist$/],
    ['ISBLANK(Kind__c)', 'type', /ISBLANK.*received Picklist/],
    ['Score__c + "a"', 'type', /operator '\+'/],
    ['IF(Flag__c, 1, "one")', 'type', /^Incorrect parameter type for function 'IF\(\)'\. Expected Number, received Text$/],
    ['CASE(Score__c, 1, "one", "two", "x", "y")', 'type', /CASE/],
    ['ISCHANGED(Account__r.Name)', 'type', /^Incorrect parameter type for function 'ISCHANGED\(\)'\. Expected a field of Widget__c$/],
    ['PRIORVALUE(1)', 'type', /PRIORVALUE/],
    ['ISNEW(Flag__c)', 'type', /^Incorrect number of parameters for function 'ISNEW\(\)'\. Expected 0, received 1$/],
    ['REGEX(Score__c, "1")', 'type', /^Incorrect parameter type for function 'REGEX\(\)'\. Expected Text, received Number$/],
    ['AND(Flag__c,, Flag__c)', 'syntax', /^Syntax error\. Extra ','$/, ','],
    ['AND(Flag__c, Flag__c', 'syntax', /^Syntax error\. Missing '\)'$/],
    ['Flag__c)', 'syntax', /^Syntax error\. Extra '\)'$/],
    ['Score__c Score__c', 'syntax', /^Syntax error\. Found 'Score__c'$/, 'Score__c'],
    ['Score__c +', 'syntax', /Missing an operand after '\+'/],
    ['Score__c # 1', 'syntax', /^Syntax error\. Found '#'$/, '#'],
    ['"unterminated', 'syntax', /Missing " to end the text literal/],
    ['/* open comment', 'syntax', /Missing '\*\/'/],
    ['REGEX(Notes__c, "\\d+")', 'syntax', /Invalid escape sequence '\\d'.*write a backslash as '\\\\'/, '\\d'],
    ['   ', 'syntax', /The formula is empty/],
  ];
  for (const [formula, kind, message, token] of cases) {
    it(`${formula}: ${kind}`, () => {
      const err = compileError(formula);
      assert.equal(err.kind, kind, err.message);
      assert.match(err.message, message);
      assert.doesNotMatch(err.message, /\n/);
      if (token !== undefined) assert.equal(err.token, token);
    });
  }

  it('refuses a result of the wrong type when the caller asks for one', () => {
    const err = compileError('Notes__c', 'boolean');
    assert.equal(err.kind, 'type');
    assert.equal(err.message, 'Formula result is data type (Text), incompatible with expected data type (true/false).');
    assert.match(compileError('Flag__c', 'number').message, /data type \(Checkbox\), incompatible with expected data type \(Number\)/);
    assert.equal(compile('Score__c > 1', 'boolean').returnType, 'boolean');
    assert.equal(compile('TEXT(Kind__c)', 'text').returnType, 'text');
  });
});

describe('what a compiled formula reports about itself', () => {
  it('infers its return type', () => {
    const types = ['Score__c * 2', 'Notes__c & "x"', 'Due__c + 1', 'NOW()', 'ISNEW()', 'Kind__c', 'Tags__c'].map((f) => compile(f).returnType);
    assert.deepEqual(types, ['number', 'text', 'date', 'datetime', 'boolean', 'picklist', 'multipicklist']);
  });

  it('lists the fields it reads (lookup fields for paths) and every merge field, canonically spelled', () => {
    const f = compile('AND(ISCHANGED(score__c), account__r.owner.name = $user.username, $Permission.Approve, NOT(ISBLANK(notes__c)), ISPICKVAL(PRIORVALUE(Kind__c), "x"))');
    assert.deepEqual([...f.referencedFields].sort(), ['Account__c', 'Kind__c', 'Notes__c', 'Score__c']);
    assert.deepEqual([...f.references].sort(), ['$Permission.Approve', '$User.Username', 'Account__r.Owner.Name', 'Kind__c', 'Notes__c', 'Score__c']);
  });
});

describe('evaluation errors', () => {
  it('reports division by zero and invalid values as FormulaError of kind evaluation', () => {
    const divide = compile('1 / Score__c');
    assert.throws(() => divide.evaluate(context({ Score__c: 0 })), (err: unknown) => err instanceof FormulaError && err.kind === 'evaluation' && /Division by zero/.test(err.message));
    assert.equal(divide.evaluate(context({ Score__c: 4 })), 0.25);
    const dateOf = compile('DATEVALUE(Notes__c)');
    assert.throws(() => dateOf.evaluate(context({ Notes__c: 'not a date' })), (err: unknown) => err instanceof FormulaError && err.kind === 'evaluation');
    const dynamic = compile('REGEX(Notes__c, Notes__c)');
    assert.throws(() => dynamic.evaluate(context({ Notes__c: '(' })), (err: unknown) => err instanceof FormulaError && err.kind === 'evaluation');
  });
});
