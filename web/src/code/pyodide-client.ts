// Runs code in the Pyodide worker with a time limit; interrupts via SharedArrayBuffer when isolated.
import type { RunResult } from '../api.js';
import type { ResultMessage, RunMessage } from './pyodide-worker.js';

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  worker ??= new Worker(new URL('./pyodide-worker.ts', import.meta.url), { type: 'module', name: 'pyodide' });
  return worker;
}

export function runInBrowser(code: string, timeoutMs = 20_000): Promise<RunResult> {
  const w = getWorker();
  const id = nextId++;
  const interrupt = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : null;
  const flag = interrupt ? new Int32Array(interrupt) : null;
  return new Promise((resolve) => {
    let timedOut = false;
    const finish = (r: Omit<RunResult, 'backend'>) => {
      clearTimeout(soft);
      clearTimeout(hard);
      w.removeEventListener('message', onMessage);
      resolve({ backend: 'pyodide', ...r });
    };
    const onMessage = (e: MessageEvent<ResultMessage>) => {
      if (e.data.id !== id) return;
      const { stdout, stderr, exitCode, durationMs } = e.data;
      finish({ stdout, stderr, exitCode, timedOut, killedReason: timedOut ? 'time' : null, durationMs });
    };
    w.addEventListener('message', onMessage);
    // First ask Python to stop (KeyboardInterrupt); if it does not, end the worker.
    const soft = setTimeout(() => {
      timedOut = true;
      if (flag) flag[0] = 2;
    }, timeoutMs);
    const hard = setTimeout(() => {
      w.terminate();
      worker = null;
      finish({
        stdout: '',
        stderr: 'stopped: the time limit was reached',
        exitCode: null,
        timedOut: true,
        killedReason: 'time',
        durationMs: timeoutMs,
      });
    }, timeoutMs + 3000);
    const msg: RunMessage = { id, code, interrupt };
    w.postMessage(msg);
  });
}
