// Health (open, for scripts and probes) and the OpenAPI document of every route.
import { z } from 'zod';
import type { ServerDeps } from '../deps.js';
import { openApiDocument } from '../openapi.js';
import { type RouteSpec, route } from '../route.js';

export const healthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  codeExecution: z.boolean(),
});

export function metaRoutes(deps: ServerDeps, all: () => readonly RouteSpec[]) {
  let doc: string | undefined;
  return [
    route({
      method: 'GET',
      url: '/api/health',
      tag: 'meta',
      summary: 'Liveness; open without the token',
      public: true,
      response: healthSchema,
      handler: () => ({ ok: true, version: deps.version, codeExecution: deps.codeExecution }),
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      tag: 'meta',
      summary: 'This document',
      resultName: 'OpenAPI 3.1 document',
      handler: (_input, _req, reply) => {
        doc ??= JSON.stringify(openApiDocument(all(), deps.version));
        return reply.type('application/json; charset=utf-8').send(doc);
      },
    }),
  ];
}
