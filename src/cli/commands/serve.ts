// `pyprep serve`: the JSON API and the web app on 127.0.0.1, until SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError } from '../output.js';

declare const PYPREP_VERSION: string;

interface ServeFlags {
  host: string;
  port: string;
  db?: string;
  allowHost: string[];
  open: boolean;
}

/** Best effort: a desktop browser if there is one; a headless box just shows the URL. */
function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and its JSON API (127.0.0.1 by default)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', '4173')
    .option('--db <path|url>', 'SQLite file or postgres:// URL')
    .option(
      '--allow-host <name>',
      'also accept this Host header (repeatable)',
      (v, all: string[]) => [...all, v],
      [],
    )
    .option('--no-open', 'do not open a browser')
    .action(async (flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be a number from 0 to 65535, not ${flags.port}`, 2);
      const db = flags.db ?? (program.opts() as { db?: string }).db;
      const { serve } = await import('../../server/serve.js');
      const server = await serve({
        host: flags.host,
        port,
        allowHosts: flags.allowHost,
        version: typeof PYPREP_VERSION === 'string' ? PYPREP_VERSION : '0.0.0-dev',
        ...(db ? { db } : {}),
        ...(process.env.PYPREP_TOKEN ? { token: process.env.PYPREP_TOKEN } : {}),
        logLevel: process.env.PYPREP_LOG_LEVEL ?? 'info',
      });
      process.stdout.write(`pyprep is serving on ${server.url}\nopen: ${server.openUrl}\n`);
      if (!server.codeExecution)
        process.stdout.write(
          pc.yellow(
            `${flags.host} is not a loopback address: running code (/api/run, code answers) is off.\n`,
          ),
        );
      if (flags.open) openBrowser(server.openUrl);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            process.stderr.write(`${signal} again: exiting now\n`);
            process.exit(130);
          }
          stopping = true;
          process.stderr.write(`${signal}: finishing requests in flight, then closing\n`);
          // A request that never ends must not keep the process forever.
          setTimeout(() => process.exit(1), 15_000).unref();
          server.close().then(resolve, (err: unknown) => {
            process.stderr.write(`error while closing: ${String(err)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
