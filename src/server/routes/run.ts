// POST /api/run: Python from the body on the sandboxed runner; loopback only, few at once.
import { runCodeInputSchema } from '../../app/run-code.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { route } from '../route.js';

export function runRoutes(deps: ServerDeps) {
  return [
    route({
      method: 'POST',
      url: '/api/run',
      tag: 'run',
      summary: 'Runs Python in the sandbox (only while bound to loopback; limited in concurrency and time)',
      body: runCodeInputSchema,
      resultName: 'RunResult',
      handler: ({ body }) => {
        if (!deps.codeExecution)
          throw new HttpError(
            403,
            'forbidden',
            'code execution is off: pyprep serve listens on a non-loopback address',
          );
        return deps.limiter.run(() => deps.code.run(body));
      },
    }),
  ];
}
