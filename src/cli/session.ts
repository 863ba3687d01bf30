// Opens the app for one command and always closes it; the app loads lazily so `--help` and `--version` stay fast.
import type { Command } from 'commander';
import type { AppContext } from '../app/context.js';
import type { UseCaseName, UseCaseResult } from '../app/use-cases/index.js';

export interface Session {
  ctx: AppContext;
  call<N extends UseCaseName>(name: N, input?: unknown): Promise<UseCaseResult<N>>;
}

export async function withApp<T>(cmd: Command, fn: (s: Session) => Promise<T>): Promise<T> {
  const [{ openApp }, { invoke }] = await Promise.all([
    import('../app/context.js'),
    import('../app/use-cases/index.js'),
  ]);
  const db = (cmd.optsWithGlobals() as { db?: string }).db;
  const ctx = await openApp(db ? { db } : {});
  try {
    return await fn({ ctx, call: (name, input) => invoke(ctx, name, input) });
  } finally {
    await ctx.close();
  }
}
