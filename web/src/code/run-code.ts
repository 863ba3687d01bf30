// Run: the server's sandboxed CPython when it offers it, else Pyodide in this browser (loaded on demand).
import { ApiError, api, type RunResult } from '../api.js';

let serverCanRun: boolean | null = null;

/** The server says in /api/health whether it runs code (it does only while bound to loopback). */
async function askServer(): Promise<boolean> {
  try {
    const res = await fetch('/api/health');
    const health = (await res.json()) as { codeExecution?: unknown };
    return health.codeExecution !== false;
  } catch {
    return true;
  }
}

export async function runCode(code: string): Promise<RunResult> {
  serverCanRun ??= await askServer();
  if (serverCanRun) {
    try {
      return await api.run(code);
    } catch (err) {
      // 503: running is off (e.g. not bound to loopback); 404: an older server without the route.
      if (!(err instanceof ApiError && (err.status === 503 || err.status === 404))) throw err;
      serverCanRun = false;
    }
  }
  const { runInBrowser } = await import('./pyodide-client.js');
  return runInBrowser(code);
}
