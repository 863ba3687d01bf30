// YAML parsed with positions, so any problem found later can be reported at its line.
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './errors.js';

export interface YamlSource {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYaml(
  file: string,
  text: string,
  problems: ContentProblem[],
  lineOffset = 0,
): YamlSource | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const line = lineCounter.linePos(err.pos[0]).line + lineOffset;
      problems.push({ file, line, message: `bad YAML: ${err.message.split('\n')[0]}` });
    }
    return null;
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    // Walk up the path until a node with a position exists (a missing key reports its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
    }
    return 1 + lineOffset;
  };
  return { file, value: doc.toJS(), lineOf };
}

/** Validate a value at `path` of a YAML source; zod issues become file:line problems. */
export function validateAt<T extends z.ZodType>(
  src: YamlSource,
  schema: T,
  path: readonly PropertyKey[],
  value: unknown,
  problems: ContentProblem[],
  label = '',
): z.infer<T> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const full = [...path, ...issue.path];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    problems.push({ file: src.file, line: src.lineOf(full), message: `${label}${where}${issue.message}` });
  }
  return null;
}
