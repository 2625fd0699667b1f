/**
 * How the UI behaves, from OrgOptions first and the environment second:
 * - realism (ORG_UI_REALISM=off to disable): list rows and home cards are fetched by the client
 *   script after the page loads, behind a spinner, as Lightning does; off renders them inline,
 *   which makes pages quicker and simpler to debug;
 * - latencyMs (ORG_LATENCY_MS): a delay before every API and UI request (see http/latency.ts).
 */
export interface UiSettings {
  realism: boolean;
  latencyMs: number;
}

export function resolveUiSettings(options: { realism?: boolean; latencyMs?: number }, env: NodeJS.ProcessEnv): UiSettings {
  const realism = options.realism ?? !/^(off|false|0|no)$/i.test((env.ORG_UI_REALISM ?? '').trim());
  const fromEnv = Number((env.ORG_LATENCY_MS ?? '').trim() || 0);
  const latencyMs = options.latencyMs ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 0);
  return { realism, latencyMs: Math.max(0, Math.trunc(latencyMs)) };
}
