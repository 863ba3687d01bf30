// `pyprep export`, `import`, `settings`: the user's data and preferences.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError, printJson } from '../output.js';
import { withApp } from '../session.js';

export function register(program: Command): void {
  program
    .command('export')
    .description('write a lossless JSON backup of your cards, history, notes and settings')
    .argument('<file>', 'where to write it ("-" for standard output)')
    .action(async (file: string, _opts: unknown, cmd: Command) =>
      withApp(cmd, async (s) => {
        const text = `${JSON.stringify(await s.call('backup/export'), null, 2)}\n`;
        if (file === '-') return void process.stdout.write(text);
        // Written beside the target, then renamed: a crash never leaves half a backup under the real name.
        writeFileSync(`${file}.tmp`, text);
        renameSync(`${file}.tmp`, file);
        process.stderr.write(pc.green(`backup written to ${file}\n`));
      }),
    );

  program
    .command('import')
    .description(
      'replace your state with a backup made by `pyprep export` (nothing changes if it is invalid)',
    )
    .argument('<file>', 'the backup file')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new CliError(`cannot read ${file} as JSON: ${(err as Error).message}; nothing was changed`, 2);
      }
      await withApp(cmd, async (s) => {
        const counts = await s.call('backup/import', data);
        if (opts.json) return printJson(counts);
        process.stdout.write(
          `imported ${Object.entries(counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}\n`,
        );
      });
    });

  program
    .command('settings')
    .description('show or change settings, e.g. `pyprep settings newPerDay=15 interviewDate=2026-12-24`')
    .argument('[key=value...]', 'settings to change')
    .option('--json', 'print JSON')
    .action(async (pairs: string[], opts: { json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        const patch: Record<string, unknown> = {};
        for (const pair of pairs) {
          const eq = pair.indexOf('=');
          if (eq < 1) throw new CliError(`"${pair}" is not key=value`, 2);
          const raw = pair.slice(eq + 1);
          patch[pair.slice(0, eq)] =
            raw === 'null' ? null : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
        }
        const settings = pairs.length ? await s.call('settings/update', patch) : await s.call('settings/get');
        if (opts.json) return printJson(settings);
        for (const [k, v] of Object.entries(settings)) process.stdout.write(`${k.padEnd(18)} ${String(v)}\n`);
      }),
    );
}
