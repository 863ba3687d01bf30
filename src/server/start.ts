// Listens on host:port, works out whether code may run there, and closes gracefully (in-flight requests finish).
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context.js';
import type { CodeRunService } from '../app/run-code.js';
import { buildServer } from './app.js';
import { isLoopback } from './security.js';

export interface StartOptions {
  ctx: AppContext;
  code: CodeRunService;
  host: string;
  port: number;
  allowHosts: string[];
  version: string;
  token?: string;
  logLevel?: string;
}

export interface StartedServer {
  url: string;
  openUrl: string;
  codeExecution: boolean;
  close(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export async function startServer(opts: StartOptions): Promise<StartedServer> {
  const codeExecution = isLoopback(opts.host);
  // A specific address the user binds to is a Host they mean to use; wildcards are not.
  const named = !isLoopback(opts.host) && !WILDCARDS.has(opts.host) ? [urlHost(opts.host)] : [];
  const { app, token } = await buildServer({
    ctx: opts.ctx,
    code: opts.code,
    version: opts.version,
    allowHosts: [...opts.allowHosts, ...named],
    codeExecution,
    logLevel: opts.logLevel ?? 'info',
    ...(opts.token ? { token: opts.token } : {}),
  });
  try {
    await app.listen({ host: opts.host, port: opts.port });
  } catch (err) {
    await app.close();
    throw err;
  }
  const { port } = app.server.address() as AddressInfo;
  const shown = WILDCARDS.has(opts.host) ? '127.0.0.1' : urlHost(opts.host);
  const url = `http://${shown}:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    openUrl: `${url}?token=${token}`,
    codeExecution,
    close: () => {
      closing ??= app.close();
      return closing;
    },
  };
}
