// The local server's guards, as Jupyter does it: Host allow-list (DNS rebinding), Origin check, a start-up token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    // CodeMirror and React set style attributes and <style> at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface SecurityOptions {
  /** Lower-case host names (IPv6 in brackets) a request's Host may name. */
  allowedHosts: ReadonlySet<string>;
  token: string;
  /** The cookie's name; it carries the port, since cookies are shared across ports of one host. */
  cookieName: () => string;
}

/** The host name of a Host or Origin authority, or undefined when it is not a plain name[:port]. */
export function hostnameOf(authority: string | undefined): string | undefined {
  const m = authority ? HOST_HEADER.exec(authority) : null;
  return m?.[1]?.toLowerCase();
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const sameToken = (given: string, token: string): boolean => timingSafeEqual(digest(given), digest(token));

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function authenticated(req: FastifyRequest, opts: SecurityOptions): boolean {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer '))
    return sameToken(auth.slice(7).trim(), opts.token);
  const cookie = cookieValue(req.headers.cookie, opts.cookieName());
  return cookie !== undefined && sameToken(cookie, opts.token);
}

/** A state-changing request must come from one of our own pages (or from a script, which sends no Origin). */
function checkOrigin(req: FastifyRequest, opts: SecurityOptions): void {
  if (!STATE_CHANGING.has(req.method)) return;
  const origin = req.headers.origin;
  if (origin === undefined) {
    const site = req.headers['sec-fetch-site'];
    if (site === undefined || site === 'same-origin' || site === 'none') return;
    throw new HttpError(403, 'forbidden', `cross-site request refused (Sec-Fetch-Site: ${String(site)})`);
  }
  let from: { name: string; port: string } | undefined;
  try {
    const u = new URL(origin);
    const name = hostnameOf(u.host);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && name)
      from = { name, port: u.port || (u.protocol === 'https:' ? '443' : '80') };
  } catch {
    from = undefined;
  }
  const to = HOST_HEADER.exec(req.headers.host ?? '');
  const sameSite = from && to && from.name === to[1]?.toLowerCase() && from.port === (to[2] ?? '80');
  if (!from || !sameSite || !opts.allowedHosts.has(from.name))
    throw new HttpError(403, 'forbidden', `requests from origin ${origin.slice(0, 200)} are refused`);
}

const expiredTokenPage = `<!doctype html><meta charset="utf-8"><title>pyprep</title>
<p>This link's token is not valid (the server restarted?). Open the URL that <code>pyprep serve</code> printed.</p>`;

/** ?token=… on a GET: the right token becomes a cookie and the URL loses it; a wrong one is refused. */
function tokenLink(req: FastifyRequest, reply: FastifyReply, opts: SecurityOptions): boolean {
  const q = req.url.indexOf('?');
  if (q < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const params = new URLSearchParams(req.url.slice(q + 1));
  const given = params.get('token');
  if (given === null) return false;
  if (!sameToken(given, opts.token)) {
    if (req.url.startsWith('/api/')) throw new HttpError(401, 'unauthorized', 'the token is not valid');
    reply.code(401).type('text/html; charset=utf-8').send(expiredTokenPage);
    return true;
  }
  params.delete('token');
  const rest = params.toString();
  reply
    .header('set-cookie', `${opts.cookieName()}=${opts.token}; Path=/; HttpOnly; SameSite=Strict`)
    .header('cache-control', 'no-store')
    .redirect(`${req.url.slice(0, q)}${rest ? `?${rest}` : ''}`, 302);
  return true;
}

export function installSecurity(app: FastifyInstance, opts: SecurityOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    const name = hostnameOf(req.headers.host);
    if (!name || !opts.allowedHosts.has(name))
      throw new HttpError(403, 'forbidden', `host ${String(req.headers.host).slice(0, 200)} is not allowed`);
    checkOrigin(req, opts);
    if (tokenLink(req, reply, opts)) return reply;
    // Judged by the matched route, not the raw URL, so an encoded path cannot slip past.
    const route = req.routeOptions.url;
    const isPublic = (req.routeOptions.config as { public?: boolean } | undefined)?.public === true;
    if (route?.startsWith('/api/') && !isPublic && !authenticated(req, opts))
      throw new HttpError(
        401,
        'unauthorized',
        'missing or wrong token: open the URL pyprep serve printed, or send Authorization: Bearer <token>',
      );
    return undefined;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (req.routeOptions.url?.startsWith('/api/') || req.url.startsWith('/api/'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
