// `pyprep serve`: open the app context, hand it to the HTTP face, close both on the way out.
import { type OpenAppOptions, openApp } from '../app/context.js';
import { createCodeRunService } from '../app/run-code.js';

export interface ServeOptions {
  host: string;
  port: number;
  db?: string;
  /** Extra Host names accepted besides localhost, 127.0.0.1 and [::1]. */
  allowHosts?: string[];
  /** The secret; a fresh random one when absent. */
  token?: string;
  version: string;
  /** Fastify's log level ('silent' turns logging off). */
  logLevel?: string;
  /** Tests pass a ready context's parts (repository, runner, bank…). */
  app?: OpenAppOptions;
}

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:4173/ */
  url: string;
  /** The one URL to open: it carries the token once. */
  openUrl: string;
  /** False when bound to a non-loopback address: no /api/run, no code grading. */
  codeExecution: boolean;
  /** Stops accepting, finishes in-flight requests, closes the runners and the database. */
  close(): Promise<void>;
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const ctx = await openApp({ html: true, ...(opts.db ? { db: opts.db } : {}), ...opts.app });
  const code = createCodeRunService(ctx);
  const closeApp = async (): Promise<void> => {
    await code.close();
    await ctx.close();
  };
  try {
    // The HTTP face loads only for this command (fastify stays out of the CLI's start-up).
    const { startServer } = await import('./start.js');
    const started = await startServer({
      ctx,
      code,
      host: opts.host,
      port: opts.port,
      allowHosts: opts.allowHosts ?? [],
      version: opts.version,
      ...(opts.token ? { token: opts.token } : {}),
      ...(opts.logLevel ? { logLevel: opts.logLevel } : {}),
    });
    let closing: Promise<void> | undefined;
    return {
      url: started.url,
      openUrl: started.openUrl,
      codeExecution: started.codeExecution,
      close: () => {
        closing ??= started.close().finally(closeApp);
        return closing;
      },
    };
  } catch (err) {
    await closeApp();
    throw err;
  }
}
