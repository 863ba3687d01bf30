// Where the bank comes from: the JSON compiled at build time beside the bundle, else the content folder.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bank, Syllabus } from '../content/types.js';

const built = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

let cachedBank: Bank | undefined;

/** The bank; compiled from PYPREP_CONTENT when set, else read from the build output, else compiled from content/. */
export async function getBank(): Promise<Bank> {
  if (cachedBank) return cachedBank;
  const file = built('bank.json');
  if (!process.env.PYPREP_CONTENT && existsSync(file)) {
    cachedBank = JSON.parse(readFileSync(file, 'utf8')) as Bank;
  } else {
    // The compiler (yaml, zod, markdown-it, highlight.js) loads only when there is no build to read.
    const { loadBank } = await import('../content/load.js');
    cachedBank = loadBank();
  }
  return cachedBank;
}

/** The syllabus alone, without reading the (larger) bank when a build exists. */
export async function getSyllabus(): Promise<Syllabus> {
  const file = built('syllabus.json');
  if (!process.env.PYPREP_CONTENT && !cachedBank && existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as Syllabus;
  }
  return (await getBank()).syllabus;
}
