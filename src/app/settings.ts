// The user's settings: one zod schema gives the defaults and validates every change at the edge.
import { z } from 'zod';
import { calendarDay } from './calendar-day.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

export const settingsSchema = z.object({
  interviewDate: calendarDay.nullable().default(null),
  newPerDay: z.number().int().min(0).max(500).default(10),
  desiredRetention: z.number().min(0.7).max(0.99).default(0.9),
  minutesPerDay: z.number().int().min(5).max(600).default(30),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});

export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export async function loadSettings(ctx: AppContext): Promise<Settings> {
  const stored = await ctx.repo.allSettings(ctx.userId);
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => k in settingsSchema.shape));
  // A stored value that no longer validates (older version, hand edit) falls back to its default.
  const parsed = settingsSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const repaired: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(known)) {
    const field = settingsSchema.shape[k as keyof Settings];
    if (field.safeParse(v).success) repaired[k] = v;
  }
  return settingsSchema.parse(repaired);
}

export async function updateSettings(ctx: AppContext, patch: unknown): Promise<Settings> {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    throw new AppError(
      'bad-input',
      `invalid settings: ${z.prettifyError(parsed.error)}`,
      parsed.error.issues,
    );
  }
  for (const [k, v] of Object.entries(parsed.data)) {
    if (v !== undefined) await ctx.repo.setSetting(ctx.userId, k, v);
  }
  return loadSettings(ctx);
}
