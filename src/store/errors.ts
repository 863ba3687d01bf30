// One error type for every storage failure, with a message a user can act on.

export type StoreErrorCode =
  | 'corrupt'
  | 'io'
  | 'unavailable'
  | 'busy'
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'migration';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Hides the password of a database URL before it appears in a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable database URL>';
  }
}
