// scripts/pg-cluster.mjs as a command: it fails with the install command when PostgreSQL is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../scripts/pg-cluster.mjs');

it('names the exact install command when the PostgreSQL binaries are missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-nopg-'));
  try {
    const r = spawnSync(process.execPath, [script, 'start', join(dir, 'c')], {
      encoding: 'utf8',
      env: { ...process.env, PYPREP_PG_BIN: join(dir, 'no-such-bin') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('apt-get install -y postgresql');
    expect(existsSync(join(dir, 'c', 'data'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('starts a cluster on 127.0.0.1 that answers queries, and stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-pgc-'));
  try {
    const start = spawnSync(process.execPath, [script, 'start', dir], { encoding: 'utf8' });
    expect(start.stderr).toBe('');
    const url = start.stdout.trim();
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ addr: string; sock: string }>(
      "select current_setting('listen_addresses') as addr, current_setting('unix_socket_directories') as sock",
    );
    await client.end();
    expect(rows[0]).toEqual({ addr: '127.0.0.1', sock: dir });
    const stop = spawnSync(process.execPath, [script, 'stop', dir], { encoding: 'utf8' });
    expect(stop.status).toBe(0);
    expect(existsSync(join(dir, 'data', 'postmaster.pid'))).toBe(false);
  } finally {
    spawnSync(process.execPath, [script, 'stop', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
