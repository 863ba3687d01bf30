// How a CPython child is isolated: bwrap when present, an unprivileged uid when we are root, rlimits always.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const NOBODY = 65534;
/** Where the program runs inside bwrap (a size-limited tmpfs). */
export const SANDBOX_WORKDIR = '/tmp/work';

export interface SandboxPlan {
  python: string;
  /** Absolute path of bwrap, or null when running without it. */
  bwrap: string | null;
  uid: number | undefined;
  gid: number | undefined;
  /** RLIMIT_NPROC for the child, 0 when it would be useless (root). */
  nproc: number;
  /** Directories hidden behind an empty tmpfs (the caller's home). */
  hidden: string[];
  /** The interpreter's install prefixes, bound back read-only when they sit in a hidden directory. */
  prefixes: string[];
  warnings: string[];
}

const which = (cmd: string): string | null => {
  if (cmd.includes('/')) return existsSync(cmd) ? cmd : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return null;
};

/** Processes the current user already has: RLIMIT_NPROC counts them too. */
const countOwnProcesses = (uid: number): number => {
  let n = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (statSync(`/proc/${name}`).uid === uid) n++;
    } catch {
      // the process ended meanwhile
    }
  }
  return n;
};

const hiddenDirs = (): string[] => {
  const dirs = new Set<string>();
  for (const d of ['/home', '/root', homedir()]) if (d !== '/' && existsSync(d)) dirs.add(d);
  return [...dirs];
};

/** Bwrap arguments that run `argv` in the sandbox with `files` (host path -> relative name) in the work dir. */
export const bwrapArgs = (plan: SandboxPlan, files: Array<[string, string]>, argv: string[]): string[] => {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc'];
  for (const d of plan.hidden) args.push('--tmpfs', d);
  for (const p of plan.prefixes)
    if (plan.hidden.some((d) => p === d || p.startsWith(`${d}/`))) args.push('--ro-bind', p, p);
  args.push('--size', String(64 * 1024 * 1024), '--tmpfs', '/tmp', '--dir', SANDBOX_WORKDIR);
  for (const [host, rel] of files) args.push('--ro-bind', host, `${SANDBOX_WORKDIR}/${rel}`);
  args.push('--chdir', SANDBOX_WORKDIR, '--unshare-all', '--new-session', '--die-with-parent', '--clearenv');
  for (const [k, v] of Object.entries(childEnv(SANDBOX_WORKDIR))) args.push('--setenv', k, v);
  return [...args, '--', ...argv];
};

export const childEnv = (home: string): Record<string, string> => ({
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: home,
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
});

const probe = (plan: SandboxPlan): boolean => {
  const argv = [plan.python, '-I', '-c', 'print(7*6)'];
  const [cmd, ...args] = plan.bwrap ? [plan.bwrap, ...bwrapArgs(plan, [], argv)] : argv;
  const r = spawnSync(cmd!, args, {
    encoding: 'utf8',
    env: childEnv('/'),
    cwd: '/',
    timeout: 10_000,
    ...(plan.uid !== undefined ? { uid: plan.uid, gid: plan.gid } : {}),
  });
  return r.status === 0 && r.stdout.trim() === '42';
};

/** The real interpreter behind a command (pyenv shims are scripts that need the caller's env). */
const resolveInterpreter = (cmd: string): { python: string; prefixes: string[] } | null => {
  const code = 'import sys; print(sys.executable); print(sys.prefix); print(sys.base_prefix)';
  const r = spawnSync(cmd, ['-I', '-S', '-c', code], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) return null;
  const [python, ...prefixes] = r.stdout.trim().split('\n');
  return python ? { python, prefixes: [...new Set(prefixes)] } : null;
};

const plans = new Map<string, SandboxPlan>();

/** Finds the strongest isolation that works on this machine for `python` (cached per interpreter). */
export const planSandbox = (pythonCmd: string): SandboxPlan => {
  const cached = plans.get(pythonCmd);
  if (cached) return cached;
  const found = which(pythonCmd) ? resolveInterpreter(pythonCmd) : null;
  if (!found)
    throw new Error(`Python interpreter not found or not working: ${pythonCmd} (set PYPREP_PYTHON)`);
  const { python, prefixes } = found;
  const root = process.getuid?.() === 0;
  const bwrap = which('bwrap');
  const base = { python, prefixes, hidden: hiddenDirs(), warnings: [] as string[] };
  const own = (): SandboxPlan['nproc'] => (root ? 0 : countOwnProcesses(process.getuid?.() ?? 0) + 128);
  const candidates: SandboxPlan[] = [];
  if (bwrap) {
    if (root) candidates.push({ ...base, bwrap, uid: NOBODY, gid: NOBODY, nproc: 128 });
    candidates.push({ ...base, bwrap, uid: undefined, gid: undefined, nproc: own() });
  }
  if (root) candidates.push({ ...base, bwrap: null, uid: NOBODY, gid: NOBODY, nproc: 128 });
  candidates.push({ ...base, bwrap: null, uid: undefined, gid: undefined, nproc: own() });
  let plan = candidates.find(probe) ?? candidates[candidates.length - 1]!;
  plan = { ...plan, warnings: [] };
  if (!plan.bwrap)
    plan.warnings.push('bwrap not usable: Python runs without a filesystem/network sandbox (rlimits only)');
  if (plan.nproc === 0)
    plan.warnings.push(
      `${python} is not usable as uid ${NOBODY}: running as root, fork bombs are only stopped by time`,
    );
  plans.set(pythonCmd, plan);
  return plan;
};
