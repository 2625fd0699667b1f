/**
 * The generic string measures behind Salesforce's fuzzy matching algorithms, each as a score
 * from 0 to 100 the way Salesforce reports match scores. Inputs are already normalised (lower
 * case, trimmed) by the matching method that calls them.
 */

/**
 * Levenshtein distance with a per-substitution cost (1 unless the caller knows better) and,
 * when asked, swapped neighbours ("Thomspon") as one edit of the given cost.
 */
function weightedDistance(a: string, b: string, substitution: (x: string, y: string) => number, transposition?: number): number {
  if (a === b) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = a[i - 1] === b[j - 1] ? 0 : substitution(a[i - 1], b[j - 1]);
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub);
      if (transposition !== undefined && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cur[j] = Math.min(cur[j], before[j - 2] + transposition);
      }
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Edit distance as Salesforce scores it: the share of the longer string that survives. Its own
 * example, "VP Sales" against "VP of Sales" (3 edits over 11 characters), scores 73.
 */
export function editDistanceScore(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 100;
  return 100 * (1 - weightedDistance(a, b, () => 1) / longest);
}

/** Neighbouring keys on a QWERTY keyboard, row by row. */
const KEY_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POSITION = new Map<string, [number, number]>();
KEY_ROWS.forEach((row, r) => [...row].forEach((ch, c) => KEY_POSITION.set(ch, [r, c])));

function adjacentKeys(x: string, y: string): boolean {
  const p = KEY_POSITION.get(x);
  const q = KEY_POSITION.get(y);
  if (!p || !q) return false;
  // Rows are staggered: a key touches the two keys below-left/below of it and above/above-right.
  const dr = q[0] - p[0];
  const dc = q[1] - p[1];
  if (dr === 0) return Math.abs(dc) === 1;
  if (dr === 1) return dc === 0 || dc === -1;
  if (dr === -1) return dc === 0 || dc === 1;
  return false;
}

/**
 * Keyboard distance: an edit distance where hitting a neighbouring key, or two keys in the wrong
 * order, costs half a mistake, since "Jersmy" for "Jeremy" is a slip of the finger rather than
 * a different name.
 */
export function keyboardDistanceScore(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 100;
  return 100 * (1 - weightedDistance(a, b, (x, y) => (adjacentKeys(x, y) ? 0.5 : 1), 0.5) / longest);
}

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4), as a score. */
export function jaroWinklerScore(a: string, b: string): number {
  if (a === b) return 100;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = bMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return 100 * (jaro + prefix * 0.1 * (1 - jaro));
}

/**
 * Acronym: "amd" against "advanced micro devices" (the initials of the words, ignoring small
 * joining words) scores 100, anything else 0.
 */
export function acronymScore(a: string, b: string): number {
  const initials = (s: string) =>
    s
      .split(/\s+/)
      .filter((w) => w !== '' && !['of', 'and', 'the', 'for', '&'].includes(w))
      .map((w) => w[0])
      .join('');
  const compact = (s: string) => s.replace(/[\s.]/g, '');
  const single = (s: string) => !/\s/.test(s.trim());
  if (single(a) && !single(b) && compact(a).length > 1 && compact(a) === initials(b)) return 100;
  if (single(b) && !single(a) && compact(b).length > 1 && compact(b) === initials(a)) return 100;
  return 0;
}
