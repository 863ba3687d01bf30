// One route = a zod schema per input part + a handler; the same specs register with Fastify and feed the OpenAPI doc.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from './errors.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** A zod schema of the result when one exists; else `resultName` names the TypeScript type. */
  response?: z.ZodType;
  resultName?: string;
  bodyLimit?: number;
  /** Open without the token (only /api/health). */
  public?: boolean;
  handler(input: { body: B; query: Q; params: P }, req: FastifyRequest, reply: FastifyReply): unknown;
}

/** Keeps B/Q/P inferred from the schemas at each definition site. */
export const route = <B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): RouteSpec =>
  spec as unknown as RouteSpec;

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HttpError(
    400,
    'bad-input',
    `invalid ${part}: ${z.prettifyError(parsed.error)}`,
    parsed.error.issues,
  );
}

export function registerRoutes(app: FastifyInstance, specs: readonly RouteSpec[]): void {
  for (const spec of specs) {
    app.route({
      method: spec.method,
      url: spec.url,
      config: { public: spec.public === true },
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (req, reply) => {
        const input = {
          params: parsePart(spec.params, req.params, 'path'),
          query: parsePart(spec.query, req.query, 'query string'),
          body: parsePart(spec.body, req.body ?? (spec.method === 'GET' ? undefined : {}), 'body'),
        };
        const result = await spec.handler(input, req, reply);
        if (reply.sent) return reply;
        // Serialized here so a `null` result (no card due) goes out as JSON `null`.
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(result ?? null));
      },
    });
  }
}

/** A comma-separated query value as a list ("a,b" → ["a", "b"]; absent → []). */
export const csv = z
  .string()
  .max(100_000)
  .optional()
  .transform((s) => (s ? s.split(',').filter((x) => x !== '') : []));
