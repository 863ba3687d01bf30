// Reads the content folder from disk and compiles it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileBank } from './compile.js';
import type { Bank } from './types.js';

/** The content folder: PYPREP_CONTENT, else the nearest `content/syllabus.yaml` above this module. */
export function findContentDir(): string {
  const env = process.env.PYPREP_CONTENT;
  if (env) return env;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'content', 'syllabus.yaml'))) return join(dir, 'content');
    const up = dirname(dir);
    if (up === dir)
      throw new Error('cannot find the content folder (content/syllabus.yaml); set PYPREP_CONTENT');
    dir = up;
  }
}

export function readContentFiles(contentDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile())
        files.set(relative(contentDir, full).split(sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(contentDir);
  return files;
}

export function loadBank(contentDir: string = findContentDir()): Bank {
  return compileBank(readContentFiles(contentDir));
}
