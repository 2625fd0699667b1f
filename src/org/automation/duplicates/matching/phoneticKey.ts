/**
 * A sound-alike key for last names, standing in for Salesforce's Metaphone 3 (a licensed
 * algorithm). It follows the classic Metaphone rules in simplified form: vowels count only at
 * the start, silent letters drop (Knight, Wright, Thompson's p is kept), and letters that sound
 * alike share a code (c/k/q, s/z, ph/f, th → 0, sh/ch → x). "Smith" and "Smyth" share a key,
 * "Smith" and "Schmidt" do not.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function phoneticKey(name: string): string {
  let w = name.toLowerCase().replace(/[^a-z]/g, '');
  if (w === '') return '';
  // Silent initial letters and initial x.
  w = w.replace(/^(kn|gn|pn|ae|wr)/, (m) => m.slice(1)).replace(/^x/, 's').replace(/^wh/, 'w');
  // Doubled letters sound once (except cc: "accident").
  w = w.replace(/([a-bd-z])\1+/g, '$1');
  const at = (i: number) => w[i] ?? '';
  const isVowel = (i: number) => VOWELS.has(at(i));
  let key = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    const next = at(i + 1);
    if (VOWELS.has(c)) {
      if (i === 0) key += c;
      continue;
    }
    switch (c) {
      case 'b':
        if (!(i === w.length - 1 && at(i - 1) === 'm')) key += 'b';
        break;
      case 'c':
        if (next === 'i' && at(i + 2) === 'a') key += 'x';
        else if (next === 'h') {
          key += at(i - 1) === 's' ? 'k' : 'x';
          i++;
        } else if ('iey'.includes(next) && next !== '') key += at(i - 1) === 's' ? '' : 's';
        else key += 'k';
        break;
      case 'd':
        if (next === 'g' && 'iey'.includes(at(i + 2)) && at(i + 2) !== '') {
          key += 'j';
          i++;
        } else key += 't';
        break;
      case 'g':
        if (next === 'h' && !(i + 2 < w.length && !isVowel(i + 2))) {
          // "gh" is silent before a consonant or at the end (Wright, Hugh).
          i++;
        } else if (next === 'n' && (i + 2 === w.length || (at(i + 2) === 'e' && at(i + 3) === 'd'))) {
          // silent g in -gn, -gned
        } else if ('iey'.includes(next) && next !== '') key += 'j';
        else key += 'k';
        break;
      case 'h':
        if (isVowel(i + 1) && !'csptg'.includes(at(i - 1) || '-')) key += 'h';
        break;
      case 'k':
        if (at(i - 1) !== 'c') key += 'k';
        break;
      case 'p':
        if (next === 'h') {
          key += 'f';
          i++;
        } else key += 'p';
        break;
      case 'q':
        key += 'k';
        break;
      case 's':
        if (next === 'h' || (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a'))) {
          key += 'x';
          if (next === 'h') i++;
        } else key += 's';
        break;
      case 't':
        if (next === 'i' && (at(i + 2) === 'o' || at(i + 2) === 'a')) key += 'x';
        else if (next === 'h') {
          key += '0';
          i++;
        } else if (!(next === 'c' && at(i + 2) === 'h')) key += 't';
        break;
      case 'v':
        key += 'f';
        break;
      case 'w':
      case 'y':
        if (isVowel(i + 1)) key += c;
        break;
      case 'x':
        key += 'ks';
        break;
      case 'z':
        key += 's';
        break;
      default:
        key += c;
    }
  }
  return key;
}
