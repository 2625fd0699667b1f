import { FormulaError } from './FormulaError.ts';

/**
 * REGEX(text, regex) as Salesforce runs it: a java.util.regex pattern that must match the whole
 * text (Matcher.matches). formulon wraps the pattern in ^…$ unchanged, which is not a whole-string
 * match for an alternation (`^a|b$` matches "ax") and knows no Java-only syntax; this
 * translates the Java syntax validation rules use into an equivalent JavaScript RegExp.
 *
 * Translated: POSIX and java.lang classes (\p{Alpha}, \p{Digit}, \p{javaLowerCase} …), \Q…\E
 * quoting, \A \z \Z, a `(?i)` flag (applied to the whole pattern). Refused, loudly, rather than
 * matched differently: possessive quantifiers, atomic groups, class intersections, other
 * inline flags and Unicode classes.
 */

const CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'A-Za-z',
  Digit: '0-9',
  Alnum: 'A-Za-z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: ' \\t\\n\\x0B\\f\\r',
  L: 'A-Za-z\\u00C0-\\u024F',
  IsAlphabetic: 'A-Za-z\\u00C0-\\u024F',
};

const unsupported = (pattern: string, what: string) =>
  new FormulaError(`REGEX pattern "${pattern}" uses ${what}, which the golive local org does not emulate`, 'unsupported', pattern);

const invalid = (pattern: string, detail: string) =>
  new FormulaError(`Invalid regular expression "${pattern}" in REGEX(): ${detail}`, 'evaluation', pattern);

function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Java pattern → JavaScript RegExp that matches exactly when Java's Matcher.matches() would. */
export function compileJavaRegex(pattern: string): RegExp {
  let out = '';
  let flags = '';
  let inClass = 0;
  let quantified = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasQuantified: boolean = quantified;
    quantified = false;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw invalid(pattern, 'it ends with a backslash');
      if (n === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const quoted = pattern.slice(i + 2, end < 0 ? undefined : end);
        out += escapeLiteral(quoted);
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (n === 'p' || n === 'P') {
        const m = /^\{(?:Is)?([A-Za-z]+)\}/.exec(pattern.slice(i + 2));
        const name = m?.[1];
        const set = name ? (CLASSES[name] ?? CLASSES[`Is${name}`]) : undefined;
        if (!m || set === undefined) throw unsupported(pattern, `the character class \\${n}${m ? m[0] : ''}`);
        const negated = n === 'P';
        if (inClass) {
          if (negated) throw unsupported(pattern, `\\P{${name}} inside [ ]`);
          out += set;
        } else {
          out += negated ? `[^${set}]` : `[${set}]`;
        }
        i += 1 + m[0].length;
        continue;
      }
      if (!inClass && n === 'A') {
        out += '^';
        i++;
        continue;
      }
      if (!inClass && n === 'z') {
        out += '$';
        i++;
        continue;
      }
      if (!inClass && n === 'Z') {
        out += '(?=\\n?$)';
        i++;
        continue;
      }
      if (n === 'h' || n === 'R' || n === 'X' || n === 'G') throw unsupported(pattern, `\\${n}`);
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[') {
        if (pattern[i - 1] === '&' && pattern[i - 2] === '&') throw unsupported(pattern, 'a character class intersection (&&)');
        // A nested class is a union in Java; JavaScript (without the v flag) has no nesting.
        throw unsupported(pattern, 'a nested character class');
      }
      if (c === '&' && pattern[i + 1] === '&') throw unsupported(pattern, 'a character class intersection (&&)');
      if (c === ']' && (out.endsWith('[') || out.endsWith('[^'))) {
        // Java reads a ] first in a class as a literal; JavaScript would close an empty class.
        out += '\\]';
        continue;
      }
      if (c === ']') inClass--;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass++;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const flagGroup = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i));
      if (flagGroup) {
        if (flagGroup[1] !== 'i') throw unsupported(pattern, `the inline flag (?${flagGroup[1]})`);
        flags = 'i';
        i += flagGroup[0].length - 1;
        continue;
      }
      if (pattern[i + 2] === '>') throw unsupported(pattern, 'an atomic group (?>…)');
      if (/^\(\?[a-zA-Z-]+:/.test(pattern.slice(i))) throw unsupported(pattern, 'a group with inline flags');
    }
    if (c === '+' && wasQuantified) throw unsupported(pattern, 'a possessive quantifier');
    const bounds = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i)) : null;
    if (bounds) {
      out += bounds[0];
      i += bounds[0].length - 1;
      quantified = true;
      continue;
    }
    out += c;
    // A quantifier just ended: a `+` now would make it possessive (a `?` makes it lazy, as in JavaScript).
    quantified = c === '*' || c === '+' || (c === '?' && !wasQuantified);
    continue;
  }
  try {
    return new RegExp(`^(?:${out})$`, flags);
  } catch (err) {
    throw invalid(pattern, (err as Error).message.replace(/^Invalid regular expression: /, ''));
  }
}
