// Where the bank comes from: the JSON compiled at build time beside the bundle, else the content folder.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../content/load.js';
import type { Bank, Syllabus } from '../content/types.js';

const built = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

let cachedBank: Bank | undefined;

/** The bank; compiled from PYPREP_CONTENT when set, else read from the build output, else compiled from content/. */
export function getBank(): Bank {
  if (cachedBank) return cachedBank;
  const file = built('bank.json');
  cachedBank =
    !process.env.PYPREP_CONTENT && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Bank)
      : loadBank();
  return cachedBank;
}

/** The syllabus alone, without reading the (larger) bank when a build exists. */
export function getSyllabus(): Syllabus {
  const file = built('syllabus.json');
  if (!process.env.PYPREP_CONTENT && !cachedBank && existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as Syllabus;
  }
  return getBank().syllabus;
}
