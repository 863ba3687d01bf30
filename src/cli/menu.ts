// `pyprep` with no command on a terminal: a menu of the main things to do.
import { cancel, isCancel, select, text } from '@clack/prompts';

/** Returns the argv of the chosen command, or null when the user leaves. */
export async function menu(): Promise<string[] | null> {
  const choice = await select({
    message: 'pyprep — what now?',
    options: [
      { value: 'review', label: 'Review', hint: 'due cards, then new ones' },
      { value: 'study', label: 'Study a topic', hint: 'read a note' },
      { value: 'quiz', label: 'Quiz', hint: '10 questions across the syllabus' },
      { value: 'progress', label: 'Progress', hint: 'readiness per section' },
      { value: 'plan', label: 'Plan', hint: 'a day-by-day plan to the interview' },
      { value: 'search', label: 'Search' },
      { value: 'syllabus', label: 'Syllabus' },
      { value: 'quit', label: 'Quit' },
    ],
  });
  if (isCancel(choice) || choice === 'quit') {
    cancel('See you next review.');
    return null;
  }
  if (choice === 'study' || choice === 'search') {
    const answer = await text({
      message: choice === 'study' ? 'Topic id (empty: the next one to learn)' : 'Search for',
    });
    if (isCancel(answer)) return null;
    const words = String(answer ?? '').trim();
    return words ? [choice, ...(choice === 'search' ? words.split(/\s+/) : [words])] : [choice];
  }
  return [choice];
}
