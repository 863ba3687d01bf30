// Content errors always name the file and the line, so an author can jump straight to the problem.

export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}
