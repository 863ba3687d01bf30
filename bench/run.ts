// `npm run bench`: runs every benchmark, prints each figure beside its baseline, writes bench/results.json.
import { writeFileSync } from 'node:fs';
import { appBench } from './app.bench.js';
import { cliBench } from './cli.bench.js';
import type { Figure } from './figure.js';
import { runnerBench } from './runner.bench.js';
import { serverBench } from './server.bench.js';
import { webBench } from './web.bench.js';

const suites: [string, () => Promise<Figure[]>][] = [
  ['cli', cliBench],
  ['runner', runnerBench],
  ['app', appBench],
  ['server', serverBench],
  ['web', webBench],
];

const only = process.argv[2];
const figures: Figure[] = [];
for (const [name, suite] of suites) {
  if (only && name !== only) continue;
  process.stderr.write(`running ${name} benchmarks…\n`);
  figures.push(...(await suite()));
}

const pad = (s: string, n: number): string => s.padEnd(n);
for (const f of figures) {
  const mark = f.met ? 'ok  ' : 'MISS';
  console.log(
    `${mark} ${pad(f.name, 44)} ${pad(`${f.value} ${f.unit}`, 14)} vs ${pad(`${f.baselineValue} ${f.unit}`, 12)} ${pad(f.baseline, 34)} ×${f.ratio}  (${f.target})`,
  );
}
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\n${figures.length} figures written to bench/results.json`);
