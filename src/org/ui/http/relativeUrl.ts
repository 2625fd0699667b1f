/**
 * Redirect targets taken from a request (`startURL`, `retURL`) must stay on this server: only a
 * path is accepted. `//evil.example` and `/\evil.example` are protocol-relative in browsers, and
 * `https://…`, `javascript:…` are absolute, so all of them are refused (undefined), which callers
 * turn into "go home" as Salesforce does with a foreign retURL.
 */
export function safeRelativeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = value.trim();
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return undefined;
  // Control characters and backslashes: browsers strip or reinterpret them, which is how filters are fooled.
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return undefined;
  const base = 'http://golive.invalid';
  let parsed: URL;
  try {
    parsed = new URL(candidate, base);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base) return undefined;
  return parsed.pathname + parsed.search + parsed.hash;
}
