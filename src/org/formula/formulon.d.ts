// formulon ships no type declarations; this covers the part of its API the formula engine uses.
declare module 'formulon' {
  export interface FormulonLiteral {
    type: 'literal';
    value: unknown;
    dataType: string;
    options: Record<string, unknown>;
  }
  export interface FormulonError {
    type: 'error';
    errorType: string;
    message: string;
    [option: string]: unknown;
  }
  export interface FormulonCall {
    type: 'callExpression';
    id: string;
    arguments: FormulonNode[];
  }
  export interface FormulonIdentifier {
    type: 'identifier';
    name: string;
  }
  export type FormulonNode = FormulonLiteral | FormulonCall | FormulonIdentifier | FormulonError;

  export function ast(formula: string): FormulonNode;
  export function parse(formula: string, substitutions?: Record<string, FormulonLiteral>): FormulonLiteral | FormulonError;
  export function extract(formula: string): string[];
  export function toString(literal: FormulonLiteral): string;
  const formulon: { ast: typeof ast; parse: typeof parse; extract: typeof extract; toString: typeof toString };
  export default formulon;
}
