// Pyodide backend: CPython compiled to WASM, in a worker thread that is interrupted or ended when it runs away.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  CodeRunner,
  KilledReason,
  RunRequest,
  RunResult,
  TestRunRequest,
  TestRunResult,
} from '../engine/ports/code-runner.js';
import { explain } from './cpython.js';
import { RUN_DEFAULTS } from './defaults.js';
import { HARNESS_PY } from './harness-py.js';
import { type HarnessRecord, parseRecord, toTestRunResult } from './test-results.js';

/** How long an interrupted run may take to unwind before the worker is ended. */
const GRACE_MS = 1000;
const SIGINT = 2;

export interface PyodideOptions {
  /** Cache a memory snapshot to cut cold start (default true). */
  snapshot?: boolean;
  /** Where the snapshot lives; default $XDG_CACHE_HOME/pyprep or ~/.cache/pyprep. */
  cacheDir?: string;
}

export interface PyodideStartInfo {
  version: string;
  snapshotUsed: boolean;
  loadMs: number;
}

export const defaultCacheDir = (): string =>
  join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pyprep');

type WorkerMessage =
  | ({ type: 'ready' } & PyodideStartInfo)
  | { type: 'output'; id: number; kind: 'stdout' | 'stderr'; bytes: Uint8Array }
  | { type: 'done'; id: number; exitCode: number; records: string[]; memoryHit: boolean; tainted: boolean };

interface Live {
  worker: Worker;
  interrupt: Int32Array;
  info: PyodideStartInfo;
}

export class PyodideRunner implements CodeRunner {
  readonly backend = 'pyodide' as const;
  private live: Promise<Live> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private current: Live | null = null;
  private nextId = 1;
  /** How many interpreters this runner has started (fresh ones replace tainted or stuck ones). */
  starts = 0;

  constructor(private readonly opts: PyodideOptions = {}) {}

  /** Starts the worker now (otherwise the first run does); resolves with how the start went. */
  async start(): Promise<PyodideStartInfo> {
    return (await this.ensure()).info;
  }

  run(req: RunRequest): Promise<RunResult> {
    return this.enqueue(async () => (await this.exec('run', { ...req.files, 'main.py': req.code }, req)).run);
  }

  runTests(req: TestRunRequest): Promise<TestRunResult> {
    const files = { ...req.files, 'solution.py': req.solution, 'test_solution.py': req.tests };
    return this.enqueue(async () => {
      const { run, records } = await this.exec('tests', files, req);
      return toTestRunResult(run, records, req.tests);
    });
  }

  async close(): Promise<void> {
    const live = this.live;
    this.live = null;
    if (live) await (await live.catch(() => null))?.worker.terminate();
  }

  private retire(live: Live): void {
    if (this.current === live) {
      this.current = null;
      this.live = null;
    }
    void live.worker.terminate();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => {});
    return next;
  }

  private ensure(): Promise<Live> {
    if (this.live) return this.live;
    const sab = new SharedArrayBuffer(4);
    const snapshotPath =
      this.opts.snapshot === false ? null : join(this.opts.cacheDir ?? defaultCacheDir(), snapshotName());
    const worker = new Worker(new URL('./pyodide-worker.mjs', import.meta.url), {
      workerData: { interruptBuffer: sab, snapshotPath, harness: HARNESS_PY },
    });
    worker.unref();
    const live = new Promise<Live>((resolve, reject) => {
      const onReady = (m: WorkerMessage) => {
        if (m.type !== 'ready') return;
        worker.off('message', onReady);
        worker.off('error', reject);
        this.current = { worker, interrupt: new Int32Array(sab), info: m };
        this.starts++;
        resolve(this.current);
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    // A worker that ends (terminated, crashed) is replaced on the next run.
    const forget = () => {
      if (this.live === live) this.live = null;
    };
    worker.once('exit', forget);
    live.catch(forget);
    this.live = live;
    return live;
  }

  private async exec(
    mode: 'run' | 'tests',
    files: Record<string, string>,
    req: Omit<RunRequest, 'code'>,
  ): Promise<{ run: RunResult; records: HarnessRecord[] }> {
    const timeoutMs = req.timeoutMs ?? RUN_DEFAULTS.timeoutMs;
    const cap = req.outputLimitBytes ?? RUN_DEFAULTS.outputLimitBytes;
    const live = await this.ensure();
    const started = performance.now();
    const id = this.nextId++;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let total = 0;
    let killed: KilledReason = null;
    let hardTimer: NodeJS.Timeout | undefined;
    const stop = (reason: KilledReason) => {
      if (killed !== null) return;
      killed = reason;
      Atomics.store(live.interrupt, 0, SIGINT);
      // If the code ignores KeyboardInterrupt (or is stuck in C), end the whole interpreter.
      hardTimer = setTimeout(() => this.retire(live), GRACE_MS);
    };
    const timer = setTimeout(() => stop('time'), timeoutMs);
    live.worker.ref();
    const finish = (exitCode: number | null, lines: string[], memoryHit: boolean) => {
      clearTimeout(timer);
      clearTimeout(hardTimer);
      live.worker.unref();
      const reason: KilledReason = killed ?? (memoryHit ? 'memory' : null);
      const run: RunResult = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + explain(reason, timeoutMs),
        exitCode,
        timedOut: reason === 'time',
        killedReason: reason,
        durationMs: Math.round(performance.now() - started),
        backend: 'pyodide',
      };
      const records = lines.map(parseRecord).filter((r): r is HarnessRecord => r !== null);
      return { run, records };
    };
    return new Promise((resolve) => {
      const onMessage = (m: WorkerMessage) => {
        if (m.type === 'output' && m.id === id) {
          const room = cap - total;
          if (room > 0) (m.kind === 'stdout' ? out : err).push(Buffer.from(m.bytes).subarray(0, room));
          total += m.bytes.length;
          if (total > cap) stop('output');
        } else if (m.type === 'done' && m.id === id) {
          cleanup();
          // The run changed the interpreter's modules (monkeypatching): the next run gets a fresh one.
          if (m.tainted) this.retire(live);
          resolve(finish(m.exitCode, m.records, m.memoryHit));
        }
      };
      const onExit = () => {
        cleanup();
        resolve(finish(null, [], false));
      };
      const cleanup = () => {
        live.worker.off('message', onMessage);
        live.worker.off('exit', onExit);
      };
      live.worker.on('message', onMessage);
      live.worker.on('exit', onExit);
      live.worker.postMessage({ id, mode, files, memoryMb: req.memoryMb ?? RUN_DEFAULTS.memoryMb });
    });
  }
}

// Read from the package so a pyodide upgrade invalidates the cached snapshot.
const pyodideVersion: string = createRequire(import.meta.url)('pyodide/package.json').version;
const snapshotName = (): string =>
  `pyodide-${pyodideVersion}-node${process.versions.node.split('.')[0]}.snapshot`;
