import type { Condition, ConditionWithValueQuery, HavingClause, WhereClause } from '@jetstreamapp/soql-parser-js';
import { SfErrors } from '../errors/SfErrors.ts';
import type { QueryText, TextRange } from './queryText.ts';

/**
 * The parser gives WHERE and HAVING as a right-leaning chain of conditions with parenthesis counts
 * on them, which is not the boolean structure. This rebuilds the tree and enforces SOQL's rules
 * while doing so: AND and OR may not be mixed without parentheses, and NOT may only open a
 * (parenthesised) expression ("a AND NOT b" is a syntax error on Salesforce).
 */

export type BoolTree<C> =
  | { kind: 'and' | 'or'; items: BoolTree<C>[] }
  | { kind: 'not'; item: BoolTree<C> }
  | { kind: 'cond'; cond: C };

type Token<C> = '(' | ')' | 'AND' | 'OR' | 'NOT' | { cond: C };

interface ChainNode {
  left: unknown;
  operator?: string;
  right?: ChainNode;
}

function isNegation(node: ChainNode): boolean {
  return node.operator?.toUpperCase() === 'NOT';
}

function flatten<C>(clause: ChainNode): Token<C>[] {
  const out: Token<C>[] = [];
  let node: ChainNode | undefined = clause;
  while (node) {
    const left = node.left as { openParen?: number; closeParen?: number } | null;
    if (isNegation(node)) {
      for (let i = 0; i < (left?.openParen ?? 0); i++) out.push('(');
      out.push('NOT');
    } else if (left) {
      for (let i = 0; i < (left.openParen ?? 0); i++) out.push('(');
      out.push({ cond: left as C });
      for (let i = 0; i < (left.closeParen ?? 0); i++) out.push(')');
      const op = node.operator?.toUpperCase();
      if (op === 'AND' || op === 'OR') out.push(op);
    }
    node = node.right;
  }
  return out;
}

class TreeParser<C> {
  private i = 0;

  constructor(
    private readonly tokens: Token<C>[],
    private readonly unexpected: (token: string, nth: number) => Error,
  ) {}

  private seen: Record<string, number> = {};

  private fail(token: Token<C> | undefined): Error {
    const name = token === undefined ? '<EOF>' : typeof token === 'string' ? token : 'condition';
    return this.unexpected(name, this.seen[name] ?? 0);
  }

  private next(): Token<C> | undefined {
    const t = this.tokens[this.i++];
    if (typeof t === 'string') this.seen[t] = (this.seen[t] ?? 0) + 1;
    return t;
  }

  parse(): BoolTree<C> {
    const tree = this.group();
    if (this.i < this.tokens.length) throw this.fail(this.tokens[this.i]);
    return tree;
  }

  private group(): BoolTree<C> {
    const items = [this.unit(true)];
    let op: 'AND' | 'OR' | undefined;
    while (this.tokens[this.i] === 'AND' || this.tokens[this.i] === 'OR') {
      const t = this.tokens[this.i] as 'AND' | 'OR';
      if (op && t !== op) throw this.fail(t);
      op = t;
      this.next();
      items.push(this.unit(false));
    }
    if (!op) return items[0];
    return { kind: op === 'AND' ? 'and' : 'or', items };
  }

  private unit(groupStart: boolean): BoolTree<C> {
    const t = this.tokens[this.i];
    if (t === 'NOT') {
      if (!groupStart) throw this.fail('NOT');
      this.next();
      return { kind: 'not', item: this.unit(true) };
    }
    if (t === '(') {
      this.next();
      const inner = this.group();
      if (this.tokens[this.i] !== ')') throw this.fail(this.tokens[this.i]);
      this.next();
      return inner;
    }
    if (t && typeof t === 'object') {
      this.i++;
      return { kind: 'cond', cond: t.cond };
    }
    throw this.fail(t);
  }
}

function build<C>(clause: ChainNode, text: QueryText, range: TextRange, keyword: string): BoolTree<C> {
  const unexpected = (token: string, nth: number) => {
    // Point at the nth occurrence of the token after the clause keyword, as near as we can tell.
    if (!/^[A-Z]+$/.test(token)) return SfErrors.soqlUnexpectedToken(token);
    let offset = text.find(keyword, range);
    const word = new RegExp(`\\b${token}\\b`, 'gi');
    for (let k = 0; k <= nth && offset !== undefined; k++) {
      word.lastIndex = offset + (k === 0 ? 0 : 1);
      offset = word.exec(text.soql)?.index;
    }
    return SfErrors.soqlUnexpectedToken(token, text.pointer(offset));
  };
  return new TreeParser<C>(flatten<C>(clause), unexpected).parse();
}

export function whereTree(where: WhereClause, text: QueryText, range: TextRange): BoolTree<ConditionWithValueQuery> {
  return build(where as ChainNode, text, range, 'where');
}

export function havingTree(having: HavingClause, text: QueryText, range: TextRange): BoolTree<Condition> {
  return build(having as ChainNode, text, range, 'having');
}
