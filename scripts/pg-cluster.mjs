#!/usr/bin/env node
// A private, throw-away PostgreSQL cluster for tests: `node scripts/pg-cluster.mjs start|stop DIR`.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const INSTALL_HINT = 'apt-get install -y postgresql';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb/pg_ctl from $PYPREP_PG_BIN, /usr/lib/postgresql/<newest>/bin or PATH; else throws the install command. */
export function findPgBin() {
  const forced = process.env.PYPREP_PG_BIN;
  if (forced) {
    if (existsSync(join(forced, 'initdb')) && existsSync(join(forced, 'pg_ctl'))) return forced;
    throw new Error(`PYPREP_PG_BIN=${forced} holds no initdb/pg_ctl. Install PostgreSQL: ${INSTALL_HINT}`);
  }
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them: ${INSTALL_HINT}`,
  );
}

/** Runs a PostgreSQL binary; as root it runs as the `postgres` user, since initdb refuses root. */
function run(bin, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

function chownTree(path) {
  if (!asRoot) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(path, uid, gid);
}

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

function describe(error) {
  const out = [error.stdout, error.stderr].filter(Boolean).join('\n').trim();
  return out ? `${error.message}\n${out}` : error.message;
}

/** Creates and starts a cluster in DIR (made if absent); returns its URL, also written to DIR/url. */
export async function startCluster(dirArg) {
  const dir = resolve(dirArg);
  const bin = findPgBin();
  mkdirSync(dir, { recursive: true });
  chownTree(dir);
  const data = join(dir, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    try {
      run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    } catch (error) {
      throw new Error(`initdb failed in ${data}: ${describe(error)}`);
    }
  }
  const urlFile = join(dir, 'url');
  if (existsSync(join(data, 'postmaster.pid')) && existsSync(urlFile)) {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, 'status']);
      return readFileSync(urlFile, 'utf8').trim();
    } catch {
      // A stale pid file: pg_ctl start below copes with it.
    }
  }
  const log = join(dir, 'postgres.log');
  let lastError;
  // The free port can be taken between probing and binding; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const opts = [
      `-c port=${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      writeFileSync(urlFile, `${url}\n`);
      return url;
    } catch (error) {
      lastError = error;
    }
  }
  const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
  throw new Error(`pg_ctl could not start PostgreSQL in ${data}: ${describe(lastError)}\n${tail}`);
}

/** Stops the cluster in DIR (fast shutdown); a no-op when it is not running. */
export function stopCluster(dirArg) {
  const data = join(resolve(dirArg), 'data');
  if (!existsSync(join(data, 'postmaster.pid'))) return;
  try {
    run(join(findPgBin(), 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  } catch (error) {
    throw new Error(`pg_ctl stop failed for ${data}: ${describe(error)}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (!dir || (command !== 'start' && command !== 'stop')) {
    console.error('usage: node scripts/pg-cluster.mjs start|stop DIR');
    process.exit(2);
  }
  try {
    if (command === 'start') console.log(await startCluster(dir));
    else stopCluster(dir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
