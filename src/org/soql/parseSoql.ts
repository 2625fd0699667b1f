import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import type { SalesforceError } from '../errors/SalesforceError.ts';
import { SfErrors } from '../errors/SfErrors.ts';
import { QueryText } from './queryText.ts';

/**
 * Parsing, with Salesforce's syntax errors. The parser's own messages ("Expecting token of type
 * --> FROM <-- but found --> 'Lead' <--") are mapped to Salesforce's "unexpected token: 'Lead'"
 * with the row/column pointer, since that is what testers see from a real org.
 */

export interface ParsedQuery {
  ast: Query;
  text: QueryText;
}

// The AST depends only on the text, and clients repeat the same few queries many times.
const CACHE_SIZE = 500;
const cache = new Map<string, ParsedQuery>();

export function parseSoql(soql: string): ParsedQuery {
  const hit = cache.get(soql);
  if (hit) {
    cache.delete(soql);
    cache.set(soql, hit);
    return hit;
  }
  const text = new QueryText(soql);
  if (soql.trim() === '') throw SfErrors.malformedQuery('unexpected token: <EOF>');
  let ast: Query;
  try {
    ast = parseQuery(soql);
  } catch (err) {
    throw syntaxError(text, err as Error);
  }
  const parsed = { ast, text };
  cache.set(soql, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

function syntaxError(text: QueryText, err: Error): SalesforceError {
  const message = err.message ?? '';
  const lexing = /unexpected character: ->(.)<- at offset: (\d+)/.exec(message);
  if (lexing) {
    // The lexer reads the whole text before the parser starts, so a stray quote at the end hides
    // the token Salesforce would name (Brien in 'O'Brien'): parse the text before it to find it.
    const offset = Number(lexing[2]);
    const head = text.soql.slice(0, offset);
    try {
      parseQuery(head);
    } catch (earlier) {
      const before = syntaxError(text, earlier as Error);
      if (!/unexpected token: '<EOF>'$/.test(before.message)) return before;
      // The text before the stray character ended mid-expression on a word: that word is the
      // token that made no sense.
      const word = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(head);
      if (word) return SfErrors.soqlUnexpectedToken(word[1], text.pointer(word.index));
    }
    return SfErrors.soqlUnexpectedToken(lexing[1], text.pointer(offset));
  }
  const found =
    /but found --> '(.*?)' <--/.exec(message)?.[1] ??
    /but found: '(.*?)'\s*$/.exec(message)?.[1] ??
    /but found: (.*?)\s*$/.exec(message)?.[1];
  if (found === undefined) return SfErrors.malformedQuery(message);
  if (found === ':') return SfErrors.malformedQuery(`${text.pointAt(':')}Bind variables only allowed in Apex code`);
  if (found === '') return SfErrors.soqlUnexpectedToken('<EOF>', text.pointer(text.soql.trimEnd().length));
  return SfErrors.soqlUnexpectedToken(found, text.pointAt(found));
}
