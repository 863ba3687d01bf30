// CPython backend: one sandboxed subprocess per run, in a temp dir that is removed afterwards.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import type {
  CodeRunner,
  KilledReason,
  RunRequest,
  RunResult,
  TestRunRequest,
  TestRunResult,
} from '../engine/ports/code-runner.js';
import { bootstrapSource } from './bootstrap-py.js';
import { RUN_DEFAULTS } from './defaults.js';
import { bwrapArgs, childEnv, planSandbox, type SandboxPlan } from './sandbox.js';
import { type HarnessRecord, parseRecord, toTestRunResult } from './test-results.js';

const SIGNALS: Record<number, NodeJS.Signals> = {
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM',
  24: 'SIGXCPU',
};
const warned = new Set<string>();

export interface CPythonOptions {
  /** Interpreter; default $PYPREP_PYTHON or `python3`. */
  python?: string;
  /** Called once per distinct warning (weaker isolation); default prints to stderr. */
  warn?: (message: string) => void;
}

interface Outcome {
  run: RunResult;
  records: HarnessRecord[];
}

export class CPythonRunner implements CodeRunner {
  readonly backend = 'cpython' as const;
  readonly plan: SandboxPlan;

  constructor(opts: CPythonOptions = {}) {
    this.plan = planSandbox(opts.python ?? process.env.PYPREP_PYTHON ?? 'python3');
    const warn = opts.warn ?? ((m: string) => process.stderr.write(`pyprep: warning: ${m}\n`));
    for (const w of this.plan.warnings) {
      if (!warned.has(w)) warn(w);
      warned.add(w);
    }
  }

  async run(req: RunRequest): Promise<RunResult> {
    const { run } = await this.exec('run', { ...req.files, 'main.py': req.code }, req);
    return run;
  }

  async runTests(req: TestRunRequest): Promise<TestRunResult> {
    const files = { ...req.files, 'solution.py': req.solution, 'test_solution.py': req.tests };
    const { run, records } = await this.exec('tests', files, req);
    return toTestRunResult(run, records, req.tests);
  }

  async close(): Promise<void> {}

  private async exec(
    mode: 'run' | 'tests',
    files: Record<string, string>,
    req: Omit<RunRequest, 'code'>,
  ): Promise<Outcome> {
    const timeoutMs = req.timeoutMs ?? RUN_DEFAULTS.timeoutMs;
    const dir = mkdtempSync(join(tmpdir(), `pyprep-run-${process.pid}-`));
    try {
      const placed = writeFiles(dir, files, this.plan);
      const cfg = {
        cpuSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
        memoryBytes: (req.memoryMb ?? RUN_DEFAULTS.memoryMb) * 1024 * 1024,
        fileBytes: 16 * 1024 * 1024,
        nproc: this.plan.nproc,
      };
      const argv = [
        this.plan.python,
        '-I',
        '-S',
        '-c',
        bootstrapSource(mode),
        ...Object.values(cfg).map(String),
      ];
      const [cmd, ...args] = this.plan.bwrap
        ? [this.plan.bwrap, ...bwrapArgs(this.plan, placed, argv)]
        : argv;
      return await this.spawnChild(
        cmd!,
        args,
        dir,
        timeoutMs,
        req.outputLimitBytes ?? RUN_DEFAULTS.outputLimitBytes,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private spawnChild(
    cmd: string,
    args: string[],
    dir: string,
    timeoutMs: number,
    cap: number,
  ): Promise<Outcome> {
    const started = performance.now();
    const nonce = randomBytes(16).toString('hex');
    const useUid = this.plan.uid !== undefined;
    const child = spawn(cmd, args, {
      cwd: this.plan.bwrap ? '/' : dir,
      env: childEnv(this.plan.bwrap ? '/' : dir),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      ...(useUid ? { uid: this.plan.uid, gid: this.plan.gid } : {}),
    });
    let killed: KilledReason = null;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let total = 0;
    let resultText = '';
    const kill = (reason: KilledReason): void => {
      if (killed === null) killed = reason;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      const room = cap - total;
      if (room <= 0) return;
      into.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += chunk.length;
      if (total > cap) kill('output');
    };
    child.stdout!.on('data', collect(out));
    child.stderr!.on('data', collect(err));
    const results = child.stdio[3] as NodeJS.ReadableStream;
    results.setEncoding('utf8');
    results.on('data', (s: string) => {
      if (resultText.length < 4 * 1024 * 1024) resultText += s;
    });
    child.stdin!.on('error', () => {});
    child.stdin!.end(`${nonce}\n`);
    const timer = setTimeout(() => kill('time'), timeoutMs);
    return new Promise<Outcome>((resolve, reject) => {
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        kill(killed); // sweep anything left in the process group
        const records: HarnessRecord[] = [];
        for (const line of resultText.split('\n')) {
          if (!line.startsWith(`${nonce} `)) continue;
          const rec = parseRecord(line.slice(nonce.length + 1));
          if (rec) records.push(rec);
        }
        // bwrap reports a child killed by signal N as exit code 128+N.
        let sig: NodeJS.Signals | null = signal;
        let exitCode = code;
        if (this.plan.bwrap && code !== null && code > 128 && SIGNALS[code - 128]) {
          sig = SIGNALS[code - 128]!;
          exitCode = null;
        }
        let reason = killed;
        if (reason === null && records.some((r) => r.kind === 'memory')) reason = 'memory';
        if (reason === null && sig) reason = sig === 'SIGXCPU' ? 'cpu' : 'signal';
        const run: RunResult = {
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8') + explain(reason, timeoutMs),
          exitCode: reason === 'memory' ? exitCode : sig ? null : exitCode,
          timedOut: reason === 'time' || reason === 'cpu',
          killedReason: reason,
          durationMs: Math.round(performance.now() - started),
          backend: 'cpython',
        };
        resolve({ run, records });
      });
    });
  }
}

/** One line appended to stderr so a stopped run says why. */
export const explain = (reason: KilledReason, timeoutMs: number): string => {
  switch (reason) {
    case 'time':
      return `\n[pyprep] stopped: time limit of ${timeoutMs} ms reached\n`;
    case 'cpu':
      return '\n[pyprep] stopped: CPU time limit reached\n';
    case 'memory':
      return '\n[pyprep] stopped: memory limit reached\n';
    case 'output':
      return '\n[pyprep] stopped: output limit reached\n';
    case 'signal':
      return '\n[pyprep] stopped: killed by a signal\n';
    default:
      return '';
  }
};

/** Writes files into the temp dir, readable by the sandbox uid; returns [host path, relative name] pairs. */
const writeFiles = (
  dir: string,
  files: Record<string, string>,
  plan: SandboxPlan,
): Array<[string, string]> => {
  const placed: Array<[string, string]> = [];
  for (const [name, text] of Object.entries(files)) {
    const rel = normalize(name);
    if (rel.startsWith('..') || rel.startsWith('/'))
      throw new Error(`file name outside the work dir: ${name}`);
    const host = join(dir, rel);
    mkdirSync(dirname(host), { recursive: true, mode: 0o755 });
    writeFileSync(host, text, { mode: 0o644 });
    placed.push([host, rel]);
  }
  chmodSync(dir, 0o755);
  // Without bwrap the child writes into the temp dir itself, so it must own it.
  if (!plan.bwrap && plan.uid !== undefined) chownSync(dir, plan.uid, plan.gid ?? plan.uid);
  return placed;
};
