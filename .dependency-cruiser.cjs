// Layering of DESIGN.md: content <- engine <- store, runner <- app <- cli, server. Nothing points back up.
const layer = (name, forbidden) => ({
  name: `${name}-layer`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
});
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('content', ['engine', 'store', 'runner', 'app', 'cli', 'server']),
    layer('engine', ['store', 'runner', 'app', 'cli', 'server']),
    layer('store', ['runner', 'app', 'cli', 'server']),
    layer('runner', ['store', 'app', 'cli', 'server']),
    layer('app', ['cli', 'server']),
    layer('cli', ['store', 'runner']),
    {
      name: 'cli-only-serve-starts-server',
      comment: 'The two faces stay apart; only `pyprep serve` loads the HTTP face, through its entry point.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/commands/serve\\.ts$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'serve-through-entry',
      severity: 'error',
      from: { path: '^src/cli/commands/serve\\.ts$' },
      to: { path: '^src/server/', pathNot: '^src/server/serve\\.ts$' },
    },
    layer('server', ['cli', 'store', 'runner']),
    {
      name: 'engine-is-pure',
      comment: 'The engine does no I/O: no node built-ins.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-only-pure-code',
      comment: 'The browser app may use pure engine/content code, and only types from src/app.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(store|runner|server|cli)/' },
    },
    {
      name: 'web-app-types-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-no-node',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { dependencyTypes: ['core'] },
    },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
