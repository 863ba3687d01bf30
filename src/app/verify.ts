// Use-case: run every piece of code in the bank and report what fails (predict output, code tests, note blocks).
import { availableParallelism } from 'node:os';
import type { Bank } from '../content/types.js';
import type { CodeRunner, RunnerBackend } from '../engine/ports/code-runner.js';
import { createRunner, defaultBackend, RequirementChecker } from '../runner/index.js';

export interface VerifyOptions {
  section?: string;
  topic?: string;
  python?: string;
  backend?: RunnerBackend;
  concurrency?: number;
  onProgress?: (done: number, total: number, id: string) => void;
}

export interface VerifyResult {
  backend: RunnerBackend;
  checked: number;
  passed: number;
  failed: Array<{ id: string; reason: string }>;
  skipped: Array<{ id: string; reason: string }>;
}

interface Job {
  id: string;
  requires: string[];
  check: (runner: CodeRunner) => Promise<string | null>;
}

/** Trailing whitespace of each line and at the end does not count. */
export const normalizeOutput = (s: string): string =>
  s
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

const firstLines = (s: string, n = 6): string => s.trim().split('\n').slice(-n).join('\n');

const runFailure = (r: { killedReason: string | null; exitCode: number | null; stderr: string }): string =>
  r.killedReason ? `stopped: ${r.killedReason} limit` : `exit code ${r.exitCode}: ${firstLines(r.stderr)}`;

const jobsFor = (bank: Bank, opts: VerifyOptions): Job[] => {
  const sectionOf = new Map<string, string>();
  for (const s of bank.syllabus.sections) for (const t of s.topics) sectionOf.set(t.id, s.id);
  const wanted = (topicId: string) =>
    (!opts.topic || opts.topic === topicId) && (!opts.section || opts.section === sectionOf.get(topicId));
  const jobs: Job[] = [];
  for (const q of bank.questions) {
    if (!wanted(q.topicId)) continue;
    if (q.type === 'predict') {
      jobs.push({
        id: q.id,
        requires: q.requires,
        check: async (runner) => {
          const r = await runner.run({ code: q.code, timeoutMs: 10_000 });
          if (r.killedReason || r.exitCode !== 0) return runFailure(r);
          const got = normalizeOutput(r.stdout);
          return got === normalizeOutput(q.output)
            ? null
            : `output differs:\n--- expected\n${normalizeOutput(q.output)}\n--- got\n${got}`;
        },
      });
    } else if (q.type === 'code') {
      jobs.push({
        id: q.id,
        requires: q.requires,
        check: async (runner) => {
          const sol = await runner.runTests({ solution: q.solution, tests: q.tests, timeoutMs: 15_000 });
          if (!sol.passed) {
            const bad = sol.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message}`);
            return `solution fails: ${sol.error ?? bad.join('; ')}`;
          }
          const start = await runner.runTests({ solution: q.starter, tests: q.tests, timeoutMs: 15_000 });
          return start.passed ? 'starter passes every test (it must fail at least one)' : null;
        },
      });
    }
  }
  for (const note of Object.values(bank.notes)) {
    if (!wanted(note.topicId)) continue;
    for (const b of note.blocks) {
      if (!b.run) continue;
      jobs.push({
        id: `${note.topicId}:note:${b.line}`,
        requires: note.requires,
        check: async (runner) => {
          const r = await runner.run({ code: b.code, timeoutMs: 15_000 });
          return r.exitCode === 0 && !r.killedReason ? null : `${note.file}:${b.line}: ${runFailure(r)}`;
        },
      });
    }
  }
  return jobs;
};

export async function verifyBank(bank: Bank, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const backend = opts.backend ?? defaultBackend(opts.python);
  const runnerOpts = opts.python ? { python: opts.python } : {};
  const jobs = jobsFor(bank, opts);
  const width = Math.max(1, Math.min(opts.concurrency ?? availableParallelism(), jobs.length));
  // CPython runs are independent processes; Pyodide needs one worker (interpreter) per lane.
  const shared = backend === 'cpython' ? createRunner(backend, runnerOpts) : null;
  const lanes = Array.from({ length: width }, () => shared ?? createRunner(backend, runnerOpts));
  const checker = new RequirementChecker(shared ?? lanes[0]!);
  const result: VerifyResult = { backend, checked: 0, passed: 0, failed: [], skipped: [] };
  try {
    await checker.prepare(jobs.flatMap((j) => j.requires));
    let next = 0;
    let done = 0;
    const lane = async (runner: CodeRunner) => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const skip = await checker.why(job.requires);
        if (skip) result.skipped.push({ id: job.id, reason: skip });
        else {
          result.checked++;
          let reason: string | null;
          try {
            reason = await job.check(runner);
          } catch (e) {
            reason = `runner error: ${e instanceof Error ? e.message : String(e)}`;
          }
          if (reason) result.failed.push({ id: job.id, reason });
          else result.passed++;
        }
        opts.onProgress?.(++done, jobs.length, job.id);
      }
    };
    await Promise.all(lanes.map(lane));
  } finally {
    await Promise.all([...new Set(lanes)].map((r) => r.close()));
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  result.failed.sort(byId);
  result.skipped.sort(byId);
  return result;
}
