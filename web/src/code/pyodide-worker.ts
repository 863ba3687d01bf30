// Web worker: runs Python with Pyodide, loaded on first use from the files the build copied to /pyodide/.
import type { loadPyodide as LoadPyodide } from 'pyodide';

type Py = Awaited<ReturnType<typeof LoadPyodide>>;
export interface RunMessage {
  id: number;
  code: string;
  interrupt: SharedArrayBuffer | null;
}
export interface ResultMessage {
  id: number;
  stdout: string;
  stderr: string;
  exitCode: number;
  durationMs: number;
}

// The worker global scope, typed just enough (the DOM and WebWorker libs clash in one program).
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<RunMessage>) => void) | null;
  postMessage(m: ResultMessage): void;
};

let ready: Promise<Py> | null = null;

async function load(): Promise<Py> {
  const indexURL = new URL(/* @vite-ignore */ '../pyodide/', import.meta.url).href;
  const mod = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: typeof LoadPyodide;
  };
  return mod.loadPyodide({ indexURL });
}

scope.onmessage = async (e) => {
  const { id, code, interrupt } = e.data;
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  try {
    ready ??= load();
    const py = await ready;
    py.setStdout({ batched: (s: string) => (stdout += `${s}\n`) });
    py.setStderr({ batched: (s: string) => (stderr += `${s}\n`) });
    if (interrupt) py.setInterruptBuffer(new Int32Array(interrupt));
    const ns = py.globals.get('dict')();
    ns.set('__name__', '__main__');
    try {
      // Synchronous on purpose: under asyncio a KeyboardInterrupt (time limit) would escape the event loop.
      py.runPython(code, { globals: ns });
    } finally {
      ns.destroy();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const exit = /SystemExit: (\d+)/.exec(message);
    exitCode = exit ? Number(exit[1]) : 1;
    if (!exit) stderr += `${message}\n`;
  }
  scope.postMessage({ id, stdout, stderr, exitCode, durationMs: performance.now() - started });
};
