// Reading the user's input: single keys on a TTY, lines from a pipe, long answers through $EDITOR.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, emitKeypressEvents, type Interface } from 'node:readline';

export class Terminal {
  private piped: {
    rl: Interface;
    lines: string[];
    waiting: ((l: string | null) => void)[];
    closed: boolean;
  } | null = null;
  readonly tty = Boolean(process.stdin.isTTY);

  constructor() {
    if (this.tty) return;
    const rl = createInterface({ input: process.stdin, terminal: false });
    const state = { rl, lines: [] as string[], waiting: [] as ((l: string | null) => void)[], closed: false };
    rl.on('line', (l) => {
      const w = state.waiting.shift();
      if (w) w(l);
      else state.lines.push(l);
    });
    rl.on('close', () => {
      state.closed = true;
      for (const w of state.waiting.splice(0)) w(null);
    });
    this.piped = state;
  }

  /** One line, or null at end of input. */
  async line(prompt = ''): Promise<string | null> {
    process.stdout.write(prompt);
    const p = this.piped;
    if (p) {
      const l = p.lines.shift();
      if (l !== undefined) return l;
      if (p.closed) return null;
      return new Promise((resolve) => p.waiting.push(resolve));
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    return new Promise((resolve) => {
      rl.once('close', () => resolve(null));
      rl.once('line', (l) => {
        rl.removeAllListeners('close');
        rl.close();
        resolve(l);
      });
    });
  }

  /** One key among `allowed` ('enter', 'space' or a character) on a TTY; a line's first character otherwise. */
  async key(prompt: string, allowed: readonly string[]): Promise<string | null> {
    if (!this.tty) {
      for (;;) {
        const l = await this.line(prompt);
        if (l === null) return null;
        const k = l.trim() === '' ? 'enter' : l.trim()[0]!;
        if (allowed.includes(k)) return k;
      }
    }
    process.stdout.write(prompt);
    emitKeypressEvents(process.stdin);
    process.stdin.setRawMode(true);
    process.stdin.resume();
    return new Promise((resolve) => {
      const done = (k: string | null): void => {
        process.stdin.off('keypress', onKey);
        process.stdin.setRawMode(false);
        process.stdin.pause();
        process.stdout.write('\n');
        resolve(k);
      };
      const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean }): void => {
        if (key.ctrl && (key.name === 'c' || key.name === 'd')) {
          done(null);
          return;
        }
        const k = key.name === 'return' ? 'enter' : key.name === 'space' ? 'space' : (str ?? '');
        if (allowed.includes(k)) done(k);
      };
      process.stdin.on('keypress', onKey);
    });
  }

  /** A multi-line answer: $EDITOR on a TTY when set, else lines up to a lone "." or the end of input. */
  async longText(intro: string, initial = ''): Promise<string | null> {
    const editor = process.env.VISUAL || process.env.EDITOR;
    if (this.tty && editor) return this.edit(editor, initial);
    process.stdout.write(`${intro} (finish with a line holding only "." )\n`);
    if (initial && this.tty) process.stdout.write(`${initial}\n`);
    const lines: string[] = [];
    for (;;) {
      const l = await this.line();
      if (l === null) return lines.length ? lines.join('\n') : null;
      if (l.trim() === '.') return lines.join('\n');
      lines.push(l);
    }
  }

  private edit(editor: string, initial: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'pyprep-answer-'));
    const file = join(dir, 'answer.py');
    try {
      writeFileSync(file, initial);
      const r = spawnSync(editor, [file], { stdio: 'inherit', shell: true });
      if (r.status !== 0) throw new Error(`the editor "${editor}" exited with ${r.status}`);
      return readFileSync(file, 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  close(): void {
    this.piped?.rl.close();
  }
}
