import { buildOrgApp, type LocalOrg, type OrgOptions } from './app.ts';

export interface ListenOptions {
  /** 127.0.0.1 unless the user asks otherwise: the local org has default passwords. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface RunningOrg {
  org: LocalOrg;
  url: string;
  stop(): Promise<void>;
}

/** The only place the local org opens a port. */
export async function startLocalOrg(options: OrgOptions & ListenOptions): Promise<RunningOrg> {
  const org = await buildOrgApp(options);
  const host = options.host ?? '127.0.0.1';
  try {
    await org.app.listen({ host, port: options.port ?? 4100 });
  } catch (err) {
    await org.app.close();
    throw err;
  }
  const address = org.app.server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let stopped = false;
  return {
    org,
    url: `http://${shownHost}:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await org.app.close();
    },
  };
}
