// Errors a use-case raises on purpose; each face maps `code` to its own form (exit status, HTTP status).

export type AppErrorCode = 'bad-input' | 'not-found' | 'conflict' | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
