// The mock-interview scorecard: per answer, per stage, per section, and a hiring signal for the mid-level bar.
/*
 * Scores are 0..1. A stage's score is the mean of its graded answers (main questions and graded follow-ups; a skip
 * counts 0; follow-up lines without a rubric are shown but not scored); a stage never reached scores 0, because an
 * interviewer who never got there has no signal. Overall = stages weighted by their minutes. A stage the bank has no
 * question for (content not written yet) is marked unavailable and left out of the overall and the signal.
 * Hiring signal (mid-level bar):
 *   Strong hire  overall >= 0.80, every stage reached and no stage below 0.60
 *   Hire         overall >= 0.65 and no reached stage below 0.40
 *   Lean no      overall >= 0.45
 *   No           otherwise
 */
import type { Bank, Blueprint } from '../../content/types.js';
import type { MockRecord } from './compose.js';

export type HiringSignal = 'Strong hire' | 'Hire' | 'Lean no' | 'No';

export interface ScoredAnswer extends MockRecord {
  covered: string[];
  missed: string[];
  /** The time this answer was expected to take: the stage's minutes over its questions. */
  budgetSeconds: number;
}

export interface Scorecard {
  blueprint: string;
  title: string;
  overall: number;
  signal: HiringSignal;
  endReason: 'complete' | 'time';
  questions: {
    id: string;
    topic: string;
    stage: string;
    kind: MockRecord['kind'];
    prompt: string;
    score: number | null;
    covered: string[];
    missed: string[];
    seconds: number;
    budgetSeconds: number;
  }[];
  stages: Record<
    string,
    {
      title: string;
      score: number;
      reached: boolean;
      available: boolean;
      answered: number;
      minutes: number;
      seconds: number;
    }
  >;
  sections: Record<string, { title: string; score: number; answered: number }>;
  studyNext: { id: string; title: string; score: number | null }[];
  trend: { at: string; overall: number }[];
}

export const SIGNAL_THRESHOLDS = {
  strong: 0.8,
  strongStageFloor: 0.6,
  hire: 0.65,
  hireStageFloor: 0.4,
  leanNo: 0.45,
};

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function hiringSignal(
  overall: number,
  stageScores: { score: number; reached: boolean }[],
): HiringSignal {
  const t = SIGNAL_THRESHOLDS;
  const reached = stageScores.filter((s) => s.reached);
  if (
    overall >= t.strong &&
    reached.length === stageScores.length &&
    reached.every((s) => s.score >= t.strongStageFloor)
  ) {
    return 'Strong hire';
  }
  if (overall >= t.hire && reached.every((s) => s.score >= t.hireStageFloor)) return 'Hire';
  if (overall >= t.leanNo) return 'Lean no';
  return 'No';
}

export interface ScorecardInput {
  bank: Bank;
  blueprint: Blueprint;
  answers: readonly ScoredAnswer[];
  endReason: 'complete' | 'time';
  /** Topic mastery outside the mock, to fill the study list after the mock's own weak topics. */
  mastery?: ReadonlyMap<string, number>;
  /** Earlier mocks of the same blueprint, oldest first. */
  previous?: readonly { at: string; overall: number }[];
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const { bank, blueprint, answers } = input;
  const topicTitle = new Map<string, string>();
  const sectionOf = new Map<string, { id: string; title: string }>();
  for (const s of bank.syllabus.sections) {
    for (const t of s.topics) {
      topicTitle.set(t.id, t.title);
      sectionOf.set(t.id, { id: s.id, title: s.title });
    }
  }
  const prompt = new Map(bank.questions.map((q) => [q.id, q.prompt]));
  const graded = (a: ScoredAnswer): number | null => (a.skipped ? 0 : a.score);

  const stages: Scorecard['stages'] = {};
  for (const st of blueprint.stages) {
    const mine = answers.filter((a) => a.stageId === st.id);
    const scores = mine.map(graded).filter((s): s is number => s !== null);
    const available = bank.questions.some(
      (q) => st.types.includes(q.type) && st.sections.includes(sectionOf.get(q.topicId)?.id ?? ''),
    );
    stages[st.id] = {
      title: st.title,
      score: mean(scores),
      reached: mine.length > 0,
      available,
      answered: mine.length,
      minutes: st.minutes,
      seconds: Math.round(mine.reduce((n, a) => n + (a.answeredAt - a.askedAt) / 1000, 0)),
    };
  }
  const totalMinutes = blueprint.stages.reduce((n, s) => n + s.minutes, 0);
  const overall =
    blueprint.stages.reduce((n, s) => n + (stages[s.id]?.score ?? 0) * s.minutes, 0) / totalMinutes;

  const sections: Scorecard['sections'] = {};
  const bySection = new Map<string, number[]>();
  for (const a of answers) {
    const s = graded(a);
    const sec = sectionOf.get(a.topicId);
    if (s === null || !sec) continue;
    bySection.set(sec.id, [...(bySection.get(sec.id) ?? []), s]);
    sections[sec.id] = { title: sec.title, score: 0, answered: 0 };
  }
  for (const [id, xs] of bySection)
    sections[id] = { title: sections[id]!.title, score: mean(xs), answered: xs.length };

  // Study next: the mock's weakest topics first, then the weakest topics overall.
  const topicScores = new Map<string, number[]>();
  for (const a of answers) {
    const s = graded(a);
    if (s !== null) topicScores.set(a.topicId, [...(topicScores.get(a.topicId) ?? []), s]);
  }
  const weakInMock = [...topicScores]
    .map(([id, xs]) => ({ id, score: mean(xs) }))
    .filter((t) => t.score < 0.75)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  const studyNext: Scorecard['studyNext'] = weakInMock
    .slice(0, 5)
    .map((t) => ({ id: t.id, title: topicTitle.get(t.id) ?? t.id, score: t.score }));
  if (studyNext.length < 5 && input.mastery) {
    const stageSections = new Set(blueprint.stages.flatMap((s) => s.sections));
    const rest = [...topicTitle.keys()]
      .filter(
        (id) =>
          stageSections.has(sectionOf.get(id)?.id ?? '') &&
          !studyNext.some((s) => s.id === id) &&
          bank.questions.some((q) => q.topicId === id),
      )
      .sort((a, b) => (input.mastery?.get(a) ?? 0) - (input.mastery?.get(b) ?? 0) || a.localeCompare(b));
    for (const id of rest.slice(0, 5 - studyNext.length))
      studyNext.push({ id, title: topicTitle.get(id) ?? id, score: null });
  }

  return {
    blueprint: blueprint.id,
    title: blueprint.title,
    overall,
    signal: hiringSignal(
      overall,
      Object.values(stages).filter((st) => st.available),
    ),
    endReason: input.endReason,
    questions: answers.map((a) => ({
      id: a.questionId,
      topic: a.topicId,
      stage: a.stageId,
      kind: a.kind,
      prompt: a.kind === 'followup-text' ? (a.text ?? '') : (prompt.get(a.questionId) ?? ''),
      score: graded(a),
      covered: a.covered,
      missed: a.missed,
      seconds: Math.round((a.answeredAt - a.askedAt) / 1000),
      budgetSeconds: a.budgetSeconds,
    })),
    stages,
    sections,
    studyNext,
    trend: [...(input.previous ?? [])],
  };
}
