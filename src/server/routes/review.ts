// Review routes: the next card, grading (no record), recording, and both in one; code answers go through the limiter.
import { z } from 'zod';
import { invoke } from '../../app/use-cases/index.js';
import { answerInputSchema, recordInputSchema } from '../../app/use-cases/review.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { csv, route } from '../route.js';

export function reviewRoutes(deps: ServerDeps) {
  const { ctx } = deps;
  const typeOf = new Map(ctx.bank.questions.map((q) => [q.id, q.type]));
  /** Code answers run Python: refused off loopback, and limited in concurrency. */
  const grading = <T>(id: string, fn: () => Promise<T>): Promise<T> => {
    if (typeOf.get(id) !== 'code') return fn();
    if (!deps.codeExecution)
      throw new HttpError(
        403,
        'forbidden',
        'code answers are graded only while pyprep serve listens on a loopback address',
      );
    return deps.limiter.run(fn);
  };
  return [
    route({
      method: 'GET',
      url: '/api/review/next',
      tag: 'review',
      summary: 'The next card of the review queue (null when nothing is due or new)',
      query: z.object({ exclude: csv }),
      resultName: 'NextCard | null',
      handler: ({ query }) => invoke(ctx, 'review/next', { exclude: query.exclude }),
    }),
    route({
      method: 'POST',
      url: '/api/review/grade',
      tag: 'review',
      summary: 'Grades an answer and returns the feedback and model answer; records nothing',
      body: answerInputSchema,
      resultName: 'GradeOutcome',
      handler: ({ body }) => grading(body.id, () => invoke(ctx, 'review/grade', body)),
    }),
    route({
      method: 'POST',
      url: '/api/review/record',
      tag: 'review',
      summary: 'Schedules the card with the final rating and logs the review',
      body: recordInputSchema,
      resultName: '{id, rating, nextDue}',
      handler: ({ body }) => invoke(ctx, 'review/record', body),
    }),
    route({
      method: 'POST',
      url: '/api/review/answer',
      tag: 'review',
      summary: 'Grades and records in one step (the given rating, else the suggested one)',
      body: answerInputSchema,
      resultName: 'AnswerResult',
      handler: ({ body }) => grading(body.id, () => invoke(ctx, 'review/answer', body)),
    }),
  ];
}
