// Builds the Fastify instance: JSON parser, guards, routes, static SPA and one error shape; no listening here.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { AppContext } from '../app/context.js';
import type { CodeRunService } from '../app/run-code.js';
import type { ServerDeps } from './deps.js';
import { HttpError, toErrorReply } from './errors.js';
import { installJsonParser } from './json-body.js';
import { createLimiter } from './limiter.js';
import type { RouteSpec } from './route.js';
import { registerRoutes } from './route.js';
import { browseRoutes } from './routes/browse.js';
import { metaRoutes } from './routes/meta.js';
import { mockRoutes } from './routes/mock.js';
import { reviewRoutes } from './routes/review.js';
import { runRoutes } from './routes/run.js';
import { userDataRoutes } from './routes/user-data.js';
import { installSecurity, LOOPBACK_HOSTS } from './security.js';
import { findWebRoot, installStatic } from './static.js';

export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  ctx: AppContext;
  code: CodeRunService;
  token?: string;
  version?: string;
  /** Host names accepted besides the loopback ones. */
  allowHosts?: string[];
  /** False when bound off loopback: no /api/run, no code grading. */
  codeExecution?: boolean;
  /** Fastify's log level, or false for none. */
  logLevel?: string | false;
  /** The built SPA (dist/web) unless given; null serves the "not built" page. */
  webRoot?: string | null;
  runLimits?: { concurrency: number; queueTimeoutMs: number; maxQueue: number };
}

export interface PyprepServer {
  app: FastifyInstance;
  token: string;
  routes: readonly RouteSpec[];
}

/** Pino's request line without the token (the first URL carries it). */
const redactUrl = (url: string): string => url.replace(/([?&]token=)[^&]*/g, '$1***');

function logger(level: string | false | undefined): NonNullable<FastifyServerOptions['logger']> {
  if (level === false || level === undefined || level === 'silent') return false;
  return {
    level,
    stream: process.stderr,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  } as NonNullable<FastifyServerOptions['logger']>;
}

export async function buildServer(opts: BuildOptions): Promise<PyprepServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const app = Fastify({
    logger: logger(opts.logLevel),
    bodyLimit: BODY_LIMIT,
    // Ids are short; a longer path parameter is a 404 before any handler runs.
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: 120_000,
    // A path with broken percent-encoding fails in the router, before the error handler; give it our shape too.
    frameworkErrors: (err, _req, res) => {
      const { status, body } = toErrorReply(err);
      (res as unknown as FastifyReply)
        .code(status)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(body));
    },
  });
  const deps: ServerDeps = {
    ctx: opts.ctx,
    code: opts.code,
    limiter: createLimiter(opts.runLimits ?? { concurrency: 2, queueTimeoutMs: 15_000, maxQueue: 16 }),
    codeExecution: opts.codeExecution ?? true,
    version: opts.version ?? '0.0.0-dev',
  };

  let port: number | string = 'inject';
  app.server.on('listening', () => {
    port = (app.server.address() as AddressInfo).port;
  });
  installSecurity(app, {
    allowedHosts: new Set([...LOOPBACK_HOSTS, ...(opts.allowHosts ?? []).map((h) => h.toLowerCase())]),
    token,
    cookieName: () => `pyprep-token-${port}`,
  });
  installJsonParser(app);

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorReply(err);
    if (status >= 500 && status !== 503) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code, status }, body.error.message);
    return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
  });
  app.setNotFoundHandler((req) => {
    throw new HttpError(404, 'not-found', `no route ${req.method} ${req.url.split('?')[0]?.slice(0, 200)}`);
  });

  // While closing, answers in flight end their keep-alive connection, so close() need not wait for the idle timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  const routes: RouteSpec[] = [];
  routes.push(
    ...metaRoutes(deps, () => routes),
    ...browseRoutes(deps),
    ...reviewRoutes(deps),
    ...userDataRoutes(deps),
    ...runRoutes(deps),
    ...mockRoutes(deps),
  );
  registerRoutes(app, routes);
  installStatic(app, opts.webRoot === null ? undefined : (opts.webRoot ?? findWebRoot()));
  await app.ready();
  return { app, token, routes };
}
