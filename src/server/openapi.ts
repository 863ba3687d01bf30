// The OpenAPI 3.1 document, generated from the same zod schemas that validate each route.
import { z } from 'zod';
import type { RouteSpec } from './route.js';

const toSchema = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
};

const errorSchema = toSchema(
  z.object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
);

/** Query and path schemas become one parameter per property. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

const openApiPath = (url: string): string => url.replace(/:([A-Za-z]+)/g, '{$1}');

export function openApiDocument(specs: readonly RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const error = { description: 'error', content: { 'application/json': { schema: errorSchema } } };
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method.toLowerCase()}${spec.url.replace(/[/:]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      ...(spec.public ? { security: [] } : {}),
      ...(spec.body
        ? {
            requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body) } } },
          }
        : {}),
      responses: {
        '200': {
          description: spec.resultName ?? 'OK',
          // A download route names its media type as its result (text/markdown, text/html).
          content: /^text\/[a-z]+$/.test(spec.resultName ?? '')
            ? { [spec.resultName as string]: { schema: { type: 'string' } } }
            : { 'application/json': { schema: spec.response ? toSchema(spec.response) : {} } },
        },
        '400': error,
        ...(spec.public ? {} : { '401': error, '403': error }),
        '404': error,
        '503': error,
      },
    };
    paths[openApiPath(spec.url)] ??= {};
    (paths[openApiPath(spec.url)] as Record<string, unknown>)[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'pyprep', version, description: 'The local pyprep server: use-cases of src/app as JSON.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'pyprep-token-<port>' },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
