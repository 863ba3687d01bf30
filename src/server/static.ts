// The built SPA from dist/web: hashed assets cached for good, index.html revalidated, SPA fallback for other paths.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { HttpError } from './errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.tar': 'application/x-tar',
};
// Vite-style names carry a content hash: name-<8+ base64url chars>.ext
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/** dist/web beside the bundle (dist/*.js), else ../../dist/web from src/server under tsx; PYPREP_WEB_DIR wins. */
export function findWebRoot(): string | undefined {
  const candidates = [
    process.env.PYPREP_WEB_DIR,
    fileURLToPath(new URL('./web/', import.meta.url)),
    fileURLToPath(new URL('../../dist/web/', import.meta.url)),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, 'index.html')));
}

const notBuiltPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>pyprep</title>
<h1>pyprep</h1><p>The web app is not built. Run <code>npm run build</code>, then restart <code>pyprep serve</code>.</p>
<p>The JSON API works meanwhile: <a href="/api/openapi.json">/api/openapi.json</a>.</p></html>`;

function sendFile(reply: FastifyReply, file: string, size: number, immutable: boolean): FastifyReply {
  return reply
    .type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    .header('content-length', size)
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(createReadStream(file));
}

export function installStatic(app: FastifyInstance, root: string | undefined): void {
  const base = root ? resolve(root) : undefined;
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (req, reply) => {
      const path = req.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/'))
        throw new HttpError(404, 'not-found', `no API route ${req.method} ${path.slice(0, 200)}`);
      if (!base)
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(notBuiltPage);
      let rel: string;
      try {
        rel = decodeURIComponent(path);
      } catch {
        throw new HttpError(400, 'bad-input', 'the path is not valid percent-encoding');
      }
      if (rel.includes('\u0000')) throw new HttpError(400, 'bad-input', 'the path contains a NUL byte');
      const file = resolve(base, `.${rel}`);
      if (file !== base && !file.startsWith(base + sep))
        throw new HttpError(404, 'not-found', 'no such file');
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile())
        return sendFile(reply, file, stat.size, HASHED.test(file) && !file.endsWith('.html'));
      // A path with an extension is a missing file; anything else is a client-side route of the SPA.
      if (extname(rel) !== '') throw new HttpError(404, 'not-found', `no file ${path.slice(0, 200)}`);
      const index = join(base, 'index.html');
      return sendFile(reply, index, statSync(index).size, false);
    },
  });
}
