// Pyodide worker: one interpreter per worker thread; runs one request at a time for the main thread.
// Plain .mjs so it works unchanged from src/ (vitest) and when copied beside the dist/ bundle.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

// No network: emscripten's socket layer opens WebSockets through the 'ws' package, so refuse to load it.
const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  if (request === 'ws' || request.startsWith('ws/')) throw new Error('network access is disabled in pyprep');
  return originalLoad.call(this, request, ...rest);
};

// Memory cap: refusing to grow the WASM heap makes malloc fail, which Python reports as MemoryError.
const originalGrow = WebAssembly.Memory.prototype.grow;
let heapLimit = 0;
let memoryHit = false;
WebAssembly.Memory.prototype.grow = function grow(pages) {
  if (heapLimit && this.buffer.byteLength + pages * 65536 > heapLimit) {
    memoryHit = true;
    throw new RangeError('pyprep memory limit');
  }
  return originalGrow.call(this, pages);
};

const { loadPyodide, version } = await import('pyodide');
const { interruptBuffer, snapshotPath, harness } = workerData;

// Python sees only these JS globals through `import js` (no process, require, fetch).
// Pyodide guesses its own location from a stack trace, which loaders (tsx, vitest) can confuse.
const indexURL = `${dirname(fileURLToPath(import.meta.resolve('pyodide')))}/`;
const jsglobals = { setTimeout, clearTimeout, setInterval, clearInterval, Object, Array, Promise, Error };

const started = performance.now();
let snapshotUsed = false;
let py;
if (snapshotPath && existsSync(snapshotPath)) {
  py = await loadPyodide({ _loadSnapshot: readFileSync(snapshotPath), jsglobals, indexURL });
  snapshotUsed = true;
} else if (snapshotPath) {
  py = await loadPyodide({ _makeSnapshot: true, jsglobals, indexURL });
  const snap = py.makeMemorySnapshot();
  mkdirSync(dirname(snapshotPath), { recursive: true });
  const tmp = `${snapshotPath}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, snap);
  renameSync(tmp, snapshotPath);
} else {
  py = await loadPyodide({ jsglobals, indexURL });
}

let current = null;
const stream = (kind) => (bytes) => {
  if (current) parentPort.postMessage({ type: 'output', id: current, kind, bytes: Buffer.from(bytes) });
  return bytes.length;
};
py.setStdout({ write: stream('stdout') });
py.setStderr({ write: stream('stderr') });
const interrupt = new Int32Array(interruptBuffer);
py.setInterruptBuffer(interrupt);
py.runPython(harness);
py.runPython(`
import sys as _pp_sys, os as _pp_os, shutil as _pp_shutil
_pp_streams = (_pp_sys.stdout, _pp_sys.stderr)
def pp_fingerprint():
    # Identity of every module-level and class-level binding: user code that patched any changes it.
    h = 0
    for n, m in list(_pp_sys.modules.items()):
        if n == '__main__':
            continue
        for k, v in list(getattr(m, '__dict__', {}).items()):
            if n == '__pp_main__' and not k.startswith(('pp_', '_pp')):
                continue
            h ^= hash((n, k, id(v)))
            if isinstance(v, type):
                for k2, v2 in list(v.__dict__.items()):
                    h ^= hash((n, k, k2, id(v2)))
    return h
def pp_setup(path):
    _pp_os.makedirs(path, exist_ok=True)
    _pp_os.chdir(path)
    _pp_sys.path.insert(0, path)
    return set(_pp_sys.modules)
def pp_teardown(path, before):
    _pp_sys.stdout, _pp_sys.stderr = _pp_streams
    for name in set(_pp_sys.modules) - set(before):
        _pp_sys.modules.pop(name, None)
    _pp_sys.modules['__main__'] = _pp_sys.modules.get('__pp_main__', _pp_sys.modules['__main__'])
    while path in _pp_sys.path:
        _pp_sys.path.remove(path)
    _pp_os.chdir('/home/pyodide')
    _pp_shutil.rmtree(path, ignore_errors=True)
    return pp_fingerprint()
_pp_sys.modules['__pp_main__'] = _pp_sys.modules['__main__']
`);
const g = py.globals;
const [setup, teardown, runMain, runTests, fingerprint] = [
  'pp_setup',
  'pp_teardown',
  'pp_run_main',
  'pp_run_tests',
  'pp_fingerprint',
].map((n) => g.get(n));
// Warm the harness once so lazy module caches (ast, traceback) are filled before the clean fingerprint.
{
  const before = setup('/tmp/warm');
  py.FS.writeFile('/tmp/warm/solution.py', 'def f():\n    return 1\n');
  py.FS.writeFile(
    '/tmp/warm/test_solution.py',
    'from solution import f\ndef test_f():\n    assert f() == 2\n',
  );
  py.FS.writeFile('/tmp/warm/main.py', 'print(1)\n1/0\n');
  runTests('/tmp/warm/test_solution.py', '/tmp/warm/solution.py', () => {});
  runMain('/tmp/warm/main.py', () => {});
  teardown('/tmp/warm', before);
  before.destroy();
}
const clean = fingerprint();
parentPort.postMessage({ type: 'ready', version, snapshotUsed, loadMs: performance.now() - started });

parentPort.on('message', (msg) => {
  const { id, mode, files, memoryMb } = msg;
  const dir = `/tmp/run-${id}`;
  current = id;
  memoryHit = false;
  Atomics.store(interrupt, 0, 0);
  const records = [];
  let exitCode = 0;
  let before = null;
  let tainted = true;
  try {
    before = setup(dir);
    for (const [name, text] of Object.entries(files)) {
      const path = `${dir}/${name}`;
      py.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')));
      py.FS.writeFile(path, text);
    }
    heapLimit = memoryMb * 1024 * 1024;
    if (mode === 'run') exitCode = runMain(`${dir}/main.py`, () => records.push('{"kind": "memory"}'));
    else runTests(`${dir}/test_solution.py`, `${dir}/solution.py`, (line) => records.push(line));
  } catch (e) {
    exitCode = 1;
    parentPort.postMessage({
      type: 'output',
      id,
      kind: 'stderr',
      bytes: Buffer.from(`${e?.message ?? e}\n`),
    });
  } finally {
    heapLimit = 0;
    try {
      if (before) {
        tainted = teardown(dir, before) !== clean;
        before.destroy();
      }
    } catch {
      // a broken interpreter is replaced by the main thread on the next error
    }
    current = null;
  }
  parentPort.postMessage({ type: 'done', id, exitCode, records, memoryHit, tainted });
});
