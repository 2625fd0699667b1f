import type { CompiledFormula } from '../../formula/types.ts';

/** A validation rule as read from `objects/<Object>/validationRules/<Name>.validationRule-meta.xml`. */
export interface ValidationRuleDef {
  /** The object's API name, as the schema declares it. */
  object: string;
  fullName: string;
  active: boolean;
  description?: string;
  errorConditionFormula: string;
  errorMessage: string;
  /** The field the error is reported on (API name as declared); absent: the error is about the record. */
  errorDisplayField?: string;
  /**
   * The compiled condition; absent when it could not be compiled or the rule is incomplete.
   * Such a rule is reported as a MetadataProblem and never run.
   */
  condition?: CompiledFormula;
  /** Relative to the project, for messages. */
  file: string;
}
