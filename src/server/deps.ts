// What every route module receives: the app context and the server's own policies.
import type { AppContext } from '../app/context.js';
import type { CodeRunService } from '../app/run-code.js';
import type { Limiter } from './limiter.js';

export interface ServerDeps {
  ctx: AppContext;
  code: CodeRunService;
  /** Bounds concurrent code runs (/api/run and code answers). */
  limiter: Limiter;
  /** False when bound to a non-loopback address. */
  codeExecution: boolean;
  version: string;
}
