// Study plan to the interview date, from the user's settings unless the caller overrides them.
import { z } from 'zod';
import { makePlan, type Plan } from '../../engine/composers/plan.js';
import { dayKey } from '../../engine/time.js';
import { calendarDay } from '../calendar-day.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { loadSettings } from '../settings.js';

export const planInputSchema = z.strictObject({
  date: calendarDay.optional(),
  minutes: z.number().int().min(15, 'at least 15 minutes a day').max(600).optional(),
});

export async function makeStudyPlan(ctx: AppContext, raw: unknown): Promise<Plan> {
  const parsed = planInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const settings = await loadSettings(ctx);
  const interviewDate = parsed.data.date ?? settings.interviewDate;
  if (!interviewDate)
    throw new AppError('bad-input', 'no interview date: pass one (--date 2026-12-24) or set it in settings');
  const now = ctx.clock.now();
  const today = dayKey(now, -now.getTimezoneOffset());
  if (interviewDate <= today)
    throw new AppError('bad-input', `the interview date ${interviewDate} is not after today (${today})`);
  const cards = await ctx.repo.listCards(ctx.userId);
  return makePlan({
    bank: ctx.bank,
    today,
    interviewDate,
    minutesPerDay: parsed.data.minutes ?? Math.max(15, settings.minutesPerDay),
    cards,
    desiredRetention: settings.desiredRetention,
  });
}
