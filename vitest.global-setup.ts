// Starts a private PostgreSQL cluster for the whole test run and removes it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain JS helper without type declarations.
import { startCluster, stopCluster } from './scripts/pg-cluster.mjs';

export default async function setup(): Promise<() => Promise<void>> {
  // A URL given from outside (CI service, developer's server) is used as is.
  if (process.env.PYPREP_TEST_PG_URL) return async () => {};
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-pg-'));
  try {
    process.env.PYPREP_TEST_PG_URL = await startCluster(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    try {
      stopCluster(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
