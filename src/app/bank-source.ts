// Where the bank comes from: the JSON compiled at build time beside the bundle, else the content folder.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bank, Syllabus } from '../content/types.js';

const built = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

export interface BankOptions {
  /** The rendered HTML of notes and answers (the web app needs it; the terminal does not). */
  html?: boolean;
}

const cache = new Map<boolean, Bank>();

/** The bank; compiled from PYPREP_CONTENT when set, else read from the build output, else compiled from content/. */
export async function getBank(options: BankOptions = {}): Promise<Bank> {
  const html = options.html ?? false;
  const hit = cache.get(html) ?? cache.get(true);
  if (hit) return hit;
  const file = built(html ? 'bank.json' : 'bank-lean.json');
  let bank: Bank;
  if (!process.env.PYPREP_CONTENT && existsSync(file)) {
    bank = JSON.parse(readFileSync(file, 'utf8')) as Bank;
  } else {
    // The compiler (yaml, zod, markdown-it, highlight.js) loads only when there is no build to read.
    const { loadBank } = await import('../content/load.js');
    bank = loadBank();
    cache.set(true, bank);
  }
  cache.set(html, bank);
  return bank;
}

/** The syllabus alone, without reading the (larger) bank when a build exists. */
export async function getSyllabus(): Promise<Syllabus> {
  const file = built('syllabus.json');
  if (!process.env.PYPREP_CONTENT && cache.size === 0 && existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as Syllabus;
  }
  return (await getBank()).syllabus;
}
