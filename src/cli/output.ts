// Shared output helpers: JSON to stdout, errors to stderr with a non-zero exit.
import pc from 'picocolors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit statuses by kind of failure, so scripts can tell bad input from a missing id. */
const APP_EXIT: Record<string, number> = { 'bad-input': 2, 'not-found': 3, conflict: 4, unavailable: 5 };

export function reportError(err: unknown): number {
  if (err instanceof Error && err.name === 'AppError') {
    process.stderr.write(`${pc.red('error:')} ${err.message}\n`);
    return APP_EXIT[(err as Error & { code: string }).code] ?? 1;
  }
  if (err instanceof Error && err.name === 'StoreError') {
    process.stderr.write(`${pc.red('database error:')} ${err.message}\n`);
    return 6;
  }
  if (err instanceof CliError) {
    process.stderr.write(`${pc.red('error:')} ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ContentError') {
    process.stderr.write(`${pc.red('content error:')}\n${err.message}\n`);
    return 65;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${pc.red('error:')} ${message}\n`);
  if (process.env.PYPREP_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
