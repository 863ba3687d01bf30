// zod schemas for everything an author writes; strict objects so a misspelt field is an error, not silence.
import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const text = z.string().trim().min(1, 'must not be empty');

export const KNOWN_REQUIREMENTS = [
  'django',
  'drf',
  'fastapi',
  'pydantic',
  'httpx',
  'celery',
  'jwt',
  'pytest',
  'cpython',
];
export const requirement = z
  .string()
  .regex(
    new RegExp(`^(${KNOWN_REQUIREMENTS.join('|')})(>=\\d+(\\.\\d+)*)?$`),
    `must be one of ${KNOWN_REQUIREMENTS.join(', ')}, optionally with a minimum version like django>=4.1`,
  );

export const topicSchema = z.strictObject({
  id: kebab,
  title: text,
  seed: text,
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'weight must be 1, 2 or 3' }),
  related: z.array(kebab).default([]),
  aliases: z.array(text).default([]),
});

export const sectionSchema = z.strictObject({
  id: kebab,
  number: z.number().int().positive(),
  title: text,
  topics: z.array(topicSchema).min(1, 'a section needs at least one topic'),
});

export const syllabusSchema = z.strictObject({ sections: z.array(sectionSchema).min(1) });

export const noteFrontmatterSchema = z.strictObject({
  topic: kebab,
  requires: z.array(requirement).default([]),
});

const rubricPoint = z.strictObject({
  text,
  phrases: z.array(text).min(1, 'a rubric point needs at least one phrase'),
});

const base = {
  id: kebab,
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'difficulty must be 1, 2 or 3' }),
  prompt: text,
  answer: text,
  requires: z.array(requirement).default([]),
  followups: z.array(text).default([]),
};

const rubric = z.array(rubricPoint).min(3, 'open and design questions need a rubric of at least 3 points');

export const questionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...base, type: z.literal('open'), points: rubric }),
    z.strictObject({ ...base, type: z.literal('design'), points: rubric }),
    z.strictObject({
      ...base,
      type: z.literal('choice'),
      options: z
        .array(z.strictObject({ text, correct: z.boolean(), why: text }))
        .min(2, 'a choice question needs at least 2 options')
        .refine((opts) => opts.some((o) => o.correct), 'a choice question needs at least one correct option'),
    }),
    z.strictObject({ ...base, type: z.literal('predict'), code: text, output: z.string() }),
    z.strictObject({ ...base, type: z.literal('code'), starter: z.string(), tests: text, solution: text }),
  ],
  { error: 'type must be one of open, choice, predict, code, design' },
);

export const questionFileSchema = z.array(z.unknown());

export type RawQuestion = z.infer<typeof questionSchema>;
export type RawSyllabus = z.infer<typeof syllabusSchema>;

export const blueprintSchema = z.strictObject({
  id: kebab,
  title: text,
  description: text,
  minutes: z.number().int().min(5).max(180),
  stages: z
    .array(
      z.strictObject({
        id: kebab,
        title: text,
        minutes: z.number().int().min(1).max(120),
        sections: z.array(kebab).min(1, 'a stage draws from at least one section'),
        questions: z.number().int().min(1).max(20),
        types: z
          .array(z.enum(['open', 'choice', 'predict', 'code', 'design']))
          .min(1)
          .default(['open', 'choice', 'predict', 'code', 'design']),
      }),
    )
    .min(1, 'a blueprint needs at least one stage'),
});
