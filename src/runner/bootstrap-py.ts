// The CPython `-c` bootstrap: sets rlimits, takes the nonce from stdin, then runs main.py or the tests.
import { HARNESS_PY } from './harness-py.js';

const BOOT_PY = String.raw`
import sys, os, resource, site
_cfg = dict(zip(('cpuSeconds', 'memoryBytes', 'fileBytes', 'nproc'), map(int, sys.argv[1:5])))
# Run with -S (no .pth processing, faster start) but keep the system site-packages importable.
sys.path.extend(p for p in site.getsitepackages() if p not in sys.path)
def _pp_limit(which, soft, hard=None):
    try:
        resource.setrlimit(which, (soft, soft if hard is None else hard))
    except (ValueError, OSError):
        pass
_pp_limit(resource.RLIMIT_CPU, _cfg['cpuSeconds'], _cfg['cpuSeconds'] + 1)
_pp_limit(resource.RLIMIT_AS, _cfg['memoryBytes'])
_pp_limit(resource.RLIMIT_FSIZE, _cfg['fileBytes'])
_pp_limit(resource.RLIMIT_CORE, 0)
if _cfg['nproc']:
    _pp_limit(resource.RLIMIT_NPROC, _cfg['nproc'])
_pp_nonce = sys.stdin.buffer.readline().strip()
_pp_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_pp_null, 0)
os.close(_pp_null)
os.set_inheritable(3, False)
def _pp_emit(line, _w=os.write, _n=_pp_nonce):
    _w(3, _n + b' ' + line.encode('utf-8') + b'\n')
_pp_cwd = os.getcwd()
sys.path.insert(0, _pp_cwd)
sys.argv = ['main.py']
`;

const RUN_PY = `
_pp_code = pp_run_main(os.path.join(_pp_cwd, 'main.py'), lambda: _pp_emit('{"kind": "memory"}'))
sys.exit(_pp_code)
`;

const TESTS_PY = `
del _pp_nonce
pp_run_tests(os.path.join(_pp_cwd, 'test_solution.py'), os.path.join(_pp_cwd, 'solution.py'), _pp_emit)
_pp_flush()
os._exit(0)
`;

export const bootstrapSource = (mode: 'run' | 'tests'): string =>
  BOOT_PY + HARNESS_PY + (mode === 'run' ? RUN_PY : TESTS_PY);
