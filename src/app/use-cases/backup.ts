// Backup and restore of the user's whole state as one JSON document.
import type { ExportBundle, ImportCounts } from '../../engine/ports/repository.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

export async function exportBackup(ctx: AppContext): Promise<ExportBundle> {
  return ctx.repo.exportAll(ctx.userId, ctx.clock.now());
}

/** Refuses anything that is not a pyprep export of a version we read; the store validates the rest atomically. */
export async function importBackup(ctx: AppContext, data: unknown): Promise<ImportCounts> {
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== 'pyprep-export'
  ) {
    throw new AppError(
      'bad-input',
      'not a pyprep backup (expected "format": "pyprep-export"); nothing was changed',
    );
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || version > 1) {
    throw new AppError(
      'bad-input',
      `backup version ${String(version)} is newer than this pyprep reads (1); nothing was changed`,
    );
  }
  try {
    return await ctx.repo.importAll(ctx.userId, data);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError('bad-input', `the backup is malformed: ${message}; nothing was changed`);
  }
}
