/**
 * The query's source text, for error messages. The parser's AST carries no positions, yet
 * Salesforce points at the offending token ("ERROR at Row:1:Column:12" under a caret), so errors
 * find their token again here. A light tokenizer knows string literals and parenthesis depth, which
 * is enough to tell a field in the outer query from the same name inside a subquery or a string.
 */

interface TextToken {
  /** The token as written; strings keep their quotes. */
  text: string;
  lower: string;
  start: number;
  depth: number;
  kind: 'word' | 'string' | 'punct';
}

/** Tokens [from, to) at one parenthesis depth: the outer query or one subquery. */
export interface TextRange {
  from: number;
  to: number;
  depth: number;
}

const WORD = /[A-Za-z0-9_.$]/;

export class QueryText {
  private readonly tokens: TextToken[] = [];

  constructor(readonly soql: string) {
    this.tokenize();
  }

  get whole(): TextRange {
    return { from: 0, to: this.tokens.length, depth: 0 };
  }

  private tokenize(): void {
    const s = this.soql;
    let depth = 0;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (/\s/.test(c)) {
        i++;
      } else if (c === "'") {
        let j = i + 1;
        while (j < s.length && s[j] !== "'") j += s[j] === '\\' ? 2 : 1;
        this.push(s.slice(i, j + 1), i, depth, 'string');
        i = j + 1;
      } else if (WORD.test(c)) {
        let j = i;
        while (j < s.length && WORD.test(s[j])) j++;
        this.push(s.slice(i, j), i, depth, 'word');
        i = j;
      } else {
        if (c === ')') depth = Math.max(0, depth - 1);
        this.push(c, i, depth, 'punct');
        if (c === '(') depth++;
        i++;
      }
    }
  }

  private push(text: string, start: number, depth: number, kind: TextToken['kind']): void {
    this.tokens.push({ text, lower: text.toLowerCase(), start, depth, kind });
  }

  /**
   * The range of the first subquery inside `within` whose FROM names `fromName` (a child
   * relationship or, for semi-joins, an object), or `within` itself when none is found.
   */
  subquery(within: TextRange, fromName: string, skip = 0): TextRange {
    const target = fromName.toLowerCase();
    let seen = 0;
    for (let i = within.from; i < within.to; i++) {
      const t = this.tokens[i];
      if (t.text !== '(' || t.depth !== within.depth || this.tokens[i + 1]?.lower !== 'select') continue;
      const inner = within.depth + 1;
      let end = i + 1;
      while (end < within.to && !(this.tokens[end].text === ')' && this.tokens[end].depth === within.depth)) end++;
      for (let k = i + 1; k < end - 1; k++) {
        const tk = this.tokens[k];
        if (tk.depth === inner && tk.lower === 'from' && this.tokens[k + 1]?.lower === target) {
          if (seen++ === skip) return { from: i + 1, to: end, depth: inner };
          break;
        }
      }
    }
    return within;
  }

  /** Character offset of the first token in the range equal to `word`, case-insensitively. */
  find(word: string, range: TextRange = this.whole, after?: string): number | undefined {
    const target = word.toLowerCase();
    let from = range.from;
    if (after) {
      const a = this.indexOfToken(after.toLowerCase(), range, range.from);
      if (a !== undefined) from = a + 1;
    }
    const i = this.indexOfToken(target, range, from);
    if (i !== undefined) return this.tokens[i].start;
    // Tokens split differently from the parser's (a stray quote, say): fall back to the text.
    const at = this.soql.toLowerCase().indexOf(target);
    return at >= 0 ? at : undefined;
  }

  private indexOfToken(lower: string, range: TextRange, from: number): number | undefined {
    for (let i = from; i < range.to; i++) {
      const t = this.tokens[i];
      if (t.depth === range.depth && t.kind !== 'string' && t.lower === lower) return i;
    }
    return undefined;
  }

  /** Offset of the first token after the given keyword in the range (the object after FROM). */
  tokenAfter(keyword: string, range: TextRange = this.whole): number | undefined {
    const i = this.indexOfToken(keyword.toLowerCase(), range, range.from);
    return i !== undefined && i + 1 < this.tokens.length ? this.tokens[i + 1].start : undefined;
  }

  /** Salesforce's position prefix: the line, a caret under the column, and the row/column. */
  pointer(offset: number | undefined): string {
    if (offset === undefined || offset < 0) return '';
    const before = this.soql.slice(0, offset);
    const row = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = this.soql.indexOf('\n', offset);
    const line = this.soql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const column = offset - lineStart;
    return `\n${line}\n${' '.repeat(column)}^\nERROR at Row:${row}:Column:${column + 1}\n`;
  }

  /** Pointer at the first occurrence of a word in the range, or none if it cannot be found. */
  pointAt(word: string, range?: TextRange, after?: string): string {
    return this.pointer(this.find(word, range, after));
  }
}
