/**
 * Why a formula cannot be compiled or evaluated, in one line that names the offending token, in
 * the wording of Salesforce's formula editor where there is one ("Field Foo__c does not exist.
 * Check spelling."), so an admin recognises it.
 *
 * - syntax: the text is not a formula
 * - unknownField / unknownFunction: a name that does not exist
 * - unsupported: valid on Salesforce, not emulated by the local org (VLOOKUP, $Setup …)
 * - type: wrong argument types or counts, or a result of the wrong type
 * - evaluation: broke while running on a record (division by zero)
 */
export type FormulaErrorKind = 'syntax' | 'unknownField' | 'unknownFunction' | 'unsupported' | 'type' | 'evaluation';

export class FormulaError extends Error {
  constructor(
    message: string,
    readonly kind: FormulaErrorKind,
    /** The name or text the message is about, when there is one. */
    readonly token?: string,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}
