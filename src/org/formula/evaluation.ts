import { keyPrefixOf } from '../ids/salesforceId.ts';
import type { StoredRow } from '../persistence/OrgStore.ts';
import type { ObjectDef } from '../schema/types.ts';
import { FormulaError } from './FormulaError.ts';
import { callFormulon } from './formulonCall.ts';
import { NULL, type Literal } from './literals.ts';
import type { FormulaContext, FormulaUser } from './types.ts';

/**
 * A compiled formula is a tree of evaluators, one per node, each taking the evaluation's Env.
 * The same tree runs twice: once at compile time in `check` mode (merge fields give typed
 * samples, every branch is evaluated, so formulon reports wrong argument counts and types
 * before any record is saved), then once per record.
 */

export type Evaluator = (env: Env) => Literal;

export class Env {
  private readonly parents = new Map<string, StoredRow | undefined>();
  private userPart: FormulaUser | undefined;

  private constructor(
    readonly check: boolean,
    private readonly context: FormulaContext | undefined,
  ) {}

  static checking(): Env {
    return new Env(true, undefined);
  }

  static of(ctx: FormulaContext): Env {
    return new Env(false, ctx);
  }

  get ctx(): FormulaContext {
    if (!this.context) throw new Error('no record context while type-checking a formula');
    return this.context;
  }

  /** Read once per evaluation: the context may compute it on demand. */
  get user(): FormulaUser {
    this.userPart ??= this.ctx.user;
    return this.userPart;
  }

  /** The record a lookup points at; one load per record and evaluation, however often it is referenced. */
  parent(target: ObjectDef, id: string): StoredRow | undefined {
    // A polymorphic lookup (Owner) that points at another object than the one the path names reads as blank.
    if (keyPrefixOf(id) !== target.keyPrefix) return undefined;
    const key = `${target.name}:${id}`;
    if (!this.parents.has(key)) {
      const row = this.ctx.lookupParent(target, id);
      this.parents.set(key, row && row.IsDeleted !== 1 ? row : undefined);
    }
    return this.parents.get(key);
  }

  /**
   * formulon's implementation of `fn` on evaluated arguments. While checking, a failure that
   * depends on the sample values (DATEVALUE of sample text) is no error: the result is unknown.
   */
  formulon(fn: string, args: readonly Literal[]): Literal {
    try {
      return callFormulon(fn, args);
    } catch (err) {
      if (this.check && err instanceof FormulaError && err.kind === 'evaluation') return NULL;
      throw err;
    }
  }
}
