/**
 * gate.json's text: two-space indented, object keys in one fixed order whatever order the
 * verdict was built in, so the same verdict always hashes the same and diffs between records
 * show only what changed. The keys a reader looks for first lead; the rest follow alphabetically.
 */
const LEADING_KEYS = ['schema', 'decision', 'generatedAt', 'reasons', 'notes', 'id', 'key', 'rule', 'title', 'message'];

function keyOrder(a: string, b: string): number {
  const ia = LEADING_KEYS.indexOf(a);
  const ib = LEADING_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(source).sort(keyOrder).map((k) => [k, ordered(source[k])]));
  }
  return value;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(ordered(value), null, 2)}\n`;
}
