// The user's own notes on a topic (Markdown, stored as written; faces render it sanitized).
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';

const MAX_NOTE = 100_000;

function requireTopic(ctx: AppContext, topicId: string): void {
  const exists = ctx.bank.syllabus.sections.some((s) => s.topics.some((t) => t.id === topicId));
  if (!exists)
    throw new AppError('not-found', `unknown topic "${topicId}" (see \`pyprep syllabus\` for the ids)`);
}

export async function getUserNote(
  ctx: AppContext,
  topicId: string,
): Promise<{ topic: string; body: string; updatedAt: string | null }> {
  requireTopic(ctx, topicId);
  const note = await ctx.repo.getNote(ctx.userId, topicId);
  return { topic: topicId, body: note?.body ?? '', updatedAt: note?.updatedAt.toISOString() ?? null };
}

export const saveNoteSchema = z.strictObject({
  topic: z.string().min(1),
  body: z.string().max(MAX_NOTE, `a note holds ${MAX_NOTE} characters at most`),
});

export async function saveUserNote(
  ctx: AppContext,
  raw: unknown,
): Promise<{ topic: string; body: string; updatedAt: string }> {
  const parsed = saveNoteSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const { topic, body } = parsed.data;
  requireTopic(ctx, topic);
  const updatedAt = ctx.clock.now();
  if (body.trim() === '') await ctx.repo.deleteNote(ctx.userId, topic);
  else await ctx.repo.saveNote({ userId: ctx.userId, topicId: topic, body, updatedAt });
  return { topic, body, updatedAt: updatedAt.toISOString() };
}
