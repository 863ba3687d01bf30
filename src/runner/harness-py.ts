// Python source shared by both backends: runs a program as __main__ and grades `def test_…()` functions.
// Kept as a string so the esbuild bundle needs no extra files; avoid backticks and "${" inside.

export const HARNESS_PY = String.raw`
import sys as _sys

def _pp_trim_tb(exc, keep):
    # Drop the harness's own frames so tracebacks look like plain python's.
    tb = exc.__traceback__
    while tb is not None and not keep(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return tb

def _pp_print_exc(exc, keep):
    import traceback as _tb
    tb = _pp_trim_tb(exc, keep)
    lines = _tb.format_exception(type(exc), exc, tb) if tb is not None else _tb.format_exception_only(type(exc), exc)
    _sys.stderr.write(''.join(lines))

def _pp_exit_code(exc):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    _sys.stderr.write(str(code) + '\n')
    return 1

def _pp_flush():
    for s in (_sys.stdout, _sys.stderr):
        try:
            s.flush()
        except Exception:
            pass

def pp_run_main(path, on_memory):
    # Runs path as __main__; returns the exit code. on_memory() marks a MemoryError for the runner.
    with open(path, encoding='utf-8') as f:
        src = f.read()
    main = type(_sys)('__main__')
    main.__dict__.update({'__file__': path, '__builtins__': __builtins__})
    _sys.modules['__main__'] = main
    try:
        code = compile(src, path, 'exec')
        exec(code, main.__dict__)
        return 0
    except SystemExit as e:
        return _pp_exit_code(e)
    except BaseException as e:
        if isinstance(e, MemoryError):
            on_memory()
        _pp_print_exc(e, lambda fn: fn == path)
        return 1
    finally:
        _pp_flush()

def _pp_assert_rewriter(_ast):
  class _PPAssertRewriter(_ast.NodeTransformer):
      # Gives bare 'assert a == b' a message showing both sides, like pytest does.
      def __init__(self, src):
          self.src = src
          self.n = 0

      def visit_Assert(self, node):
          t = node.test
          if node.msg is not None or not isinstance(t, _ast.Compare) or len(t.ops) != 1:
              return node
          self.n += 1
          ln, rn = '_pp_l%d' % self.n, '_pp_r%d' % self.n
          text = _ast.get_source_segment(self.src, t) or 'assertion'
          left = _ast.NamedExpr(target=_ast.Name(ln, _ast.Store()), value=t.left)
          right = _ast.NamedExpr(target=_ast.Name(rn, _ast.Store()), value=t.comparators[0])
          test = _ast.Compare(left=left, ops=t.ops, comparators=[right])
          msg = _ast.Call(func=_ast.Name('_pp_assert_msg', _ast.Load()),
                          args=[_ast.Constant(text), _ast.Name(ln, _ast.Load()), _ast.Name(rn, _ast.Load())],
                          keywords=[])
          new = _ast.Assert(test=test, msg=msg)
          return _ast.fix_missing_locations(_ast.copy_location(new, node))
  return _PPAssertRewriter

def _pp_short(v):
    r = repr(v)
    return r if len(r) <= 200 else r[:197] + '...'

def _pp_assert_msg(text, left, right):
    return 'assert %s (left: %s, right: %s)' % (text, _pp_short(left), _pp_short(right))

def _pp_where(exc, tests_path, solution_path):
    import traceback as _tb
    # The innermost frame that is in the tests or the solution file.
    line, where = None, None
    for fr in _tb.extract_tb(exc.__traceback__):
        if fr.filename == tests_path:
            line, where = fr.lineno, 'tests'
        elif fr.filename == solution_path:
            line, where = fr.lineno, 'solution'
    if isinstance(exc, SyntaxError) and exc.filename in (tests_path, solution_path):
        line, where = exc.lineno, ('tests' if exc.filename == tests_path else 'solution')
    return line, where

def _pp_message(exc):
    import traceback as _tb
    if isinstance(exc, SystemExit):
        return 'called sys.exit(%r): a test cannot pass by exiting' % (exc.code,)
    if isinstance(exc, AssertionError):
        text = str(exc)
        if text:
            return text if text.startswith('assert ') else 'AssertionError: ' + text
        fr = _tb.extract_tb(exc.__traceback__)[-1:]
        return 'failed: ' + (fr[0].line or 'assert') if fr else 'AssertionError'
    return ''.join(_tb.format_exception_only(type(exc), exc)).strip()

def pp_run_tests(tests_path, solution_path, emit):
    # emit(str) is bound by the backend to a channel the user's code cannot write through.
    import ast as _ast, json as _json
    send = emit
    dumps = _json.dumps
    with open(solution_path, encoding='utf-8') as f:
        sol_src = f.read()
    with open(tests_path, encoding='utf-8') as f:
        tests_src = f.read()
    try:
        compile(sol_src, solution_path, 'exec')
    except SyntaxError as e:
        send(dumps({'kind': 'error', 'message': 'SyntaxError in your code: %s' % (e.msg,),
                    'line': e.lineno, 'file': 'solution'}))
        return
    mod = type(_sys)('tests')
    mod.__file__ = tests_path
    mod.__dict__['_pp_assert_msg'] = _pp_assert_msg
    try:
        tree = _ast.parse(tests_src, tests_path)
        tree = _pp_assert_rewriter(_ast)(tests_src).visit(tree)
        code = compile(tree, tests_path, 'exec')
        _sys.modules['tests'] = mod
        exec(code, mod.__dict__)
    except BaseException as e:
        line, where = _pp_where(e, tests_path, solution_path)
        if isinstance(e, SystemExit):
            text = 'your code called sys.exit(%r) while being imported' % (e.code,)
        else:
            text = 'importing your code failed: ' + _pp_message(e)
        send(dumps({'kind': 'error', 'message': text, 'line': line, 'file': where}))
        return
    names = [n for n, v in list(mod.__dict__.items()) if n.startswith('test') and callable(v)]
    send(dumps({'kind': 'collected', 'names': names}))
    for name in names:
        fn = mod.__dict__[name]
        try:
            res = fn()
            if hasattr(res, '__await__'):
                import asyncio
                asyncio.run(res)
            send(dumps({'kind': 'test', 'name': name, 'passed': True, 'message': '', 'line': None, 'file': None}))
        except BaseException as e:
            line, where = _pp_where(e, tests_path, solution_path)
            send(dumps({'kind': 'test', 'name': name, 'passed': False, 'message': _pp_message(e),
                        'line': line, 'file': where}))
    _pp_flush()
    send(dumps({'kind': 'done'}))
`;
