// The JSON body parser: Fastify's (prototype-poisoning safe) plus limits the database and JSON.stringify need.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

const MAX_DEPTH = 64;

/** Walks without recursion, so a body of a million '[' cannot overflow the stack. */
export function checkJsonValue(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return 'text may not contain NUL characters (\\u0000)';
    } else if (v !== null && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return `the JSON is nested deeper than ${MAX_DEPTH} levels`;
      if (Array.isArray(v)) for (const x of v) stack.push([x, depth + 1]);
      else
        for (const [k, x] of Object.entries(v)) {
          if (k.includes('\u0000')) return 'keys may not contain NUL characters (\\u0000)';
          stack.push([x, depth + 1]);
        }
    }
  }
  return undefined;
}

export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parse(req, body as string, (err, value) => {
      if (err) return done(err, undefined);
      const problem = checkJsonValue(value);
      if (problem) return done(new HttpError(400, 'bad-input', problem), undefined);
      done(null, value);
    });
  });
}
