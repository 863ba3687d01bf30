// Every failure leaves the server as `{error: {code, message, details?}}` with a status that says whose fault it is.
import { AppError } from '../app/errors.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface ErrorReply {
  status: number;
  body: { error: { code: string; message: string; details?: unknown } };
}

const APP_STATUS: Record<string, number> = {
  'bad-input': 400,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

const STORE_STATUS: Record<string, [number, string]> = {
  invalid: [400, 'bad-input'],
  'not-found': [404, 'not-found'],
  conflict: [409, 'conflict'],
};

/** Fastify's own 4xx errors, reworded for a person and given our codes. */
function fastifyError(err: Error & { code?: string; statusCode?: number }): ErrorReply | undefined {
  const status = err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const reply = (code: string, message: string): ErrorReply => ({
    status,
    body: { error: { code, message } },
  });
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply('too-large', 'the request body is larger than this route accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply('wrong-content-type', 'send the body as JSON (Content-Type: application/json)');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply('bad-input', `the body is not valid JSON: ${err.message}`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply('bad-input', 'the body is empty but Content-Type says JSON');
    case 'FST_ERR_BAD_URL':
      return reply('bad-input', 'the path is not valid percent-encoding');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply('bad-input', 'the Content-Length does not match the body');
    default:
      break;
  }
  if (status === 413) return reply('too-large', err.message);
  if (status === 415) return reply('wrong-content-type', err.message);
  if (status === 404) return reply('not-found', err.message);
  return reply('bad-input', err.message);
}

export function toErrorReply(err: unknown): ErrorReply {
  if (err instanceof HttpError) {
    const error = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
    return { status: err.statusCode, body: { error } };
  }
  if (err instanceof AppError || (err instanceof Error && err.name === 'AppError')) {
    const e = err as AppError;
    const error = { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
    return { status: APP_STATUS[e.code] ?? 400, body: { error } };
  }
  if (err instanceof Error && err.name === 'StoreError') {
    // A value the store refused is the caller's fault; an unreachable, busy or broken database is ours.
    const [status, code] = STORE_STATUS[(err as Error & { code: string }).code] ?? [503, 'unavailable'];
    return { status, body: { error: { code, message: `database: ${err.message}` } } };
  }
  if (err instanceof Error) {
    const known = fastifyError(err);
    if (known) return known;
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'internal error (see the server log)' } },
  };
}
