import { compileFormula } from '../../formula/compileFormula.ts';
import { FormulaError } from '../../formula/FormulaError.ts';
import type { ObjectDef, OrgSchema } from '../../schema/types.ts';
import type { CriteriaProblem } from './entryCriteria.ts';
import type { AssignmentEntry } from './types.ts';

/**
 * An entry whose criteria is a formula ("formula evaluates to true"), compiled at load so a
 * formula the engine cannot handle is a problem then. A formula that breaks on a record
 * (division by zero) does not match it: the record falls through to the next entries.
 */
export function formulaMatcher(object: ObjectDef, schema: OrgSchema, formula: string): Pick<AssignmentEntry, 'criteria' | 'matches'> | CriteriaProblem {
  let compiled;
  try {
    compiled = compileFormula(formula, { object, schema, returnType: 'boolean' });
  } catch (err) {
    if (!(err instanceof FormulaError)) throw err;
    return { message: `its formula cannot be evaluated locally: ${err.message}` };
  }
  const evaluate = compiled;
  return {
    criteria: `formula ${formula.replace(/\s+/g, ' ')}`,
    matches: (row, ctx) => {
      try {
        return evaluate.evaluate({ ...ctx.formula, row }) === true;
      } catch (err) {
        if (err instanceof FormulaError) return false;
        throw err;
      }
    },
  };
}
