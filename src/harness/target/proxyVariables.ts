/**
 * jsforce sends every call through HTTP(S)_PROXY when one is set and ignores NO_PROXY, so a
 * process that talks to the local org on loopback must drop them: a proxy there can only get in
 * the way (or refuse loopback outright). Child processes and Playwright workers started after
 * this inherit the cleaned environment.
 */
export function dropProxyVariables(env: NodeJS.ProcessEnv = process.env): void {
  for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete env[v];
}
